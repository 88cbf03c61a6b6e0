package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A line of the labelled free-text set: the text with its inline {@code [[TYPE:text]]} markup stripped, and the gold spans. */
record MarkedText(String text, List<Span> gold) {

    static MarkedText parse(String marked) {
        StringBuilder text = new StringBuilder();
        List<Span> gold = new ArrayList<>();
        int i = 0;
        while (i < marked.length()) {
            int open = marked.indexOf("[[", i);
            if (open < 0) {
                text.append(marked, i, marked.length());
                break;
            }
            text.append(marked, i, open);
            int colon = marked.indexOf(':', open);
            int close = marked.indexOf("]]", colon);
            if (colon < 0 || close < 0) {
                throw new IllegalArgumentException("Unclosed markup at " + open + " in: " + marked);
            }
            PiiType type = PiiType.valueOf(marked.substring(open + 2, colon));
            String value = marked.substring(colon + 1, close);
            int start = text.length();
            text.append(value);
            gold.add(new Span(start, text.length(), type, 1.0));
            i = close + 2;
        }
        return new MarkedText(text.toString(), List.copyOf(gold));
    }

    static List<MarkedText> load(String resource) {
        InputStream in = MarkedText.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing test resource " + resource);
        }
        List<MarkedText> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
