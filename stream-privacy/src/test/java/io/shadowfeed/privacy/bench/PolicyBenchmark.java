package io.shadowfeed.privacy.bench;

import io.shadowfeed.privacy.keys.KeyProviders;
import io.shadowfeed.privacy.keys.KeyRing;
import io.shadowfeed.privacy.pii.policy.FieldPolicies;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;
import io.shadowfeed.privacy.pii.policy.PolicyParser;
import io.shadowfeed.privacy.pii.policy.RowContext;
import io.shadowfeed.privacy.pii.policy.RowLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Field operations per second of the policies, one thread (targets: mask and pseudonymize >= 1M/s per core, fake
 * >= 100k/s per core). Inputs cycle through 4096 distinct values so caches do not flatter the numbers; the fake row
 * benchmark builds one row context per customer and fakes six fields from it, reported per field.
 *
 * <p>Run: {@code java -cp ... org.openjdk.jmh.Main PolicyBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PolicyBenchmark {

    private static final int VALUES = 4096;
    private static final List<String> COUNTRIES = List.of("Germany", "Brazil", "USA", "France", "Canada", "India");

    private FieldPolicy mask;
    private FieldPolicy token;
    private FieldPolicy digits;
    private FieldPolicy encrypt;
    private FieldPolicy fakeFirstName;
    private FieldPolicy[] customerFakes;
    private RowLayout layout;

    private String[] phones;
    private String[] emails;
    private long[] ids;
    private String[] cards;
    private String[] names;
    private Object[][] customers;
    private int next;

    @Setup
    public void setUp() {
        PolicyParser parser = FieldPolicies.parser()
                .keys(KeyProviders.inMemory(KeyRing.single("bench", new byte[32])))
                .keyId("bench")
                .build();
        mask = parser.parse("mask:4");
        token = parser.parse("pseudonymize:token");
        digits = parser.parse("pseudonymize:digits");
        encrypt = parser.parse("encrypt:digits");
        fakeFirstName = parser.parse("fake:first_name");
        customerFakes = new FieldPolicy[] {parser.parse("fake:first_name"), parser.parse("fake:last_name"),
                parser.parse("fake:email"), parser.parse("fake:phone"), parser.parse("fake:city"),
                parser.parse("fake:postcode")};
        layout = RowLayout.builder(List.of("CustomerId", "FirstName", "LastName", "Email", "Phone", "City",
                "PostalCode", "Country")).entityScope("customer").build();
        phones = new String[VALUES];
        emails = new String[VALUES];
        ids = new long[VALUES];
        cards = new String[VALUES];
        names = new String[VALUES];
        customers = new Object[VALUES][];
        for (int i = 0; i < VALUES; i++) {
            phones[i] = "+49 0711 " + (2_842_222 + i);
            emails[i] = "customer" + i + "@surfeu.de";
            ids[i] = 1_000_000_000L + i * 7919L;
            cards[i] = String.format("4111 1111 %04d %04d", i, 9999 - i);
            names[i] = "Name" + i;
            customers[i] = new Object[] {i, names[i], "Last" + i, emails[i], phones[i], "Stuttgart", "70174",
                    COUNTRIES.get(i % COUNTRIES.size())};
        }
        for (FieldPolicy policy : List.of(mask, token, digits, encrypt, fakeFirstName)) {
            policy.open();
        }
        for (FieldPolicy policy : customerFakes) {
            policy.open();
        }
    }

    private int index() {
        next = (next + 1) & (VALUES - 1);
        return next;
    }

    @Benchmark
    public Object mask() {
        return mask.apply(phones[index()]);
    }

    @Benchmark
    public Object pseudonymizeToken() {
        return token.apply(emails[index()]);
    }

    @Benchmark
    public Object pseudonymizeDigitsLong() {
        return digits.apply(ids[index()]);
    }

    @Benchmark
    public Object encryptCard() {
        return encrypt.apply(cards[index()]);
    }

    @Benchmark
    public Object encryptLong() {
        return encrypt.apply(ids[index()]);
    }

    @Benchmark
    public Object fakeFirstNameByValue() {
        return fakeFirstName.apply(names[index()]);
    }

    /** One customer row, six fake fields (names, e-mail, valid phone, city, postcode) from one entity. */
    @Benchmark
    @OperationsPerInvocation(6)
    public void fakeCustomerRowPerField(Blackhole blackhole) {
        int i = index();
        Object[] values = customers[i];
        RowContext row = RowContext.of(layout, values, values[0]);
        for (int f = 0; f < customerFakes.length; f++) {
            blackhole.consume(customerFakes[f].apply(values[f + 1], row));
        }
    }
}
