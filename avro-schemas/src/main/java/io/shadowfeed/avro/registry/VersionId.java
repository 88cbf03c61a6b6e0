package io.shadowfeed.avro.registry;

/**
 * A version in a request path: a positive number, or {@code latest} (also spelled {@code -1}).
 *
 * @param number the version, or {@link #LATEST} for the latest one
 */
record VersionId(int number) {

    static final int LATEST = -1;

    static VersionId parse(String text) {
        if (text == null) {
            throw RegistryErrors.invalidVersion(null);
        }
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("latest")) {
            return new VersionId(LATEST);
        }
        try {
            int number = Integer.parseInt(trimmed);
            if (number == LATEST || number >= 1) {
                return new VersionId(number);
            }
        } catch (NumberFormatException e) {
            // reported below, with the text the client sent
        }
        throw RegistryErrors.invalidVersion(text);
    }

    boolean isLatest() {
        return number == LATEST;
    }

    @Override
    public String toString() {
        return isLatest() ? "latest" : Integer.toString(number);
    }
}
