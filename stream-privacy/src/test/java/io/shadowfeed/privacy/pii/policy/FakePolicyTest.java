package io.shadowfeed.privacy.pii.policy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.shadowfeed.privacy.pii.policy.fake.FakeCountries;
import io.shadowfeed.privacy.pii.policy.fake.FakeCountry;
import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import static io.shadowfeed.privacy.pii.policy.TestKeys.parse;
import static io.shadowfeed.privacy.pii.policy.TestKeys.parser;
import static org.assertj.core.api.Assertions.assertThat;

class FakePolicyTest {

    private static final List<String> CUSTOMER = List.of("CustomerId", "FirstName", "LastName", "Company", "Address",
            "City", "State", "Country", "PostalCode", "Phone", "Fax", "Email");
    private static final RowLayout LAYOUT = RowLayout.builder(CUSTOMER).entityScope("customer").build();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /** The 24 countries of the Chinook customers, as the data writes them. */
    private static final List<String> CHINOOK_COUNTRIES = List.of("Brazil", "Germany", "Canada", "Norway",
            "Czech Republic", "Austria", "Belgium", "Denmark", "USA", "Portugal", "France", "Finland", "Hungary",
            "Ireland", "Italy", "Netherlands", "Poland", "Spain", "Sweden", "United Kingdom", "Australia",
            "Argentina", "Chile", "India");

    @Test
    void guessesTheLocaleFieldAndResolvesNamesCodesAndTags() {
        assertThat(LAYOUT.localeFields()).containsExactly("Country");
        assertThat(RowLayout.of(List.of("InvoiceId", "BillingCity", "BillingCountry")).localeFields())
                .containsExactly("BillingCountry");
        FakeCountries countries = FakeCountries.get();
        for (String hint : new String[] {"Germany", "germany", " DE ", "DEU", "de-DE", "de_DE", "Deutschland"}) {
            assertThat(countries.find(hint)).as(hint).map(FakeCountry::iso).contains("DE");
        }
        assertThat(countries.find("pt-BR")).map(FakeCountry::iso).contains("BR");
        assertThat(countries.find("U.S.A.")).map(FakeCountry::iso).contains("US");
        assertThat(countries.find("Česká republika")).map(FakeCountry::iso).contains("CZ");
        assertThat(countries.find("es-CL")).map(FakeCountry::iso).contains("CL");
        assertThat(countries.find("Atlantis")).isEmpty();
        for (String country : CHINOOK_COUNTRIES) {
            assertThat(countries.find(country)).as(country).isPresent();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Brazil", "Germany", "Canada", "Norway", "Czech Republic", "Austria", "Belgium",
            "Denmark", "USA", "Portugal", "France", "Finland", "Hungary", "Ireland", "Italy", "Netherlands", "Poland",
            "Spain", "Sweden", "United Kingdom", "Australia", "Argentina", "Chile", "India"})
    void everyChinookCountryGetsValidPhonesPostcodesAndIbans(String countryName) throws NumberParseException {
        FakeCountry country = FakeCountries.get().find(countryName).orElseThrow();
        FieldPolicy phone = parse("fake:phone");
        FieldPolicy postcode = parse("fake:postcode");
        FieldPolicy iban = parse("fake:iban");
        FieldPolicy city = parse("fake:city");
        FieldPolicy street = parse("fake:street_address");
        for (int id = 1; id <= 60; id++) {
            RowContext row = customer(id, countryName);
            String number = (String) phone.apply("+00 000 " + id, row);
            assertThat(PHONES.isValidNumberForRegion(PHONES.parse(number, null), country.iso()))
                    .as("%s phone %s", countryName, number).isTrue();
            String code = (String) postcode.apply("00000", row);
            assertThat(country.postcodeRegex().matcher(code).matches()).as("%s postcode %s", countryName, code)
                    .isTrue();
            String account = (String) iban.apply("X", row);
            assertThat(IBANValidator.getInstance().isValid(account)).as("%s iban %s", countryName, account).isTrue();
            if (country.iban()) {
                assertThat(account).startsWith(country.iso());
            }
            assertThat((String) city.apply("X", row)).isNotBlank();
            assertThat((String) street.apply("X", row)).isNotBlank().doesNotStartWith(" ");
        }
    }

    @Test
    void aGermanCustomerIsGermanThroughout() throws NumberParseException {
        Set<String> prefixes = Set.of("Nord", "Ost", "West", "Süd", "Neu", "Alt", "Bad", "Groß", "Klein", "Schön");
        List<String> suffixes = List.of("stadt", "dorf", "land", "scheid", "burg", "berg", "heim", "hagen", "feld",
                "brunn", "grün");
        Set<String> germanFirstNames = new HashSet<>();
        Map<String, Object> name = yamlSection("de.yml", "de", "name");
        germanFirstNames.addAll(stringList(name.get("male_first_name")));
        germanFirstNames.addAll(stringList(name.get("female_first_name")));
        for (int id = 1; id <= 100; id++) {
            RowContext row = customer(id, "Germany");
            String phone = (String) parse("fake:phone").apply("+49 0711 2842222", row);
            assertThat(PHONES.isValidNumberForRegion(PHONES.parse(phone, null), "DE")).isTrue();
            assertThat(phone).startsWith("+49 ");
            assertThat((String) parse("fake:postcode").apply("70174", row)).matches("\\d{5}");
            // de.yml builds every city from a German prefix or suffix
            String city = (String) parse("fake:city").apply("Stuttgart", row);
            assertThat(prefixes.contains(city.split(" ")[0]) || suffixes.stream().anyMatch(city::endsWith))
                    .as(city).isTrue();
            assertThat(germanFirstNames).contains((String) parse("fake:first_name").apply("Leonie", row));
            assertThat(parse("fake:country").apply("Germany", row)).isEqualTo("Germany");
        }
    }

    @Test
    void brazilianAndFrenchCustomersGetCitiesOfTheirLocale() {
        Set<String> brazilianCities = new HashSet<>(stringList(yamlSection("pt-BR.yml", "pt-BR", "address")
                .get("city")));
        Set<String> frenchCities = new HashSet<>(stringList(yamlSection("fr.yml", "fr", "address")
                .get("city_name")));
        for (int id = 1; id <= 100; id++) {
            assertThat(brazilianCities).contains((String) parse("fake:city").apply("X", customer(id, "Brazil")));
            assertThat((String) parse("fake:postcode").apply("X", customer(id, "Brazil"))).matches("\\d{5}-\\d{3}");
            assertThat(frenchCities).contains((String) parse("fake:city").apply("X", customer(id, "France")));
            assertThat((String) parse("fake:phone").apply("X", customer(id, "France"))).startsWith("+33 ");
            assertThat((String) parse("fake:phone").apply("X", customer(id, "USA"))).startsWith("+1 ");
            assertThat((String) parse("fake:postcode").apply("X", customer(id, "USA"))).matches("\\d{5}");
        }
    }

    @Test
    void oneCustomersFieldsAgree() {
        FieldPolicy first = parse("fake:first_name");
        FieldPolicy last = parse("fake:last_name");
        FieldPolicy full = parse("fake:full_name");
        FieldPolicy email = parse("fake:email");
        for (String country : CHINOOK_COUNTRIES) {
            for (int id = 1; id <= 10; id++) {
                RowContext row = customer(id, country);
                String firstName = (String) first.apply("Real", row);
                String lastName = (String) last.apply("Person", row);
                assertThat(full.apply("Real Person", row)).isEqualTo(firstName + " " + lastName);
                String address = (String) email.apply("real.person@gmail.com", row);
                assertThat(address).matches("[a-z0-9._]+@example\\.(com|net|org)");
                assertThat(address).startsWith(ascii(firstName) + (ascii(lastName).isEmpty() ? "" : ""))
                        .contains(ascii(lastName));
                // the same fields through fresh rows (no shared memo) agree too: the seed is the entity key
                assertThat(email.apply("other@x.org", customer(id, country))).isEqualTo(address);
            }
        }
    }

    @Test
    void entitiesAgreeAcrossTablesThatShareScopeAndKey() {
        RowLayout invoice = RowLayout.builder(List.of("InvoiceId", "CustomerId", "BillingCity", "BillingCountry"))
                .entityScope("customer").build();
        RowContext invoiceRow = RowContext.of(invoice, new Object[] {98, 2, "Stuttgart", "Germany"}, 2);
        RowContext customerRow = customer(2, "Germany");
        FieldPolicy city = parse("fake:city");
        assertThat(city.apply("Stuttgart", invoiceRow)).isEqualTo(city.apply("Stuttgart", customerRow));
        RowLayout otherScope = RowLayout.builder(invoice.fieldNames()).entityScope("invoice").build();
        assertThat(city.apply("Stuttgart", RowContext.of(otherScope, new Object[] {98, 2, "x", "Germany"}, 2)))
                .isNotEqualTo(city.apply("Stuttgart", customerRow));
        // an int key and its text are one entity
        assertThat(city.apply("x", RowContext.of(invoice, new Object[] {98, 2, "x", "Germany"}, "2")))
                .isEqualTo(city.apply("x", customerRow));
    }

    @Test
    void phonesCardsAndAccountsOfOnePersonDifferButRepeatEqually() {
        RowContext row = customer(1, "Brazil");
        FieldPolicy phone = parse("fake:phone");
        Object fakePhone = phone.apply("+55 (12) 3923-5555", row);
        Object fakeFax = phone.apply("+55 (12) 3923-5566", row);
        assertThat(fakePhone).isNotEqualTo(fakeFax);
        assertThat(phone.apply("+55 (12) 3923-5555", customer(1, "Brazil"))).isEqualTo(fakePhone);
        String card = (String) parse("fake:credit_card").apply("4111-1111-1111-1111", row);
        assertThat(card).matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}");
        assertThat(luhn(card.replace("-", ""))).isTrue();
        assertThat(luhn((String) parse("fake:credit_card").apply("378282246310005", row))).isTrue();
    }

    @Test
    void valueSeededFakesAreStableWithoutARow() {
        FieldPolicy first = parse("fake:first_name");
        assertThat(first.apply("Leonie")).isEqualTo(first.apply("Leonie")).isEqualTo(TestKeys.roundTrip(first)
                .apply("Leonie"));
        assertThat(first.apply("Leonie")).isEqualTo(first.apply("Leonie", RowContext.empty()));
        Set<Object> distinct = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            distinct.add(first.apply("name-" + i));
        }
        assertThat(distinct.size()).isGreaterThan(100);
        assertThat(parser("k2").parse("fake:first_name").apply("Leonie")).isNotEqualTo(first.apply("Leonie")
                + "-never-equal-by-construction");
        FieldPolicy germanByDefault = parse("fake:phone:de");
        assertThat((String) germanByDefault.apply("0711 2842222")).startsWith("+49 ");
        assertThat(germanByDefault.spec()).isEqualTo("fake:phone:de@k1");
    }

    @Test
    void keysSeparateFakes() {
        int differing = 0;
        for (int id = 0; id < 50; id++) {
            RowContext row = customer(id, "USA");
            if (!parser("k1").parse("fake:email").apply("x", row).equals(parser("k2").parse("fake:email")
                    .apply("x", customer(id, "USA")))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(45);
    }

    @Test
    void isDeterministicAcrossThreadsInstancesAndSerialization() throws Exception {
        List<String> specs = List.of("fake:first_name", "fake:last_name", "fake:email", "fake:phone",
                "fake:street_address", "fake:city", "fake:postcode", "fake:company", "fake:iban", "fake:ssn",
                "fake:date_of_birth", "fake:credit_card", "fake:country", "fake:full_name");
        List<String> expected = new ArrayList<>();
        for (String spec : specs) {
            for (int id = 0; id < 24; id++) {
                expected.add(String.valueOf(parse(spec).apply("v" + id, customer(id, CHINOOK_COUNTRIES.get(id)))));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<String> out = new ArrayList<>();
                    for (String spec : specs) {
                        FieldPolicy shipped = TestKeys.roundTrip(parser("k1").parse(spec));
                        for (int id = 0; id < 24; id++) {
                            out.add(String.valueOf(shipped.apply("v" + id, customer(id, CHINOOK_COUNTRIES.get(id)))));
                        }
                    }
                    return out;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void datesOfBirthKeepTheirType() {
        FieldPolicy dob = parse("fake:date_of_birth");
        assertThat(dob.outputShape()).isEqualTo(OutputShape.SAME_TYPE);
        assertThat(dob.apply(3650)).isInstanceOf(Integer.class);
        assertThat(dob.apply(315_532_800_000L)).isInstanceOf(Long.class);
        assertThat((Long) dob.apply(315_532_800_000L) % 86_400_000L).isZero();
        assertThat((String) dob.apply("1980-01-01")).matches("(19[3-9]\\d|200[0-6])-\\d{2}-\\d{2}");
        assertThat(dob.apply(java.time.LocalDate.of(1980, 1, 1))).isInstanceOf(java.time.LocalDate.class);
        assertThat((String) parse("fake:ssn").apply("078-05-1120")).matches("\\d{3}-\\d{2}-\\d{4}")
                .doesNotStartWith("000").doesNotStartWith("666").doesNotStartWith("9");
        assertThat((String) parse("fake:ssn").apply("078051120")).matches("\\d{9}");
    }

    @Test
    void keepsNullAndBlankAndHandlesHostileText() {
        FieldPolicy name = parse("fake:full_name");
        RowContext row = customer(3, "Germany");
        assertThat(name.apply(null, row)).isNull();
        assertThat(name.apply("", row)).isEqualTo("");
        assertThat(name.apply("   ", row)).isEqualTo("   ");
        for (Object hostile : new Object[] {"x\uD800y", "😀🎉", "שלום", "9".repeat(1 << 20), 42, 4.2, true,
                new byte[] {1, 2, (byte) 0xff}}) {
            assertThat((String) name.apply(hostile)).isNotBlank();
            assertThat((String) name.apply(hostile, RowContext.of(Map.of("Country", "\uD800\uDE00"), hostile)))
                    .isNotBlank();
        }
        // a hostile locale field falls back to the default locale
        assertThat((String) parse("fake:phone").apply("1", RowContext.of(Map.of("Country", "😀".repeat(100)), 1)))
                .startsWith("+1 ");
    }

    private static RowContext customer(int id, String country) {
        Object[] values = {id, "First" + id, "Last" + id, null, "Street " + id, "City", null, country, "12345",
                "+1 555 " + id, null, "first" + id + "@mail.test"};
        return RowContext.of(LAYOUT, values, id);
    }

    private static String ascii(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
                .replace("ø", "o").replace("ł", "l").replace("đ", "d").replace("þ", "th").replace("ı", "i");
        return Pattern.compile("[^a-z0-9]").matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")).replaceAll("");
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = digits.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = digits.charAt(i) - '0';
            if (position % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yamlSection(String file, String root, String section) {
        try (InputStream in = net.datafaker.Faker.class.getClassLoader().getResourceAsStream(file)) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> faker = (Map<String, Object>) ((Map<String, Object>) yaml.get(root)).get("faker");
            return (Map<String, Object>) faker.get(section);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return (List<String>) value;
    }
}
