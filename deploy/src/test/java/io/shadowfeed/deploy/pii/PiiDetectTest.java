package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PiiDetectTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsAnEmailAndACardWithTheirOffsets() throws Exception {
        String line = "mail jane@example.org, card 4111 1111 1111 1111 please";

        List<JsonNode> out = detect(SpanJson.spansOnly(), line);

        JsonNode spans = out.get(0).get("spans");
        assertThat(spans).hasSize(2);
        assertSpan(spans.get(0), line.indexOf("jane"), line.indexOf(","), "EMAIL");
        assertSpan(spans.get(1), line.indexOf("4111"), line.indexOf(" please"), "CREDIT_CARD");
        assertThat(spans.get(0).get("score").asDouble()).isBetween(0.5, 1.0);
        assertThat(out.get(0).has("redacted")).isFalse();
    }

    @Test
    void offsetsCountUtf16CodeUnits() throws Exception {
        String line = "\uD83D\uDE00 jane@example.org";   // an emoji is one code point, two UTF-16 units

        JsonNode spans = detect(SpanJson.spansOnly(), line).get(0).get("spans");

        assertSpan(spans.get(0), 3, 19, "EMAIL");
        assertThat(line.substring(3, 19)).isEqualTo("jane@example.org");
    }

    @Test
    void anEmptyLineHasNoSpans() throws Exception {
        List<String> out = detectRaw(SpanJson.spansOnly(), "a\n\nb\n".getBytes(StandardCharsets.UTF_8));

        assertThat(out).containsExactly("{\"spans\":[]}", "{\"spans\":[]}", "{\"spans\":[]}");
    }

    @Test
    void redactsWithTypeTags() throws Exception {
        String line = "caf\u00e9: mail jane@example.org, card 4111 1111 1111 1111";

        JsonNode out = detect(SpanJson.withRedacted(), line).get(0);

        assertThat(out.get("redacted").asText()).isEqualTo("caf\u00e9: mail <EMAIL>, card <CREDIT_CARD>");
    }

    @Test
    void invalidUtf8BecomesReplacementCharacters() throws Exception {
        byte[] input = concat("bad ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xc3},
                " jane@example.org\r\nnext\n".getBytes(StandardCharsets.UTF_8));

        List<String> out = detectRaw(SpanJson.withRedacted(), input);

        assertThat(out).hasSize(2);
        JsonNode first = JSON.readTree(out.get(0));
        assertThat(first.get("redacted").asText()).isEqualTo("bad \uFFFD\uFFFD <EMAIL>");
        assertSpan(first.get("spans").get(0), 7, 23, "EMAIL");
        assertThat(out.get(0)).as("plain ASCII whatever the console's charset").matches("\\p{ASCII}*");
    }

    @Test
    void aVeryLongLineIsOneAnswer() throws Exception {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            line.append("word").append(i).append(' ');
        }
        int at = line.length();
        line.append("jane@example.org");

        List<JsonNode> out = detect(SpanJson.spansOnly(), line.toString());

        assertThat(out).hasSize(1);
        assertSpan(out.get(0).get("spans").get(0), at, at + 16, "EMAIL");
    }

    @Test
    void stopsWhenTheOutputIsGone() {
        byte[] input = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();

        long lines = new LineDetector(PiiAnalyzer.defaults(), SpanJson.spansOnly())
                .run(new ByteArrayInputStream(input), new PrintWriter(out), () -> true);

        assertThat(lines).isZero();
        assertThat(out.toString().lines()).hasSize(1);
    }

    @Test
    void flushesEachLineAsItIsAnswered() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> seen = new ArrayList<>();
        PrintWriter out = new PrintWriter(bytes, false, StandardCharsets.UTF_8);

        new LineDetector(PiiAnalyzer.defaults(), SpanJson.spansOnly()).run(
                new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), out,
                () -> {
                    seen.add(bytes.size());
                    return false;
                });

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("{\"spans\":[]}\n".length());
    }

    static void assertSpan(JsonNode span, int start, int end, String type) {
        assertThat(span.get("start").asInt()).as("start").isEqualTo(start);
        assertThat(span.get("end").asInt()).as("end").isEqualTo(end);
        assertThat(span.get("type").asText()).isEqualTo(type);
    }

    private static List<JsonNode> detect(SpanJson json, String line) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String out : detectRaw(json, (line + "\n").getBytes(StandardCharsets.UTF_8))) {
            nodes.add(JSON.readTree(out));
        }
        return nodes;
    }

    private static List<String> detectRaw(SpanJson json, byte[] input) {
        StringWriter out = new StringWriter();
        new LineDetector(PiiAnalyzer.defaults(), json)
                .run(new ByteArrayInputStream(input), new PrintWriter(out), () -> false);
        return out.toString().lines().toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
