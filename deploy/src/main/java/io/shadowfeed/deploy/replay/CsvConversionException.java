package io.shadowfeed.deploy.replay;

/**
 * One CSV row that cannot be converted to the table's schema. The message names the source, line and column and
 * what was expected, never the value itself (it may be personal data). The reader has moved past the row, so a
 * caller that skips bad rows can go on reading.
 */
public final class CsvConversionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long line;

    public CsvConversionException(String source, long line, String column, String reason) {
        super(source + " line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + reason);
        this.line = line;
    }

    /** The line of the file where the row starts (the header is line 1). */
    public long line() {
        return line;
    }
}
