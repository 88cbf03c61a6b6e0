package io.shadowfeed.trainer.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * A categorical value that the transformer did not see in training, so it has no one-hot position for it. The
 * message names the column, the category (category names are not personal data in the modelled columns) and a few
 * known categories.
 */
public final class UnknownCategoryException extends TransformException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 5;

    private final String column;
    private final String category;
    private final int row;

    /**
     * @param row the row of the table being transformed, or -1 for a single lookup
     */
    public UnknownCategoryException(String column, String category, int row, List<String> knownCategories) {
        super(message(column, category, row, knownCategories));
        this.column = column;
        this.category = category;
        this.row = row;
    }

    private static String message(String column, String category, int row, List<String> known) {
        List<String> shown = new ArrayList<>();
        for (String name : known) {
            if (shown.size() == SHOWN) {
                break;
            }
            shown.add(name == null ? "<null>" : DiscreteSpan.RARE.equals(name) ? "<rare>" : "'" + name + "'");
        }
        String more = known.size() > SHOWN ? " and " + (known.size() - SHOWN) + " more" : "";
        return "column '" + column + "'" + (row >= 0 ? " row " + row : "") + " has "
                + (category == null ? "a null" : "category '" + category + "'")
                + ", which training did not see; known categories: " + String.join(", ", shown) + more
                + ". Refit the transformer on data that contains it, or map it to a known category first";
    }

    public String column() {
        return column;
    }

    /** The unknown category; {@code null} for a null in a column that had none in training. */
    public String category() {
        return category;
    }

    /** The row, or -1 when the value was looked up on its own. */
    public int row() {
        return row;
    }
}
