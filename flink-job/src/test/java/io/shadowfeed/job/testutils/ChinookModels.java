package io.shadowfeed.job.testutils;

import io.shadowfeed.trainer.evaluate.gate.GateThresholds;
import io.shadowfeed.trainer.pipeline.PipelineListener;
import io.shadowfeed.trainer.pipeline.TableTrainingPipeline;
import io.shadowfeed.trainer.pipeline.TrainingOutcome;
import io.shadowfeed.trainer.pipeline.TrainingRequest;
import io.shadowfeed.trainer.train.CtganConfig;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small CTGAN models of Chinook's customer -> invoice -> invoice_line chain, trained for real (a few seconds each)
 * into an artifact store: the customer unconditioned, each invoice conditioned on its customer's country
 * ({@code CustomerId.Country}), each line on its invoice's total ({@code InvoiceId.Total}). Training files keep only
 * the modelled columns plus the joined parent context, as a retraining job would export them.
 */
public final class ChinookModels {

    public static final List<String> CUSTOMER_COLUMNS = List.of("State", "Country", "SupportRepId");
    public static final List<String> INVOICE_COLUMNS = List.of("BillingCity", "BillingCountry", "Total");
    public static final List<String> INVOICE_LINE_COLUMNS = List.of("UnitPrice");

    private ChinookModels() {}

    /** Trains the three models into {@code store} and returns their outcomes by table. */
    public static Map<String, TrainingOutcome> train(Path store, Path work, int epochs, long seed) throws IOException {
        Files.createDirectories(work);
        Map<String, Map<String, String>> customers = byKey("Customer", "CustomerId");
        Map<String, Map<String, String>> invoices = byKey("Invoice", "InvoiceId");
        Path customerCsv = write(work.resolve("customer.csv"), "Customer", CUSTOMER_COLUMNS, null, null, null);
        Path invoiceCsv = write(work.resolve("invoice.csv"), "Invoice", INVOICE_COLUMNS, "CustomerId", customers,
                "Country");
        Path lineCsv = write(work.resolve("invoice_line.csv"), "InvoiceLine", INVOICE_LINE_COLUMNS, "InvoiceId",
                invoices, "Total");
        Map<String, TrainingOutcome> outcomes = new HashMap<>();
        // 59 customers make one step per epoch: they need more epochs than the larger tables to see as many batches.
        outcomes.put("customer", train(store, customerCsv, "customer", List.of(), epochs * 12, seed));
        outcomes.put("invoice", train(store, invoiceCsv, "invoice", List.of("CustomerId.Country"), epochs * 8,
                seed));
        // Two prices (0.99, 1.99): a category, not a measurement.
        Path lineMetadata = Files.writeString(work.resolve("invoice_line.json"),
                "{\"columns\": [{\"name\": \"UnitPrice\", \"type\": \"categorical\"}]}");
        outcomes.put("invoice_line", train(store, lineCsv, lineMetadata, "invoice_line", List.of("InvoiceId.Total"),
                epochs, seed));
        return outcomes;
    }

    public static TrainingOutcome train(Path store, Path csv, String table, List<String> context, int epochs,
            long seed) {
        return train(store, csv, null, table, context, epochs, seed);
    }

    public static TrainingOutcome train(Path store, Path csv, Path metadata, String table, List<String> context,
            int epochs, long seed) {
        TrainingRequest.Builder builder = TrainingRequest.builder();
        if (metadata != null) {
            builder.setMetadata(metadata);
        }
        TrainingRequest request = builder
                .setData(csv)
                .setTable(table)
                .setOutputRoot(store)
                .setCtgan(CtganConfig.builder().setEpochs(epochs).setBatchSize(100).setPac(10).setSeed(seed)
                        .setGeneratorSizes(64, 64).setCriticSizes(64, 64).setThreads(1).build())
                .setContextColumns(context)
                // Tiny tables and short training: the test checks the stream, not the model's quality.
                .setGate(GateThresholds.builder().minQuality(0.0).maxExactMatchRate(1.0).maxDcrShare(1.0).build())
                .setEvaluationRows(500)
                .setSamplerBatchSize(256)
                .build();
        return new TableTrainingPipeline(PipelineListener.silent()).run(request);
    }

    /** The rows of a Chinook CSV by their key, each as column -> text. */
    public static Map<String, Map<String, String>> byKey(String table, String key) throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (Map<String, String> row : rows(table)) {
            rows.put(row.get(key), row);
        }
        return rows;
    }

    public static List<Map<String, String>> rows(String table) throws IOException {
        Path csv = ChinookRows.datasets().resolve("chinook").resolve(table + ".csv");
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(new HashMap<>(record.toMap()));
            }
        }
        return rows;
    }

    private static Path write(Path target, String table, List<String> columns, String foreignKey,
            Map<String, Map<String, String>> parents, String parentColumn) throws IOException {
        List<String> header = new ArrayList<>(columns);
        if (foreignKey != null) {
            header.add(foreignKey + "." + parentColumn);
        }
        try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).build()
                     .print(writer)) {
            for (Map<String, String> row : rows(table)) {
                List<String> values = new ArrayList<>();
                columns.forEach(c -> values.add(row.get(c)));
                if (foreignKey != null) {
                    values.add(parents.get(row.get(foreignKey)).get(parentColumn));
                }
                printer.printRecord(values);
            }
        }
        return target;
    }
}
