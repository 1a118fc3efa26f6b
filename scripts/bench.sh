#!/usr/bin/env bash
# Benchmark: repeats the bundled JSON Lines corpus to at least 100 MB
# (bench-data/, generated, not committed), runs `eventline extract` over it
# and reports MB/s of article text and peak memory. Also times the date
# resolver alone. Each run prints its expected counts so that a benchmark
# that silently stops finding things shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/eventline
target_mb=${BENCH_MB:-100}
mkdir -p bench-data
corpus=bench-data/corpus.jsonl
if [ ! -s "$corpus" ] || [ "$(stat -c %s "$corpus")" -lt $((target_mb * 1000000)) ]; then
  : > "$corpus"
  i=0
  while [ "$(stat -c %s "$corpus")" -lt $((target_mb * 1000000)) ]; do
    # Distinct ids per copy, so documents stay distinct rows.
    sed "s/\"id\": \"/\"id\": \"r$i-/" corpus/kcna/*.jsonl >> "$corpus"
    i=$((i + 1))
  done
fi
echo "corpus: $corpus, $(stat -c %s "$corpus") bytes"
for jobs in 1 0; do
  echo "--- extract --jobs $jobs (0 = all cores)"
  "$bin" extract "$corpus" --out bench-data/out --jobs "$jobs" --quiet
done
echo "--- date resolver alone (dates over the article text of one copy)"
"$bin" bench-dates corpus/kcna/*.jsonl --repeat 20
