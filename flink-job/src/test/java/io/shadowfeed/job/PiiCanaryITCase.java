package io.shadowfeed.job;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.CanaryIdentifiers;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end PII canary: real Chinook customers, employees and invoices plus support tickets with injected cards,
 * IBANs, SSNs and emails (in their own columns and inside free text) go through the job with {@code auto} policies
 * and keyed pseudonyms. No PII value of the input may appear in any byte of any anonymized output topic, and the
 * pseudonymized keys must still join.
 */
class PiiCanaryITCase {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    @RegisterExtension
    @Order(2)
    static final EmbeddedSchemaRegistry REGISTRY = new EmbeddedSchemaRegistry(KAFKA);

    @RegisterExtension
    @Order(3)
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final int TICKETS = 300;

    @Test
    void noPiiValueReachesAnyOutputByteAndKeysStillJoin() throws Exception {
        String name = "canary-" + EmbeddedKafkaCluster.randomSuffix();
        PipelineSpec spec = PipelineSpecLoader.parse("""
                name: %1$s
                kafka: {bootstrap-servers: "%2$s"}
                registry: {url: "%3$s"}
                keys: {source: development}
                dead-letter-topic: dlq.%1$s
                job: {checkpoint-interval: 1s}
                tables:
                  employee:
                    input-topic: raw.employee.%1$s
                    schema: classpath:schemas/chinook/Employee.avsc
                    key: EmployeeId
                    foreign-keys: {ReportsTo: employee.EmployeeId}
                    default-policy: auto
                  customer:
                    input-topic: raw.customer.%1$s
                    schema: classpath:schemas/chinook/Customer.avsc
                    key: CustomerId
                    foreign-keys: {SupportRepId: employee.EmployeeId}
                    default-policy: auto
                  invoice:
                    input-topic: raw.invoice.%1$s
                    schema: classpath:schemas/chinook/Invoice.avsc
                    key: InvoiceId
                    entity-scope: customer
                    entity-key: CustomerId
                    foreign-keys: {CustomerId: customer.CustomerId}
                    default-policy: auto
                  support_ticket:
                    input-topic: raw.support_ticket.%1$s
                    schema: classpath:schemas/test/SupportTicket.avsc
                    key: TicketId
                    foreign-keys: {CustomerId: customer.CustomerId}
                    default-policy: auto
                """.formatted(name, KAFKA.bootstrapServers(), REGISTRY.url()), Path.of("."), "canary.yaml");

        Map<String, List<Object[]>> input = new HashMap<>();
        for (String table : List.of("employee", "customer", "invoice")) {
            TableSpec t = spec.table(table).orElseThrow();
            input.put(table, ChinookRows.read(csv(table), t.schema()));
        }
        Set<String> canaries = new HashSet<>();
        input.put("support_ticket", tickets(input.get("customer"), spec.table("customer").orElseThrow().schema(),
                canaries));
        collect(canaries, spec.table("customer").orElseThrow(), input.get("customer"),
                "Email", "Phone", "Fax", "Address", "Company", "PostalCode");
        collect(canaries, spec.table("employee").orElseThrow(), input.get("employee"),
                "Email", "Phone", "Fax", "Address", "PostalCode");
        collect(canaries, spec.table("invoice").orElseThrow(), input.get("invoice"),
                "BillingAddress", "BillingPostalCode");
        assertThat(canaries).hasSizeGreaterThan(1000);

        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url());
             KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (TableSpec table : spec.tables()) {
                ConfluentWireEncoder encoder = new ConfluentWireEncoder(registry, table.inputTopic() + "-value",
                        table.schema());
                KAFKA.createTopics(1, table.inputTopic());
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (Object[] row : input.get(table.name())) {
                    sent.add(producer.send(new ProducerRecord<>(table.inputTopic(), encoder.encode(row))));
                }
                for (java.util.concurrent.Future<?> ack : sent) {
                    ack.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        }

        ShadowfeedJob.builder().setSpec(spec).optBounded(true).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());

        Map<String, List<Object[]>> output = new HashMap<>();
        for (TableSpec table : spec.tables()) {
            List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(table.outputTopic());
            assertThat(records).as("every %s record reaches the output", table.name())
                    .hasSize(input.get(table.name()).size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                String bytes = new String(record.value(), StandardCharsets.ISO_8859_1) + " "
                        + new String(record.value(), StandardCharsets.UTF_8) + " "
                        + (record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8));
                for (String canary : canaries) {
                    assertThat(bytes).as("a PII value leaked into %s", table.outputTopic()).doesNotContain(canary);
                }
            }
            output.put(table.name(), decode(records));
        }
        assertThat(KAFKA.readAll(spec.deadLetterTopic())).isEmpty();

        // Keys were pseudonymized, and foreign keys with the same function: every reference still resolves.
        Set<Object> customerKeys = column(output.get("customer"), 0);
        Set<Object> employeeKeys = column(output.get("employee"), 0);
        assertThat(customerKeys).hasSize(59).doesNotContainAnyElementsOf(column(input.get("customer"), 0));
        assertThat(customerKeys).containsAll(column(output.get("invoice"), 1));
        assertThat(customerKeys).containsAll(column(output.get("support_ticket"), 1));
        Set<Object> supportReps = column(output.get("customer"), 12);
        supportReps.remove(null);
        assertThat(employeeKeys).containsAll(supportReps);

        // Names are faked: no person keeps their real first and last name.
        Set<String> realNames = names(input.get("customer"), 1, 2);
        realNames.addAll(names(input.get("employee"), 2, 1));
        Set<String> fakeNames = names(output.get("customer"), 1, 2);
        fakeNames.addAll(names(output.get("employee"), 2, 1));
        assertThat(fakeNames).hasSize(realNames.size()).doesNotContainAnyElementsOf(realNames);
        // Free text keeps its words but loses its PII.
        Object note = output.get("support_ticket").get(0)[2];
        assertThat(note.toString()).contains("declined").contains("<CREDIT_CARD>");
    }

    private static List<Object[]> tickets(List<Object[]> customers, TableSchema customerSchema, Set<String> canaries) {
        Random random = new Random(7);
        int first = customerSchema.indexOf("FirstName");
        int last = customerSchema.indexOf("LastName");
        int email = customerSchema.indexOf("Email");
        int phone = customerSchema.indexOf("Phone");
        List<Object[]> tickets = new ArrayList<>();
        for (int i = 1; i <= TICKETS; i++) {
            Object[] customer = customers.get(random.nextInt(customers.size()));
            String card = CanaryIdentifiers.visa(random);
            String iban = CanaryIdentifiers.germanIban(random);
            String ssn = CanaryIdentifiers.ssn(random);
            String noteCard = CanaryIdentifiers.visa(random);
            String noteEmail = "ticket" + i + ".reply@mailbox-" + i + ".org";
            canaries.addAll(List.of(card, iban, ssn, noteCard, noteEmail));
            String note = "Mr " + customer[last] + " says his card " + noteCard + " was declined twice; "
                    + "write to " + noteEmail + " or " + customer[email] + ", call " + (customer[phone] == null
                    ? "back later" : customer[phone]) + ". SSN on file " + ssn + ", refund to IBAN " + iban
                    + ". Order " + (10_000 + i) + ", amount 12.90 EUR.";
            canaries.add(customer[first] + " " + customer[last]);
            tickets.add(new Object[] {i, customer[0], note, card, iban, ssn, noteEmail, i % 3 == 0 ? "high" : "low"});
        }
        return tickets;
    }

    private static void collect(Set<String> canaries, TableSpec table, List<Object[]> rows, String... fields) {
        for (String field : fields) {
            int position = table.schema().indexOf(field);
            for (Object[] row : rows) {
                Object value = row[position];
                // Short all-digit values (a postcode like 53703) occur by chance inside any long run of fake digits
                // (a fake card number) or binary data: not identifying, so not a canary. Letters make them specific.
                String text = value == null ? "" : value.toString();
                if (text.length() >= 8 || (text.length() >= 5 && !text.chars().allMatch(Character::isDigit))) {
                    canaries.add(text);
                }
            }
        }
    }

    private static List<Object[]> decode(List<ConsumerRecord<byte[], byte[]>> records) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url())) {
            ConfluentWireDecoder decoder = new ConfluentWireDecoder(registry,
                    registry.schemaById(ByteBuffer.wrap(records.get(0).value(), 1, 4).getInt()));
            for (ConsumerRecord<byte[], byte[]> record : records) {
                rows.add(decoder.decode(record.value()).values());
            }
        }
        return rows;
    }

    private static Set<Object> column(List<Object[]> rows, int position) {
        Set<Object> values = new HashSet<>();
        rows.forEach(r -> values.add(r[position]));
        return values;
    }

    private static Set<String> names(List<Object[]> rows, int first, int last) {
        Set<String> names = new HashSet<>();
        rows.forEach(r -> names.add(r[first] + " " + r[last]));
        return names;
    }

    private static String csv(String table) {
        return switch (table) {
            case "employee" -> "Employee";
            case "customer" -> "Customer";
            case "invoice" -> "Invoice";
            default -> throw new IllegalArgumentException(table);
        };
    }
}
