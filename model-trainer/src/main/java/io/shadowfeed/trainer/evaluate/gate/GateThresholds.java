package io.shadowfeed.trainer.evaluate.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a synthetic table must reach to pass the gate. Every threshold is optional: null means "not checked". A set
 * threshold whose metric was not measured fails the gate.
 *
 * <p>Defaults ({@link #defaults()}): quality at least 0.80, exact match rate at most 0.0, DCR share at most 0.55;
 * the others unchecked. Real data repeats rows by chance (Adult has duplicates), so by default the exact-match limit
 * is raised to the rate at which the real holdout matches training rows, when the report has one
 * ({@code exactMatchUpToHoldoutRate}); a generator may repeat rows no more often than real data does.
 *
 * <p>As a file (YAML, or JSON for a {@code .json} name), keys in snake_case; a key left out keeps its default, a key
 * set to null switches its check off:
 * <pre>
 * min_quality: 0.8
 * max_exact_match_rate: 0.0
 * max_dcr_share: 0.55
 * min_tstr_f1: 0.5
 * exact_match_up_to_holdout_rate: true
 * </pre>
 */
public record GateThresholds(Double minQuality, Double minColumnShapes, Double minColumnPairTrends,
        Double maxExactMatchRate, Double maxDcrShare, Double minTstrF1, boolean exactMatchUpToHoldoutRate) {
    public static final double DEFAULT_MIN_QUALITY = 0.80;
    public static final double DEFAULT_MAX_EXACT_MATCH_RATE = 0.0;
    public static final double DEFAULT_MAX_DCR_SHARE = 0.55;

    static final String MIN_QUALITY = "min_quality";
    static final String MIN_COLUMN_SHAPES = "min_column_shapes";
    static final String MIN_COLUMN_PAIR_TRENDS = "min_column_pair_trends";
    static final String MAX_EXACT_MATCH_RATE = "max_exact_match_rate";
    static final String MAX_DCR_SHARE = "max_dcr_share";
    static final String MIN_TSTR_F1 = "min_tstr_f1";
    static final String EXACT_MATCH_UP_TO_HOLDOUT_RATE = "exact_match_up_to_holdout_rate";
    private static final List<String> KEYS = List.of(MIN_QUALITY, MIN_COLUMN_SHAPES, MIN_COLUMN_PAIR_TRENDS,
            MAX_EXACT_MATCH_RATE, MAX_DCR_SHARE, MIN_TSTR_F1, EXACT_MATCH_UP_TO_HOLDOUT_RATE);

    public GateThresholds {
        check(MIN_QUALITY, minQuality);
        check(MIN_COLUMN_SHAPES, minColumnShapes);
        check(MIN_COLUMN_PAIR_TRENDS, minColumnPairTrends);
        check(MAX_EXACT_MATCH_RATE, maxExactMatchRate);
        check(MAX_DCR_SHARE, maxDcrShare);
        check(MIN_TSTR_F1, minTstrF1);
    }

    public static GateThresholds defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Thresholds from a YAML file ({@code .json}: JSON), keys not in the file keeping their defaults. */
    public static GateThresholds read(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? new JsonMapper() : new YAMLMapper();
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new GateConfigException("gate thresholds file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new GateConfigException("gate thresholds file " + file + " is not valid "
                    + (mapper instanceof YAMLMapper ? "YAML" : "JSON") + ": " + e.getMessage(), e);
        }
        return fromTree(root, file.toString());
    }

    /** Thresholds from a parsed document; {@code source} names it in error messages. */
    static GateThresholds fromTree(JsonNode root, String source) {
        Builder builder = builder();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return builder.build();
        }
        if (!root.isObject()) {
            throw new GateConfigException(source + ": expected a mapping of thresholds such as '" + MIN_QUALITY
                    + ": 0.8', got a " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (!KEYS.contains(key)) {
                throw new GateConfigException(source + ": unknown key '" + key + "'; the keys are " + KEYS);
            }
            JsonNode value = entry.getValue();
            if (key.equals(EXACT_MATCH_UP_TO_HOLDOUT_RATE)) {
                if (!value.isBoolean()) {
                    throw new GateConfigException(source + ": '" + key + "' must be true or false");
                }
                builder.exactMatchUpToHoldoutRate(value.booleanValue());
                continue;
            }
            if (!value.isNull() && !value.isNumber()) {
                throw new GateConfigException(source + ": '" + key
                        + "' must be a number in [0, 1], or null to switch the check off");
            }
            values.put(key, value.isNull() ? null : value.doubleValue());
        }
        try {
            for (Map.Entry<String, Double> entry : values.entrySet()) {
                Double v = entry.getValue();
                switch (entry.getKey()) {
                    case MIN_QUALITY -> builder.minQuality(v);
                    case MIN_COLUMN_SHAPES -> builder.minColumnShapes(v);
                    case MIN_COLUMN_PAIR_TRENDS -> builder.minColumnPairTrends(v);
                    case MAX_EXACT_MATCH_RATE -> builder.maxExactMatchRate(v);
                    case MAX_DCR_SHARE -> builder.maxDcrShare(v);
                    case MIN_TSTR_F1 -> builder.minTstrF1(v);
                    default -> throw new IllegalStateException("key list and switch disagree on " + entry.getKey());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new GateConfigException(source + ": " + e.getMessage(), e);
        }
        return builder.build();
    }

    private static void check(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(
                    name + " must be in [0, 1], or null to switch the check off. Provided value: " + value);
        }
    }

    /** Starts from the defaults; pass null to any setter to switch that check off. */
    public static final class Builder {
        private Double minQuality = DEFAULT_MIN_QUALITY;
        private Double minColumnShapes;
        private Double minColumnPairTrends;
        private Double maxExactMatchRate = DEFAULT_MAX_EXACT_MATCH_RATE;
        private Double maxDcrShare = DEFAULT_MAX_DCR_SHARE;
        private Double minTstrF1;
        private boolean exactMatchUpToHoldoutRate = true;

        private Builder() {
        }

        public Builder minQuality(Double value) {
            check(MIN_QUALITY, value);
            this.minQuality = value;
            return this;
        }

        public Builder minColumnShapes(Double value) {
            check(MIN_COLUMN_SHAPES, value);
            this.minColumnShapes = value;
            return this;
        }

        public Builder minColumnPairTrends(Double value) {
            check(MIN_COLUMN_PAIR_TRENDS, value);
            this.minColumnPairTrends = value;
            return this;
        }

        public Builder maxExactMatchRate(Double value) {
            check(MAX_EXACT_MATCH_RATE, value);
            this.maxExactMatchRate = value;
            return this;
        }

        public Builder maxDcrShare(Double value) {
            check(MAX_DCR_SHARE, value);
            this.maxDcrShare = value;
            return this;
        }

        public Builder minTstrF1(Double value) {
            check(MIN_TSTR_F1, value);
            this.minTstrF1 = value;
            return this;
        }

        /**
         * Whether the exact-match limit rises to the holdout's exact-match rate when the report has one; default
         * true.
         */
        public Builder exactMatchUpToHoldoutRate(boolean enabled) {
            this.exactMatchUpToHoldoutRate = enabled;
            return this;
        }

        public GateThresholds build() {
            return new GateThresholds(minQuality, minColumnShapes, minColumnPairTrends, maxExactMatchRate,
                    maxDcrShare, minTstrF1, exactMatchUpToHoldoutRate);
        }
    }
}
