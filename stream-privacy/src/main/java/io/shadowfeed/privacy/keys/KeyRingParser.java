package io.shadowfeed.privacy.keys;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the two textual key formats. Every error names the source and the key id but never echoes the text: the text
 * is secret, so parser messages (which quote the offending token) are replaced by a line and column.
 *
 * <ul>
 *   <li>JSON: {@code {"active": "k2", "keys": {"k1": "<base64>", "k2": "<base64>"}}}; {@code active} may be left
 *       out when there is one key.
 *   <li>List: {@code k1:<base64>,k2:<base64>} (whitespace around entries is ignored).
 * </ul>
 *
 * Secrets are standard or URL-safe base64, with or without padding.
 */
final class KeyRingParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyRingParser() {}

    /** Either format: text starting with '{' is JSON. {@code activeOverride}, when not null, wins over the text. */
    static KeyRing parse(String text, String activeOverride, String source) {
        if (text == null || text.isBlank()) {
            throw new KeyConfigurationException(source + " is empty; it must hold at least one key");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return parseJson(trimmed, activeOverride, source);
        }
        return parseList(trimmed, activeOverride, source);
    }

    static KeyRing parseJson(String text, String activeOverride, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // e.getMessage() quotes the offending text, which may be key material: never propagate it or the cause
            throw new KeyConfigurationException(source + " is not valid JSON" + where
                    + "; expected {\"active\": \"<id>\", \"keys\": {\"<id>\": \"<base64>\"}}");
        }
        if (root == null || !root.isObject()) {
            throw new KeyConfigurationException(source + " must be a JSON object with \"keys\"");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("active") && !name.equals("keys")) {
                throw new KeyConfigurationException(source + ": unknown field '" + name
                        + "'; only \"active\" and \"keys\" are allowed");
            }
        }
        JsonNode keysNode = root.get("keys");
        if (keysNode == null || !keysNode.isObject()) {
            throw new KeyConfigurationException(source + " needs \"keys\", an object from key id to base64 secret");
        }
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            KeyIds.check(entry.getKey(), source);
            if (!entry.getValue().isTextual()) {
                throw new KeyConfigurationException(source + ": key '" + entry.getKey()
                        + "' must be a base64 string");
            }
            secrets.put(entry.getKey(), decode(entry.getValue().asText(), entry.getKey(), source));
        }
        String active = activeOverride;
        if (active == null && root.hasNonNull("active")) {
            if (!root.get("active").isTextual()) {
                throw new KeyConfigurationException(source + ": \"active\" must be a key id string");
            }
            active = root.get("active").asText();
        }
        return KeyRing.of(active, secrets, source);
    }

    static KeyRing parseList(String text, String activeOverride, String source) {
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new KeyConfigurationException(source + ": entry " + (i + 1)
                        + " is not of the form <id>:<base64> (entries are separated by commas)");
            }
            String id = entry.substring(0, colon).strip();
            KeyIds.check(id, source + ", entry " + (i + 1));
            if (secrets.containsKey(id)) {
                throw new KeyConfigurationException(source + ": key id '" + id + "' appears twice");
            }
            secrets.put(id, decode(entry.substring(colon + 1).strip(), id, source));
        }
        return KeyRing.of(activeOverride, secrets, source);
    }

    private static byte[] decode(String base64, String id, String source) {
        String text = base64.strip();
        try {
            if (text.indexOf('-') >= 0 || text.indexOf('_') >= 0) {
                return Base64.getUrlDecoder().decode(text);
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character position only, but drop it anyway
            throw new KeyConfigurationException(source + ": key '" + id + "' is not valid base64");
        }
    }
}
