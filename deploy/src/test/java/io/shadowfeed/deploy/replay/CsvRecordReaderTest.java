package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRecordReaderTest {

    private static final TableSchema INVOICE = new TableSchema("test", "Invoice", List.of(
            FieldSchema.of("InvoiceId", FieldType.INT, false),
            FieldSchema.of("InvoiceDate", FieldType.TIMESTAMP_MILLIS, false),
            FieldSchema.of("BillingState", FieldType.STRING, true),
            FieldSchema.of("Total", FieldType.DOUBLE, false)));

    @Test
    void convertsRowsInSchemaOrderWhateverTheColumnOrder() {
        String csv = "Total,InvoiceId,BillingState,InvoiceDate\n"
                + "1.98,1,,2021-01-01 00:00:00\n"
                + "416,2,\"SP\",2021-01-02T00:00:00Z\n";

        List<CsvRow> rows = readAll(csv);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(1,
                Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(), null, 1.98);
        assertThat(rows.get(1).values()).containsExactly(2,
                Instant.parse("2021-01-02T00:00:00Z").toEpochMilli(), "SP", 416.0);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void namesTheLineAndColumnOfABadValue() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n"
                + "1,2021-01-01 00:00:00,,1.98\n"
                + "2.0,2021-01-01 00:00:00,,1.98\n";
        try (CsvRecordReader reader = open(csv)) {
            reader.next();
            assertThatThrownBy(reader::next)
                    .isInstanceOf(CsvConversionException.class)
                    .hasMessage("Invoice.csv line 3, column 'InvoiceId': not a 32-bit whole number (INT)")
                    .extracting(e -> ((CsvConversionException) e).line()).isEqualTo(3L);
        }
    }

    @Test
    void countsLinesOfQuotedNewlinesAndSkippedEmptyLines() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n"
                + "1,2021-01-01 00:00:00,\"two\nlines\",1.98\n"
                + "\n"
                + "2,2021-01-01 00:00:00,,oops\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThat(reader.next().line()).isEqualTo(2);
            assertThatThrownBy(reader::next).hasMessageStartingWith("Invoice.csv line 5, column 'Total'");
        }
    }

    @Test
    void goesOnAfterABadRowSoThatItCanBeSkipped() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n"
                + "x,2021-01-01 00:00:00,,1\n"
                + "2,2021-01-01 00:00:00,,2\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThatThrownBy(reader::next).isInstanceOf(CsvConversionException.class);
            assertThat(reader.next().values()[0]).isEqualTo(2);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void refusesAnEmptyValueOfANonNullableNumber() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n1,2021-01-01 00:00:00,,\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThatThrownBy(reader::next)
                    .hasMessage("Invoice.csv line 2, column 'Total': is empty, but the field is not nullable");
        }
    }

    @Test
    void readsAnEmptyNonNullableStringAsTheEmptyString() {
        TableSchema schema = new TableSchema(null, "T", List.of(FieldSchema.of("name", FieldType.STRING, false)));
        try (CsvRecordReader reader = CsvRecordReader.open(new StringReader("name\n\"\"\n"), "t.csv", schema,
                Set.of(""))) {
            assertThat(reader.next().values()).containsExactly("");
        }
    }

    @Test
    void treatsExtraNullMarkersAsNull() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n1,2021-01-01 00:00:00,NA,1\n";
        try (CsvRecordReader reader = CsvRecordReader.open(new StringReader(csv), "Invoice.csv", INVOICE,
                Set.of("", "NA"))) {
            assertThat(reader.next().values()[2]).isNull();
        }
    }

    @Test
    void refusesARowWithTheWrongNumberOfValues() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n1,2021-01-01 00:00:00,,1,extra\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(CsvConversionException.class)
                    .hasMessage("Invoice.csv line 2: has 5 values but the header has 4 columns");
        }
    }

    @Test
    void refusesAFileWithoutARequiredColumn() {
        assertThatThrownBy(() -> open("InvoiceId,BillingState,Total\n1,,1\n"))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageStartingWith("Invoice.csv has no column for the required fields [InvoiceDate]");
    }

    @Test
    void readsAMissingNullableColumnAsNullAndIgnoresUnknownColumns() {
        String csv = "invoiceid,InvoiceDate,Total,Secret\n7,2021-01-01,3,x\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThat(reader.next().values()).containsExactly(7,
                    Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(), null, 3.0);
        }
    }

    @Test
    void reportsAnUnterminatedQuoteAsAMalformedFile() {
        String csv = "InvoiceId,InvoiceDate,BillingState,Total\n1,2021-01-01,\"open,1\n";
        try (CsvRecordReader reader = open(csv)) {
            assertThatThrownBy(reader::next)
                    .isInstanceOf(CsvFormatException.class)
                    .hasMessageStartingWith("Invoice.csv is malformed near line");
        }
    }

    @Test
    void readsTheBundledChinookCsvsWithTheirSchemas() throws Exception {
        for (String table : List.of("Customer", "Invoice", "InvoiceLine")) {
            String avsc = new String(getClass().getClassLoader()
                    .getResourceAsStream("schemas/chinook/" + table + ".avsc").readAllBytes());
            TableSchema schema = io.shadowfeed.avro.confluent.AvroSchemas.parseTable(avsc);
            long rows = 0;
            try (CsvRecordReader reader = CsvRecordReader.open(
                    CsvSource.resource("datasets/chinook/" + table + ".csv"), schema, Set.of(""))) {
                while (reader.next() != null) {
                    rows++;
                }
            }
            assertThat(rows).as(table).isEqualTo(CsvRecordReader.countRows(
                    CsvSource.resource("datasets/chinook/" + table + ".csv")));
        }
    }

    private static CsvRecordReader open(String csv) {
        return CsvRecordReader.open(new StringReader(csv), "Invoice.csv", INVOICE, Set.of(""));
    }

    private static List<CsvRow> readAll(String csv) {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvRecordReader reader = open(csv)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
