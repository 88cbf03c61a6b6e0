package io.shadowfeed.trainer.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.RawTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableProfileJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void roundTripsThroughJsonWithoutIdentifierValues() throws Exception {
        TableProfile profile = Profiler.builder().build().profile(sample());

        String json = JSON.writeValueAsString(profile);
        TableProfile back = JSON.readValue(json, TableProfile.class);

        assertThat(back).isEqualTo(profile);
        assertThat(back.columns()).extracting(ColumnProfile::kind).containsExactly(ColumnKind.IDENTIFIER,
                ColumnKind.CONTINUOUS, ColumnKind.DATETIME, ColumnKind.BOOLEAN, ColumnKind.DISCRETE,
                ColumnKind.FREE_TEXT);
        assertThat(json).doesNotContain("secret-email", "Lorem");
        JsonNode email = JSON.readTree(json).get("columns").get(0);
        assertThat(email.has("categories")).isFalse();
        assertThat(email.get("cardinality").asInt()).isEqualTo(30);
        JsonNode at = JSON.readTree(json).get("columns").get(2).get("dateTime");
        assertThat(at.get("unit").asText()).isEqualTo("SECONDS");
        assertThat(at.get("pattern").asText()).isEqualTo("yyyy-MM-dd HH:mm:ss");
    }

    @Test
    void aProfileOfAnIdentifierCannotCarryCategories() {
        assertThatThrownBy(() -> new ColumnProfile("email", ColumnKind.IDENTIFIER, false, 2, 0, 2, null, null, null,
                List.of(new CategoryCount("a@b.c", 1), new CategoryCount("d@e.f", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("categories must be absent");
        assertThatThrownBy(() -> new ColumnProfile("n", ColumnKind.CONTINUOUS, false, 2, 0, 2, null, null, null,
                null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("range must be given");
        assertThatThrownBy(() -> new ColumnProfile("c", ColumnKind.DISCRETE, false, 3, 0, 1, null, null, null,
                List.of(new CategoryCount("x", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add up to 2, not the 3");
    }

    private static RawTable sample() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new String[] {"secret-email" + i + "@example.org", Double.toString(i * 1.5),
                    String.format("2020-05-%02d 12:00:00", 1 + i), i % 2 == 0 ? "true" : "false",
                    i % 3 == 0 ? "red" : "blue", "Lorem ipsum dolor sit amet, number " + i + " of the notes"});
        }
        return RawTable.fromRows(List.of("email", "amount", "at", "ok", "colour", "note"), rows);
    }
}
