#!/usr/bin/env bash
# Runs every test project of the solution and ends with the line "N passed, N failed[, N skipped]".
# Exit code: non-zero on any failed test, a build error, or a test project that reported nothing.
# Installs Debian's Chromium for the browser tests when it is missing (needs root, as on CI).
set -uo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's chromium for the browser tests..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/qpc-apt.log 2>&1 \
      || { echo "apt-get install chromium failed; see /tmp/qpc-apt.log"; }
  else
    echo "chromium is missing: run 'sudo apt-get install -y chromium' for the browser tests."
  fi
fi

projects=(tests/Core.Tests tests/Components.Tests tests/Server.Tests e2e/E2E.Tests)
log_dir=$(mktemp -d)

if ! dotnet build WebConsole.sln -c Debug -nologo -v q > "$log_dir/build.log" 2>&1; then
  grep -E "error" "$log_dir/build.log" | sort -u | head -40
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0; failed=0; skipped=0; status=0

# The house style (.editorconfig): any drift is one failure, with the files named.
echo "== format check"
if ! dotnet format WebConsole.sln --verify-no-changes --no-restore -v q > "$log_dir/format.log" 2>&1; then
  grep -E "error|warning" "$log_dir/format.log" | sed -E 's/ \[[^]]*\]$//' | sort -u | head -40
  echo "format check failed: run 'dotnet format WebConsole.sln'"
  failed=$((failed + 1)); status=1
fi

# The published, self-contained build (packaging/publish.sh) for the e2e test that runs it without dotnet.
publish_start=$(date +%s)
if bash packaging/publish.sh "$log_dir/published" > "$log_dir/publish.log" 2>&1; then
  export QPC_PUBLISHED_DIR="$log_dir/published"
  echo "== published self-contained build in $(( $(date +%s) - publish_start )) s"
else
  tail -n 20 "$log_dir/publish.log"
  echo "publish failed"
  failed=$((failed + 1)); status=1
fi
# Every process the tests start inherits this mark: a Chromium left running after the e2e project with it is the
# tests' own, whatever else runs on the machine.
export QPC_TEST_RUN="qpc-test-$$-$(date +%s%N)"
own_chromium() {
  for pid in $(pgrep -f chromium); do
    tr '\0' '\n' 2>/dev/null < "/proc/$pid/environ" | grep -qx "QPC_TEST_RUN=$QPC_TEST_RUN" && echo "$pid"
  done
  return 0
}

for p in "${projects[@]}"; do
  name=$(basename "$p")
  echo "== $name"
  start=$(date +%s)
  dotnet test "$p" --no-build -nologo --logger "console;verbosity=normal" > "$log_dir/$name.log" 2>&1
  rc=$?
  echo "$name took $(( $(date +%s) - start )) s"
  if [ "$name" = E2E.Tests ]; then
    left=$(own_chromium)
    if [ -n "$left" ]; then
      echo "$(echo "$left" | wc -l) chromium processes started by the tests are still running; killing them"
      # shellcheck disable=SC2086 # one PID a word
      kill $left 2>/dev/null || true
      failed=$((failed + 1)); status=1
    else
      echo "no chromium process of the tests is left running"
    fi
  fi
  # Each failed test with the first lines of its message.
  awk '/^  Failed /{n=8} n>0{print; n--}' "$log_dir/$name.log" | head -120
  # The console logger's closing block: "Total tests: N" then "Passed: N", "Failed: N", "Skipped: N" lines.
  total=$(grep -E "^Total tests: [0-9]+" "$log_dir/$name.log" | tail -n 1 | grep -oE "[0-9]+")
  if [ -z "$total" ]; then
    tail -n 30 "$log_dir/$name.log"
    echo "$name reported no results (exit $rc)"
    failed=$((failed + 1)); status=1
    continue
  fi
  count() { grep -E "^\s+$1: [0-9]+\s*$" "$log_dir/$name.log" | tail -n 1 | grep -oE "[0-9]+" || echo 0; }
  ps=$(count Passed); f=$(count Failed); s=$(count Skipped)
  echo "$name: $ps passed, $f failed, $s skipped (of $total)"
  passed=$((passed + ps)); failed=$((failed + f)); skipped=$((skipped + s))
  if [ "$rc" -ne 0 ] || [ "$f" -ne 0 ] || [ "$ps" -eq 0 ]; then status=1; fi
done

rm -rf "$log_dir/published"
echo "logs: $log_dir"
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
