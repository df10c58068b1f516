#!/usr/bin/env bash
# Side-by-side: baseline (0508c3c) and typed core (3018802), alternating, same load runs.
set -u
out=/work/bench/results; mkdir -p $out
ulimit -n 65536 2>/dev/null || true
run() { local tree=$1 name=$2; shift 2
  echo "== $name ($(date +%T), load $(cut -d' ' -f1-3 /proc/loadavg))"
  (cd /work/wt/$tree && timeout 300 dotnet tools/SalesCoach.Live.LoadGen/bin/Release/net10.0/SalesCoach.Live.LoadGen.dll --start-server --quiet --label "$name" --json "$out/$name.json" "$@" 2>&1 | tail -4)
}
for round in 1; do
  for tree in baseline after; do
    run $tree "$tree-ingest-r$round" --rate 30000 --batch 500 --concurrency 4 --duration 40 --warmup 10
  done
  for tree in after baseline; do
    run $tree "$tree-screen1000-r$round" --rate 1000 --batch 10 --concurrency 8 --clients 1000 --duration 30 --warmup 5
  done
done
