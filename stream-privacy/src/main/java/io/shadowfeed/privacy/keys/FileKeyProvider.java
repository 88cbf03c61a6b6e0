package io.shadowfeed.privacy.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Keys from a JSON file, read where {@link #load()} runs (the path must exist on the task managers):
 *
 * <pre>{@code {"active": "k2", "keys": {"k1": "<base64>", "k2": "<base64>"}}}</pre>
 *
 * <p>The file must not be readable by other users: a world-readable file is refused (unless
 * {@link #allowingWorldReadable()} was asked for, which logs a warning instead), a group-readable one is loaded with a
 * warning. On file systems without POSIX permissions the check is skipped with a warning.
 */
public final class FileKeyProvider implements KeyProvider {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(FileKeyProvider.class);

    private final String path;
    private final boolean allowWorldReadable;

    FileKeyProvider(Path path, boolean allowWorldReadable) {
        this.path = Objects.requireNonNull(path, "path").toString();
        this.allowWorldReadable = allowWorldReadable;
    }

    public Path path() {
        return Paths.get(path);
    }

    /** The same file, loaded even when every user may read it (with a warning). For containers with odd mounts. */
    public FileKeyProvider allowingWorldReadable() {
        return new FileKeyProvider(path(), true);
    }

    @Override
    public KeyRing load() {
        Path file = path();
        checkPermissions(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyConfigurationException("keys file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyConfigurationException("keys file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        return KeyRingParser.parseJson(text.strip(), null, describe());
    }

    private void checkPermissions(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            LOG.warn("Cannot check the permissions of keys file {}: the file system has no POSIX permissions", file);
            return;
        } catch (NoSuchFileException e) {
            throw new KeyConfigurationException("keys file " + file + " does not exist");
        } catch (IOException e) {
            throw new KeyConfigurationException("keys file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        String mode = PosixFilePermissions.toString(permissions);
        if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
            if (!allowWorldReadable) {
                throw new KeyConfigurationException("keys file " + file + " is readable by every user (" + mode
                        + "); restrict it with chmod 600 (or 640 for a service group)");
            }
            LOG.warn("Keys file {} is readable by every user ({}); loading it because world-readable files were "
                    + "explicitly allowed. Restrict it with chmod 600", file, mode);
        } else if (permissions.contains(PosixFilePermission.GROUP_READ)) {
            LOG.warn("Keys file {} is readable by its group ({}); make sure only the service belongs to it", file,
                    mode);
        }
    }

    @Override
    public String describe() {
        return "keys file " + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileKeyProvider other && path.equals(other.path)
                && allowWorldReadable == other.allowWorldReadable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, allowWorldReadable);
    }

    @Override
    public String toString() {
        return "FileKeyProvider[" + path + "]";
    }
}
