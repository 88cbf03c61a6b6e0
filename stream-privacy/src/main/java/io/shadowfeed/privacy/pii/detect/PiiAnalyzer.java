package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a {@link DetectorRegistry} over a text and returns non-overlapping spans in text order. Overlaps are resolved
 * greedily: the higher score wins, then the longer span, then the earlier one, then the type's declaration order, so
 * results are deterministic. Immutable and thread-safe.
 *
 * <pre>{@code
 * PiiAnalyzer analyzer = PiiAnalyzer.builder().optMinScore(0.5).build();
 * List<Span> spans = analyzer.analyze("Call Jane Doe on +44 20 7946 0958");
 * String safe = SpanRedactor.tags().redact(text, spans);   // "Call <PERSON_NAME> on <PHONE>"
 * }</pre>
 */
public final class PiiAnalyzer {

    private static final Comparator<Span> PRIORITY = Comparator.comparingDouble(Span::score).reversed()
            .thenComparing(Comparator.comparingInt(Span::length).reversed())
            .thenComparingInt(Span::start)
            .thenComparing(Span::type);

    private final DetectorRegistry registry;
    private final TextDetector[] detectors;
    private final double minScore;
    private final Set<PiiType> types;

    private PiiAnalyzer(Builder b) {
        this.types = b.types == null ? null : Set.copyOf(b.types);
        DetectorRegistry r = b.registry != null ? b.registry : DetectorRegistry.defaults();
        this.registry = types == null ? r : r.only(types);
        this.detectors = registry.detectors().toArray(new TextDetector[0]);
        this.minScore = b.minScore;
    }

    /** The bundled detectors, minimum score 0.5. */
    public static PiiAnalyzer defaults() {
        return DefaultHolder.DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public DetectorRegistry registry() {
        return registry;
    }

    public double minScore() {
        return minScore;
    }

    /** The spans of personal data in {@code text}, sorted by start; empty for null or empty text. */
    public List<Span> analyze(String text) {
        return analyze(text, null);
    }

    /**
     * As {@link #analyze(String)}, with the region the text comes from (ISO 3166 alpha-2, e.g. from the row's country
     * column via a country-name mapping; null or a region the detectors do not know = none): phone numbers written in
     * that region's national format are then recognised without a phone context word, as in the default region.
     */
    public List<Span> analyze(String text, String region) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        TextContext ctx = TextContext.of(text, region);
        List<Span> candidates = new ArrayList<>();
        for (TextDetector d : detectors) {
            d.detect(ctx, candidates);
        }
        int n = text.length();
        int kept = 0;
        for (int i = 0; i < candidates.size(); i++) {
            Span s = candidates.get(i);
            if (s.score() >= minScore && s.end() <= n && (types == null || types.contains(s.type()))) {
                candidates.set(kept++, s);
            }
        }
        return resolve(kept == candidates.size() ? candidates : candidates.subList(0, kept));
    }

    /** Non-overlapping spans by the priority above, in text order. */
    static List<Span> resolve(List<Span> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        if (candidates.size() == 1) {
            return List.of(candidates.get(0));
        }
        candidates.sort(PRIORITY);
        TreeMap<Integer, Span> accepted = new TreeMap<>();
        for (Span s : candidates) {
            Map.Entry<Integer, Span> before = accepted.floorEntry(s.start());
            if (before != null && before.getValue().end() > s.start()) {
                continue;
            }
            Map.Entry<Integer, Span> after = accepted.ceilingEntry(s.start());
            if (after != null && after.getKey() < s.end()) {
                continue;
            }
            accepted.put(s.start(), s);
        }
        return List.copyOf(accepted.values());
    }

    private static final class DefaultHolder {
        static final PiiAnalyzer DEFAULT = builder().build();
    }

    /** Builds a {@link PiiAnalyzer}. */
    public static final class Builder {
        private DetectorRegistry registry;
        private double minScore = 0.5;
        private Set<PiiType> types;

        private Builder() {}

        /** The detectors to run; default {@link DetectorRegistry#defaults()}. */
        public Builder optRegistry(DetectorRegistry detectorRegistry) {
            DetectPreconditions.checkState(registry == null, "registry is already set");
            this.registry = DetectPreconditions.checkNotNull(detectorRegistry, "registry");
            return this;
        }

        /** Spans scoring below this are dropped; default 0.5. */
        public Builder optMinScore(double score) {
            this.minScore = DetectPreconditions.checkScore(score, "minScore");
            return this;
        }

        /** Only these types are reported; default all. */
        public Builder optTypes(Set<PiiType> wanted) {
            DetectPreconditions.checkNotNull(wanted, "types");
            DetectPreconditions.checkArgument(!wanted.isEmpty(), "types must not be empty. Provided value: %s",
                    wanted);
            this.types = EnumSet.copyOf(wanted);
            return this;
        }

        public PiiAnalyzer build() {
            return new PiiAnalyzer(this);
        }
    }
}
