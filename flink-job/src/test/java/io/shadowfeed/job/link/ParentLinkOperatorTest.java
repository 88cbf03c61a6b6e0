package io.shadowfeed.job.link;

import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.operator.DeadLetters;
import io.shadowfeed.job.serde.DeadLetter;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.ForeignKeySpec;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.synth.ModelStatus;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The linkage operator alone, in Flink's keyed operator test harness (real keyed state and timers). */
class ParentLinkOperatorTest {

    private static final String SPEC = """
            name: link
            tables:
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: keep
              invoice:
                input-topic: raw.invoice
                schema: classpath:schemas/chinook/Invoice.avsc
                key: InvoiceId
                event-time: InvoiceDate
                foreign-keys: {CustomerId: customer.CustomerId}
                parent-wait: 10s
                max-waiting: 3
                default-policy: keep
            """;

    private final PipelineSpec spec = PipelineSpecLoader.parse(SPEC, Path.of("."), "link.yaml");
    private final TableSpec invoice = spec.table("invoice").orElseThrow();
    private final TableSpec customer = spec.table("customer").orElseThrow();
    private final int arity = invoice.outputSchema().size();
    private final int customerIdPosition = invoice.outputSchema().indexOf("CustomerId");

    @Test
    void childrenWaitForTheirParentAndLeaveWithItsContext() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(child(1, 7, 1_000));
            harness.processElement1(child(2, 7, 2_000));
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.processElement1(parent("7", Map.of("Country", "Norway")), 500);
            harness.processElement1(child(3, 7, 3_000));
            List<Row> out = harness.extractOutputValues();
            assertThat(out).extracting(r -> r.getField(0)).containsExactly(1, 2, 3);
            assertThat(out).allSatisfy(r -> assertThat(r.getField(arity + 4))
                    .isEqualTo(Map.of("CustomerId.Country", "Norway")));
        }
    }

    @Test
    void onlyTheValuesTheChildsModelIsConditionedOnTravelOn(@TempDir Path artifact) throws Exception {
        Files.writeString(artifact.resolve("model.json"), "{\"context_columns\": [\"CustomerId.Country\"]}");
        ModelVersion childModel = new ModelVersion("invoice", 1, artifact.toString(), "columns:x", true, 0L);
        try (var harness = harness(childModel)) {
            harness.processElement1(parent("7", Map.of("Country", "Norway", "City", "Oslo", "State", "")), 0);
            harness.processElement1(child(1, 7, 1_000));
            assertThat(harness.extractOutputValues().get(0).getField(arity + 4))
                    .isEqualTo(Map.of("CustomerId.Country", "Norway"));
        }
    }

    @Test
    void aChildWhoseParentNeverComesIsAnOrphanAfterTheWait() throws Exception {
        try (var harness = harness()) {
            harness.processElement1(child(1, 9, 1_000));
            harness.processBothWatermarks(new Watermark(10_999));
            assertThat(harness.getSideOutput(DeadLetters.TAG)).isNull();
            harness.processBothWatermarks(new Watermark(11_000));
            var letters = harness.getSideOutput(DeadLetters.TAG);
            assertThat(letters).hasSize(1);
            DeadLetter letter = letters.peek().getValue();
            assertThat(letter.reason).isEqualTo(ParentLinkOperator.ORPHAN);
            assertThat(letter.sourceOffset).isEqualTo(1L);
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    @Test
    void waitingIsBoundedPerParent() throws Exception {
        try (var harness = harness()) {
            for (int i = 1; i <= 4; i++) {
                harness.processElement1(child(i, 5, 1_000));
            }
            assertThat(harness.getSideOutput(DeadLetters.TAG)).hasSize(1);
            harness.processElement1(parent("5", Map.of()), 0);
            assertThat(harness.extractOutputValues()).extracting(r -> r.getField(0)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void aNullForeignKeyPassesAtOnce() throws Exception {
        try (var harness = harness()) {
            StreamRecord<Either<Row, ParentAnnouncement>> record = child(1, 5, 1_000);
            record.getValue().left().setField(customerIdPosition, null);
            harness.processElement1(record);
            assertThat(harness.extractOutputValues()).hasSize(1);
        }
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, Either<Row, ParentAnnouncement>, ModelVersion, Row>
            harness() throws Exception {
        return harness(null);
    }

    private KeyedTwoInputStreamOperatorTestHarness<String, Either<Row, ParentAnnouncement>, ModelVersion, Row>
            harness(ModelVersion childModel) throws Exception {
        RowTypeInfo rows = TableRows.typeOf(invoice.outputSchema());
        ForeignKeySpec fk = invoice.parentKeys().get(0);
        ParentLinkOperator operator = new ParentLinkOperator(invoice, fk, customer, spec.serving(), rows,
                new OutputTag<>("parents", TableRows.typeOf(customer.outputSchema())),
                new OutputTag<>("status", Types.POJO(ModelStatus.class)), null, childModel);
        int position = customerIdPosition;
        KeySelector<Either<Row, ParentAnnouncement>, String> key = e -> ParentLinkOperator.keyOf(e, position);
        KeySelector<ModelVersion, String> unused = ModelVersion::table;
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(operator, key, unused, Types.STRING);
        harness.open();
        return harness;
    }

    private StreamRecord<Either<Row, ParentAnnouncement>> child(int id, int customerId, long eventTime) {
        Row row = Row.withPositions(arity + TableRows.METADATA_FIELDS);
        row.setField(0, id);
        row.setField(customerIdPosition, customerId);
        row.setField(arity, eventTime);
        row.setField(arity + 1, eventTime);
        row.setField(arity + 2, 0);
        row.setField(arity + 3, (long) id);
        return new StreamRecord<>(Either.Left(row), eventTime);
    }

    private static Either<Row, ParentAnnouncement> parent(String key, Map<String, String> values) {
        return Either.Right(new ParentAnnouncement(key, values));
    }
}
