package io.shadowfeed.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Summarizes a JFR recording of one benchmark run: where the JVM's CPU samples fall by thread, the hottest methods
 * (self and inclusive) of the busiest thread, its time split by pipeline stage, GC pauses and the top allocation
 * sites. Run on its own: {@code JfrHotSpots FILE.jfr}.
 */
final class JfrHotSpots {

    private static final int TOP = 20;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /**
     * Pipeline stages of a task thread, by a frame on the stack; the frame nearest the leaf decides. Matched
     * against {@code class.method}.
     */
    private static final Map<String, String> STAGES = stages();

    private JfrHotSpots() {}

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: JfrHotSpots FILE.jfr");
            System.exit(2);
        }
        System.out.println(summarize(Path.of(args[0])));
    }

    static String summarize(Path recording) {
        List<RecordedEvent> events;
        try {
            events = RecordingFile.readAllEvents(recording);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + recording, e);
        }
        Map<String, Long> byThread = new HashMap<>();
        Map<String, List<RecordedStackTrace>> stacksByThread = new HashMap<>();
        Map<String, Long> selfAll = new HashMap<>();
        long samples = 0;
        long truncated = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Map<String, Map<String, Long>> allocByThread = new HashMap<>();
        Map<String, Long> allocTotalByThread = new HashMap<>();
        long allocTotal = 0;
        double jvmCpuSum = 0;
        double machineCpuSum = 0;
        long cpuLoadEvents = 0;
        for (RecordedEvent event : events) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace stack = event.getStackTrace();
                    RecordedThread thread = event.getThread("sampledThread");
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    truncated += stack.isTruncated() ? 1 : 0;
                    String name = threadName(thread);
                    byThread.merge(name, 1L, Long::sum);
                    stacksByThread.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(stack);
                    selfAll.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
                }
                case "jdk.ObjectAllocationSample" -> {
                    long weight = event.getLong("weight");
                    allocTotal += weight;
                    RecordedStackTrace stack = event.getStackTrace();
                    String site = stack == null || stack.getFrames().isEmpty() ? "?" : allocationSite(stack);
                    String type = event.getClass("objectClass").getName();
                    String thread = threadName(event.getThread("eventThread"));
                    allocByThread.computeIfAbsent(thread, t -> new HashMap<>()).merge(type + " at " + site, weight,
                            Long::sum);
                    allocTotalByThread.merge(thread, weight, Long::sum);
                }
                case "jdk.CPULoad" -> {
                    jvmCpuSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    machineCpuSum += event.getFloat("machineTotal");
                    cpuLoadEvents++;
                }
                default -> { }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %,d execution samples (%,d with truncated stacks)%n",
                recording.getFileName(), samples, truncated));
        if (cpuLoadEvents > 0) {
            out.append(String.format(Locale.ROOT, "CPU load (share of all cores, mean of %d readings): this JVM "
                    + "%.0f%%, whole machine %.0f%%%n", cpuLoadEvents, 100 * jvmCpuSum / cpuLoadEvents,
                    100 * machineCpuSum / cpuLoadEvents));
        }
        out.append(String.format(Locale.ROOT, "GC: %d collections, %.0f ms of pauses; allocation (sampled "
                + "estimate) %.0f MB%n", gcCount, gcPause.toNanos() / 1e6, allocTotal / 1e6));
        long all = samples;
        out.append("\nSamples by thread:\n");
        top(byThread, 12).forEach((k, v) -> out.append(line(v, all, k)));
        out.append("\nTop methods by self samples, all threads:\n");
        top(selfAll, TOP).forEach((k, v) -> out.append(line(v, all, k)));

        String busiest = top(byThread, 1).keySet().stream().findFirst().orElse(null);
        if (busiest != null) {
            List<RecordedStackTrace> stacks = stacksByThread.get(busiest);
            long n = stacks.size();
            Map<String, Long> stages = new HashMap<>();
            Map<String, Long> inclusive = new HashMap<>();
            Map<String, Long> self = new HashMap<>();
            for (RecordedStackTrace stack : stacks) {
                stages.merge(stage(stack), 1L, Long::sum);
                self.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : stack.getFrames()) {
                    String name = frame(f);
                    if (seen.add(name)) {
                        inclusive.merge(name, 1L, Long::sum);
                    }
                }
            }
            out.append("\nBusiest thread: ").append(busiest).append(String.format(Locale.ROOT,
                    " (%,d samples)%n", n));
            out.append("  by pipeline stage (the stage frame nearest the leaf):\n");
            top(stages, TOP).forEach((k, v) -> out.append(line(v, n, k)));
            out.append("  top methods, self:\n");
            top(self, TOP).forEach((k, v) -> out.append(line(v, n, k)));
            out.append("  top methods, inclusive:\n");
            top(inclusive, 40).forEach((k, v) -> out.append(line(v, n, k)));
            long threadAlloc = allocTotalByThread.getOrDefault(busiest, 0L);
            out.append(String.format(Locale.ROOT, "  top allocation sites (sampled estimate, %.0f MB on this "
                    + "thread):%n", threadAlloc / 1e6));
            top(allocByThread.getOrDefault(busiest, Map.of()), 12)
                    .forEach((k, v) -> out.append(line(v, Math.max(1, threadAlloc), k)));
        }
        return out.toString();
    }

    private static String stage(RecordedStackTrace stack) {
        for (RecordedFrame f : stack.getFrames()) {
            String name = frame(f);
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                if (name.contains(stage.getKey())) {
                    return stage.getValue();
                }
            }
        }
        return "other";
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("typeutils.runtime.RowSerializer.copy", "copies between chained operators (Row)");
        stages.put("typeutils.runtime.PojoSerializer.copy", "copies between chained operators (POJO)");
        stages.put("ConfluentWireDecoder.decode", "Avro decode (ConfluentWireDecoder)");
        stages.put("ConfluentWireEncoder.encode", "Avro encode (ConfluentWireEncoder)");
        stages.put("SanitizeFunction.map", "policies (SanitizeFunction)");
        stages.put("DecodeFunction.processElement", "DecodeFunction, besides Avro (validation, Row)");
        stages.put("EncodeFunction.map", "EncodeFunction, besides Avro (key, metrics)");
        stages.put("TimestampsAndWatermarksOperator", "event time and watermarks");
        stages.put("KafkaWriter.write", "Kafka sink (serialize, producer.send)");
        stages.put("KafkaRecordEmitter.emitRecord", "Kafka source: ConsumerRecord -> RawRecord");
        stages.put("SourceReaderBase.pollNext", "Kafka source reader (hand-over queue)");
        stages.put("SubtaskCheckpointCoordinatorImpl", "checkpointing");
        stages.put("MailboxProcessor", "mailbox (other)");
        return stages;
    }

    private static String allocationSite(RecordedStackTrace stack) {
        // The first frame outside the JDK says who allocated.
        for (RecordedFrame f : stack.getFrames()) {
            String name = frame(f);
            if (!name.startsWith("java.") && !name.startsWith("jdk.") && !name.startsWith("sun.")) {
                return name;
            }
        }
        return frame(stack.getFrames().get(0));
    }

    private static String frame(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "?";
        }
        String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
        return DIGITS.matcher(name == null ? "?" : name).replaceAll("N");
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    private static String line(long count, long total, String what) {
        return String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * count / Math.max(1, total), what);
    }
}
