package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.StoreRecord;
import io.shadowfeed.avro.registry.store.StoreRecord.SchemaVersion;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each compatibility level with a compatible and an incompatible change, and where transitive levels differ. */
class CompatibilityCheckerTest {

    /** {a: int}. */
    private static final String A = record("{\"name\":\"a\",\"type\":\"int\"}");
    /** {a: int, b: string = "x"}: A plus a field with a default. */
    private static final String A_B_DEFAULT =
            record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}");
    /** {a: int, b: string}: A plus a field without a default. */
    private static final String A_B = record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"string\"}");
    /** {a: string}: A with another type. */
    private static final String A_AS_STRING = record("{\"name\":\"a\",\"type\":\"string\"}");

    @Test
    void backwardAcceptsANewFieldWithDefaultAndRejectsOneWithout() {
        assertThat(check(CompatibilityLevel.BACKWARD, A_B_DEFAULT, A)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD, A_B, A))
                .anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'b'"))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD'}");
    }

    @Test
    void forwardAcceptsANewFieldAndRejectsRemovingOneTheOldReaderNeeds() {
        assertThat(check(CompatibilityLevel.FORWARD, A_B, A)).isEmpty();
        assertThat(check(CompatibilityLevel.FORWARD, A, A_B))
                .anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("old schema"))
                .contains("{compatibility: 'FORWARD'}");
    }

    @Test
    void fullNeedsBothDirections() {
        assertThat(check(CompatibilityLevel.FULL, A_B_DEFAULT, A)).isEmpty();
        // backward fine (the new reader ignores b), forward broken (the old reader needs b)
        assertThat(check(CompatibilityLevel.BACKWARD, A, A_B)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, A, A_B)).isNotEmpty().contains("{compatibility: 'FULL'}");
        // forward fine, backward broken
        assertThat(check(CompatibilityLevel.FORWARD, A_B, A)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, A_B, A)).isNotEmpty();
    }

    @Test
    void noneAcceptsEvenATypeChange() {
        assertThat(check(CompatibilityLevel.NONE, A_AS_STRING, A)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD, A_AS_STRING, A))
                .anySatisfy(m -> assertThat(m).contains("TYPE_MISMATCH"));
    }

    @Test
    void backwardTransitiveChecksEveryVersion() {
        // v1 {a}, v2 {a, b="x"}; new {a, b}: reads v2 data, but not v1 data (b missing, no default)
        assertThat(check(CompatibilityLevel.BACKWARD, A_B, A, A_B_DEFAULT)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, A_B, A, A_B_DEFAULT))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'BACKWARD_TRANSITIVE'}")
                .doesNotContain("{oldSchemaVersion: 2}");
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, A_B_DEFAULT, A)).isEmpty();
    }

    @Test
    void forwardTransitiveChecksEveryVersion() {
        // v1 {a, b}, v2 {a, b="x"}; new {a}: v2 can read it (default), v1 cannot
        assertThat(check(CompatibilityLevel.FORWARD, A, A_B, A_B_DEFAULT)).isEmpty();
        assertThat(check(CompatibilityLevel.FORWARD_TRANSITIVE, A, A_B, A_B_DEFAULT))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'FORWARD_TRANSITIVE'}");
        assertThat(check(CompatibilityLevel.FORWARD_TRANSITIVE, A_B_DEFAULT, A_B)).isEmpty();
    }

    @Test
    void fullTransitiveChecksEveryVersion() {
        // v1 {a}, v2 {a, b="x"}; new {a, b}: full against v2, not backward against v1
        assertThat(check(CompatibilityLevel.FULL, A_B, A, A_B_DEFAULT)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL_TRANSITIVE, A_B, A, A_B_DEFAULT))
                .contains("{oldSchemaVersion: 1}", "{compatibility: 'FULL_TRANSITIVE'}");
        assertThat(check(CompatibilityLevel.FULL_TRANSITIVE, A_B_DEFAULT, A, A_B_DEFAULT)).isEmpty();
    }

    @Test
    void nonTransitiveLevelsIgnoreOlderVersions() {
        // v1 {a: string} is unreadable by anything below, but only v2 counts without _TRANSITIVE
        assertThat(check(CompatibilityLevel.BACKWARD, A_B_DEFAULT, A_AS_STRING, A)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, A_B_DEFAULT, A_AS_STRING, A)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void everyLevelAcceptsTheFirstVersionAndAnIdenticalOne(CompatibilityLevel level) {
        assertThat(check(level, A_AS_STRING)).isEmpty();
        assertThat(check(level, A, A)).isEmpty();
    }

    @Test
    void levelsParseIgnoringCase() {
        assertThat(CompatibilityLevel.forName("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.forName(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.forName("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.forName(null)).isEmpty();
    }

    private static List<String> check(CompatibilityLevel level, String newSchema, String... previous) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (int i = 0; i < previous.length; i++) {
            versions.add(new SchemaVersion("s", i + 1, i + 1, StoreRecord.AVRO, previous[i], false));
        }
        return CompatibilityChecker.check(level, newSchema, versions);
    }

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"io.shadowfeed.test\",\"fields\":[" + fields + "]}";
    }
}
