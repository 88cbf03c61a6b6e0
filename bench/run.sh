#!/usr/bin/env bash
# End-to-end throughput benchmark: (a) a Flink byte copy and (b) the Shadowfeed job, Kafka -> job -> Kafka, on the
# same records (nycflights13 flights x 3), alternating, after a warm-up. See docs/BENCHMARKS.md.
#
#   bench/run.sh                      build, run, print the JSON report, update docs/BENCHMARKS.md
#   bench/run.sh --rounds 5 --jfr bench/target/jfr
#   SKIP_BUILD=1 bench/run.sh         reuse the last build
#   MVN_FLAGS=-o bench/run.sh         build offline
#   bench/run.sh codec                the Avro codec micro-benchmark (the job's codec against Avro's generic path)
#
# Arguments go to ThroughputBenchmark (--help lists them). The JSON report also lands in
# bench/target/throughput.json. Takes about 2-4 minutes on 2 cores with the defaults.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# One benchmark at a time on this machine: two would disturb each other's numbers, and they share the broker's work
# dir. A second run.sh waits here for the first.
mkdir -p .work
exec 9>".work/bench.lock"  # outside target/, so that a clean cannot remove it while it is held
if ! flock -n 9; then
    echo "bench/run.sh: another benchmark is running; waiting for it to finish" >&2
    flock 9
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    # shellcheck disable=SC2086
    ./mvnw -q -B ${MVN_FLAGS:-} install -DskipTests -pl bench -am
fi
if [[ ! -f bench/target/classpath.txt ]]; then
    echo "bench/run.sh: bench/target/classpath.txt is missing; run without SKIP_BUILD=1" >&2
    exit 2
fi

main=io.shadowfeed.bench.ThroughputBenchmark
output=bench/target/throughput.json
if [[ "${1:-}" == "codec" ]]; then
    main=io.shadowfeed.bench.codec.CodecMicroBenchmark
    output=bench/target/codec.txt
    shift
fi
args=("$@")
has_markdown=0
for arg in "$@"; do
    case "$arg" in
        --markdown|--markdown=*) has_markdown=1 ;;
        -h|--help) has_markdown=1 ;;
    esac
done
if [[ "$main" == *ThroughputBenchmark ]]; then
    args=(--command "bench/run.sh${*:+ $*}" "${args[@]}")
fi
if [[ "$has_markdown" == "0" && "$main" == *ThroughputBenchmark ]]; then
    args+=(--markdown docs/BENCHMARKS.md)
fi

# Snapshot the project's own jars (module target/ folders after a reactor build, ~/.m2 otherwise): other builds may
# rebuild, clean or reinstall them while the benchmark runs, and a jar replaced under a running JVM fails its next
# class load. Third-party jars in ~/.m2 do not change.
snapshot="$ROOT/bench/target/snapshot"  # absolute: the broker JVM runs in its own work dir
rm -rf "$snapshot"
mkdir -p "$snapshot"
cp -r bench/target/classes "$snapshot/classes"
classpath="$snapshot/classes"
IFS=':' read -r -a entries < bench/target/classpath.txt || true  # no trailing newline: read returns 1
for entry in "${entries[@]}"; do
    case "$entry" in
        "$ROOT"/*|*/io/shadowfeed/*)
            cp "$entry" "$snapshot/"
            classpath+=":$snapshot/$(basename "$entry")"
            ;;
        *) classpath+=":$entry" ;;
    esac
done

# Which code was measured (read-only git calls): the commit, and whether the working tree differed from it.
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- 2>/dev/null; then
    revision+=" + uncommitted changes"
fi

# -Xmx4g for the harness JVM (Flink MiniCluster + jobs + registry + verification consumers); the broker is a
# separate JVM with LocalKafkaBroker's defaults (1 GB heap, G1). A deep JFR stack depth only matters with --jfr.
java -Xms1g -Xmx4g -XX:+UseG1GC -XX:FlightRecorderOptions:stackdepth=256 \
    -Dshadowfeed.repo="$ROOT" \
    -Dshadowfeed.bench.revision="$revision" \
    -Dlog4j2.configurationFile="$ROOT/bench/src/main/resources/bench-log4j2.properties" \
    -cp "$classpath" \
    "$main" "${args[@]}" | tee "$output"
