package io.shadowfeed.privacy.pii.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.shadowfeed.privacy.pii.PiiType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * The labelled column set: chinook and nycflights13 columns labelled by hand
 * ({@code pii/columns/*-labels.csv}) and the hard cases of {@code pii/columns/hard-cases.csv}, whose values are
 * generated here with a fixed seed.
 */
final class LabelledColumns {

    /** One labelled column. */
    record Column(String source, String name, PiiType label, List<String> values, List<Map<String, String>> rows,
            String why) {}

    static final long SEED = 20_250_101L;
    private static final int GENERATED_VALUES = 40;
    private static final int MAX_ROWS = 500;

    private LabelledColumns() {}

    static Path datasets() {
        String dir = System.getProperty("shadowfeed.datasets");
        if (dir == null) {
            dir = "../../shared/datasets";
        }
        return Path.of(dir);
    }

    static List<Column> all() {
        List<Column> out = new ArrayList<>();
        out.addAll(fromDataset("chinook", "/pii/columns/chinook-labels.csv"));
        out.addAll(fromDataset("nycflights13", "/pii/columns/nycflights13-labels.csv"));
        out.addAll(hardCases());
        return out;
    }

    static List<Column> fromDataset(String dataset, String labels) {
        Path dir = datasets().resolve(dataset);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("Dataset folder " + dir.toAbsolutePath()
                    + " is missing: run the tests through Maven (it sets -Dshadowfeed.datasets)");
        }
        Map<String, List<Map<String, String>>> tables = new HashMap<>();
        List<Column> out = new ArrayList<>();
        for (Map<String, String> l : CsvFiles.readResource(labels)) {
            String table = l.get("table");
            List<Map<String, String>> rows = tables.computeIfAbsent(table,
                    t -> CsvFiles.read(dir.resolve(t + ".csv"), MAX_ROWS));
            String column = l.get("column");
            if (!rows.isEmpty() && !rows.get(0).containsKey(column)) {
                throw new IllegalStateException("Labelled column " + table + "." + column + " is not in the data");
            }
            List<String> values = new ArrayList<>();
            rows.forEach(r -> values.add(r.get(column)));
            out.add(new Column(dataset + "." + table, column, PiiType.valueOf(l.get("label")), values, rows,
                    l.get("why")));
        }
        return out;
    }

    static List<Column> hardCases() {
        List<Column> out = new ArrayList<>();
        List<Map<String, String>> specs = CsvFiles.readResource("/pii/columns/hard-cases.csv");
        for (int i = 0; i < specs.size(); i++) {
            Map<String, String> s = specs.get(i);
            Generated g = generate(s.get("generator"), SEED + i);
            out.add(new Column("hard-cases#" + (i + 2), s.get("column"), PiiType.valueOf(s.get("label")), g.values,
                    g.rows, s.get("why")));
        }
        return out;
    }

    private record Generated(List<String> values, List<Map<String, String>> rows) {}

    private static Generated generate(String generator, long seed) {
        TestIdentifiers ids = new TestIdentifiers(seed);
        Random rnd = ids.random();
        Map<Locale, Faker> byLocale = new HashMap<>();
        Function<Locale, Faker> faker = loc -> byLocale.computeIfAbsent(loc, l -> new Faker(l, new Random(seed)));
        Faker en = faker.apply(Locale.ENGLISH);
        Locale[] mixed = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, new Locale("es"), Locale.ITALIAN,
            new Locale("pt", "BR"), new Locale("nl"), new Locale("pl"), new Locale("sv"), new Locale("fi")};
        Faker[] fakers = new Faker[mixed.length];
        for (int i = 0; i < mixed.length; i++) {
            fakers[i] = new Faker(mixed[i], new Random(seed + i));
        }
        Supplier<Faker> anyFaker = () -> fakers[rnd.nextInt(fakers.length)];
        switch (generator) {
            case "emails-en":
                return values(() -> en.internet().emailAddress());
            case "emails-mixed":
                return values(() -> anyFaker.get().internet().emailAddress());
            case "emails-es":
                return values(() -> faker.apply(new Locale("es")).internet().emailAddress());
            case "emails-fr":
                return values(() -> faker.apply(Locale.FRENCH).internet().emailAddress());
            case "booleans":
                return values(() -> rnd.nextBoolean() ? "true" : "false");
            case "small-ints":
                return values(() -> String.valueOf(rnd.nextInt(12)));
            case "phones-de-national-with-country":
                return withCountry(() -> ids.phone("DE", PhoneNumberFormat.NATIONAL), "Deutschland");
            case "phones-fr-national-with-country":
                return withCountry(() -> ids.phone("FR", PhoneNumberFormat.NATIONAL), "France");
            case "phones-e164-mixed":
                return values(() -> ids.phone(region(rnd), PhoneNumberFormat.E164));
            case "phones-international-mixed":
                return values(() -> ids.phone(region(rnd), PhoneNumberFormat.INTERNATIONAL));
            case "phones-de-international":
                return values(() -> ids.phone("DE", PhoneNumberFormat.INTERNATIONAL));
            case "phone-models":
                return values(() -> pick(rnd, "iPhone 13", "iPhone 15 Pro", "Pixel 7", "Pixel 8a", "Galaxy S21",
                        "Galaxy A54 5G", "Moto G84", "Xperia 10 V", "Nokia G42", "OnePlus 12"));
            case "ten-digit-ids":
                return values(() -> (1 + rnd.nextInt(9)) + ids.digits(9));
            case "cards-spaced":
                return values(() -> TestIdentifiers.groups(ids.card(true), 4, " "));
            case "cards-plain":
                return values(() -> ids.card(true));
            case "cards-luhn-failing":
                return values(() -> TestIdentifiers.groups(ids.card(false), 4, " "));
            case "imeis":
                return values(() -> en.code().imei());
            case "ean13":
                return values(() -> en.code().ean13());
            case "ibans-spaced":
                return values(() -> TestIdentifiers.groups(ids.iban(true), 4, " "));
            case "ibans-compact":
                return values(() -> ids.iban(true));
            case "ibans-invalid":
                return values(() -> TestIdentifiers.groups(ids.iban(false), 4, " "));
            case "ssns-valid":
                return values(() -> ids.ssn(true));
            case "ssns-invalid":
                return values(() -> ids.ssn(false));
            case "ipv4":
                return values(() -> en.internet().ipV4Address());
            case "ipv6":
                return values(() -> en.internet().ipV6Address());
            case "versions":
                return values(() -> rnd.nextBoolean() ? rnd.nextInt(20) + "." + rnd.nextInt(30) + "." + rnd.nextInt(99)
                        : "10.0." + (19000 + rnd.nextInt(3000)) + "." + rnd.nextInt(5000));
            case "macs":
                return values(() -> en.internet().macAddress());
            case "macs-dashed":
                return values(() -> en.internet().macAddress().replace(':', '-').toUpperCase(Locale.ROOT));
            case "urls":
                return values(() -> en.internet().url());
            case "domains":
                return values(() -> en.internet().domainName());
            case "file-names":
                return values(() -> en.lorem().word() + "_" + rnd.nextInt(2025) + pick(rnd, ".zip", ".pdf", ".csv"));
            case "wallets":
                return values(() -> {
                    int k = rnd.nextInt(3);
                    return k == 0 ? ids.bitcoinBase58() : k == 1 ? ids.bitcoinBech32() : ids.ethereumLowercase();
                });
            case "nhs-valid":
                return values(() -> ids.nhs(true));
            case "nhs-invalid":
                return values(() -> ids.nhs(false));
            case "spanish-ids-valid":
                return values(() -> ids.spanishId(true));
            case "spanish-ids-invalid":
                return values(() -> ids.spanishId(false));
            case "codici-fiscali":
                return values(() -> ids.codiceFiscale(true));
            case "codici-fiscali-invalid":
                return values(() -> ids.codiceFiscale(false));
            case "pesels-valid":
                return values(() -> ids.pesel(true));
            case "pesels-invalid":
                return values(() -> ids.pesel(false));
            case "birth-dates-iso":
                return values(() -> birthDate(rnd).toString());
            case "birth-dates-dmy-slash":
                return values(() -> birthDate(rnd).format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            case "birth-dates-dmy-dot":
                return values(() -> birthDate(rnd).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
            case "timestamps":
                return values(() -> LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(700)) + "T"
                        + String.format("%02d:%02d:%02dZ", rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60)));
            case "first-names-mixed":
                return values(() -> anyFaker.get().name().firstName());
            case "first-names-de":
                return values(() -> faker.apply(Locale.GERMAN).name().firstName());
            case "first-names-en":
                return values(() -> en.name().firstName());
            case "last-names-mixed":
                return values(() -> anyFaker.get().name().lastName());
            case "last-names-es":
                return values(() -> faker.apply(new Locale("es")).name().lastName());
            case "last-names-de":
                return values(() -> faker.apply(Locale.GERMAN).name().lastName());
            case "full-names-mixed":
                return values(() -> {
                    Faker f = anyFaker.get();
                    return f.name().firstName() + " " + f.name().lastName();
                });
            case "full-names-en":
                return values(() -> en.name().firstName() + " " + en.name().lastName());
            case "street-addresses-mixed":
                return values(() -> anyFaker.get().address().streetAddress());
            case "street-addresses-en":
                return values(() -> en.address().streetAddress());
            case "street-addresses-es":
                return values(() -> faker.apply(new Locale("es")).address().streetAddress());
            case "zips-us":
                return values(() -> faker.apply(Locale.US).address().zipCode());
            case "postcodes-de-with-country":
                return withCountry(() -> ids.digits(5).replaceFirst("^0", "1"), "Germany");
            case "postcodes-gb":
                return values(() -> faker.apply(Locale.UK).address().postcode());
            case "postcodes-ca":
                return values(() -> faker.apply(Locale.CANADA).address().postcode());
            case "four-digit-numbers":
                return values(() -> String.valueOf(1000 + rnd.nextInt(9000)));
            case "cities-es":
                return values(() -> faker.apply(new Locale("es")).address().city());
            case "cities-gb":
                return values(() -> faker.apply(Locale.UK).address().city());
            case "cities-br":
                return values(() -> faker.apply(new Locale("pt", "BR")).address().city());
            case "airport-codes":
                return values(() -> pick(rnd, "EWR", "JFK", "LGA", "LHR", "CDG", "FRA", "MAD", "NYC", "LON", "PAR"));
            case "companies-en":
                return values(() -> en.company().name());
            case "companies-de":
                return values(() -> faker.apply(Locale.GERMAN).company().name());
            case "companies-es":
                return values(() -> faker.apply(new Locale("es")).company().name());
            case "companies-mixed":
                return values(() -> anyFaker.get().company().name());
            case "product-names":
                return values(() -> en.commerce().productName());
            case "amounts":
                return values(() -> String.format(Locale.ROOT, "%.2f", rnd.nextDouble() * 500));
            case "skus":
                return values(() -> ids.letters(3) + "-" + ids.digits(5));
            case "statuses":
                return values(() -> pick(rnd, "active", "closed", "pending", "refunded", "shipped"));
            case "genres":
                return values(() -> en.music().genre());
            case "countries":
                return values(() -> en.country().name());
            case "support-notes":
                return values(() -> supportNote(en, ids, rnd));
            case "product-descriptions":
                return values(() -> "The " + en.commerce().productName().toLowerCase(Locale.ROOT) + " is made of "
                        + en.commerce().material().toLowerCase(Locale.ROOT) + " and ships in "
                        + (1 + rnd.nextInt(5)) + " days; " + en.lorem().sentence(8).toLowerCase(Locale.ROOT));
            case "tracking-numbers":
                return values(() -> "1Z" + ids.letters(3) + ids.digits(13));
            case "uuids":
                return values(() -> en.internet().uuid());
            case "latitudes":
                return values(() -> String.format(Locale.ROOT, "%.6f", rnd.nextDouble() * 180 - 90));
            default:
                throw new IllegalArgumentException("Unknown generator " + generator);
        }
    }

    private static String supportNote(Faker en, TestIdentifiers ids, Random rnd) {
        switch (rnd.nextInt(4)) {
            case 0:
                return "Customer " + en.name().firstName() + " " + en.name().lastName() + " asked to change the "
                        + "delivery address, reach at " + en.internet().emailAddress();
            case 1:
                return "Refund of " + (10 + rnd.nextInt(90)) + " EUR approved, card "
                        + TestIdentifiers.groups(ids.card(true), 4, " ") + " will be credited";
            case 2:
                return "Called back on " + ids.phone("GB", PhoneNumberFormat.INTERNATIONAL)
                        + ", the parcel was left with a neighbour";
            default:
                return "Order " + (100000 + rnd.nextInt(900000)) + " arrived damaged, replacement shipped today";
        }
    }

    private static LocalDate birthDate(Random rnd) {
        return LocalDate.of(1935, 1, 1).plusDays(rnd.nextInt(365 * 70));
    }

    private static String region(Random rnd) {
        return pick(rnd, "US", "GB", "DE", "FR", "ES", "IT", "BR", "PL", "NL", "SE", "IN", "AU", "JP");
    }

    private static String pick(Random rnd, String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static Generated values(Supplier<String> s) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < GENERATED_VALUES; i++) {
            v.add(s.get());
        }
        return new Generated(v, null);
    }

    private static Generated withCountry(Supplier<String> s, String country) {
        List<String> v = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < GENERATED_VALUES; i++) {
            String value = s.get();
            v.add(value);
            rows.add(Map.of("value", value, "country", country));
        }
        return new Generated(v, rows);
    }
}
