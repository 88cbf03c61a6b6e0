package io.shadowfeed.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds the whole machine has been busy (user, nice, system, irq, softirq, steal) from {@code /proc/stat}, so
 * a run can tell how much CPU other processes took from it. NaN where there is no {@code /proc/stat}.
 */
final class MachineCpu {

    /** Linux reports /proc/stat in USER_HZ ticks, 100 per second on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private MachineCpu() {}

    static double busySeconds() {
        try {
            String first = Files.readAllLines(PROC_STAT).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
