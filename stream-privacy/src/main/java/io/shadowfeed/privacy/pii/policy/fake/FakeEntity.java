package io.shadowfeed.privacy.pii.policy.fake;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fake person (or company contact) of a country, generated from one 64-bit seed. Every attribute comes from its
 * own sub-seed, computed lazily and memoized, so an attribute's value does not depend on which other attributes were
 * asked for or in what order; and attributes that belong together agree: the e-mail address is made of the fake first
 * and last name, the phone number is valid in the country, the postcode has the country's shape and the city comes
 * from the country's locale.
 *
 * <p>E-mail domains are the reserved {@code example.com}, {@code example.net} and {@code example.org} (RFC 2606), so a
 * test environment can never mail a real inbox. Not thread-safe: one per row.
 */
public final class FakeEntity {

    private static final String[] EMAIL_DOMAINS = {"example.com", "example.net", "example.org"};
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Some datafaker locales glue the house number to the street name ({@code Kallioranta185}). */
    private static final Pattern GLUED_NUMBER = Pattern.compile("(\\p{L})(\\d+\\p{L}?)$");
    private static final java.util.List<String> IBAN_COUNTRIES = FakeCountries.get().all().stream()
            .filter(FakeCountry::iban).map(FakeCountry::iso).toList();
    private static final long BIRTH_FIRST = LocalDate.of(1935, 1, 1).toEpochDay();
    private static final long BIRTH_LAST = LocalDate.of(2006, 12, 31).toEpochDay();

    /** One sub-seed per attribute; append only (reordering changes every fake). */
    private enum Attribute {
        FIRST_NAME, LAST_NAME, EMAIL, PHONE, STREET, CITY, POSTCODE, COMPANY, IBAN, CARD, BIRTH, SSN, CHOICE
    }

    private final FakeCountry country;
    private final long seed;
    private final SeededRandom random = new SeededRandom(0);

    private String firstName;
    private String lastName;
    private String email;
    private String street;
    private String city;
    private String postcode;
    private String company;
    private String ssn;
    private LocalDate birthDate;

    public FakeEntity(FakeCountry country, long seed) {
        this.country = Objects.requireNonNull(country, "country");
        this.seed = seed;
    }

    public FakeCountry country() {
        return country;
    }

    public String firstName() {
        if (firstName == null) {
            firstName = Fakers.generate(country.locale(), seed(Attribute.FIRST_NAME), f -> f.name().firstName());
        }
        return firstName;
    }

    public String lastName() {
        if (lastName == null) {
            lastName = Fakers.generate(country.locale(), seed(Attribute.LAST_NAME), f -> f.name().lastName());
        }
        return lastName;
    }

    public String fullName() {
        return firstName() + " " + lastName();
    }

    /** {@code first.last} (transliterated to a-z0-9), sometimes with a number, at a reserved example domain. */
    public String email() {
        if (email == null) {
            SeededRandom r = reseeded(Attribute.EMAIL);
            String first = asciiLocalPart(firstName());
            String last = asciiLocalPart(lastName());
            StringBuilder local = new StringBuilder();
            if (!first.isEmpty()) {
                local.append(first);
            }
            if (!last.isEmpty()) {
                if (local.length() > 0) {
                    local.append(r.nextBoolean() ? '.' : '_');
                }
                local.append(last);
            }
            if (local.length() == 0) {
                local.append("user");
            }
            if (r.nextBoolean()) {
                local.append(r.nextInt(100));
            }
            email = local + "@" + EMAIL_DOMAINS[r.nextInt(EMAIL_DOMAINS.length)];
        }
        return email;
    }

    /**
     * A number valid for the country per libphonenumber, international format. {@code variant} tells a person's
     * numbers apart (phone and fax): the same variant gives the same number.
     */
    public String phone(long variant) {
        long phoneSeed = SeededRandom.derive(seed(Attribute.PHONE), (int) (variant ^ (variant >>> 32)));
        random.reseed(phoneSeed);
        String phone = Phones.generate(country, random);
        if (phone == null) {
            phone = Fakers.generate(country.locale(), phoneSeed, f -> f.phoneNumber().phoneNumber());
        }
        return phone;
    }

    public String streetAddress() {
        if (street == null) {
            street = GLUED_NUMBER.matcher(Fakers.generate(country.locale(), seed(Attribute.STREET),
                    f -> f.address().streetAddress()).strip()).replaceFirst("$1 $2");
        }
        return street;
    }

    public String city() {
        if (city == null) {
            if (country.cities().isEmpty()) {
                city = Fakers.generate(country.locale(), seed(Attribute.CITY), f -> f.address().city());
            } else {
                city = country.cities().get(reseeded(Attribute.CITY).nextInt(country.cities().size()));
            }
        }
        return city;
    }

    /** A postcode of the country's shape. */
    public String postcode() {
        if (postcode == null) {
            postcode = Postcodes.generate(country, reseeded(Attribute.POSTCODE));
        }
        return postcode;
    }

    /** The country's English name, as the Chinook data writes it. */
    public String countryName() {
        return country.name();
    }

    public String company() {
        if (company == null) {
            company = Fakers.generate(country.locale(), seed(Attribute.COMPANY), f -> f.company().name());
        }
        return company;
    }

    /**
     * A checksum-valid IBAN of the country, or, where the country has no IBAN, of one of the table's IBAN countries;
     * the same variant gives the same IBAN (a person can have several accounts).
     */
    public String iban(long variant) {
        long ibanSeed = SeededRandom.derive(seed(Attribute.IBAN), (int) (variant ^ (variant >>> 32)));
        String iso = country.iban() ? country.iso()
                : IBAN_COUNTRIES.get(Math.floorMod(SeededRandom.mix(ibanSeed), IBAN_COUNTRIES.size()));
        return Fakers.generate(country.locale(), ibanSeed, f -> f.finance().iban(iso));
    }

    /**
     * A Luhn-valid card number with {@code length} digits (13 to 19, else 16); prefix 4 (Visa-like), 5x (Mastercard),
     * 34/37 for 15 digits (Amex-like), 36 for 14. The same variant gives the same card.
     */
    public String cardDigits(int length, long variant) {
        int n = length >= 13 && length <= 19 ? length : 16;
        SeededRandom r = random;
        r.reseed(SeededRandom.derive(seed(Attribute.CARD), (int) (variant ^ (variant >>> 32))));
        char[] digits = new char[n];
        int start;
        if (n == 15) {
            digits[0] = '3';
            digits[1] = r.nextBoolean() ? '4' : '7';
            start = 2;
        } else if (n == 14) {
            digits[0] = '3';
            digits[1] = '6';
            start = 2;
        } else if (n == 16 && r.nextBoolean()) {
            digits[0] = '5';
            digits[1] = (char) ('1' + r.nextInt(5));
            start = 2;
        } else {
            digits[0] = '4';
            start = 1;
        }
        for (int i = start; i < n - 1; i++) {
            digits[i] = (char) ('0' + r.nextInt(10));
        }
        digits[n - 1] = (char) ('0' + luhnCheckDigit(digits, n - 1));
        return new String(digits);
    }

    /** A birth date between 1935-01-01 and 2006-12-31 (ages about 18 to 90 in the 2020s), independent of today. */
    public LocalDate birthDate() {
        if (birthDate == null) {
            birthDate = LocalDate.ofEpochDay(BIRTH_FIRST + reseeded(Attribute.BIRTH)
                    .nextLong(BIRTH_LAST - BIRTH_FIRST + 1));
        }
        return birthDate;
    }

    /** A US social security number of a valid shape: area 001-899 but 666, group 01-99, serial 0001-9999. */
    public String ssn() {
        if (ssn == null) {
            SeededRandom r = reseeded(Attribute.SSN);
            int area = 1 + r.nextInt(898);
            if (area >= 666) {
                area++;
            }
            int group = 1 + r.nextInt(99);
            int serial = 1 + r.nextInt(9999);
            ssn = pad(area, 3) + "-" + pad(group, 2) + "-" + pad(serial, 4);
        }
        return ssn;
    }

    /** A seeded draw in [0, bound) of its own sub-stream (for choices the entity has no attribute for). */
    public int choice(int bound) {
        return reseeded(Attribute.CHOICE).nextInt(bound);
    }

    static int luhnCheckDigit(char[] digits, int count) {
        int sum = 0;
        for (int i = count - 1, position = 0; i >= 0; i--, position++) {
            int d = digits[i] - '0';
            if (position % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** Lowercase a-z0-9 only: accents dropped, ß -> ss, æ -> ae, ø -> o, ł -> l and so on. */
    static String asciiLocalPart(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace("ß", "ss").replace("æ", "ae")
                .replace("œ", "oe").replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("þ", "th")
                .replace("ı", "i");
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(value);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }

    private long seed(Attribute attribute) {
        return SeededRandom.derive(seed, attribute.ordinal());
    }

    private SeededRandom reseeded(Attribute attribute) {
        random.reseed(seed(attribute));
        return random;
    }
}
