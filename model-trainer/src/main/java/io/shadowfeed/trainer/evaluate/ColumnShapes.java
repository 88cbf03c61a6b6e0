package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The Column Shapes property (SDMetrics' quality report): {@link KsComplement} for every numeric or datetime column,
 * {@link TvComplement} for every categorical or boolean one, over the real table's modelled columns; the property is
 * their mean. Stateless.
 */
public final class ColumnShapes {

    public ColumnShapesScore compute(DataTable real, DataTable synthetic) {
        List<EncodedColumn> columns = new ArrayList<>();
        for (String name : ModelledColumns.of(real)) {
            columns.add(EncodedColumn.of(real, synthetic, name));
        }
        if (columns.isEmpty()) {
            throw new IncompatibleTablesException("the real table has no modelled column to compare");
        }
        return ofEncoded(columns);
    }

    static ColumnShapesScore ofEncoded(List<EncodedColumn> columns) {
        List<ColumnShape> shapes = new ArrayList<>(columns.size());
        double[] scores = new double[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            EncodedColumn column = columns.get(i);
            ColumnShape shape = column.isNumeric()
                    ? new ColumnShape(column.name, column.kind, KsComplement.NAME,
                            KsComplement.score(column.realNumbers, column.syntheticNumbers))
                    : new ColumnShape(column.name, column.kind, TvComplement.NAME,
                            TvComplement.ofCodes(column.realCodes, column.syntheticCodes, column.codeCount));
            shapes.add(shape);
            scores[i] = shape.score();
        }
        return new ColumnShapesScore(Scores.mean(scores), shapes);
    }
}
