#!/usr/bin/env bash
# End-to-end throughput and memory of `newsseg process` at archive scale: measures, does not judge.
#
#   benches/batch-scale.sh [--copies N] [--pages N] [--threads "1 2"] [--repeat R] [--keep DIR] [--out DIR] [--no-build] [--fsync]
#
# Lays out bench pages with ../shared/eval/genpages.py (zh from People's Daily, en from Reuters;
# --pages of each, seed 7) into a temporary folder, replicates them --copies times (default 23:
# 160 pages x 23 = 3680 files, about 51 MB), then for each thread count runs
#   target/release/newsseg process CORPUS -o OUT -jN -q [--fsync]
# (--repeat times each, keeping the fastest run: other jobs only ever slow a run down) and prints
# wall time, MB/s, CPU time, peak RSS and the speed-up over the first count. The corpora
# are read from ../shared/eval/corpora (or $BENCH_CORPORA) and never copied into the repo; the
# temporary folder is removed at the end unless --keep names one to use instead. The JSON goes to
# out-jN.K folders beside the corpus, or under --out DIR (say /dev/shm, to time the program without
# the disk: on the development VM's ext4, which has no journal, a run that created its files soon
# after thousands were deleted has taken up to 2.4 s of system time against 0.5 s on tmpfs, the
# kernel's inode allocator stepping over every recently freed inode).
#
# The run checks its own output: every page has its JSON, and the outputs of all thread counts are
# byte-identical. On a machine shared with other jobs wall time is noisy; CPU seconds less so, and
# MB per CPU-second is the figure to compare across runs of this script. CPU is shown as user and
# system seconds apart: system time is the file system's (creating and renaming a file per page),
# and varies with the disk and what happened on it lately, not with newsseg's work.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="${NEWSSEG_SHARED:-$repo/../shared}"
corpora="${BENCH_CORPORA:-$shared/eval/corpora}"
copies=23
pages=80
threads="1 2"
repeat=1
keep=""
outdir=""
build=1
fsync=()
while [ $# -gt 0 ]; do
  case "$1" in
    --copies) copies="$2"; shift 2 ;;
    --pages) pages="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --out) outdir="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --fsync) fsync=(--fsync); shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ {exit} NR > 1 {print}' "$0"; exit 0 ;;
    *) echo "batch-scale: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$shared/eval/genpages.py" ] || { echo "batch-scale: no $shared/eval/genpages.py (set NEWSSEG_SHARED)" >&2; exit 2; }
if [ "$build" = 1 ]; then (cd "$repo" && cargo build --release --quiet); fi
bin="$repo/target/release/newsseg"

if [ -n "$keep" ]; then
  work="$keep"; mkdir -p "$work"
else
  work="$(mktemp -d "${TMPDIR:-/tmp}/newsseg-scale.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
fi

if [ ! -d "$work/corpus" ]; then
  python3 "$shared/eval/genpages.py" --corpus zh --source "$(ls "$corpora"/zh-*.tar.gz | head -1)" \
    --pages "$pages" --seed 7 --out "$work/gen/zh" >/dev/null
  python3 "$shared/eval/genpages.py" --corpus en --source "$corpora"/en-reuters-*.sgm.gz \
    --pages "$pages" --seed 7 --out "$work/gen/en" >/dev/null
  for i in $(seq -w 1 "$copies"); do
    mkdir -p "$work/corpus/r$i"
    cp "$work"/gen/zh/pages/*.txt "$work"/gen/en/pages/*.txt "$work/corpus/r$i/"
  done
fi
files=$(find "$work/corpus" -name '*.txt' | wc -l)
bytes=$(find "$work/corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)
echo "corpus: $files files, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs newsseg once; sets wall, user and sys (CPU seconds) and rss_kb.
measure() {
  local out="$1" n="$2" log="$work/time-$n.log"
  # A fresh folder each run, the old ones removed only after the last: deleting thousands of
  # files (and the disk's discards after it) goes on in the kernel after rm returns, and slowed
  # the next timed run by seconds of system time. Earlier writes are flushed before the clock.
  rm -rf "$out"
  sync
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v "$bin" process "$work/corpus" -o "$out" -j"$n" -q "${fsync[@]}" 2>"$log"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
    user=$(awk -F': ' '/User time/{print $2}' "$log")
    sys=$(awk -F': ' '/System time/{print $2}' "$log")
    rss_kb=$(awk -F': ' '/Maximum resident/{print $2}' "$log")
  else
    # No GNU time: poll the process's memory high-water mark and CPU ticks while it runs.
    local t0 t1 pid hwm=0 ticks=0 sticks=0 v hz
    hz=$(getconf CLK_TCK)
    t0=$(date +%s.%N)
    "$bin" process "$work/corpus" -o "$out" -j"$n" -q "${fsync[@]}" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
      v=$(awk '{print $14, $15}' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$v" ] && { ticks=${v% *}; sticks=${v#* }; }
      sleep 0.05
    done
    wait "$pid"
    t1=$(date +%s.%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')
    user=$(awk -v t="$ticks" -v h="$hz" 'BEGIN{print t/h}')
    sys=$(awk -v t="$sticks" -v h="$hz" 'BEGIN{print t/h}')
    rss_kb=$hwm
  fi
}

first_wall=""
first_out=""
stale=()
outroot="${outdir:-$work}"
mkdir -p "$outroot"
printf '%-4s %8s %8s %8s %8s %10s %9s %8s\n' "-j" "wall s" "MB/s" "user s" "sys s" "MB/cpu-s" "RSS MB" "speedup"
for n in $threads; do
  out="$outroot/out-j$n"
  best_wall=""; best_user=""; best_sys=""; max_rss=0
  for k in $(seq "$repeat"); do
    measure "$out.$k" "$n"
    [ "$k" = 1 ] || stale+=("$out.$k")
    if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN{exit !(a<b)}'; then
      best_wall=$wall; best_user=$user; best_sys=$sys
    fi
    [ "$rss_kb" -gt "$max_rss" ] && max_rss=$rss_kb
  done
  wall=$best_wall; user=$best_user; sys=$best_sys; rss_kb=$max_rss
  out="$out.1"
  got=$(find "$out" -name '*.json' | wc -l)
  [ "$got" = "$files" ] || { echo "batch-scale: -j$n wrote $got JSON files for $files pages" >&2; exit 1; }
  if [ -z "$first_out" ]; then
    first_out="$out"; first_wall="$wall"
  else
    diff -rq "$first_out" "$out" >/dev/null || { echo "batch-scale: -j$n output differs from $first_out" >&2; exit 1; }
  fi
  awk -v n="$n" -v w="$wall" -v u="$user" -v s="$sys" -v b="$bytes" -v r="$rss_kb" -v f="$first_wall" 'BEGIN{
    c = u + s
    printf "%-4s %8.2f %8.2f %8.2f %8.2f %10.2f %9.1f %7.2fx\n", n, w, b/1e6/w, u, s, (c>0? b/1e6/c : 0), r/1024, f/w }'
done
echo "targets (issue 4): >= 30 MB/s on 2 cores, -j1 -> -j2 speed-up >= 1.6x, peak RSS <= 150 MB"
rm -rf "${stale[@]}"
# Without --keep nothing of the run stays, the output under --out included (only the folders this
# run made there).
if [ -z "$keep" ] && [ -n "$outdir" ]; then
  for n in $threads; do rm -rf "$outroot/out-j$n.1"; done
fi
