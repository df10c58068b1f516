#!/usr/bin/env bash
# Series C and D of docs/benchmarks.md: ingest and post-to-screen on SQLite, on PostgreSQL and on two nodes on
# PostgreSQL, one JSON summary per run in tools/SalesCoach.Live.LoadGen/results/$SERIES/ (default series-d). Needs the Release builds (see docs/benchmarks.md)
# and PostgreSQL on 127.0.0.1:5433 (tests/run-postgres.sh) with a user that may create databases. Loopback only.
set -uo pipefail
cd "$(dirname "$0")/.."
lg="dotnet tools/SalesCoach.Live.LoadGen/bin/Release/net10.0/SalesCoach.Live.LoadGen.dll"
out=tools/SalesCoach.Live.LoadGen/results
series=${SERIES:-series-d}
mkdir -p "$out/$series"
ulimit -n 20000 2>/dev/null || true
fresh() { psql -q -h 127.0.0.1 -p "${PGPORT:-5433}" -U postgres -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }
store() {
  case $1 in
    sqlite) echo "--storage sqlite" ;;
    pg) fresh "lg_$2"; echo "--storage postgres --pg Host=127.0.0.1;Port=${PGPORT:-5433};Username=postgres;Database=lg_$2" ;;
    pg2) fresh "lg_$2"; echo "--storage postgres --nodes 2 --pg Host=127.0.0.1;Port=${PGPORT:-5433};Username=postgres;Database=lg_$2" ;;
  esac
}
for kind in sqlite pg pg2; do
  # shellcheck disable=SC2046
  $lg --start-server $(store $kind ingest_$kind) --reps 1000 --teams 50 --rate 30000 --batch 500 --concurrency 4 \
    --duration 40 --warmup 10 --quiet --label "ingest-$kind" --json "$out/$series/ingest-$kind.json"
done
for kind in sqlite pg pg2; do
  # shellcheck disable=SC2046
  $lg --start-server $(store $kind screen_$kind) --rate 1000 --batch 10 --concurrency 8 --clients 1000 \
    --duration 45 --warmup 5 --quiet --label "screen-$kind" --json "$out/$series/screen-$kind.json"
done
