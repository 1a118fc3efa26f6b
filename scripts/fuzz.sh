#!/usr/bin/env bash
# Runs each fuzz target of fuzz/ for the given seconds (default 600) with
# cargo-fuzz on the nightly toolchain, seeded from the bundled corpus, and
# prints the executions and any crash. Exit code 1 when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
seeds=fuzz/seeds
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds/readers" "$seeds/resolver" "$seeds/analyze"
  i=0
  # One seed a line of the bundled JSON Lines corpus, and each text file.
  while IFS= read -r line; do
    printf '%s' "$line" > "$seeds/readers/line-$i"
    printf '\x07\x00\x05\x13%s' "$line" > "$seeds/resolver/line-$i"
    printf '\x07\x00%s' "$line" > "$seeds/analyze/line-$i"
    i=$((i + 1))
  done < <(cat corpus/kcna/*.jsonl | head -n 200)
  for f in corpus/seed/*.txt tests/golden/*.txt; do
    [ -f "$f" ] && cp "$f" "$seeds/readers/$(basename "$f")"
  done
fi
status=0
for target in readers resolver analyze; do
  echo "--- $target, $seconds s"
  if ! (cd fuzz && cargo +nightly fuzz run "$target" "../$seeds/$target" -- \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>&1 \
      | grep -E "stat::number_of_executed_units|Done|SUMMARY|ERROR|crash-|timeout-"); then
    status=1
  fi
  if ls fuzz/artifacts/"$target"/crash-* fuzz/artifacts/"$target"/timeout-* >/dev/null 2>&1; then
    echo "$target: crashes or timeouts in fuzz/artifacts/$target"
    status=1
  fi
done
exit $status
