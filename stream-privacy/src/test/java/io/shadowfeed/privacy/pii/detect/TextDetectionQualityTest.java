package io.shadowfeed.privacy.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Measures free-text detection on the labelled support notes ({@code pii/text/support-notes.txt}) with strict span
 * matching (same start, end and type) and asserts span F1 >= 0.90 micro-averaged over types.
 */
class TextDetectionQualityTest {

    static final double MIN_F1 = 0.90;

    @Test
    void meetsTheSpanF1TargetOnTheLabelledNotes() {
        List<MarkedText> notes = MarkedText.load("/pii/text/support-notes.txt");
        PiiAnalyzer analyzer = PiiAnalyzer.defaults();
        QualityTable strict = new QualityTable();
        QualityTable overlap = new QualityTable();
        List<String> errors = new ArrayList<>();
        int goldSpans = 0;
        Set<PiiType> typesCovered = EnumSet.noneOf(PiiType.class);
        for (MarkedText note : notes) {
            List<Span> found = analyzer.analyze(note.text());
            goldSpans += note.gold().size();
            note.gold().forEach(g -> typesCovered.add(g.type()));
            score(note, found, strict, overlap, errors);
        }
        String summary = String.format(Locale.ROOT,
                "%d lines, %d gold spans, %d types; strict precision %.3f, recall %.3f, F1 %.3f"
                        + " (overlap-match F1 %.3f)", notes.size(), goldSpans, typesCovered.size(),
                strict.precision(), strict.recall(), strict.f1(), overlap.f1());
        System.out.println("Free-text detection: " + summary);
        System.out.println(strict.markdown());
        errors.forEach(e -> System.out.println("MISS " + e));
        strict.write("text.md", summary + "\n\nErrors (gold and found spans shown by type and offsets):\n"
                + String.join("\n", errors));
        assertThat(notes).hasSizeGreaterThanOrEqualTo(200);
        assertThat(strict.f1()).as("strict span F1; errors: %s", errors).isGreaterThanOrEqualTo(MIN_F1);
    }

    private static void score(MarkedText note, List<Span> found, QualityTable strict, QualityTable overlap,
            List<String> errors) {
        Set<Span> matched = new HashSet<>();
        for (Span g : note.gold()) {
            Span hit = null;
            for (Span f : found) {
                if (f.start() == g.start() && f.end() == g.end() && f.type() == g.type()) {
                    hit = f;
                }
            }
            if (hit != null) {
                strict.truePositive(g.type());
                matched.add(hit);
            } else {
                strict.falseNegative(g.type());
                errors.add("missed " + g.type() + " [" + g.textOf(note.text()) + "] in: " + note.text());
            }
            boolean overlapHit = found.stream().anyMatch(f -> f.type() == g.type() && f.overlaps(g));
            if (overlapHit) {
                overlap.truePositive(g.type());
            } else {
                overlap.falseNegative(g.type());
            }
        }
        for (Span f : found) {
            if (!matched.contains(f)) {
                strict.falsePositive(f.type());
                errors.add("spurious " + f.type() + " " + f.score() + " [" + f.textOf(note.text()) + "] in: "
                        + note.text());
            }
            boolean overlapGold = note.gold().stream().anyMatch(g -> g.type() == f.type() && g.overlaps(f));
            if (!overlapGold) {
                overlap.falsePositive(f.type());
            }
        }
    }
}
