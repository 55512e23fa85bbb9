#!/usr/bin/env bash
# Crash safety, measured: runs tests/Tools/SaveLoop as a real child process saving storage.conf in a loop, kills it with
# SIGKILL at random moments (default 1,000 times; first argument to change), restarts it, and checks after every kill that
# the file is exactly the old or the new text, that Qubes can read it, and that no temp file survives the next start.
# Prints the figures. Exit code non-zero on any torn file.
set -uo pipefail
kills=${1:-1000}
# shellcheck source=scripts/core-tests-build.sh
source "$(dirname "$0")/core-tests-build.sh"
QPC_KILLS=$kills QPC_REPORT=$report dotnet test tests/Core.Tests --no-build -nologo \
  --filter "FullyQualifiedName~CrashTests" > "$report.log" 2>&1
rc=$?
grep -E "Passed!|Failed!|Error Message|Assert" -A3 "$report.log" | head -20
cat "$report"
exit $rc
