#!/usr/bin/env bash
# The measurement series of docs/benchmarks.md: builds Release, runs the load generator against a server it starts
# itself (loopback only, temp SQLite store, no demo), writes one JSON summary per run and the latency plot.
#
#   bash tools/run-load-suite.sh [OUT_DIR]        (default tools/SalesCoach.Live.LoadGen/results)
#
# Each run is bounded (duration + settle + start/stop) and stops by itself. Runs that fail the totals check make the
# script exit non-zero at the end. Set SUITE=quick for shorter runs (a smoke test of the tooling, not figures).
set -uo pipefail
cd "$(dirname "$0")/.."
out="${1:-tools/SalesCoach.Live.LoadGen/results}"
mkdir -p "$out"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

quick=false; [[ "${SUITE:-}" == quick ]] && quick=true
long=60; mid=30; [[ $quick == true ]] && { long=5; mid=5; }

# The wallboard's static files play no part in a load test: skip its npm build.
dotnet build -c Release src/SalesCoach.Live.Server -p:SkipWallboardBuild=true -v quiet -nologo || exit 1
dotnet build -c Release tools/SalesCoach.Live.LoadGen -v quiet -nologo || exit 1

status=0
# Run the built dll directly: `dotnet run` would check the build again before every run.
loadgen() {
  local name=$1; shift
  echo; echo "== $name: $*   (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  dotnet tools/SalesCoach.Live.LoadGen/bin/Release/net10.0/SalesCoach.Live.LoadGen.dll --start-server --quiet \
    --label "$name" --json "$out/$name.json" "$@" || { echo "!! $name failed"; status=1; }
}

# (1) durable ingest, batches of 500, above what the server takes, 4 parallel posters.
# Sustained: 10 s of warm-up (the JIT's second tier) before the minute that is measured.
loadgen ingest-batch500 --rate 30000 --batch 500 --concurrency 4 --duration "$((long + 10))" --warmup 10
# ... and held at the target rate, to see the latency it costs there.
loadgen ingest-20000 --rate 20000 --batch 500 --concurrency 4 --duration "$mid" --warmup 5
# (2) post-to-screen with 1,000 clients at several rates (1,000/s for 60 s is the headline figure).
for rate in 250 500 2000; do
  loadgen "screen-$rate" --rate "$rate" --batch 10 --concurrency 8 --clients 1000 --duration "$mid" --warmup 5
done
loadgen screen-1000 --rate 1000 --batch 10 --concurrency 8 --clients 1000 --duration "$long" --warmup 5
# The same load over 500 teams of 2 reps (2 activities/s per team, quiet spells between them): shows what the
# 250 ms coalescing of deltas adds to the figures above. Not part of the plot.
loadgen spread-1000 --rate 1000 --batch 10 --concurrency 8 --clients 1000 --duration "$mid" --warmup 5 --teams 500
# (3) 5,000 hub connections held, no posting.
loadgen hub-5000 --rate 0 --clients 5000 --duration "$mid"
# (4) POSTs of 5,000 activities, one a second.
loadgen post-5000 --rate 5000 --batch 5000 --concurrency 1 --duration 5
# (7) 10,000 reps with today's state: every rep gets activities (in turn), then memory is read.
loadgen reps-10000 --reps 10000 --teams 500 --rate 20000 --batch 500 --concurrency 4 --duration 10 --round-robin

# The thin lines: series B of docs/benchmarks.md (kept in the repository), for comparison.
old=tools/SalesCoach.Live.LoadGen/results/series-b-bca4c34
python3 tools/plot-latency.py -o docs/latency.svg --title "Post-to-screen latency against load (thin lines: series B)" \
  "$out"/screen-*.json --compare "series B" "$old"/screen-*.json || status=1
exit $status
