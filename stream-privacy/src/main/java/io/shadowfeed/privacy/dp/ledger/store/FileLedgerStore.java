package io.shadowfeed.privacy.dp.ledger.store;

import io.shadowfeed.privacy.dp.ledger.LedgerCorruptedException;
import io.shadowfeed.privacy.dp.ledger.LedgerRecord;
import io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec;
import io.shadowfeed.privacy.dp.ledger.LedgerStore;
import io.shadowfeed.privacy.dp.ledger.LedgerStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset's ledger in a local append-only file of JSON lines ({@link LedgerRecordCodec}), for the trainer.
 *
 * <p>Each append writes one line and forces it to disk ({@code fsync}) before returning; a writable store holds an
 * exclusive lock on the file while open, so a second writer (another process) is refused. Opening reads the whole
 * file: a line that is not a valid record anywhere in it fails with {@link LedgerCorruptedException} and leaves the
 * file as it is.
 *
 * <p>The one exception is the end of the file after a crash. A last line without its line break is counted if it
 * is a whole record (it may be a charge that was never granted, and counting it errs on the safe side) and completed
 * with a line break; if it is not a whole record it can only be a write cut short, whose charge was therefore never
 * granted, and it is cut off (a warning is logged). A read-only store leaves such a line in place and ignores it,
 * since a writer may be in the middle of it.
 */
public final class FileLedgerStore implements LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileLedgerStore.class);

    private final Path path;
    private final boolean writable;

    private FileChannel channel;
    private FileLock lock;
    private String dataset;
    private boolean closed;

    private FileLedgerStore(Path path, boolean writable) {
        this.path = Objects.requireNonNull(path, "path must not be null.").toAbsolutePath();
        this.writable = writable;
    }

    /** A store that creates the file (and its directories) if missing, and locks it while open. */
    public static FileLedgerStore writable(Path path) {
        return new FileLedgerStore(path, true);
    }

    /** A store that only reads the file; a missing file is an empty ledger. */
    public static FileLedgerStore readOnly(Path path) {
        return new FileLedgerStore(path, false);
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized List<LedgerRecord> open(String dataset) {
        Objects.requireNonNull(dataset, "dataset must not be null.");
        if (this.dataset != null || closed) {
            throw new IllegalStateException("the ledger store " + describe() + " was already opened");
        }
        this.dataset = dataset;
        return writable ? openToWrite() : openToRead();
    }

    private List<LedgerRecord> openToRead() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new LedgerStoreException("could not read the ledger file " + path + ": " + e, e);
        }
        Contents contents = parse(bytes);
        if (contents.unfinishedLine()) {
            LOG.warn("Ignoring the unfinished last line of the ledger file {} ({} bytes): a write in progress or cut "
                    + "short by a crash", path, bytes.length - contents.length());
        }
        return contents.records();
    }

    private List<LedgerRecord> openToWrite() {
        try {
            Path parent = path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean existed = Files.exists(path);
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            lock();
            if (!existed) {
                forceDirectory(parent);
            }
            byte[] bytes = readAll();
            Contents contents = parse(bytes);
            if (contents.unfinishedLine()) {
                LOG.warn("Cutting the unfinished last line off the ledger file {} ({} bytes): a write cut short by a "
                        + "crash, whose charge was never granted", path, bytes.length - contents.length());
                channel.truncate(contents.length());
                channel.force(true);
            } else if (contents.missingFinalBreak()) {
                LOG.warn("The last record of the ledger file {} had no line break (a crash right after writing it); "
                        + "it is counted and its line completed", path);
                writeFully(new byte[] {'\n'});
            }
            return contents.records();
        } catch (IOException e) {
            closeQuietly();
            throw new LedgerStoreException("could not open the ledger file " + path + " to write: " + e, e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private void lock() throws IOException {
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            throw new LedgerStoreException("the ledger file " + path + " is already open for writing in this "
                    + "process; close the other ledger first", e);
        }
        if (lock == null) {
            throw new LedgerStoreException("the ledger file " + path + " is open for writing in another process; "
                    + "only one writer may charge a dataset at a time");
        }
    }

    @Override
    public synchronized void append(LedgerRecord record) {
        Objects.requireNonNull(record, "record must not be null.");
        if (!writable) {
            throw new LedgerStoreException("the ledger file " + path + " was opened to read only");
        }
        if (channel == null) {
            throw new IllegalStateException("the ledger store " + describe() + " is not open");
        }
        if (!record.dataset().equals(dataset)) {
            throw new IllegalArgumentException("record of dataset '" + record.dataset() + "' given to the ledger file "
                    + "of dataset '" + dataset + "'");
        }
        try {
            writeFully((LedgerRecordCodec.encode(record) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LedgerStoreException("could not write to the ledger file " + path + ": " + e, e);
        }
    }

    private void writeFully(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
        channel.force(true);
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public String describe() {
        return "ledger file " + path;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.warn("Could not close the ledger file {}", path, e);
        } finally {
            lock = null;
            channel = null;
        }
    }

    private byte[] readAll() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new LedgerStoreException("the ledger file " + path + " is too large to read (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }

    /** So that a newly created ledger file survives a crash, its directory entry is flushed too (Linux). */
    private static void forceDirectory(Path directory) {
        if (directory == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Could not flush the directory {} (not supported on this platform?)", directory, e);
        }
    }

    private Contents parse(byte[] bytes) {
        List<LedgerRecord> records = new ArrayList<>();
        int start = 0;
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                records.add(decode(bytes, start, i, line));
                start = i + 1;
                line++;
            }
        }
        if (start == bytes.length) {
            return new Contents(records, bytes.length, false, false);
        }
        Optional<LedgerRecord> last = tryDecode(bytes, start, bytes.length);
        if (last.isPresent()) {
            records.add(last.get());
            return new Contents(records, bytes.length, false, true);
        }
        return new Contents(records, start, true, false);
    }

    private LedgerRecord decode(byte[] bytes, int from, int to, int line) {
        try {
            String text = utf8(bytes, from, to);
            if (text.isBlank()) {
                throw new IllegalArgumentException("empty line");
            }
            return LedgerRecordCodec.decode(text);
        } catch (CharacterCodingException e) {
            throw corrupted(line, "not UTF-8", e);
        } catch (IllegalArgumentException e) {
            throw corrupted(line, e.getMessage(), e);
        }
    }

    private static Optional<LedgerRecord> tryDecode(byte[] bytes, int from, int to) {
        try {
            return Optional.of(LedgerRecordCodec.decode(utf8(bytes, from, to)));
        } catch (CharacterCodingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private LedgerCorruptedException corrupted(int line, String reason, Exception cause) {
        return new LedgerCorruptedException("the ledger file " + path + " is corrupt at line " + line + ": " + reason
                + ". Nothing was changed; restore the file from a backup or an audit export, or move it aside and "
                + "investigate, before charging again", cause);
    }

    private static String utf8(byte[] bytes, int from, int to) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, to - from))
                .toString();
    }

    /** The records of a file, how many of its bytes they take, and what its end looked like. */
    private record Contents(List<LedgerRecord> records, int length, boolean unfinishedLine,
            boolean missingFinalBreak) {
    }
}
