#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the storage tests on 127.0.0.1 (port $PGPORT, default 5433), unless one
# already answers there, and prints the line that points the tests at it:
#
#   export SALESCOACH_TEST_POSTGRES='Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres'
#
# Use:   pg_env=$(bash tests/run-postgres.sh) || exit 1; eval "$pg_env"
# (a plain `source <(bash tests/run-postgres.sh)` works too, but cannot notice that the script failed).
#
# Only that line goes to stdout; progress and errors go to stderr. Running it again is harmless: a server that
# already answers on the port is reused, and the data directory of an earlier run is started again.
# It creates no database or role: each test creates and drops its own database.
# Works as root (the server runs as the `postgres` user, as initdb refuses root) and as an ordinary user.
set -euo pipefail

port="${PGPORT:-5433}"
host=127.0.0.1
data_dir="${SALESCOACH_PGDATA:-/tmp/salescoach-pg-$port}"

log() { echo "run-postgres: $*" >&2; }

print_env() {
    echo "export SALESCOACH_TEST_POSTGRES='Host=$host;Port=$port;Username=postgres;Database=postgres'"
}

if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$host" -p "$port"; then
    log "PostgreSQL already answers on $host:$port; reusing it."
    print_env
    exit 0
fi

find_pgbin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

pgbin="$(find_pgbin || true)"
if [[ -z "$pgbin" ]]; then
    # A new machine may not have the package yet; install it when we can (root with apt), else say what is missing.
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        log "PostgreSQL is not installed; installing it with apt-get."
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -q >&2
        apt-get install -y -q -o DPkg::Lock::Timeout=300 postgresql postgresql-client >&2
        pgbin="$(find_pgbin || true)"
    fi
    if [[ -z "$pgbin" ]]; then
        log "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin; install the postgresql package."
        exit 1
    fi
fi

# initdb and the server refuse to run as root, so root runs them as the postgres user.
run_pg() {
    if [[ "$(id -u)" == 0 ]]; then
        su postgres -s /bin/sh -c "$1"
    else
        sh -c "$1"
    fi
}

major="$("$pgbin/postgres" --version | sed -E 's/[^0-9]*([0-9]+).*/\1/')"
if [[ -f "$data_dir/PG_VERSION" && "$(cat "$data_dir/PG_VERSION")" != "$major" ]]; then
    log "data directory $data_dir belongs to PostgreSQL $(cat "$data_dir/PG_VERSION"), not $major; recreating it."
    rm -rf "$data_dir"
fi

if [[ ! -f "$data_dir/PG_VERSION" ]]; then
    rm -rf "$data_dir"
    mkdir -p "$data_dir"
    if [[ "$(id -u)" == 0 ]]; then
        chown postgres "$data_dir"
    fi
    chmod 700 "$data_dir"
    log "initialising $data_dir"
    run_pg "'$pgbin/initdb' -D '$data_dir' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
fi

log "starting PostgreSQL $major on $host:$port (log: $data_dir/server.log)"
# -l: without a log file pg_ctl leaves the server attached to our stdout, and a caller reading it would hang.
# pg_ctl removes a stale postmaster.pid (e.g. after a reboot) by itself.
run_pg "'$pgbin/pg_ctl' -D '$data_dir' -l '$data_dir/server.log' -w -t 60 -o '-c listen_addresses=$host -p $port -k /tmp' start" >&2 || {
    log "pg_ctl start failed; the end of $data_dir/server.log:"
    tail -n 20 "$data_dir/server.log" >&2 || true
    exit 1
}

for _ in $(seq 1 60); do
    if pg_isready -q -h "$host" -p "$port"; then
        print_env
        exit 0
    fi
    sleep 0.5
done
log "PostgreSQL did not answer on $host:$port within 30 s; see $data_dir/server.log"
exit 1
