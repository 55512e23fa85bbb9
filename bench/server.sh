#!/usr/bin/env bash
# Server figures: start to pools page served, resident memory idle and with 1/10/20 open tabs (headless Debian
# Chromium through Playwright), and with a generated 1,000-pool storage.conf the time from navigation until the
# pools table is interactive and from a filter keystroke to the updated rows. Runs the published console
# (Production environment, static assets from the publish output) on a free loopback port, against temp folders.
# Published by packaging/publish.sh, as shipped (self-contained, one composite ReadyToRun image), and started
# through its own executable.
#
# Then the R4 sandbox grown to 30 pools and 300 VM volumes (QPC_BENCH_R4=0 skips it).
# Usage: bench/server.sh        (needs /usr/bin/chromium: apt-get install -y chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
[ -x /usr/bin/chromium ] || { echo "chromium is missing: apt-get install -y chromium"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"

bash packaging/publish.sh "$work/publish" > "$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; echo "publish failed"; exit 1; }
dotnet build bench/Bench -c Release -nologo -v q > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; echo "build failed"; exit 1; }
dotnet build bench/ServerBench -c Release -nologo -v q > "$work/build2.log" 2>&1 || { tail -20 "$work/build2.log"; echo "build failed"; exit 1; }

dotnet bench/Bench/bin/Release/net10.0/QubesPoolConsole.Bench.dll gen 1000 "$work/storage-1000.conf"
dotnet bench/Bench/bin/Release/net10.0/QubesPoolConsole.Bench.dll genxml 1000 "$work/qubes-1000.xml"
dotnet bench/ServerBench/bin/Release/net10.0/QubesPoolConsole.ServerBench.dll \
  "$work/publish/QubesPoolConsole" "$work/storage-1000.conf" "$work/qubes-1000.xml" "$work"
