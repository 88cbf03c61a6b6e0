package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The Adult census table of the shared datasets, typed for the transformer tests ("?" cells are nulls). */
final class AdultData {

    static final List<String> CONTINUOUS = List.of("age", "fnlwgt", "capital_gain");
    static final List<String> DISCRETE = List.of("workclass", "sex", "income", "native_country");
    static final List<String> MODELLED = List.of("age", "fnlwgt", "capital_gain", "workclass", "sex", "income");

    private static DataTable table;

    private AdultData() {}

    /** The whole table (32,561 rows), read once per test JVM. */
    static synchronized DataTable table() {
        if (table == null) {
            table = read(Path.of(System.getProperty("shadowfeed.datasets", "/work/shared/datasets"), "adult",
                    "adult.csv"));
        }
        return table;
    }

    private static DataTable read(Path file) {
        List<CSVRecord> records;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            records = new ArrayList<>(parser.getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        DataTable.Builder builder = DataTable.builder();
        for (String column : CONTINUOUS) {
            double[] values = new double[records.size()];
            for (int r = 0; r < values.length; r++) {
                String cell = records.get(r).get(column).trim();
                values[r] = cell.equals("?") ? Double.NaN : Double.parseDouble(cell);
            }
            builder.addNumeric(column, ColumnKind.CONTINUOUS, values);
        }
        for (String column : DISCRETE) {
            String[] values = new String[records.size()];
            for (int r = 0; r < values.length; r++) {
                String cell = records.get(r).get(column).trim();
                values[r] = cell.equals("?") ? null : cell;
            }
            builder.addCategorical(column, ColumnKind.DISCRETE, values);
        }
        return builder.build();
    }
}
