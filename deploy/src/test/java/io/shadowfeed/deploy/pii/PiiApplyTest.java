package io.shadowfeed.deploy.pii;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.deploy.replay.CsvConversionException;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.ReplayProgress;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.keys.KeyException;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class PiiApplyTest {

    /** The Chinook customers: CustomerId pseudonymized (development keys), FirstName masked, Email dropped. */
    static final String CUSTOMER_SPEC = """
            version: 1
            keys:
              source: development
            tables:
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: keep
                fields:
                  CustomerId: pseudonymize:token
                  FirstName: mask:1
                  Email: drop
            """;

    @TempDir
    Path dir;

    @Test
    void appliesTheTablePoliciesToEveryRow() throws IOException {
        Path customers = PiiClassifyTest.chinook("Customer.csv");
        TableSpec table = customerTable(CUSTOMER_SPEC);
        Path out = dir.resolve("customers.csv");

        ApplyResult result = CsvSanitizer.of(table).apply(CsvSource.file(customers), out, ReplayProgress.none());

        List<CSVRecord> in = read(customers);
        List<CSVRecord> written = read(out);
        assertThat(result.rows()).isEqualTo(59).isEqualTo(in.size());
        assertThat(written).hasSize(in.size());
        assertThat(header(out)).containsExactlyElementsOf(
                table.outputSchema().fields().stream().map(FieldSchema::name).toList());
        assertThat(header(out)).doesNotContain("Email").contains("CustomerId", "FirstName", "Phone");

        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("@");
        for (CSVRecord row : in) {
            assertThat(text).doesNotContain(row.get("Email"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            String firstName = in.get(i).get("FirstName");
            String masked = written.get(i).get("FirstName");
            assertThat(masked).hasSameSizeAs(firstName)
                    .endsWith(firstName.substring(firstName.length() - 1))
                    .startsWith("*");
            assertThat(written.get(i).get("Country")).isEqualTo(in.get(i).get("Country"));
            assertThat(written.get(i).get("CustomerId")).isNotEqualTo(in.get(i).get("CustomerId")).isNotBlank();
            ids.add(written.get(i).get("CustomerId"));
        }
        assertThat(ids).as("pseudonyms are distinct").hasSize(in.size());
    }

    @Test
    void summarizesThePoliciesWithoutValues() throws IOException {
        Path out = dir.resolve("customers.csv");

        ApplyResult result = CsvSanitizer.of(customerTable(CUSTOMER_SPEC))
                .apply(CsvSource.file(PiiClassifyTest.chinook("Customer.csv")), out, ReplayProgress.none());

        assertThat(result.out()).isEqualTo(out);
        assertThat(result.dropped()).containsExactly("Email");
        assertThat(result.fields()).containsKeys("CustomerId", "FirstName", "Phone")
                .doesNotContainKey("Email")
                .contains(entry("FirstName", "mask:1"), entry("Phone", "keep"));
        assertThat(result.fields().get("CustomerId")).startsWith("pseudonymize:token");
        StringWriter json = new StringWriter();
        result.writeJson(json);
        assertThat(json.toString()).startsWith("{\"rows\":59,\"out\":").contains("\"FirstName\":\"mask:1\"",
                "\"dropped\":[\"Email\"]").endsWith("}\n");
    }

    @Test
    void pseudonymsAreStableAcrossRuns() throws IOException {
        TableSpec table = customerTable(CUSTOMER_SPEC);
        CsvSource customers = CsvSource.file(PiiClassifyTest.chinook("Customer.csv"));

        CsvSanitizer.of(table).apply(customers, dir.resolve("a.csv"), ReplayProgress.none());
        CsvSanitizer.of(customerTable(CUSTOMER_SPEC)).apply(customers, dir.resolve("b.csv"), ReplayProgress.none());

        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void writesTimestampsAsIsoUtcAndNullsEmpty() throws IOException {
        Path csv = Files.writeString(dir.resolve("invoices.csv"), """
                InvoiceId,CustomerId,InvoiceDate,BillingAddress,BillingCity,BillingState,BillingCountry,BillingPostalCode,Total
                1,2,2021-01-01 00:00:00,Theodor-Heuss-Straße 34,Stuttgart,,Germany,70174,1.98
                2,4,2021-01-02T10:17:00+02:00,Ullevålsveien 14,Oslo,,Norway,0171,3.96
                """);
        Path spec = Files.writeString(dir.resolve("invoice.yaml"), """
                version: 1
                tables:
                  invoice:
                    input-topic: raw.invoice
                    schema: classpath:schemas/chinook/Invoice.avsc
                    key: InvoiceId
                    default-policy: keep
                    fields:
                      BillingAddress: drop
                """);
        TableSpec table = PipelineSpecLoader.load(spec).table("invoice").orElseThrow();

        CsvSanitizer.of(table).apply(CsvSource.file(csv), dir.resolve("out.csv"), ReplayProgress.none());

        List<CSVRecord> rows = read(dir.resolve("out.csv"));
        assertThat(rows.get(0).get("InvoiceDate")).isEqualTo("2021-01-01T00:00:00Z");
        assertThat(rows.get(1).get("InvoiceDate")).isEqualTo("2021-01-02T08:17:00Z");
        assertThat(rows.get(0).get("BillingState")).isEmpty();
        assertThat(rows.get(1).get("BillingPostalCode")).isEqualTo("0171");
        assertThat(rows.get(0).get("Total")).isEqualTo("1.98");
        assertThat(rows.get(0).isMapped("BillingAddress")).isFalse();
    }

    @Test
    void missingKeysFailBeforeAnythingIsWritten() throws IOException {
        Path out = Files.writeString(dir.resolve("out.csv"), "old");
        TableSpec table = customerTable(CUSTOMER_SPEC.replace("source: development",
                "source: file:no-such-keys.json\n  active-key-id: k1"));

        assertThatThrownBy(() -> CsvSanitizer.of(table)
                .apply(CsvSource.file(PiiClassifyTest.chinook("Customer.csv")), out, ReplayProgress.none()))
                .isInstanceOf(KeyException.class)
                .hasMessageContaining("no-such-keys.json");
        assertThat(Files.readString(out)).isEqualTo("old");
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aBadRowFailsByLineAndLeavesNoOutput() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                CustomerId,FirstName,LastName,Country,Email,SupportRepId
                1,Jane,Doe,Norway,jane@example.org,3
                two,John,Doe,Norway,john@example.org,3
                """);
        Path out = dir.resolve("out.csv");

        assertThatThrownBy(() -> CsvSanitizer.of(customerTable(CUSTOMER_SPEC))
                .apply(CsvSource.file(csv), out, ReplayProgress.none()))
                .isInstanceOf(CsvConversionException.class)
                .hasMessage("bad.csv line 3, column 'CustomerId': not a 32-bit whole number (INT)");
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void autoFieldsAreClassifiedFromTheFirstRows() {
        Path customers = PiiClassifyTest.chinook("Customer.csv");
        PipelineSpec spec = spec(CUSTOMER_SPEC.replace("default-policy: keep", "default-policy: auto")
                .replace("      Email: drop\n", ""));
        TableSpec pending = spec.table("customer").orElseThrow();
        assertThat(pending.hasPendingFields()).isTrue();

        TableSpec decided = new CsvAutoPolicies(ColumnClassifier.defaults(), spec.policyParser())
                .resolve(pending, ColumnSampler.firstRows(500).sample(CsvSource.file(customers)));

        assertThat(decided.hasPendingFields()).isFalse();
        assertThat(decided.field("Email").policy().spec()).startsWith("fake:email");
        assertThat(decided.field("Country").policy().spec()).isEqualTo("keep");
        assertThat(decided.field("FirstName").policy().spec()).isEqualTo("mask:1");
    }

    private TableSpec customerTable(String yaml) {
        return spec(yaml).table("customer").orElseThrow();
    }

    private PipelineSpec spec(String yaml) {
        try {
            return PipelineSpecLoader.load(Files.writeString(dir.resolve("spec.yaml"), yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        }
    }

    private static List<String> header(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            return parser.getHeaderNames();
        }
    }
}
