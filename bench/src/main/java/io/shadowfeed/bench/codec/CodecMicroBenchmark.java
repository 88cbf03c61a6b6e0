package io.shadowfeed.bench.codec;

import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.InMemorySchemaStore;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.deploy.replay.CsvRecordReader;
import io.shadowfeed.deploy.replay.CsvRow;
import io.shadowfeed.deploy.replay.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Microseconds per record, on one thread, of the job's Confluent Avro decoder and encoder against Avro's generic path
 * ({@link GenericAvroCodec}), on every row of nycflights13's flights, after a warm-up; and a check that the job's codec
 * decodes exactly what the generic path decodes and encodes the same bytes.
 *
 * <p>{@code bench/run.sh codec [--csv FILE] [--iterations N]}
 */
public final class CodecMicroBenchmark {

    private static final String SCHEMA = "schemas/nycflights13/flights.avsc";

    private CodecMicroBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path csv = Path.of(System.getProperty("shadowfeed.repo", "."), "../shared/datasets/nycflights13/flights.csv");
        int iterations = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: CodecMicroBenchmark [--csv FILE] [--iterations N]");
                    System.exit(args[i].equals("--help") ? 0 : 2);
                }
            }
        }
        String avroJson;
        try (InputStream in = CodecMicroBenchmark.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            avroJson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TableSchema table = AvroSchemas.parseTable(avroJson);
        List<Object[]> rows = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(CsvSource.file(csv), table, Set.of(""))) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                rows.add(row.values());
            }
        }
        try (SchemaRegistryServer registry = SchemaRegistryServer.builder().setPort(0)
                .setStore(new InMemorySchemaStore()).build()) {
            registry.start();
            try (RegistryConnection connection = RegistryConnection.open(registry.url())) {
                run(connection, table, avroJson, rows, iterations);
            }
        }
    }

    private static void run(RegistryConnection connection, TableSchema table, String avroJson, List<Object[]> rows,
                            int iterations) throws IOException {
        ConfluentWireEncoder encoder = new ConfluentWireEncoder(connection, "flights-value", table);
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(connection, avroJson);
        GenericAvroCodec generic = new GenericAvroCodec(table, avroJson, encoder.schemaId());
        byte[][] wire = new byte[rows.size()][];
        for (int i = 0; i < wire.length; i++) {
            wire[i] = encoder.encode(rows.get(i));
        }
        long mismatches = 0;
        for (int i = 0; i < wire.length; i++) {
            Object[] expected;
            try {
                expected = decoder.decode(wire[i]).values();
            } catch (io.shadowfeed.avro.confluent.DecodeException e) {
                throw new IllegalStateException(e);
            }
            if (!Arrays.deepEquals(expected, generic.decode(wire[i]))
                    || !Arrays.equals(wire[i], generic.encode(expected))) {
                mismatches++;
            }
        }
        System.out.printf(Locale.ROOT, "%,d records, %.1f bytes per value; the job's codec and Avro's generic path "
                + "differ on %d records%n", rows.size(), Arrays.stream(wire).mapToInt(w -> w.length).average().orElse(0),
                mismatches);

        double[][] micros = new double[4][iterations];
        long sink = 0;
        for (int it = 0; it < iterations; it++) {
            long t0 = System.nanoTime();
            for (byte[] w : wire) {
                try {
                    sink += decoder.decode(w).values().length;
                } catch (io.shadowfeed.avro.confluent.DecodeException e) {
                    throw new IllegalStateException(e);
                }
            }
            long t1 = System.nanoTime();
            for (byte[] w : wire) {
                sink += generic.decode(w).length;
            }
            long t2 = System.nanoTime();
            for (Object[] r : rows) {
                sink += encoder.encode(r).length;
            }
            long t3 = System.nanoTime();
            for (Object[] r : rows) {
                sink += generic.encode(r).length;
            }
            long t4 = System.nanoTime();
            double n = wire.length * 1000.0;
            micros[0][it] = (t1 - t0) / n;
            micros[1][it] = (t2 - t1) / n;
            micros[2][it] = (t3 - t2) / n;
            micros[3][it] = (t4 - t3) / n;
        }
        int warmUp = iterations / 3;
        String[] names = {"decode, ConfluentWireDecoder", "decode, Avro generic path", "encode, ConfluentWireEncoder",
                "encode, Avro generic path"};
        System.out.printf(Locale.ROOT, "us per record, median of the last %d of %d passes (checksum %d):%n",
                iterations - warmUp, iterations, sink % 1000);
        for (int k = 0; k < 4; k++) {
            double[] measured = Arrays.copyOfRange(micros[k], warmUp, iterations);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "  %-30s %.3f%n", names[k], measured[measured.length / 2]);
        }
    }
}
