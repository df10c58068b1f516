#!/usr/bin/env bash
# The whole test suite: wallboard unit tests (Vitest), then every .NET test project (domain, storage on SQLite and a
# real PostgreSQL, grains, HTTP and hub, browser), and one summary line 'N passed, N failed' at the end.
#
# It needs the .NET 10 SDK and Node 20 with npm. PostgreSQL and Chromium come from Debian's packages; run as root
# on Debian and this script installs whichever is missing, otherwise install `postgresql` and `chromium` first.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=$(mktemp -d)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql postgresql-client)
if ((${#need[@]})); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "run-all: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q && apt-get install -y -q -o DPkg::Lock::Timeout=300 "${need[@]}" || { echo "run-all: could not install ${need[*]}"; exit 1; }
  else
    echo "run-all: please install ${need[*]} (Debian packages) and run again"; exit 1
  fi
fi

pg_env=$(bash tests/run-postgres.sh) || { echo "run-all: PostgreSQL did not start"; exit 1; }
eval "$pg_env"

passed=0; failed=0

echo "== build (the .NET build also runs npm ci and the wallboard build)"
dotnet build SalesCoach.Live.sln -v minimal || { echo; echo "0 passed, 1 failed"; exit 1; }

echo "== wallboard (Vitest)"
(cd wallboard && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json")
vitest_rc=$?
if [[ -f "$results/vitest.json" ]]; then
  read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests)' "$results/vitest.json")
  passed=$((passed + p)); failed=$((failed + f))
fi
[[ $vitest_rc -eq 0 ]] || failed=$((failed > 0 ? failed : 1))

echo "== .NET"
dotnet test SalesCoach.Live.sln --no-build --logger "console;verbosity=minimal" 2>&1 | tee "$results/dotnet.log"
dotnet_rc=${PIPESTATUS[0]}
# One line per test assembly: "Passed!  - Failed:     0, Passed:    57, Skipped: ..." (or "Failed!  - ...").
read -r p f < <(grep -E '^(Passed|Failed)! +- Failed:' "$results/dotnet.log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
passed=$((passed + p)); failed=$((failed + f))
[[ $dotnet_rc -eq 0 ]] || failed=$((failed > 0 ? failed : 1))

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
