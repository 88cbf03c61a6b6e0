package io.shadowfeed.avro.registry.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code _schemas} record format: Confluent's JSON keys and values, and compaction-safe keys. */
class ConfluentRecordCodecTest {

    @Test
    void everyRecordTypeSurvivesARoundTrip() {
        List<StoreRecord> records = List.of(
                new StoreRecord.SchemaVersion("orders-value", 3, 7, StoreRecord.AVRO, "\"string\"", false),
                new StoreRecord.SchemaVersion("orders-value", 3, 7, StoreRecord.AVRO, "\"string\"", true),
                new StoreRecord.SchemaVersion("proto-value", 1, 8, "PROTOBUF", "syntax = \"proto3\";", false),
                new StoreRecord.SchemaVersionTombstone("orders-value", 3),
                new StoreRecord.CompatibilityConfig(null, "FULL"),
                new StoreRecord.CompatibilityConfig("orders-value", "NONE"),
                new StoreRecord.CompatibilityConfig("orders-value", null),
                new StoreRecord.SubjectDeletion("orders-value", 3));
        for (StoreRecord record : records) {
            ConfluentRecordCodec.Encoded encoded = ConfluentRecordCodec.encode(record);
            assertThat(ConfluentRecordCodec.decode(encoded.key(), encoded.value())).contains(record);
        }
    }

    @Test
    void writesConfluentsJson() {
        ConfluentRecordCodec.Encoded schema = ConfluentRecordCodec.encode(
                new StoreRecord.SchemaVersion("orders-value", 1, 1, StoreRecord.AVRO, "\"string\"", false));
        assertThat(text(schema.key()))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":1,\"magic\":1}");
        assertThat(text(schema.value())).isEqualTo(
                "{\"subject\":\"orders-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");

        ConfluentRecordCodec.Encoded global = ConfluentRecordCodec.encode(new StoreRecord.CompatibilityConfig(null, "FULL"));
        assertThat(text(global.key())).isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(global.value())).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");

        ConfluentRecordCodec.Encoded deletion = ConfluentRecordCodec.encode(new StoreRecord.SubjectDeletion("s", 2));
        assertThat(text(deletion.key())).isEqualTo("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}");
        assertThat(text(deletion.value())).isEqualTo("{\"subject\":\"s\",\"version\":2}");
    }

    @Test
    void recordsForTheSameKeyHaveTheSameKeyBytesSoCompactionKeepsTheLatest() {
        ConfluentRecordCodec.Encoded live = ConfluentRecordCodec.encode(
                new StoreRecord.SchemaVersion("s", 1, 1, StoreRecord.AVRO, "\"int\"", false));
        ConfluentRecordCodec.Encoded tombstone =
                ConfluentRecordCodec.encode(new StoreRecord.SchemaVersionTombstone("s", 1));
        assertThat(tombstone.key()).isEqualTo(live.key());
        assertThat(tombstone.value()).isNull();
        assertThat(new StoreRecord.SchemaVersionTombstone("s", 1).key())
                .isEqualTo(new StoreRecord.SchemaVersion("s", 1, 1, null, "\"int\"", false).key());
    }

    @Test
    void readsRecordsWrittenByAConfluentRegistry() {
        // as found in a Confluent Schema Registry 7.x _schemas topic, attribute order and extras included
        assertThat(decode("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":2,\"magic\":1}",
                "{\"subject\":\"t-value\",\"version\":2,\"id\":5,\"schemaType\":\"AVRO\",\"references\":[],"
                        + "\"schema\":\"\\\"long\\\"\",\"deleted\":true}"))
                .isEqualTo(new StoreRecord.SchemaVersion("t-value", 2, 5, "AVRO", "\"long\"", true));
        assertThat(decode("{\"keytype\":\"CONFIG\",\"subject\":\"t-value\",\"magic\":0}",
                "{\"compatibilityLevel\":\"FORWARD\",\"alias\":null}"))
                .isEqualTo(new StoreRecord.CompatibilityConfig("t-value", "FORWARD"));
        assertThat(decode("{\"magic\":0,\"keytype\":\"CONFIG\"}", "{\"compatibilityLevel\":\"NONE\"}"))
                .isEqualTo(new StoreRecord.CompatibilityConfig(null, "NONE"));
    }

    @Test
    void skipsKeyTypesTheRegistryDoesNotUse() {
        assertThat(ConfluentRecordCodec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null)).isEmpty();
        assertThat(ConfluentRecordCodec.decode(
                bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"), bytes("{\"mode\":\"READWRITE\"}")))
                .isEmpty();
    }

    @Test
    void rejectsRecordsItCannotRead() {
        assertThatThrownBy(() -> ConfluentRecordCodec.decode(bytes("not json"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key is not valid JSON");
        assertThatThrownBy(() -> ConfluentRecordCodec.decode(bytes("{\"subject\":\"s\"}"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key has no keytype");
        assertThatThrownBy(() -> ConfluentRecordCodec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"s\",\"version\":1,\"schema\":\"\\\"int\\\"\"}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'id' must be an integer");
    }

    private static StoreRecord decode(String key, String value) {
        return ConfluentRecordCodec.decode(bytes(key), bytes(value)).orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
