package io.shadowfeed.trainer.artifact;

import java.util.regex.Pattern;

/** The rules for names that become paths in the store, with uniform messages. */
final class ArtifactPreconditions {

    /** The manifest's own file name; callers cannot publish a file under it. */
    static final String MANIFEST_FILE = "manifest.json";

    // one path segment, no separators; a leading '.' is kept for the store's temporaries and rules out "." and ".."
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private ArtifactPreconditions() {}

    /** A table name, which becomes a directory under the store's root. */
    static String checkTableName(String table) {
        checkName(table, "table name");
        return table;
    }

    /** A file name inside a version directory: one segment, not the manifest's. */
    static String checkFileName(String name) {
        checkName(name, "file name");
        if (name.equals(MANIFEST_FILE)) {
            throw new IllegalArgumentException("file name must not be '" + MANIFEST_FILE
                    + "': the store writes that file itself");
        }
        return name;
    }

    private static void checkName(String name, String what) {
        if (name == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (!NAME.matcher(name).matches() || name.startsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException(what + " must consist of letters, digits, '_', '.' and '-', must not"
                    + " start with '.' nor contain '..'. Provided value: '" + name + "'");
        }
    }
}
