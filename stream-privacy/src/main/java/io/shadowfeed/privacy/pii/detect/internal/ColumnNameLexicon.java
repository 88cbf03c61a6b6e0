package io.shadowfeed.privacy.pii.detect.internal;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a column's name says, from {@code pii/column-names.tsv}: each folded token, and each run of two or three
 * adjacent tokens joined ("first"+"name" -> "firstname", "e"+"mail" -> "email"), is looked up. A name that ends in a
 * qualifier such as "id", "code", "count" or "flag" ("company_id", "city_code", "email_count") gives no evidence for the
 * types recognized by shape only (names, address, city, company), whose values are then something else.
 */
public final class ColumnNameLexicon {

    /** Evidence from the name: the types it points to and the matched term for each. */
    public record NameEvidence(Map<PiiType, String> matches, List<String> tokens, boolean qualified) {
        public boolean has(PiiType type) {
            return matches.containsKey(type);
        }

        public String term(PiiType type) {
            return matches.get(type);
        }
    }

    private static final Map<String, PiiType> TERMS = load();
    private static final Set<String> QUALIFIERS = Set.of("id", "ids", "key", "code", "codes", "count", "cnt", "num",
            "nr", "no", "number", "flag", "type", "status", "length", "len", "size", "hash", "enabled", "sent",
            "verified", "opened", "model", "format", "pattern", "template", "idx", "index", "ref", "uuid", "fk", "pk");
    private static final Set<String> BOOLEAN_PREFIXES = Set.of("is", "has", "can", "should", "allow", "use");
    private static final Set<String> CODE_PHRASES = Set.of("postalcode", "zipcode", "postcode", "pincode",
            "codepostal", "codigopostal", "eircode", "cardnumber", "ccnumber", "phonenumber", "nhsnumber",
            "socialsecuritynumber");

    private ColumnNameLexicon() {}

    public static NameEvidence evidence(String columnName) {
        List<String> tokens = Texts.columnTokens(columnName);
        Map<PiiType, String> found = new EnumMap<>(PiiType.class);
        for (int n = 3; n >= 1; n--) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                String joined = String.join("", tokens.subList(i, i + n));
                PiiType type = TERMS.get(joined);
                if (type != null) {
                    found.putIfAbsent(type, joined);
                }
            }
        }
        boolean qualified = false;
        if (!tokens.isEmpty()) {
            String last = tokens.get(tokens.size() - 1);
            String lastTwo = tokens.size() >= 2 ? tokens.get(tokens.size() - 2) + last : last;
            qualified = (QUALIFIERS.contains(last) && !CODE_PHRASES.contains(lastTwo) && tokens.size() > 1)
                    || (BOOLEAN_PREFIXES.contains(tokens.get(0)) && tokens.size() > 1);
        }
        if (found.containsKey(PiiType.EMAIL) || found.containsKey(PiiType.IP_ADDRESS)
                || found.containsKey(PiiType.MAC_ADDRESS) || found.containsKey(PiiType.CRYPTO_WALLET)) {
            // "email address", "ip address", "wallet address": the address is not a street address
            String street = found.get(PiiType.STREET_ADDRESS);
            if ("address".equals(street) || "addr".equals(street)) {
                found.remove(PiiType.STREET_ADDRESS);
            }
        }
        return new NameEvidence(Map.copyOf(found), List.copyOf(tokens), qualified);
    }

    private static Map<String, PiiType> load() {
        Map<String, PiiType> m = new HashMap<>();
        List<String> bad = new ArrayList<>();
        for (String line : Dictionaries.lines("column-names.tsv")) {
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                bad.add(line);
                continue;
            }
            m.put(Texts.fold(parts[0].strip()), PiiType.valueOf(parts[1].strip()));
        }
        if (!bad.isEmpty()) {
            throw new IllegalStateException("pii/column-names.tsv has malformed lines: " + bad);
        }
        return Map.copyOf(m);
    }
}
