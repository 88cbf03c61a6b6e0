package io.shadowfeed.trainer.transform;

/**
 * A value in a numeric column that cannot be encoded: a null where training saw none (the column then has no null
 * indicator), or an infinity. The message names the column and the row, never the value.
 */
public final class InvalidValueException extends TransformException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final int row;

    public InvalidValueException(String column, int row, String problem) {
        super("column '" + column + "' row " + row + ": " + problem);
        this.column = column;
        this.row = row;
    }

    public String column() {
        return column;
    }

    public int row() {
        return row;
    }
}
