package io.shadowfeed.privacy.keys;

import java.util.regex.Pattern;

/** The one place that says what a key id may look like. */
public final class KeyIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private KeyIds() {}

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * @throws KeyConfigurationException unless {@code id} is 1 to 64 characters of {@code [A-Za-z0-9._-]} starting
     *     with a letter or digit
     */
    public static String check(String id, String where) {
        if (!isValid(id)) {
            throw new KeyConfigurationException(where + ": key id must be 1 to 64 characters of [A-Za-z0-9._-], "
                    + "starting with a letter or digit. Provided value: " + (id == null ? "null" : "'" + id + "'"));
        }
        return id;
    }
}
