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

# The real workload: the whole kcna.co.jp archive, when it is at hand,
# decompressed outside the repository. Reports MB/s of article text at one
# thread and at all cores, peak memory at an eighth, at all of it and at
# all of it twice over, and the ratio to the figures in
# scripts/bench-reference.txt.
archive=${EVENTLINE_ARCHIVE:-../shared/corpus/kcna/kcna-co-jp-all.jsonl.zst}
if [ -f "$archive" ] && command -v zstd >/dev/null; then
  work=${TMPDIR:-/tmp}/eventline-bench
  mkdir -p "$work"
  whole=$work/kcna-all.jsonl
  eighth=$work/kcna-eighth.jsonl
  [ -s "$whole" ] || zstd -q -dc "$archive" > "$whole"
  twice=$work/kcna-twice.jsonl
  [ -s "$eighth" ] || head -n $(( $(wc -l < "$whole") / 8 )) "$whole" > "$eighth"
  # The archive read twice over: the same text again, so what grows here
  # grows with the length of a run, not with the variety of its text.
  [ -s "$twice" ] || cat "$whole" "$whole" > "$twice"
  # "... 164.4 MB in 9.44 s (17.4 MB/s), peak memory 129 MB" -> "17.4 129"
  once() { # FILE JOBS [CPU: run on that processor alone]
    local pin=()
    [ -n "${3:-}" ] && pin=(taskset -c "$3")
    "${pin[@]}" "$bin" extract "$1" --out "$work/out" --jobs "$2" --quiet 2>&1 \
      | sed -n 's/.*(\([0-9.]*\) MB\/s), peak memory \([0-9]*\) MB.*/\1 \2/p'
  }
  # The median of BENCH_RUNS runs (3 unless set), of MB/s and of peak memory
  # each: one run of the same binary can be a fifth off on a shared machine.
  runs=${BENCH_RUNS:-3}
  median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  measure() { # FILE JOBS [CPU]
    local results
    results=$(for _ in $(seq "$runs"); do once "$1" "$2" "${3:-}"; done)
    echo "$(cut -d' ' -f1 <<< "$results" | median) $(cut -d' ' -f2 <<< "$results" | median)"
  }
  reference() { # KEY
    awk -v k="$1" '$1 == k { print $2 }' scripts/bench-reference.txt 2>/dev/null
  }
  ratio() { # NEW OLD
    awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'
  }
  echo "--- whole archive: $(stat -c %s "$whole") bytes of JSON Lines (medians of $runs runs)"
  read -r mbs_one rss_one <<< "$(measure "$whole" 1)"
  read -r mbs_all rss_all <<< "$(measure "$whole" 0)"
  read -r mbs_eighth rss_eighth <<< "$(measure "$eighth" 0)"
  read -r mbs_twice rss_twice <<< "$(measure "$twice" 0)"
  # `--jobs 1` is one worker, but the reader, the writer (which hashes what
  # it writes) and the end of the run still take the other core: pinned to
  # one processor, the whole run has one core, the fair base for scaling.
  mbs_core=-
  if command -v taskset >/dev/null; then
    read -r mbs_core _ <<< "$(measure "$whole" 1 0)"
  fi
  printf '%-34s %10s %12s\n' figure value reference
  printf '%-34s %10s %12s %s\n' "MB/s, one thread" "$mbs_one" "$(reference mbs_one)" "$(ratio "$mbs_one" "$(reference mbs_one)")"
  printf '%-34s %10s %12s %s\n' "MB/s, all cores" "$mbs_all" "$(reference mbs_all)" "$(ratio "$mbs_all" "$(reference mbs_all)")"
  printf '%-34s %10s\n' "all cores / one thread" "$(ratio "$mbs_all" "$mbs_one")"
  printf '%-34s %10s\n' "MB/s, one thread on one core" "$mbs_core"
  printf '%-34s %10s\n' "all cores / one core" "$(ratio "$mbs_all" "$mbs_core")"
  printf '%-34s %10s %12s\n' "peak MB, one thread" "$rss_one" "$(reference rss_one)"
  printf '%-34s %10s %12s\n' "peak MB, all cores" "$rss_all" "$(reference rss_all)"
  printf '%-34s %10s %12s\n' "peak MB, an eighth, all cores" "$rss_eighth" "$(reference rss_eighth)"
  printf '%-34s %10s\n' "peak all / peak eighth" "$(ratio "$rss_all" "$rss_eighth")"
  printf '%-34s %10s\n' "peak MB, twice over, all cores" "$rss_twice"
  printf '%-34s %10s\n' "peak twice / peak all" "$(ratio "$rss_twice" "$rss_all")"
else
  echo "--- (no archive at $archive, or no zstd: the real-archive figures are skipped)"
fi

echo "corpus: $corpus, $(stat -c %s "$corpus") bytes"
for jobs in 1 0; do
  echo "--- extract --jobs $jobs (0 = all cores)"
  "$bin" extract "$corpus" --out bench-data/out --jobs "$jobs" --quiet
done
echo "--- date resolver alone (dates over the article text of one copy)"
"$bin" bench-dates corpus/kcna/*.jsonl --repeat 20
echo "--- pathological inputs: time at 100 KB and 1 MB (linear growth keeps the ratio near 10, at most 15)"
patho=bench-data/pathological
mkdir -p "$patho"
python_free_repeat() { # repeat STRING until the file has BYTES bytes
  local text=$1 bytes=$2 file=$3
  : > "$file"
  local chunk=$text
  while [ ${#chunk} -lt 65536 ]; do chunk=$chunk$chunk; done
  while [ "$(stat -c %s "$file")" -lt "$bytes" ]; do printf '%s' "$chunk" >> "$file"; done
  echo >> "$file"
}
printf '%-22s %10s %10s %7s\n' input "100 KB s" "1 MB s" ratio
for kind in met anniversary sentence; do
  case $kind in
    met) text='met ' ;;
    anniversary) text='the 5th anniversary of the victory ' ;;
    sentence) text='Pyongyang, May 3 (KCNA) -- Kim Jong Un met Vladimir Putin in Moscow on Monday. ' ;;
  esac
  times=()
  for bytes in 100000 1000000; do
    file=$patho/$kind-$bytes.txt
    python_free_repeat "$text" "$bytes" "$file"
    start=$(date +%s.%N)
    "$bin" extract "$file" --published 2024-08-12 --out "$patho/out" --quiet 2>/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  ratio=$(awk -v a="${times[0]}" -v b="${times[1]}" 'BEGIN { print b / a }')
  printf '%-22s %10.2f %10.2f %7.1f\n' "$kind" "${times[0]}" "${times[1]}" "$ratio"
done
