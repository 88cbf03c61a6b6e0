package io.shadowfeed.trainer.profile;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The zone that datetimes with offsets are rendered back in. One offset: that offset. Several (daylight saving
 * time): the first region zone, alphabetically, whose rules give every value its own offset (for New York data,
 * {@code America/Detroit}, which has kept New York's rules), so values render with the offsets they came with;
 * failing that, the most frequent offset.
 */
final class RenderZone {

    /** Values checked against every region zone before the one that passes is checked on all values. */
    private static final int SAMPLE = 2_000;

    private RenderZone() {}

    /** Epoch seconds, their offsets and how many rows hold each. */
    static final class Observations {
        private long[] seconds;
        private int[] offsets;
        private int[] counts;
        private int size;

        Observations(int capacity) {
            seconds = new long[capacity];
            offsets = new int[capacity];
            counts = new int[capacity];
        }

        void add(long epochSecond, int offsetSeconds, int count) {
            if (size == seconds.length) {
                int grown = Math.max(16, size * 2);
                seconds = Arrays.copyOf(seconds, grown);
                offsets = Arrays.copyOf(offsets, grown);
                counts = Arrays.copyOf(counts, grown);
            }
            seconds[size] = epochSecond;
            offsets[size] = offsetSeconds;
            counts[size] = count;
            size++;
        }

        boolean isEmpty() {
            return size == 0;
        }
    }

    static String choose(Observations seen) {
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int i = 0; i < seen.size; i++) {
            frequency.merge(seen.offsets[i], seen.counts[i], Integer::sum);
        }
        int mostFrequent = frequency.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
        if (frequency.size() == 1) {
            return ZoneOffset.ofTotalSeconds(mostFrequent).getId();
        }
        int[] sample = sample(seen);
        for (String id : regionZones()) {
            ZoneRules rules = ZoneId.of(id).getRules();
            if (matches(rules, seen, sample) && matches(rules, seen, null)) {
                return id;
            }
        }
        return ZoneOffset.ofTotalSeconds(mostFrequent).getId();
    }

    /** The values on both sides of every offset change, in time order, plus a random spread of the rest. */
    private static int[] sample(Observations seen) {
        Integer[] order = new Integer[seen.size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(seen.seconds[a], seen.seconds[b]));
        List<Integer> picked = new ArrayList<>();
        for (int i = 1; i < order.length; i++) {
            if (seen.offsets[order[i]] != seen.offsets[order[i - 1]]) {
                picked.add(order[i - 1]);
                picked.add(order[i]);
            }
        }
        Random random = new Random(0);
        for (int i = 0; i < SAMPLE && i < order.length; i++) {
            picked.add(order.length <= SAMPLE ? i : random.nextInt(order.length));
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the rules give the observed offsets: at the sampled positions, or at all when {@code at} is null. */
    private static boolean matches(ZoneRules rules, Observations seen, int[] at) {
        int n = at == null ? seen.size : at.length;
        for (int k = 0; k < n; k++) {
            int i = at == null ? k : at[k];
            if (rules.getOffset(Instant.ofEpochSecond(seen.seconds[i])).getTotalSeconds() != seen.offsets[i]) {
                return false;
            }
        }
        return true;
    }

    /** Area/City zone ids in a fixed order; the legacy aliases ({@code US/Eastern}, {@code EST5EDT}) left out. */
    private static List<String> regionZones() {
        return ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.indexOf('/') > 0 && !id.startsWith("Etc/") && !id.startsWith("SystemV/")
                        && !id.startsWith("US/") && !id.startsWith("Canada/") && !id.startsWith("Brazil/")
                        && !id.startsWith("Mexico/") && !id.startsWith("Chile/"))
                .sorted()
                .toList();
    }
}
