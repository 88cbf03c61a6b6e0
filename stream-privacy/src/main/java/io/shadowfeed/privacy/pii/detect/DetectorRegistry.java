package io.shadowfeed.privacy.pii.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.PatternDetector.Trigger;
import io.shadowfeed.privacy.pii.detect.text.PersonNameDetector;
import io.shadowfeed.privacy.pii.detect.text.PhoneDetector;
import io.shadowfeed.privacy.pii.detect.validate.DateValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable set of {@link TextDetector}s, built once from configuration (the bundled {@code pii/detectors.json} or
 * a caller's file in the same format) plus any detectors added in code, and filterable by type.
 *
 * <p>Configuration format (version 1): {@code {"formatVersion": 1, "detectors": [ ... ]}} where each detector has a
 * {@code name}, a {@code kind} ({@code pattern}, {@code phone} or {@code person-name}) and its options; a pattern
 * detector has {@code type}, {@code patterns} ({@code name}, {@code regex}, {@code score}, optionally {@code minRun}:
 * with a digits trigger, the least run of consecutive digits a window needs for the pattern to run), and optionally
 * {@code context}, {@code negativeContext}, {@code contextBoost}, {@code validator} (a name from
 * {@link SpanValidators#names()}), {@code validatedScore}, {@code trigger} ({@code {"digits": 12}},
 * optionally with {@code "minToken": 26} (a token of at least that length in the digit window) and
 * {@code "anyOf": ".:"} (one of these ASCII chars in the window); {@code {"literals": ["@"]}}; {@code "context"} or
 * {@code {"context": true, "digits": 5}} (windows around context words with at least that many digits); or
 * {@code "always"}) and {@code caseInsensitive}. In a regex,
 * {@code {MONTHS}} stands for the month names of {@link DateValues} (an alternation of about 150 names, slow to try at
 * every position: where a validator parses the date anyway, a plain letter run such as {@code \p{L}{3,12}} is
 * cheaper and finds the same dates).
 */
public final class DetectorRegistry {

    /** The configuration format this class reads. */
    public static final int FORMAT_VERSION = 1;

    private static final String DEFAULT_CONFIG = "/pii/detectors.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<TextDetector> detectors;
    private final Set<PiiType> types;

    private DetectorRegistry(List<TextDetector> detectors) {
        this.detectors = List.copyOf(detectors);
        Set<PiiType> ts = EnumSet.noneOf(PiiType.class);
        for (TextDetector d : detectors) {
            ts.addAll(d.types());
        }
        this.types = Set.copyOf(ts);
    }

    /** The bundled detectors with their default options (phone default region US). */
    public static DetectorRegistry defaults() {
        return DefaultHolder.DEFAULT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<TextDetector> detectors() {
        return detectors;
    }

    /** The types the detectors can report. */
    public Set<PiiType> types() {
        return types;
    }

    /** A registry with only the detectors that report one of {@code wanted}. */
    public DetectorRegistry only(Set<PiiType> wanted) {
        DetectPreconditions.checkNotNull(wanted, "types");
        List<TextDetector> kept = new ArrayList<>();
        for (TextDetector d : detectors) {
            if (d.types().stream().anyMatch(wanted::contains)) {
                kept.add(d);
            }
        }
        return new DetectorRegistry(kept);
    }

    /** A registry without the detectors named. */
    public DetectorRegistry without(Collection<String> names) {
        DetectPreconditions.checkNotNull(names, "names");
        List<TextDetector> kept = new ArrayList<>();
        for (TextDetector d : detectors) {
            if (!names.contains(d.name())) {
                kept.add(d);
            }
        }
        return new DetectorRegistry(kept);
    }

    private static final class DefaultHolder {
        static final DetectorRegistry DEFAULT = builder().loadDefaults().build();
    }

    /** Builds a {@link DetectorRegistry}; setters fail fast, {@link #build()} checks the names are unique. */
    public static final class Builder {
        private final List<JsonNode> configured = new ArrayList<>();
        private final List<TextDetector> added = new ArrayList<>();
        private String phoneRegion;
        private List<String> phoneExtraRegions;
        private boolean defaultsLoaded;

        private Builder() {}

        /** Adds the bundled detectors ({@code pii/detectors.json}). */
        public Builder loadDefaults() {
            DetectPreconditions.checkState(!defaultsLoaded, "the default detectors are already loaded");
            defaultsLoaded = true;
            try (InputStream in = DetectorRegistry.class.getResourceAsStream(DEFAULT_CONFIG)) {
                if (in == null) {
                    throw new IllegalStateException("Missing classpath resource " + DEFAULT_CONFIG);
                }
                return load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + DEFAULT_CONFIG, e);
            }
        }

        /** Adds the detectors of a configuration in the format described on {@link DetectorRegistry}. */
        public Builder load(InputStream json) {
            DetectPreconditions.checkNotNull(json, "json");
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalArgumentException("detector configuration must be valid JSON: " + e.getMessage(), e);
            }
            int version = root.path("formatVersion").asInt(-1);
            DetectPreconditions.checkArgument(version == FORMAT_VERSION,
                    "formatVersion must be %s. Provided value: %s", FORMAT_VERSION, version);
            JsonNode list = root.path("detectors");
            DetectPreconditions.checkArgument(list.isArray(), "detectors must be an array. Provided value: %s",
                    list.getNodeType());
            list.forEach(configured::add);
            return this;
        }

        /** Adds a detector built in code. */
        public Builder add(TextDetector detector) {
            added.add(DetectPreconditions.checkNotNull(detector, "detector"));
            return this;
        }

        /** Overrides the default region of configured phone detectors (ISO alpha-2, e.g. "DE"). */
        public Builder optPhoneRegion(String region) {
            this.phoneRegion = DetectPreconditions.checkNotBlank(region, "phoneRegion");
            return this;
        }

        /** Overrides the extra regions of configured phone detectors (tried next to a phone context word). */
        public Builder optPhoneExtraRegions(List<String> regions) {
            this.phoneExtraRegions = List.copyOf(DetectPreconditions.checkNotNull(regions, "phoneExtraRegions"));
            return this;
        }

        public DetectorRegistry build() {
            Map<String, TextDetector> byName = new LinkedHashMap<>();
            for (JsonNode node : configured) {
                TextDetector d = fromConfig(node);
                DetectPreconditions.checkState(byName.put(d.name(), d) == null,
                        "detector names must be unique; '%s' appears twice", d.name());
            }
            for (TextDetector d : added) {
                DetectPreconditions.checkState(byName.put(d.name(), d) == null,
                        "detector names must be unique; '%s' appears twice", d.name());
            }
            return new DetectorRegistry(new ArrayList<>(byName.values()));
        }

        private TextDetector fromConfig(JsonNode node) {
            String name = text(node, "name");
            String kind = node.path("kind").asText("pattern");
            switch (kind) {
                case "pattern":
                    return pattern(name, node);
                case "phone":
                    return phone(name, node);
                case "person-name":
                    return PersonNameDetector.builder().optName(name)
                            .optFirstNameScore(node.path("firstNameScore").asDouble(0.6))
                            .optKnownSurnameScore(node.path("knownSurnameScore").asDouble(0.75))
                            .optHonorificScore(node.path("honorificScore").asDouble(0.85))
                            .build();
                default:
                    throw new IllegalArgumentException("kind of detector '" + name
                            + "' must be one of [pattern, phone, person-name]. Provided value: " + kind);
            }
        }

        private TextDetector phone(String name, JsonNode node) {
            PhoneDetector.Builder b = PhoneDetector.builder().optName(name)
                    .optDefaultRegion(phoneRegion != null ? phoneRegion : node.path("defaultRegion").asText("US"))
                    .optScore(node.path("score").asDouble(0.6))
                    .optExtraRegionScore(node.path("extraRegionScore").asDouble(0.45))
                    .optContextBoost(node.path("contextBoost").asDouble(0.3))
                    .optContext(strings(node.path("context")))
                    .optNegativeContext(strings(node.path("negativeContext")));
            List<String> extra = phoneExtraRegions != null ? phoneExtraRegions : strings(node.path("extraRegions"));
            List<String> effective = new ArrayList<>(extra);
            effective.remove(phoneRegion != null ? phoneRegion : node.path("defaultRegion").asText("US"));
            return b.optExtraRegions(effective).build();
        }

        private TextDetector pattern(String name, JsonNode node) {
            PiiType type = PiiType.valueOf(text(node, "type"));
            PatternDetector.Builder b = PatternDetector.builder(name, type);
            JsonNode patterns = node.path("patterns");
            DetectPreconditions.checkArgument(patterns.isArray() && patterns.size() > 0,
                    "patterns of detector '%s' must be a non-empty array", name);
            for (JsonNode p : patterns) {
                String regex = text(p, "regex").replace("{MONTHS}", DateValues.monthNamePattern());
                b.addPattern(new PatternDetector.DetectorPattern(text(p, "name"), regex,
                        p.path("score").asDouble(Double.NaN), p.path("minRun").asInt(0)));
            }
            b.optContext(strings(node.path("context")));
            b.optNegativeContext(strings(node.path("negativeContext")));
            if (node.has("contextBoost")) {
                b.optContextBoost(node.get("contextBoost").asDouble());
            }
            if (node.has("contextWindow")) {
                JsonNode cw = node.get("contextWindow");
                b.optContextWindow(cw.path(0).asInt(48), cw.path(1).asInt(24));
            }
            if (node.has("validator")) {
                b.optValidator(SpanValidators.byName(node.get("validator").asText()));
            }
            if (node.has("validatedScore")) {
                b.optValidatedScore(node.get("validatedScore").asDouble());
            }
            b.optCaseInsensitive(node.path("caseInsensitive").asBoolean(false));
            b.optTrigger(trigger(name, node.path("trigger")));
            return b.build();
        }

        private static Trigger trigger(String name, JsonNode t) {
            if (t.isMissingNode() || "always".equals(t.asText())) {
                return Trigger.always();
            }
            if ("context".equals(t.asText())) {
                return Trigger.context();
            }
            Trigger base = null;
            if (t.path("context").asBoolean(false)) {
                base = Trigger.context().withMinDigits(t.path("digits").asInt(0));
            } else if (t.has("digits")) {
                base = Trigger.digits(t.get("digits").asInt());
            } else if (t.has("literals")) {
                base = Trigger.literals(strings(t.get("literals")).toArray(new String[0]));
            }
            if (base == null) {
                throw new IllegalArgumentException("trigger of detector '" + name
                        + "' must be \"always\", \"context\", {\"digits\": n, \"minToken\": m, \"anyOf\": \"chars\"},"
                        + " {\"context\": true, \"digits\": n} or {\"literals\": [...]}. Provided value: " + t);
            }
            if (t.has("minToken")) {
                base = base.withMinToken(t.get("minToken").asInt());
            }
            if (t.has("anyOf")) {
                base = base.withAnyOf(t.get("anyOf").asText());
            }
            return base;
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            DetectPreconditions.checkArgument(v != null && v.isTextual() && !v.asText().isBlank(),
                    "%s must be a non-blank string in detector configuration %s", field, node);
            return v.asText();
        }

        private static List<String> strings(JsonNode node) {
            List<String> out = new ArrayList<>();
            if (node != null && node.isArray()) {
                node.forEach(n -> out.add(n.asText()));
            }
            return out;
        }
    }

    @Override
    public String toString() {
        Set<String> names = new HashSet<>();
        detectors.forEach(d -> names.add(d.name()));
        return "DetectorRegistry" + names;
    }
}
