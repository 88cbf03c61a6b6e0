package io.shadowfeed.trainer.evaluate;

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
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The Adult census table (shared datasets), typed by hand, read once per JVM. */
final class AdultTables {
    static final Set<String> CONTINUOUS = Set.of("age", "fnlwgt", "education_num", "capital_gain", "capital_loss",
            "hours_per_week");

    private static DataTable adult;

    private AdultTables() {
    }

    static synchronized DataTable adult() {
        if (adult == null) {
            adult = read(datasets().resolve("adult/adult.csv"));
        }
        return adult;
    }

    /** Disjoint random parts of Adult with the given sizes (seeded). */
    static List<DataTable> split(long seed, int... sizes) {
        DataTable all = adult();
        int[] order = new int[all.rowCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        List<DataTable> parts = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            int[] rows = new int[size];
            System.arraycopy(order, from, rows, 0, size);
            from += size;
            parts.add(all.selectRows(rows));
        }
        return parts;
    }

    private static Path datasets() {
        String configured = System.getProperty("shadowfeed.datasets");
        return Path.of(configured != null ? configured : "/work/shared/datasets");
    }

    private static DataTable read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader)) {
            List<String> names = parser.getHeaderNames();
            List<CSVRecord> records = parser.getRecords();
            DataTable.Builder builder = DataTable.builder();
            for (String name : names) {
                if (CONTINUOUS.contains(name)) {
                    double[] values = new double[records.size()];
                    for (int r = 0; r < values.length; r++) {
                        String cell = records.get(r).get(name).trim();
                        values[r] = cell.equals("?") || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                    }
                    builder.addNumeric(name, ColumnKind.CONTINUOUS, values);
                } else {
                    String[] values = new String[records.size()];
                    for (int r = 0; r < values.length; r++) {
                        String cell = records.get(r).get(name).trim();
                        values[r] = cell.equals("?") || cell.isEmpty() ? null : cell;
                    }
                    builder.addCategorical(name, ColumnKind.DISCRETE, values);
                }
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
