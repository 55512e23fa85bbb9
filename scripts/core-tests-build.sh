# Sourced by the measuring scripts (fuzz.sh, kill-test.sh): from the repository root, with a fresh report file in
# $report, builds tests/Core.Tests quietly or stops with the build's last lines.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
report=$(mktemp)
dotnet build tests/Core.Tests -nologo -v q > "$report.build" 2>&1 || { tail -20 "$report.build"; echo "build failed"; exit 1; }
