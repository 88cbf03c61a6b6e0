package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.deploy.replay.CsvConversionException;
import io.shadowfeed.deploy.replay.CsvFormatException;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiClassifyTest {

    private static final List<String> CUSTOMER_HEADER = List.of("CustomerId", "FirstName", "LastName", "Company",
            "Address", "City", "State", "Country", "PostalCode", "Phone", "Fax", "Email", "SupportRepId");

    private static Path customerCsv;
    private static ClassifyReport customers;

    @TempDir
    Path dir;

    @BeforeAll
    static void classifyChinookCustomers() {
        customerCsv = chinook("Customer.csv");
        CsvSample sample = ColumnSampler.firstRows(500).sample(CsvSource.file(customerCsv));
        customers = ClassifyReport.of(sample, ColumnClassifier.defaults(), List.of());
    }

    static Path chinook(String file) {
        String datasets = System.getProperty("shadowfeed.datasets");
        assertThat(datasets).as("-Dshadowfeed.datasets (set by the build)").isNotNull();
        Path csv = Path.of(datasets, "chinook", file);
        assertThat(csv).exists();
        return csv;
    }

    @Test
    void classifiesTheChinookCustomerColumns() {
        Map<String, PiiType> types = new HashMap<>();
        customers.columns().forEach(c -> types.put(c.column(), c.type()));

        assertThat(types).containsEntry("Email", PiiType.EMAIL)
                .containsEntry("Phone", PiiType.PHONE)
                .containsEntry("CustomerId", PiiType.NONE)
                .containsEntry("Country", PiiType.NONE);
        assertThat(customers.columns()).extracting(ColumnClassification::column)
                .containsExactlyElementsOf(CUSTOMER_HEADER);
    }

    @Test
    void writesOneJsonObjectPerColumnInHeaderOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(json(customers));

        assertThat(json.isArray()).isTrue();
        assertThat(json).hasSize(CUSTOMER_HEADER.size());
        List<String> columns = new ArrayList<>();
        for (JsonNode column : json) {
            List<String> keys = new ArrayList<>();
            column.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("column", "type", "confidence", "evidence");
            assertThat(column.get("type").asText()).isIn(names(PiiType.values()));
            assertThat(column.get("confidence").isNumber()).isTrue();
            assertThat(column.get("confidence").asDouble()).isBetween(0.0, 1.0);
            assertThat(column.get("evidence").isArray()).isTrue();
            assertThat(column.get("evidence")).allMatch(JsonNode::isTextual);
            columns.add(column.get("column").asText());
        }
        assertThat(columns).containsExactlyElementsOf(CUSTOMER_HEADER);
        assertThat(json.get(11).get("type").asText()).isEqualTo("EMAIL");
    }

    @Test
    void printsNoValueOfTheInput() throws Exception {
        String output = json(customers);

        Set<String> values = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(customerCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            for (CSVRecord record : parser) {
                for (String value : record) {
                    // shorter values (ids, "SP") can match counts and words of the evidence by chance
                    if (value.length() >= 4) {
                        values.add(value);
                    }
                }
            }
        }
        assertThat(values).hasSizeGreaterThan(400);
        assertThat(values).noneMatch(output::contains);
        assertThat(output).doesNotContain("@");
    }

    @Test
    void onlyTheRequestedColumnsInHeaderOrder() {
        CsvSample sample = ColumnSampler.firstRows(50).sample(CsvSource.file(customerCsv));

        ClassifyReport report = ClassifyReport.of(sample, ColumnClassifier.defaults(), List.of("Phone", "Email"));

        assertThat(report.columns()).extracting(ColumnClassification::column).containsExactly("Phone", "Email");
        assertThat(report.columns()).extracting(ColumnClassification::type)
                .containsExactly(PiiType.PHONE, PiiType.EMAIL);
    }

    @Test
    void anUnknownColumnIsNamedWithTheColumnsThereAre() {
        CsvSample sample = ColumnSampler.firstRows(5).sample(CsvSource.file(customerCsv));

        assertThatThrownBy(() -> ClassifyReport.of(sample, ColumnClassifier.defaults(), List.of("Mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Customer.csv has no column Mail (columns: " + String.join(", ", CUSTOMER_HEADER) + ")");
    }

    @Test
    void theSampleIsTheFirstRowsWithEmptyFieldsAsNull() throws IOException {
        Path csv = write("a.csv", "\uFEFFname,mail\r\n\"Doe, Jane\",jane@example.org\r\nBob,\r\n\r\nEve,eve@example.org\r\n");

        CsvSample sample = ColumnSampler.firstRows(2).sample(CsvSource.file(csv));

        assertThat(sample.columns()).containsExactly("name", "mail");
        assertThat(sample.rows()).hasSize(2);
        assertThat(sample.values("name")).containsExactly("Doe, Jane", "Bob");
        assertThat(sample.values("mail")).containsExactly("jane@example.org", null);
        assertThat(sample.rows().get(1)).containsEntry("mail", null);
    }

    @Test
    void aRowWithTheWrongNumberOfValuesIsNamedByLine() throws IOException {
        Path csv = write("bad.csv", "a,b\n1,2\n3\n");

        assertThatThrownBy(() -> ColumnSampler.firstRows(10).sample(CsvSource.file(csv)))
                .isInstanceOf(CsvConversionException.class)
                .hasMessage("bad.csv line 3: has 1 values but the header has 2 columns");
    }

    @Test
    void unreadableInputIsACsvFormatError() throws IOException {
        Path empty = write("empty.csv", "");
        Path unterminated = write("quote.csv", "a,b\n1,\"2\n");

        assertThatThrownBy(() -> ColumnSampler.firstRows(10).sample(CsvSource.file(empty)))
                .isInstanceOf(CsvFormatException.class).hasMessage("empty.csv has no header row");
        assertThatThrownBy(() -> ColumnSampler.firstRows(10).sample(CsvSource.file(unterminated)))
                .isInstanceOf(CsvFormatException.class).hasMessageStartingWith("quote.csv is malformed near line");
        assertThatThrownBy(() -> ColumnSampler.firstRows(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sample must be at least 1 row. Provided value: 0");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static String json(ClassifyReport report) {
        StringWriter out = new StringWriter();
        report.writeJson(out);
        return out.toString();
    }

    private static List<String> names(PiiType[] types) {
        List<String> names = new ArrayList<>();
        for (PiiType type : types) {
            names.add(type.name());
        }
        return names;
    }
}
