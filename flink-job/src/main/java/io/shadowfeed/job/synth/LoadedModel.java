package io.shadowfeed.job.synth;

import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.sample.TableSampler;

import java.util.List;
import java.util.Map;

/**
 * A model version ready to serve one table: its sampler (generator in native memory) and the mapping of its columns
 * onto the table's output fields. Used by one operator thread; closed by the serving that swapped it out.
 */
public final class LoadedModel implements AutoCloseable {

    private final ModelVersion version;
    private final TableSampler sampler;
    private final GeneratedColumns columns;
    private final List<String> contextColumns;
    private final List<ColumnKind> contextKinds;

    LoadedModel(ModelVersion version, TableSampler sampler, GeneratedColumns columns, List<ColumnKind> contextKinds) {
        this.version = version;
        this.sampler = sampler;
        this.columns = columns;
        this.contextColumns = sampler.contextColumns();
        this.contextKinds = List.copyOf(contextKinds);
    }

    public ModelVersion version() {
        return version;
    }

    public String label() {
        return version.label();
    }

    public GeneratedColumns columns() {
        return columns;
    }

    public boolean conditioned() {
        return !contextColumns.isEmpty();
    }

    public List<String> contextColumns() {
        return contextColumns;
    }

    /** {@code rows} unconditioned rows. */
    public DataTable sample(int rows, long seed) {
        return sampler.sample(rows, seed);
    }

    /**
     * One row per context, each conditioned on its parents' values. A context value that is missing or not a
     * number for a numeric column is a null, which the context transformer encodes as such.
     *
     * @param contexts per row, the gathered parent values by context column name
     */
    public DataTable sampleForContexts(List<Map<String, String>> contexts, long seed) {
        int rows = contexts.size();
        DataTable.Builder builder = DataTable.builder();
        for (int c = 0; c < contextColumns.size(); c++) {
            String name = contextColumns.get(c);
            ColumnKind kind = contextKinds.get(c);
            if (kind.isNumeric()) {
                double[] values = new double[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = number(contexts.get(r).get(name));
                }
                builder.addNumeric(name, kind, values);
            } else {
                String[] values = new String[rows];
                for (int r = 0; r < rows; r++) {
                    values[r] = contexts.get(r).get(name);
                }
                builder.addCategorical(name, kind, values);
            }
        }
        return sampler.sampleForContext(builder.build(), seed);
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        sampler.close();
    }
}
