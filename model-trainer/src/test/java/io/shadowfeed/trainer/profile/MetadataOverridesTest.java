package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.testutils.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetadataOverridesTest {

    @TempDir
    Path dir;

    @Test
    void readsCtganMetadataAndMatchesHyphenatedNamesToUnderscoredColumns() {
        MetadataOverrides metadata = MetadataOverrides.read(TestDatasets.file("adult/adult.ctgan_metadata.json"));

        assertThat(metadata.columns()).hasSize(15);
        assertThat(metadata.columns().get(4)).isEqualTo(new DeclaredColumn("education-num", ColumnKind.CONTINUOUS,
                null, null));
        Map<String, DeclaredColumn> matched = metadata.match(List.of("age", "education_num", "Native Country",
                "workclass", "fnlwgt", "education", "marital_status", "occupation", "relationship", "race", "sex",
                "capital_gain", "capital_loss", "hours_per_week", "income"));
        assertThat(matched).hasSize(15);
        assertThat(matched.get("education_num").name()).isEqualTo("education-num");
        assertThat(matched.get("Native Country").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(matched.get("education").kind()).isEqualTo(ColumnKind.ORDINAL);
    }

    @Test
    void anExactNameWinsOverANormalisedOne() {
        MetadataOverrides metadata = MetadataOverrides.parse("""
                {"columns": [{"name": "a-b", "type": "continuous"}]}""", "m.json");

        assertThat(metadata.match(List.of("a_b", "a-b"))).containsOnlyKeys("a-b");
        assertThatThrownBy(() -> metadata.match(List.of("a_b", "A B")))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("could be any of [a_b, A B]");
    }

    @Test
    void readsSdvMetadataWithStrftimeFormatsAndPiiSdtypes() {
        MetadataOverrides metadata = MetadataOverrides.parse("""
                {"METADATA_SPEC_VERSION": "SINGLE_TABLE_V1", "primary_key": "id",
                 "columns": {
                   "id": {"sdtype": "id", "regex_format": "ID_[0-9]{3}"},
                   "amount": {"sdtype": "numerical", "computer_representation": "Float"},
                   "at": {"sdtype": "datetime", "datetime_format": "%Y-%m-%dT%H:%M:%S"},
                   "day": {"sdtype": "datetime", "datetime_format": "%d %b %Y"},
                   "size": {"sdtype": "categorical", "order": ["S", "M", "L"]},
                   "active": {"sdtype": "boolean"},
                   "mail": {"sdtype": "email", "pii": true},
                   "note": {"sdtype": "text"}}}""", "sdv.json");

        assertThat(metadata.columns()).containsExactly(
                new DeclaredColumn("id", ColumnKind.IDENTIFIER, null, null),
                new DeclaredColumn("amount", ColumnKind.CONTINUOUS, null, null),
                new DeclaredColumn("at", ColumnKind.DATETIME, "yyyy-MM-dd'T'HH:mm:ss", null),
                new DeclaredColumn("day", ColumnKind.DATETIME, "dd MMM yyyy", null),
                new DeclaredColumn("size", ColumnKind.ORDINAL, null, List.of("S", "M", "L")),
                new DeclaredColumn("active", ColumnKind.BOOLEAN, null, null),
                new DeclaredColumn("mail", ColumnKind.IDENTIFIER, null, null),
                new DeclaredColumn("note", ColumnKind.FREE_TEXT, null, null));
    }

    @Test
    void readsSdvMetadataOfOneTableInsideTables() {
        MetadataOverrides metadata = MetadataOverrides.parse("""
                {"tables": {"users": {"columns": {"age": {"sdtype": "numerical"}}}}}""", "multi.json");

        assertThat(metadata.columns()).containsExactly(new DeclaredColumn("age", ColumnKind.CONTINUOUS, null, null));
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"tables": {"a": {"columns": {}}, "b": {"columns": {}}}}""", "multi.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("describes 2 tables");
    }

    @Test
    void badMetadataIsATypedErrorSayingWhatToFix() throws IOException {
        assertThatThrownBy(() -> MetadataOverrides.read(dir.resolve("absent.json")))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("no such metadata file");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"columns\": [");
        assertThatThrownBy(() -> MetadataOverrides.read(broken))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("broken.json is not valid JSON");
        assertThatThrownBy(() -> MetadataOverrides.parse("{\"fields\": []}", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("has no \"columns\"");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": [{"name": "age", "type": "number"}]}""", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("column 'age' has type 'number'; use one of continuous, categorical");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": [{"type": "continuous"}]}""", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("has no \"name\"");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": [{"name": "a", "type": "continuous"}, {"name": "a", "type": "categorical"}]}""",
                "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("declares column 'a' twice");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": [{"name": "a", "type": "continuous", "format": "yyyy"}]}""", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("a format is for datetime columns");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": [{"name": "a", "type": "datetime", "format": "yyyy-MM-dd {"}]}""", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("invalid datetime format");
        assertThatThrownBy(() -> MetadataOverrides.parse("""
                {"columns": {"a": {"sdtype": "datetime", "datetime_format": "%Q"}}}""", "m.json"))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("column 'a' has a datetime format with a directive");
    }

    @Test
    void twoDeclarationsForOneColumnAreATypedError() {
        MetadataOverrides metadata = MetadataOverrides.parse("""
                {"columns": [{"name": "a-b", "type": "continuous"}, {"name": "A_B", "type": "categorical"}]}""",
                "m.json");

        assertThatThrownBy(() -> metadata.match(List.of("a_b")))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("both match table column 'a_b'");
    }
}
