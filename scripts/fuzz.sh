#!/usr/bin/env bash
# Fuzzing, measured: runs the CsCheck property tests over the parser+validator, the loader and the editor with
# QPC_FUZZ_ITERATIONS inputs for the parser (default 1,000,000; first argument to change), a quarter of that for the
# loader (random bytes) and a twentieth for the editor (each input is a file plus 1-5 validated edits). Prints the count
# per target and any failure (with the CsCheck seed that reproduces it). Exit code non-zero on any failure.
set -uo pipefail
iterations=${1:-1000000}
# shellcheck source=scripts/core-tests-build.sh
source "$(dirname "$0")/core-tests-build.sh"
start=$(date +%s)
QPC_FUZZ_ITERATIONS=$iterations QPC_REPORT=$report dotnet test tests/Core.Tests --no-build -nologo \
  --filter "FullyQualifiedName~QubesPoolConsole.Core.Tests.Fuzz" --logger "console;verbosity=normal" > "$report.log" 2>&1
rc=$?
grep -E "^\s+Failed |Error Message|CsCheckException|Set seed" -A6 "$report.log" | head -40
cat "$report"
total=$(grep -oE "[0-9]+ inputs" "$report" | awk '{s+=$1} END {print s+0}')
echo "total: $total generated inputs in $(( $(date +%s) - start )) s, exit $rc"
exit $rc
