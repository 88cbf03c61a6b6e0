package io.shadowfeed.trainer.artifact;

import java.util.regex.Pattern;

/** What the manifest records of one file: its SHA-256 (lowercase hex) and its size in bytes. */
public record FileDigest(String sha256, long bytes) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public FileDigest {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits. Provided value: " + sha256);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0. Provided value: " + bytes);
        }
    }
}
