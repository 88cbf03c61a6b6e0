package io.shadowfeed.trainer.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fixed-width text table of a profile for people: column, kind (with {@code *} where the metadata declared it),
 * share of nulls, distinct values, and the range, format or number of categories. It shows numeric and datetime
 * ranges but never a category, identifier or text value.
 */
public final class ProfileSummary {

    private static final String[] HEADER = {"column", "kind", "nulls", "distinct", "range / format"};

    private ProfileSummary() {}

    public static String render(TableProfile profile) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ColumnProfile column : profile.columns()) {
            rows.add(new String[] {column.name(), column.kind() + (column.declared() ? "*" : ""),
                    String.format(Locale.ROOT, "%.1f%%", 100 * column.nullRate()),
                    Integer.toString(column.cardinality()), detail(column)});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean rightAligned = i == 2 || i == 3;
                String cell = i == row.length - 1 ? row[i]
                        : String.format(Locale.ROOT, "%" + (rightAligned ? "" : "-") + widths[i] + "s", row[i]);
                line.append(cell).append(i == row.length - 1 ? "" : "  ");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        text.append(profile.rowCount()).append(" rows, ").append(profile.modelledColumns().size()).append(" of ")
                .append(profile.columns().size()).append(" columns modelled; * = declared in the metadata\n");
        return text.toString();
    }

    private static String detail(ColumnProfile column) {
        return switch (column.kind()) {
            case CONTINUOUS -> range(column) + (column.range().integral() ? " (whole numbers)" : "");
            case DATETIME -> range(column) + " (" + column.dateTime().pattern() + ", in "
                    + column.dateTime().unit().toString().toLowerCase(Locale.ROOT) + ", zone "
                    + column.dateTime().zone() + ")";
            case BOOLEAN -> "true = " + column.booleanTokens().trueText() + ", false = "
                    + column.booleanTokens().falseText();
            case DISCRETE -> count(column.categories().size(), "category", "categories");
            case ORDINAL -> count(column.categories().size(), "ordered category", "ordered categories");
            case IDENTIFIER, FREE_TEXT -> "not modelled";
        };
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String range(ColumnProfile column) {
        ColumnRenderer renderer = ColumnRenderer.of(column);
        return renderer.renderNumber(column.range().min()) + " .. " + renderer.renderNumber(column.range().max());
    }
}
