#!/usr/bin/env bash
# Part 0 of the server bench (start → first interactive page, RSS, reloads) for two or more published builds in
# turn, so that a slow or fast spell of the machine falls on all of them alike (docs/benchmarks.md, eighth round).
# Usage: bench/alternate.sh ROUNDS PUBLISHED_DIR...   (each made by packaging/publish.sh; needs /usr/bin/chromium)
# QPC_BENCH_START_RUNS (default 3) runs per invocation.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: bench/alternate.sh ROUNDS PUBLISHED_DIR..." >&2; exit 2; }
rounds=$1; shift
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build bench/Bench -c Release -nologo -v q > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
dotnet build bench/ServerBench -c Release -nologo -v q > "$work/build2.log" 2>&1 || { tail -20 "$work/build2.log"; exit 1; }
# Part 0 reads neither file, but the bench's command line wants them.
dotnet bench/Bench/bin/Release/net10.0/QubesPoolConsole.Bench.dll gen 10 "$work/storage.conf" > /dev/null
dotnet bench/Bench/bin/Release/net10.0/QubesPoolConsole.Bench.dll genxml 10 "$work/qubes.xml" > /dev/null
for round in $(seq "$rounds"); do
  for build in "$@"; do
    rm -rf "$work/run" && mkdir "$work/run"
    echo "== round $round: $build"
    QPC_BENCH_ONLY_START=1 QPC_BENCH_START_RUNS="${QPC_BENCH_START_RUNS:-3}" \
      dotnet bench/ServerBench/bin/Release/net10.0/QubesPoolConsole.ServerBench.dll \
      "$build/QubesPoolConsole" "$work/storage.conf" "$work/qubes.xml" "$work/run" 2>/dev/null
  done
done
