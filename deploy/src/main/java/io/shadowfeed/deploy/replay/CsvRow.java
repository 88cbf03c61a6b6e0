package io.shadowfeed.deploy.replay;

/**
 * One converted CSV row.
 *
 * @param line the line of the file where the row starts (the header is line 1)
 * @param values one value per field of the table's schema, in schema order; owned by the caller
 */
public record CsvRow(long line, Object[] values) {}
