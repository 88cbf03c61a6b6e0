package io.shadowfeed.trainer.evaluate.gate;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The gate's decision: passed exactly when every check passed. */
public record GateVerdict(boolean passed, List<GateCheck> checks) {

    public GateVerdict {
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        boolean all = checks.stream().allMatch(GateCheck::passed);
        if (passed != all) {
            throw new IllegalArgumentException("verdict passed=" + passed + " contradicts its checks (all passed: "
                    + all + ")");
        }
    }

    public List<GateCheck> failedChecks() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * The failed checks in one line, e.g. {@code quality 0.71 < 0.80; dcr_share 0.62 > 0.55}; empty when the
     * verdict passed.
     */
    public String failureSummary() {
        return failedChecks().stream().map(GateCheck::describe).collect(Collectors.joining("; "));
    }
}
