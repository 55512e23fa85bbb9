#!/usr/bin/env bash
# Publishes the console as a self-contained linux-x64 build (no .NET SDK or runtime needed on dom0) into
# artifacts/qubes-pool-console/ (or the folder given as $1), with the systemd unit, the install script and a
# template appsettings.json beside it, and the command line qubes-pool (Native AOT). Prints the folder on the last line.
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-artifacts/qubes-pool-console}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

rm -rf "$out"
dotnet publish src/Server -c Release -r linux-x64 --self-contained true -nologo -v q \
  -p:PublishDir="$(realpath -m "$out")/" -p:DebugType=none -p:GenerateDocumentationFile=false
# The command line, qubes-pool, compiled ahead of time (Native AOT: needs clang and zlib1g-dev) into the same folder,
# so that it reads the same appsettings.json and sandbox seed as the console.
dotnet publish src/Cli -c Release -r linux-x64 -nologo -v q \
  -p:PublishDir="$(realpath -m "$out")/" -p:DebugType=none -p:GenerateDocumentationFile=false

install -m 0644 packaging/qubes-pool-console.service "$out/qubes-pool-console.service"
install -m 0755 packaging/install.sh "$out/install.sh"
install -m 0644 packaging/appsettings.dom0.json "$out/appsettings.dom0.json"
mkdir -p "$out/qubes-pool-console.service.d"
install -m 0644 packaging/qubes-pool-console.service.d/sandbox.conf "$out/qubes-pool-console.service.d/sandbox.conf"
realpath "$out"
