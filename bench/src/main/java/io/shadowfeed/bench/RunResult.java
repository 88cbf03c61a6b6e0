package io.shadowfeed.bench;

import java.util.List;
import java.util.Map;

/**
 * One run of one job over the whole input, and what the checks found.
 *
 * @param job "a" (byte copy) or "b" (Shadowfeed)
 * @param round "warm-up-N", a measured round's number, or "profile"
 * @param wallSeconds from job submission until the job had finished (its last transactions committed)
 * @param netRuntimeSeconds Flink's own run time of the job
 * @param steadySeconds from the first to the last output record's broker append time
 * @param firstOutputAfterSeconds from submission until the broker appended the first output record (start-up)
 * @param tailSeconds from the last output record's append until the job had finished (final checkpoint, commit)
 * @param jobJvmCpuSeconds CPU time of this JVM (job, Flink, GC, JIT) between submission and finish
 * @param brokerCpuSeconds CPU time of the broker's JVM between submission and finish
 * @param otherCpuSeconds CPU time of every other process on the machine meanwhile (noise: builds, tests)
 * @param checkFailures empty when output = input and nothing was dead-lettered
 */
record RunResult(
        String job,
        String jobName,
        String round,
        boolean measured,
        long inputRecords,
        long outputRecords,
        long deadLetters,
        double wallSeconds,
        double netRuntimeSeconds,
        double steadySeconds,
        double recordsPerSecondWall,
        double recordsPerSecondSteady,
        double firstOutputAfterSeconds,
        double tailSeconds,
        double jobJvmCpuSeconds,
        double brokerCpuSeconds,
        double otherCpuSeconds,
        double outputValueBytesPerRecord,
        List<String> checkFailures,
        Map<String, Long> deadLetterReasons,
        Map<String, String> deadLetterExamples) {

    RunResult {
        checkFailures = List.copyOf(checkFailures);
        deadLetterReasons = Map.copyOf(deadLetterReasons);
        deadLetterExamples = Map.copyOf(deadLetterExamples);
    }

    /** The same run, reported under another round name and left out of the medians. */
    RunResult notMeasured(String newRound) {
        return new RunResult(job, jobName, newRound, false, inputRecords, outputRecords, deadLetters, wallSeconds,
                netRuntimeSeconds, steadySeconds, recordsPerSecondWall, recordsPerSecondSteady, firstOutputAfterSeconds,
                tailSeconds, jobJvmCpuSeconds, brokerCpuSeconds, otherCpuSeconds, outputValueBytesPerRecord,
                checkFailures, deadLetterReasons, deadLetterExamples);
    }

    boolean passed() {
        return checkFailures.isEmpty();
    }

}
