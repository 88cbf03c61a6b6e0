#!/usr/bin/env bash
# The synthesis benchmark: nycflights13 flights (x3 = 1.01M events) through the full job -- linkage to planes,
# airlines and airports (orphans get parents on demand), modelled fields from trained generators -- against a Flink
# byte copy of the same records in the same run. See docs/BENCHMARKS.md.
#
#   bench/flights-synth.sh                    train the models (once), then run the benchmark
#   RETRAIN=1 bench/flights-synth.sh          train again
#   bench/flights-synth.sh --rounds 3         arguments go to ThroughputBenchmark
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DATA="$ROOT/../shared/datasets/nycflights13"
WORK="$ROOT/bench/target/training"
MODELS="$ROOT/bench/target/models"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    ./mvnw -q -B ${MVN_FLAGS:-} install -DskipTests -pl bench -am
fi
if [[ "${RETRAIN:-0}" == "1" || ! -d "$MODELS/flights" ]]; then
    rm -rf "$MODELS" "$WORK"
    mkdir -p "$WORK"
    # Training files: the modelled columns, and for flights the parents' context joined on as <fk>.<column>.
    python3 - "$DATA" "$WORK" <<'PY'
import csv, random, sys
data, work = sys.argv[1], sys.argv[2]
def rows(name):
    with open(f"{data}/{name}.csv", newline="") as f:
        return list(csv.DictReader(f))
def write(name, header, records):
    with open(f"{work}/{name}.csv", "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        out.writerows(records)
planes = {p["tailnum"]: p for p in rows("planes")}
airports = {a["faa"]: a for a in rows("airports")}
write("planes", ["year", "type", "manufacturer", "engines", "seats", "engine"],
      [[p[c] for c in ["year", "type", "manufacturer", "engines", "seats", "engine"]] for p in planes.values()])
write("airports", ["lat", "lon", "alt", "tz", "dst"],
      [[a[c] for c in ["lat", "lon", "alt", "tz", "dst"]] for a in airports.values()])
flights = rows("flights")
random.Random(13).shuffle(flights)
columns = ["dep_delay", "arr_delay", "air_time", "distance"]
write("flights", columns + ["tailnum.seats", "dest.lat"],
      [[f[c] for c in columns] + [planes.get(f["tailnum"], {}).get("seats", ""),
                                  airports.get(f["dest"], {}).get("lat", "")] for f in flights[:40000]])
PY
    printf 'min_quality: null\nmax_exact_match_rate: null\nmax_dcr_share: null\n' > "$WORK/no-gate.yaml"
    export SHADOWFEED_SKIP_BUILD=1
    bin/shadowfeed train --data "$WORK/planes.csv" --table planes --out "$MODELS" --epochs 40 --batch-size 200 \
        --threads 1 --gate "$WORK/no-gate.yaml"
    bin/shadowfeed train --data "$WORK/airports.csv" --table airports --out "$MODELS" --epochs 40 --batch-size 200 \
        --threads 1 --gate "$WORK/no-gate.yaml"
    bin/shadowfeed train --data "$WORK/flights.csv" --table flights --out "$MODELS" --epochs 4 --batch-size 500 \
        --threads 1 --context tailnum.seats,dest.lat --gate "$WORK/no-gate.yaml"
fi
SKIP_BUILD=1 exec bench/run.sh --spec bench/flights-synth.yaml --parents "$DATA" --markdown bench/target/flights-synth.md "$@"
