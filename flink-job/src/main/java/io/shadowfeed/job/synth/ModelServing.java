package io.shadowfeed.job.synth;

import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.spec.ServingSpec;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The model versions one operator serves, one per table, and their replacement. A new version loads on a background
 * thread while the current one keeps generating; the operator thread swaps it in between two records
 * ({@link #current}), so output never pauses and every record is generated wholly by one version. A version that
 * fails to load is counted, logged and reported as a {@link ModelStatus}, and the current one stays.
 */
public final class ModelServing implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelServing.class);

    private final Map<String, TableSpec> tables = new HashMap<>();
    private final ModelLoader loader;
    private final String operatorName;
    private final Map<String, LoadedModel> serving = new HashMap<>();
    /** The newest version asked for per table: loads of older requests are dropped when they finish. */
    private final Map<String, ModelVersion> requested = new ConcurrentHashMap<>();
    private final Map<String, LoadedModel> ready = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ModelStatus> statuses = new ConcurrentLinkedQueue<>();
    private final List<Future<?>> loads = new ArrayList<>();
    private final ExecutorService background;
    private final Map<String, Counter> loadFailures = new HashMap<>();
    private final Map<String, Counter> swaps = new HashMap<>();
    /** The served version number per table, for the gauge a metrics reporter reads from its own thread. */
    private final Map<String, AtomicInteger> servedNumbers = new HashMap<>();

    public ModelServing(List<TableSpec> tables, ServingSpec spec, MetricGroup metrics, String operatorName) {
        tables.forEach(t -> this.tables.put(t.name(), t));
        this.loader = new ModelLoader(spec);
        this.operatorName = operatorName;
        for (TableSpec table : tables) {
            loadFailures.put(table.name(), TableMetrics.counter(metrics, table.name(), TableMetrics.MODEL_LOAD_FAILURES));
            swaps.put(table.name(), TableMetrics.counter(metrics, table.name(), TableMetrics.MODEL_SWAPS));
            AtomicInteger served = new AtomicInteger();
            servedNumbers.put(table.name(), served);
            TableMetrics.group(metrics, table.name()).gauge(TableMetrics.MODEL_VERSION, served::get);
        }
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "shadowfeed-model-loader " + operatorName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Whether this serving cares about a table's versions. */
    public boolean serves(String table) {
        return tables.containsKey(table);
    }

    /**
     * Loads a version now, on the calling thread: at start and after a restore, before the first record, so that a
     * restarted job serves the version it served before. A failure is reported like a background one.
     */
    public void loadNow(ModelVersion version) {
        if (!serves(version.table())) {
            return;
        }
        requested.put(version.table(), version);
        tryLoad(version);
        current(version.table());
    }

    /** Starts loading a newly published version in the background, unless it is not newer than what is asked. */
    public void offer(ModelVersion version) {
        if (!serves(version.table())) {
            return;
        }
        ModelVersion newest = requested.get(version.table());
        if (newest != null && newest.version() == version.version() && newest.location().equals(version.location())) {
            return;
        }
        requested.put(version.table(), version);
        loads.removeIf(Future::isDone);
        loads.add(background.submit(() -> tryLoad(version)));
    }

    private void tryLoad(ModelVersion version) {
        try {
            LoadedModel model = loader.load(version, tables.get(version.table()));
            if (!version.equals(requested.get(version.table()))) {
                model.close();
                return;
            }
            LoadedModel previous = ready.put(version.table(), model);
            if (previous != null) {
                previous.close();
            }
        } catch (RuntimeException e) {
            loadFailures.get(version.table()).inc();
            LOG.warn("model {} rejected by {}: {}", version.label(), operatorName, e.getMessage());
            statuses.add(ModelStatus.of(version.table(), version.label(), ModelStatus.REJECTED, e.getMessage(),
                    operatorName));
        }
    }

    /** The model serving a table now, after swapping in a version that finished loading; null when none. */
    public LoadedModel current(String table) {
        LoadedModel next = ready.remove(table);
        if (next != null) {
            LoadedModel previous = serving.put(table, next);
            if (previous != null) {
                previous.close();
            }
            swaps.get(table).inc();
            servedNumbers.get(table).set(next.version().version());
            LOG.info("{} serves model {} (was {})", operatorName, next.label(),
                    previous == null ? "sanitize only" : previous.label());
            statuses.add(ModelStatus.of(table, next.label(), ModelStatus.SERVING, null, operatorName));
        }
        return serving.get(table);
    }

    /** The versions served now, for the operator's checkpoint. */
    public List<ModelVersion> servedVersions() {
        List<ModelVersion> versions = new ArrayList<>();
        serving.values().forEach(m -> versions.add(m.version()));
        return versions;
    }

    /** Status events since the last call. */
    public List<ModelStatus> drainStatuses() {
        List<ModelStatus> drained = new ArrayList<>();
        for (ModelStatus status; (status = statuses.poll()) != null; ) {
            drained.add(status);
        }
        return drained;
    }

    /** Waits for loads in flight: at the end of a bounded input, so that a published version is not skipped. */
    public void awaitLoads(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        for (Future<?> load : List.copyOf(loads)) {
            try {
                load.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warn("{}: a model load did not finish: {}", operatorName, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        serving.values().forEach(LoadedModel::close);
        ready.values().forEach(LoadedModel::close);
        serving.clear();
        ready.clear();
    }

    public ModelLoader loader() {
        return loader;
    }
}
