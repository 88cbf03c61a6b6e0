#!/usr/bin/env bash
# Epoch time of `shadowfeed train` on Adult, for each PyTorch thread count given, back to back in one run (this
# machine's speed drifts: only same-run ratios mean anything). Prints one line per run and the ratio to the first.
# Usage: bench/train-epoch-time.sh [--epochs N] [THREADS ...]     (default: 8 epochs, threads 1 2)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
epochs=8
if [[ "${1:-}" == "--epochs" ]]; then epochs="$2"; shift 2; fi
threads=("$@")
[[ ${#threads[@]} -eq 0 ]] && threads=(1 2)
data="$repo/../shared/datasets/adult"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
first=""
for t in "${threads[@]}"; do
    line=$("$repo/bin/shadowfeed" train --data "$data/adult.csv" --metadata "$data/adult.ctgan_metadata.json" \
        --table adult --out "$work/t$t" --epochs "$epochs" --threads "$t" --checkpoint-every 0 2>&1 >/dev/null \
        | grep -E 's/epoch$' | tail -1)
    seconds=$(sed -E 's/.* ([0-9.]+) s\/epoch$/\1/' <<<"$line")
    [[ -z "$first" ]] && first="$seconds"
    printf 'threads %s: %s s/epoch (mean of %s epochs incl. the first)  ratio to threads %s: %s\n' "$t" "$seconds" \
        "$epochs" "${threads[0]}" "$(awk -v a="$seconds" -v b="$first" 'BEGIN { printf "%.2f", a / b }')"
done
