package io.shadowfeed.trainer.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** {@link TransformerState} to and from JSON, checking the format version before binding anything else. */
final class TransformerJson {

    // Strict reading: a missing or unknown field means a file of another layout, which must not load silently.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private TransformerJson() {}

    static String write(TransformerState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("transformer state could not be written as JSON", e);
        }
    }

    static TransformerState read(String json) {
        TransformPreconditions.checkNotNull(json, "json");
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new TransformerFormatException("transformer state is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode version = tree == null ? null : tree.get("formatVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new TransformerFormatException(
                    "transformer state has no integer 'formatVersion'; is this a Shadowfeed transformer file?");
        }
        int formatVersion = version.intValue();
        if (formatVersion != TransformerState.FORMAT_VERSION) {
            throw new TransformerFormatException("transformer state has format version " + formatVersion
                    + "; this build reads version " + TransformerState.FORMAT_VERSION
                    + (formatVersion > TransformerState.FORMAT_VERSION ? ": use a newer build to read it"
                            : ": refit the transformer"));
        }
        try {
            return MAPPER.treeToValue(tree, TransformerState.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                    : e.getMessage();
            throw new TransformerFormatException("transformer state of format version " + formatVersion
                    + " does not match that layout: " + detail, e);
        }
    }
}
