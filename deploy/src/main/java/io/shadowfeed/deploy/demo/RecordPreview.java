package io.shadowfeed.deploy.demo;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.DecodeException;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints input records beside the output records they became: the input decoded with the table's schema, the output
 * with the schema its bytes name (the output topic's registered schema). Pairs by key, else by position.
 */
final class RecordPreview {

    private static final int MAX_WIDTH = 34;
    private static final int INPUT_SAMPLE = 200;

    private final String bootstrapServers;
    private final RegistryConnection registry;
    private final PrintWriter out;
    private final Map<Integer, ConfluentWireDecoder> outputDecoders = new HashMap<>();

    RecordPreview(String bootstrapServers, RegistryConnection registry, PrintWriter out) {
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.out = out;
    }

    void print(TableSpec table, int records) throws DecodeException {
        List<ConsumerRecord<byte[], byte[]>> outputs = TopicSampler.first(bootstrapServers, table.outputTopic(),
                records);
        List<ConsumerRecord<byte[], byte[]>> inputs = TopicSampler.first(bootstrapServers, table.inputTopic(),
                INPUT_SAMPLE);
        Map<String, ConsumerRecord<byte[], byte[]>> inputsByKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> input : inputs) {
            inputsByKey.putIfAbsent(keyText(input), input);
        }
        ConfluentWireDecoder inputDecoder = new ConfluentWireDecoder(registry, table.avroSchemaJson());
        for (int i = 0; i < outputs.size(); i++) {
            ConsumerRecord<byte[], byte[]> output = outputs.get(i);
            ConsumerRecord<byte[], byte[]> input = inputsByKey.getOrDefault(keyText(output),
                    i < inputs.size() ? inputs.get(i) : null);
            if (input == null) {
                continue;
            }
            printPair(table, inputDecoder.table(), inputDecoder.decode(input.value()).values(), output);
        }
    }

    private void printPair(TableSpec table, TableSchema inputSchema, Object[] inputValues,
                           ConsumerRecord<byte[], byte[]> output) throws DecodeException {
        ConfluentWireDecoder outputDecoder = outputDecoder(output.value());
        TableSchema outputSchema = outputDecoder.table();
        Object[] outputValues = outputDecoder.decode(output.value()).values();
        out.printf("  %s -> %s%n", table.inputTopic() + " " + keyLabel(inputValues, inputSchema, table),
                table.outputTopic() + " (offset " + output.offset() + ")");
        out.printf("    %-18s %-" + MAX_WIDTH + "s %s%n", "field", "input", "output");
        for (int f = 0; f < inputSchema.size(); f++) {
            FieldSchema field = inputSchema.field(f);
            int o = outputSchema.indexOf(field.name());
            String shown = o < 0 ? "(dropped)" : format(outputSchema.field(o).type(), outputValues[o]);
            out.printf("    %-18s %-" + MAX_WIDTH + "s %s%n", field.name(), format(field.type(), inputValues[f]),
                    shown);
        }
        out.println();
    }

    private static String keyLabel(Object[] values, TableSchema schema, TableSpec table) {
        int key = table.keyField() == null ? -1 : schema.indexOf(table.keyField());
        return key < 0 ? "" : "(" + table.keyField() + "=" + values[key] + ")";
    }

    private ConfluentWireDecoder outputDecoder(byte[] value) {
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        return outputDecoders.computeIfAbsent(schemaId, id -> {
            try {
                return new ConfluentWireDecoder(registry, registry.schemaById(id));
            } catch (DecodeException e) {
                throw new DemoFailedException("output schema id " + id + " is not in the registry", e);
            }
        });
    }

    private static String keyText(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }

    static String format(FieldType type, Object value) {
        String text;
        if (value == null) {
            text = "null";
        } else if (type == FieldType.TIMESTAMP_MILLIS && value instanceof Long millis) {
            text = Instant.ofEpochMilli(millis).toString();
        } else if (type == FieldType.DATE && value instanceof Integer days) {
            text = LocalDate.ofEpochDay(days).toString();
        } else if (value instanceof byte[] bytes) {
            text = Base64.getEncoder().encodeToString(bytes);
        } else {
            text = String.valueOf(value);
        }
        return text.length() > MAX_WIDTH ? text.substring(0, MAX_WIDTH - 1) + "…" : text;
    }
}
