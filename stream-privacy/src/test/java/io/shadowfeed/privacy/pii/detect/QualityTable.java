package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Precision, recall and F1 per type and micro-averaged over all PII types. A prediction of the wrong type counts as a
 * false positive of the predicted type and a false negative of the true type; {@link PiiType#NONE} is not a class.
 */
final class QualityTable {

    private final Map<PiiType, int[]> counts = new EnumMap<>(PiiType.class);

    void truePositive(PiiType type) {
        row(type)[0]++;
    }

    void falsePositive(PiiType type) {
        row(type)[1]++;
    }

    void falseNegative(PiiType type) {
        row(type)[2]++;
    }

    /** Records one multi-class decision. */
    void add(PiiType gold, PiiType predicted) {
        if (gold == predicted) {
            if (gold != PiiType.NONE) {
                truePositive(gold);
            }
            return;
        }
        if (predicted != PiiType.NONE) {
            falsePositive(predicted);
        }
        if (gold != PiiType.NONE) {
            falseNegative(gold);
        }
    }

    private int[] row(PiiType type) {
        return counts.computeIfAbsent(type, t -> new int[3]);
    }

    int[] total() {
        int[] t = new int[3];
        for (int[] c : counts.values()) {
            for (int i = 0; i < 3; i++) {
                t[i] += c[i];
            }
        }
        return t;
    }

    double precision() {
        return precision(total());
    }

    double recall() {
        return recall(total());
    }

    double f1() {
        return f1(total());
    }

    static double precision(int[] c) {
        return c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
    }

    static double recall(int[] c) {
        return c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]);
    }

    static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    String markdown() {
        StringBuilder b = new StringBuilder("| type | TP | FP | FN | precision | recall | F1 |\n|---|---|---|---|---|---|---|\n");
        counts.forEach((type, c) -> b.append(line(type.name(), c)));
        b.append(line("**all (micro)**", total()));
        return b.toString();
    }

    private static String line(String name, int[] c) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n", name, c[0], c[1], c[2],
                precision(c), recall(c), f1(c));
    }

    /** Writes the table under target/pii-quality/ so docs/PII.md can be refreshed from a run. */
    void write(String fileName, String preamble) {
        try {
            Path dir = Path.of("target", "pii-quality");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), preamble + "\n\n" + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
