package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.internal.ColumnNameLexicon;
import io.shadowfeed.privacy.pii.detect.internal.ColumnNameLexicon.NameEvidence;
import io.shadowfeed.privacy.pii.detect.internal.CountryRegions;
import io.shadowfeed.privacy.pii.detect.internal.Dictionaries;
import io.shadowfeed.privacy.pii.detect.internal.Texts;
import io.shadowfeed.privacy.pii.detect.internal.ValueShapes;
import io.shadowfeed.privacy.pii.detect.validate.CodiceFiscaleValidator;
import io.shadowfeed.privacy.pii.detect.validate.CreditCardValidator;
import io.shadowfeed.privacy.pii.detect.validate.CryptoWalletValidator;
import io.shadowfeed.privacy.pii.detect.validate.DateValues;
import io.shadowfeed.privacy.pii.detect.validate.IbanValidator;
import io.shadowfeed.privacy.pii.detect.validate.MacAddressValidator;
import io.shadowfeed.privacy.pii.detect.validate.NetworkValidators;
import io.shadowfeed.privacy.pii.detect.validate.NhsNumberValidator;
import io.shadowfeed.privacy.pii.detect.validate.PeselValidator;
import io.shadowfeed.privacy.pii.detect.validate.PostcodeValidator;
import io.shadowfeed.privacy.pii.detect.validate.SpanishIdValidator;
import io.shadowfeed.privacy.pii.detect.validate.UsSsnValidator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies a column from its name and a sample of its values. Value validators decide the types that have a strict
 * check (e-mail, phone, card, IBAN, SSN, IP, MAC, URL, wallet, national ids): at least 80% of the non-empty values must
 * validate (50% when the name also points to the type), so a badly named column is still caught and a look-alike is
 * not. Types without a strict check (names, address, postcode, city, company) need either name evidence and values of
 * the right shape, or dictionary / format evidence on 80% of the values. A birth date needs dates of plausible ages
 * and name evidence. Long texts that contain detected spans are {@link PiiType#FREE_TEXT}. Everything else is
 * {@link PiiType#NONE}.
 *
 * <p>Immutable and thread-safe. Evidence strings carry counts and rule names, never a value.
 */
public final class ColumnClassifier {

    private static final Pattern SSN_SHAPE = Pattern.compile("\\d{3}([- ])\\d{2}\\1\\d{4}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern CARD_SHAPE = Pattern.compile("\\d[\\d -]{10,22}\\d");
    private static final List<PiiType> PRIORITY = List.of(PiiType.EMAIL, PiiType.CREDIT_CARD, PiiType.IBAN,
            PiiType.US_SSN, PiiType.MAC_ADDRESS, PiiType.CRYPTO_WALLET, PiiType.NATIONAL_ID, PiiType.IP_ADDRESS,
            PiiType.URL, PiiType.PHONE, PiiType.DATE_OF_BIRTH, PiiType.PERSON_NAME, PiiType.FIRST_NAME,
            PiiType.LAST_NAME, PiiType.STREET_ADDRESS, PiiType.POSTCODE, PiiType.CITY, PiiType.COMPANY);

    private final String defaultRegion;
    private final double minShare;
    private final double minShareWithName;
    private final int maxSample;
    private final PiiAnalyzer analyzer;
    private final Clock clock;

    private ColumnClassifier(Builder b) {
        this.defaultRegion = b.defaultRegion;
        this.minShare = b.minShare;
        this.minShareWithName = b.minShareWithName;
        this.maxSample = b.maxSample;
        this.analyzer = b.analyzer != null ? b.analyzer : PiiAnalyzer.defaults();
        this.clock = b.clock;
    }

    /** Default options: phone region US, shares 0.8 / 0.5, up to 500 values looked at. */
    public static ColumnClassifier defaults() {
        return DefaultHolder.DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** As {@link #classify(String, List, List)} without rows. */
    public ColumnClassification classify(String columnName, List<String> sampleValues) {
        return classify(columnName, sampleValues, null);
    }

    /**
     * Classifies a column.
     *
     * @param columnName the column's name (may be meaningless, e.g. "c7")
     * @param sampleValues values of the column; nulls and blanks are ignored
     * @param rowsTheyCameFrom the rows of those values, aligned by index, or null / empty; a country column in them
     *     gives phone and postcode regions
     */
    public ColumnClassification classify(String columnName, List<String> sampleValues,
            List<Map<String, String>> rowsTheyCameFrom) {
        DetectPreconditions.checkNotNull(columnName, "columnName");
        DetectPreconditions.checkNotNull(sampleValues, "sampleValues");
        NameEvidence name = ColumnNameLexicon.evidence(columnName);
        List<String> values = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        String countryColumn = countryColumn(columnName, rowsTheyCameFrom);
        boolean aligned = rowsTheyCameFrom != null && rowsTheyCameFrom.size() == sampleValues.size();
        for (int i = 0; i < sampleValues.size() && values.size() < maxSample; i++) {
            String v = sampleValues.get(i);
            if (v == null || v.isBlank()) {
                continue;
            }
            values.add(v.strip());
            String region = null;
            if (countryColumn != null && aligned && rowsTheyCameFrom.get(i) != null) {
                region = CountryRegions.regionOf(rowsTheyCameFrom.get(i).get(countryColumn));
            }
            regions.add(region);
        }
        List<String> evidence = new ArrayList<>();
        name.matches().forEach((type, term) -> evidence.add("name token '" + term + "' suggests " + type));
        if (values.isEmpty()) {
            return noValues(columnName, name, evidence);
        }
        Tally t = tally(values, regions, name);
        if (countryColumn != null) {
            evidence.add("regions from column '" + countryColumn + "' for " + t.regionKnown + "/" + t.n + " values");
        }
        Map<PiiType, Candidate> candidates = candidates(t, name);
        Candidate best = null;
        for (PiiType type : PRIORITY) {
            Candidate c = candidates.get(type);
            if (c != null && (best == null || c.confidence > best.confidence + 1e-9)) {
                best = c;
            }
        }
        if (best != null) {
            evidence.addAll(best.evidence);
            return new ColumnClassification(columnName, best.type, round(best.confidence), evidence);
        }
        ColumnClassification freeText = freeText(columnName, values, regions, evidence);
        if (freeText != null) {
            return freeText;
        }
        evidence.add("no type reached its threshold over " + t.n + " non-empty values" + t.bestMiss());
        return new ColumnClassification(columnName, PiiType.NONE, round(Math.max(0.5, 1.0 - t.bestMissShare())),
                evidence);
    }

    private ColumnClassification noValues(String columnName, NameEvidence name, List<String> evidence) {
        evidence.add("no non-empty values to check");
        for (PiiType type : PRIORITY) {
            if (name.has(type) && !name.qualified()) {
                return new ColumnClassification(columnName, type, 0.3, evidence);
            }
        }
        return new ColumnClassification(columnName, PiiType.NONE, 0.5, evidence);
    }

    private static String countryColumn(String columnName, List<Map<String, String>> rows) {
        if (rows == null || rows.isEmpty() || rows.get(0) == null) {
            return null;
        }
        for (String key : rows.get(0).keySet()) {
            if (!key.equals(columnName) && CountryRegions.isCountryColumn(Texts.columnTokens(key))) {
                return key;
            }
        }
        return null;
    }

    /** Counts of values passing each check. */
    private final class Tally {
        final int n;
        int regionKnown;
        final EnumMap<PiiType, Integer> valid = new EnumMap<>(PiiType.class);
        int nhs;
        int spanishId;
        int codiceFiscale;
        int pesel;
        int dates;
        int plausibleAges;
        int firstDict;
        int lastDict;
        int nameWord;
        int fullNameDict;
        int personList;
        int strictStreet;
        int looseStreet;
        int postcodeForRegion;
        int postcodeDistinctive;
        int postcodeShape;
        int gazetteer;
        int placeShape;
        int companyMarker;
        int organisationShape;
        int withLetters;

        Tally(int n) {
            this.n = n;
        }

        void inc(PiiType type) {
            valid.merge(type, 1, Integer::sum);
        }

        int count(PiiType type) {
            return valid.getOrDefault(type, 0);
        }

        double share(int count) {
            return (double) count / n;
        }

        double bestMissShare() {
            int best = 0;
            for (int c : valid.values()) {
                best = Math.max(best, c);
            }
            return share(best);
        }

        String bestMiss() {
            PiiType bestType = null;
            int best = 0;
            for (Map.Entry<PiiType, Integer> e : valid.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    bestType = e.getKey();
                }
            }
            return bestType == null ? "" : "; closest: " + best + "/" + n + " values validate as " + bestType;
        }
    }

    private Tally tally(List<String> values, List<String> regions, NameEvidence name) {
        Tally t = new Tally(values.size());
        LocalDate today = LocalDate.now(clock);
        boolean phoneName = name.has(PiiType.PHONE);
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String region = regions.get(i);
            if (region != null) {
                t.regionKnown++;
            }
            if (Texts.hasLetter(v)) {
                t.withLetters++;
            }
            if (v.indexOf('@') > 0 && NetworkValidators.isEmail(v)) {
                t.inc(PiiType.EMAIL);
            }
            if (ValueShapes.isPhone(v, region != null ? region : defaultRegion, phoneName)) {
                t.inc(PiiType.PHONE);
            }
            if (CARD_SHAPE.matcher(v).matches() && CreditCardValidator.isValid(v)) {
                t.inc(PiiType.CREDIT_CARD);
            }
            if (IbanValidator.isValid(v)) {
                t.inc(PiiType.IBAN);
            }
            if ((SSN_SHAPE.matcher(v).matches() || (name.has(PiiType.US_SSN) && NINE_DIGITS.matcher(v).matches()))
                    && UsSsnValidator.isValid(v)) {
                t.inc(PiiType.US_SSN);
            }
            if (NetworkValidators.isIp(v)) {
                t.inc(PiiType.IP_ADDRESS);
            }
            if (MacAddressValidator.isValid(v)) {
                t.inc(PiiType.MAC_ADDRESS);
            }
            if (NetworkValidators.isUrl(v) || (name.has(PiiType.URL) && v.indexOf('.') > 0
                    && NetworkValidators.isDomain(v))) {
                t.inc(PiiType.URL);
            }
            if (CryptoWalletValidator.isValid(v)) {
                t.inc(PiiType.CRYPTO_WALLET);
            }
            tallyNationalId(t, v);
            LocalDate d = DateValues.parse(v);
            if (d != null) {
                t.dates++;
                long age = ChronoUnit.YEARS.between(d, today);
                if (!d.isAfter(today) && age <= 120) {
                    t.plausibleAges++;
                }
            }
            String folded = Texts.fold(v);
            if (Dictionaries.firstNames().contains(folded)) {
                t.firstDict++;
            }
            if (Dictionaries.lastNames().contains(folded)) {
                t.lastDict++;
            }
            if (ValueShapes.isNameWord(v)) {
                t.nameWord++;
            }
            if (ValueShapes.isFullNameByDictionary(v)) {
                t.fullNameDict++;
            }
            if (ValueShapes.isPersonNameList(v)) {
                t.personList++;
            }
            if (ValueShapes.isStrictStreetAddress(v)) {
                t.strictStreet++;
            }
            if (ValueShapes.isLooseStreetAddress(v)) {
                t.looseStreet++;
            }
            if (region != null && PostcodeValidator.isValid(v, region)) {
                t.postcodeForRegion++;
            }
            if (PostcodeValidator.isDistinctive(v)) {
                t.postcodeDistinctive++;
            }
            if (PostcodeValidator.hasPostcodeShape(v)) {
                t.postcodeShape++;
            }
            if (Dictionaries.cities().contains(folded)) {
                t.gazetteer++;
            }
            if (ValueShapes.isPlaceName(v)) {
                t.placeShape++;
            }
            if (ValueShapes.hasCompanyMarker(v)) {
                t.companyMarker++;
            }
            if (ValueShapes.isOrganisationShape(v)) {
                t.organisationShape++;
            }
        }
        return t;
    }

    private static void tallyNationalId(Tally t, String v) {
        boolean any = false;
        if (v.length() <= 12 && NhsNumberValidator.isValid(v)) {
            t.nhs++;
            any = true;
        }
        if (v.length() <= 11 && SpanishIdValidator.isValid(v)) {
            t.spanishId++;
            any = true;
        }
        if (v.length() == 16 && CodiceFiscaleValidator.isValid(v)) {
            t.codiceFiscale++;
            any = true;
        }
        if (v.length() == 11 && PeselValidator.isValid(v)) {
            t.pesel++;
            any = true;
        }
        if (any) {
            t.inc(PiiType.NATIONAL_ID);
        }
    }

    private record Candidate(PiiType type, double confidence, List<String> evidence) {}

    private Map<PiiType, Candidate> candidates(Tally t, NameEvidence name) {
        Map<PiiType, Candidate> out = new EnumMap<>(PiiType.class);
        strict(out, t, name, PiiType.EMAIL, "valid e-mail addresses (commons-validator)");
        strict(out, t, name, PiiType.CREDIT_CARD, "valid card numbers (issuer range, length, Luhn)");
        strict(out, t, name, PiiType.IBAN, "valid IBANs (country length, mod 97)");
        strict(out, t, name, PiiType.US_SSN, "valid US SSNs (area, group, serial rules)");
        strict(out, t, name, PiiType.MAC_ADDRESS, "MAC addresses");
        strict(out, t, name, PiiType.CRYPTO_WALLET, "wallet addresses with valid checksums");
        strict(out, t, name, PiiType.NATIONAL_ID, nationalIdRule(t));
        strict(out, t, name, PiiType.IP_ADDRESS, "IPv4/IPv6 addresses");
        strict(out, t, name, PiiType.URL, "URLs");
        strict(out, t, name, PiiType.PHONE, "phone numbers valid in libphonenumber");

        if (name.has(PiiType.DATE_OF_BIRTH) && t.share(t.dates) >= minShare
                && t.plausibleAges >= 0.9 * t.dates) {
            out.put(PiiType.DATE_OF_BIRTH, new Candidate(PiiType.DATE_OF_BIRTH,
                    Math.min(1.0, 0.1 + 0.9 * t.share(t.dates)),
                    List.of(t.dates + "/" + t.n + " values are dates", t.plausibleAges + "/" + t.dates
                            + " dates imply an age of 0-120 years")));
        }
        byShape(out, t, name, PiiType.PERSON_NAME, t.personList, "have the shape of person names",
                t.fullNameDict, "are a dictionary first name followed by capitalized words");
        byShape(out, t, name, PiiType.FIRST_NAME, t.nameWord, "are capitalized name words",
                Math.min(t.firstDict, t.nameWord), "are dictionary first names");
        byShape(out, t, name, PiiType.LAST_NAME, t.nameWord, "are capitalized name words",
                Math.min(t.lastDict, t.nameWord), "are dictionary surnames");
        byShape(out, t, name, PiiType.STREET_ADDRESS, t.looseStreet, "have digits and words like an address line",
                t.strictStreet, "are a house number with a street-type word");
        int postcodeEvidence = t.regionKnown > 0 ? t.postcodeForRegion : t.postcodeDistinctive;
        String postcodeRule = t.regionKnown > 0 ? "are postcodes of their row's country"
                : "have a postcode format no other value has (CA, GB, NL, IE, ZIP+4, CEP, ...)";
        byShape(out, t, name, PiiType.POSTCODE, t.postcodeShape, "have the shape of a postcode",
                postcodeEvidence, postcodeRule);
        byShape(out, t, name, PiiType.CITY, t.placeShape, "have the shape of place names", t.gazetteer,
                "are in the city gazetteer");
        byShape(out, t, name, PiiType.COMPANY, t.organisationShape, "have the shape of an organisation name",
                t.companyMarker, "carry a legal form or organisation word (Inc, GmbH, S.A., Group, ...)");
        return out;
    }

    private static String nationalIdRule(Tally t) {
        List<String> kinds = new ArrayList<>();
        if (t.nhs > 0) {
            kinds.add(t.nhs + " UK NHS (mod 11)");
        }
        if (t.spanishId > 0) {
            kinds.add(t.spanishId + " ES NIF/NIE (check letter)");
        }
        if (t.codiceFiscale > 0) {
            kinds.add(t.codiceFiscale + " IT codice fiscale (check character)");
        }
        if (t.pesel > 0) {
            kinds.add(t.pesel + " PL PESEL (checksum, date)");
        }
        return "valid national ids: " + String.join(", ", kinds);
    }

    private void strict(Map<PiiType, Candidate> out, Tally t, NameEvidence name, PiiType type, String rule) {
        int count = t.count(type);
        double share = t.share(count);
        boolean named = name.has(type);
        if (count == 0 || share < (named ? minShareWithName : minShare)) {
            return;
        }
        double confidence = Math.min(1.0, 0.9 * share + (named ? 0.1 : 0.0));
        out.put(type, new Candidate(type, confidence, List.of(count + "/" + t.n + " non-empty values are " + rule)));
    }

    /**
     * A type without a strict validator: with name evidence (and no qualifier such as "_id"), the shape share must
     * reach the threshold; without, the stronger dictionary / format share must.
     */
    private void byShape(Map<PiiType, Candidate> out, Tally t, NameEvidence name, PiiType type, int shapeCount,
            String shapeRule, int strongCount, String strongRule) {
        double shape = t.share(shapeCount);
        double strong = t.share(strongCount);
        List<String> ev = List.of(shapeCount + "/" + t.n + " non-empty values " + shapeRule,
                strongCount + "/" + t.n + " non-empty values " + strongRule);
        if (name.has(type) && !name.qualified() && shape >= minShare) {
            out.put(type, new Candidate(type, Math.min(1.0, 0.55 + 0.25 * shape + 0.2 * strong), ev));
        } else if (strong >= minShare && !(type == PiiType.POSTCODE && !postcodeWithoutName(t))) {
            out.put(type, new Candidate(type, 0.85 * strong, ev));
        }
    }

    /** Without name evidence a postcode needs a country column for most rows, or distinctive formats. */
    private static boolean postcodeWithoutName(Tally t) {
        return t.regionKnown >= 0.8 * t.n || t.postcodeDistinctive >= 0.8 * t.n;
    }

    private ColumnClassification freeText(String columnName, List<String> values, List<String> regions,
            List<String> evidence) {
        int[] lengths = new int[values.size()];
        int[] words = new int[values.size()];
        for (int i = 0; i < values.size(); i++) {
            lengths[i] = values.get(i).length();
            words[i] = Texts.words(values.get(i)).length;
        }
        if (median(lengths) < 25 || median(words) < 4) {
            return null;
        }
        int checked = Math.min(values.size(), 200);
        int withSpans = 0;
        for (int i = 0; i < checked; i++) {
            if (!analyzer.analyze(values.get(i), regions.get(i)).isEmpty()) { // the row's country, if known
                withSpans++;
            }
        }
        double share = (double) withSpans / checked;
        if (withSpans == 0 || share < 0.1) {
            return null;
        }
        evidence.add("values are free text (median " + median(words) + " words)");
        evidence.add(withSpans + "/" + checked + " values contain detected PII spans");
        return new ColumnClassification(columnName, PiiType.FREE_TEXT, round(Math.min(1.0, 0.6 + 0.4 * share)),
                evidence);
    }

    private static int median(int[] xs) {
        int[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double round(double x) {
        return Math.round(x * 1000.0) / 1000.0;
    }

    private static final class DefaultHolder {
        static final ColumnClassifier DEFAULT = builder().build();
    }

    /** Builds a {@link ColumnClassifier}. */
    public static final class Builder {
        private String defaultRegion = "US";
        private double minShare = 0.8;
        private double minShareWithName = 0.5;
        private int maxSample = 500;
        private PiiAnalyzer analyzer;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** Region (ISO alpha-2) for phone numbers without '+' when no country column gives one; default US. */
        public Builder optDefaultRegion(String region) {
            this.defaultRegion = DetectPreconditions.checkNotBlank(region, "defaultRegion");
            return this;
        }

        /** Share of non-empty values that must validate without name evidence; default 0.8. */
        public Builder optMinShare(double share) {
            DetectPreconditions.checkArgument(share > 0 && share <= 1,
                    "minShare must be in (0, 1]. Provided value: %s", share);
            this.minShare = share;
            return this;
        }

        /** Share of non-empty values that must validate when the name points to the type; default 0.5. */
        public Builder optMinShareWithName(double share) {
            DetectPreconditions.checkArgument(share > 0 && share <= 1,
                    "minShareWithName must be in (0, 1]. Provided value: %s", share);
            this.minShareWithName = share;
            return this;
        }

        /** At most this many non-empty values are looked at; default 500. */
        public Builder optMaxSample(int max) {
            DetectPreconditions.checkArgument(max > 0, "maxSample must be > 0. Provided value: %s", max);
            this.maxSample = max;
            return this;
        }

        /** The analyzer that decides whether long texts hold PII spans; default {@link PiiAnalyzer#defaults()}. */
        public Builder optAnalyzer(PiiAnalyzer textAnalyzer) {
            this.analyzer = DetectPreconditions.checkNotNull(textAnalyzer, "analyzer");
            return this;
        }

        /** The clock that dates ages; default system UTC. */
        public Builder optClock(Clock c) {
            this.clock = DetectPreconditions.checkNotNull(c, "clock");
            return this;
        }

        public ColumnClassifier build() {
            DetectPreconditions.checkState(minShareWithName <= minShare,
                    "minShareWithName (%s) must be <= minShare (%s)", minShareWithName, minShare);
            return new ColumnClassifier(this);
        }
    }
}
