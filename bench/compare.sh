#!/usr/bin/env bash
# Side by side, in one run on this machine: Python 3's configparser (RawConfigParser: read, set one key, write)
# against Core (read, parse, set one key, serialize, unified diff, write) on the same generated 10,000-pool
# storage.conf. Each side runs in process, after warm-up. The rounds alternate the two sides so that both see
# the same machine load; the medians are over every repetition of every round (ROUNDS x REPS, at least 20).
# Then, for information, whole-process times of the CLI's `pool set --dry-run` against a Python script doing the same.
# The last line is "speedup vs configparser: N.Nx".
#
# Then the CLI as shipped (Native AOT) against a Python 2.7 one-liner, whole process, on a real-size file.
#
# Usage: bench/compare.sh            (env: ROUNDS=4 REPS=5 POOLS=10000 CLI_RUNS=5 CLI_RUNS_SMALL=30)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rounds=${ROUNDS:-4}
reps=${REPS:-5}
pools=${POOLS:-10000}
cli_runs=${CLI_RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/Mem:/ {print $2}') MiB RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python: $(python3 --version 2>&1), dotnet: $(dotnet --version)"

dotnet build bench/Bench -c Release -nologo -v q > "$work/build.log" 2>&1 || { cat "$work/build.log"; echo "build failed"; exit 1; }
bench=bench/Bench/bin/Release/net10.0/QubesPoolConsole.Bench.dll
conf="$work/storage.conf"
dotnet "$bench" gen "$pools" "$conf"
dotnet "$bench" genxml "$pools" "$work/qubes.xml"
echo "file: $pools pools, $(wc -l < "$conf") lines, $(wc -c < "$conf") bytes"

results="$work/results.txt"
for r in $(seq 1 "$rounds"); do
  python3 bench/configparser_job.py time "$conf" "$reps" >> "$results"
  detail=(); [ "$r" = "$rounds" ] && detail=(--detail)
  dotnet "$bench" compare "$conf" "$reps" "${detail[@]}" >> "$results"
done

# For information, Core as the console is shipped: compiled ahead of time (ReadyToRun, as packaging/publish.sh and
# bench/server.sh publish it), without tiered re-compilation (src/Server/Server.csproj). One more round of Core.
dotnet publish bench/Bench -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/bench-r2r" -nologo -v q > "$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; echo "publish failed"; exit 1; }
dotnet "$work/bench-r2r/QubesPoolConsole.Bench.dll" compare "$conf" "$reps" | sed 's/^core_/shipped_core_/' >> "$results"

# Medians over all rounds, and what each side's output kept of the file's comments.
python3 - "$results" "$conf" <<'PY'
import statistics, sys
samples = {}
for line in open(sys.argv[1]):
    name, *fields = line.split()
    values = dict(f.split("=", 1) for f in fields)
    samples.setdefault(name, []).extend(float(t) for t in values["samples"].split(","))
def comments(path):
    return sum(1 for l in open(path) if l.startswith(("#", ";")))
conf = sys.argv[2]
for name, times in samples.items():
    print(f"{name:24} median {statistics.median(times):9.2f} ms  (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})")
print(f"comment lines: input {comments(conf)}, Core's output {comments(conf + '.core.out')}, configparser's output {comments(conf + '.python.out')}")
py, core = statistics.median(samples["python_job"]), statistics.median(samples["core_job"])
noop = statistics.median(samples["core_noop_load_save"])
print(f"no-op load + save of the {sys.argv[2].split('/')[-1]}: {noop:.2f} ms, byte-identical (target <= 10 ms)")
print(f"configparser (read, set, write): median {py:.2f} ms; Core (read, parse, set, serialize, diff, write): median {core:.2f} ms")
print(f"as shipped (ReadyToRun, no tiering), for information: Core's job {statistics.median(samples['shipped_core_job']):.2f} ms, no-op load + save {statistics.median(samples['shipped_core_noop_load_save']):.2f} ms")
open(sys.argv[1] + ".speedup", "w").write(f"{py / core:.1f}")
PY

# Whole processes, for information: the CLI's dry run against a Python script doing the same.
# The CLI is its own project under src/, or the console's executable answering commands (src/Server/Cli).
cli_project=$(find src -maxdepth 2 -name '*.csproj' | grep -i -E '/cli[^/]*/' | head -n 1 || true)
if [ -z "$cli_project" ] && [ -d src/Server/Cli ]; then cli_project=src/Server/Server.csproj; fi
if [ -z "$cli_project" ]; then
  echo "CLI: skipped - no CLI under src/ yet (it is being built on branch 'cli'; run 'git merge main' and try again)."
else
  pool=$(python3 -c "import sys; n=int(sys.argv[1]); print(f'pool-{max(1, n // 2):05d}')" "$pools")
  # Published as shipped (ReadyToRun for linux-x64), framework-dependent so that it starts with `dotnet`.
  if ! dotnet publish "$cli_project" -c Release -r linux-x64 --self-contained false -p:PublishAot=false -o "$work/cli" -nologo -v q > "$work/cli-build.log" 2>&1; then
    echo "CLI: skipped - $cli_project does not build:"; grep -E "error" "$work/cli-build.log" | sort -u | head -5
  else
    cli_dll="$work/cli/$(dotnet msbuild "$cli_project" -nologo -getProperty:TargetFileName -p:Configuration=Release)"
    python3 - "$cli_runs" "$cli_dll" "$conf" "$work/qubes.xml" "$pool" <<'PY'
import statistics, subprocess, sys, time
runs, dll, conf, xml, pool = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
commands = {
    "CLI pool set --dry-run": ["dotnet", dll, "pool", "set", pool, "-o", "dir_path=/srv/pools/moved", "--dry-run", "--conf", conf, "--qubes-xml", xml, "--state", conf + ".state"],
    "python3 configparser script": ["python3", "bench/configparser_job.py", "dry-run", conf, pool, "dir_path", "/srv/pools/moved"],
}
for name, cmd in commands.items():
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        try:
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
        except subprocess.TimeoutExpired:
            # difflib's SequenceMatcher is quadratic on a file whose every comment line was dropped.
            print(f"whole process, {name}: did not finish within 60 s")
            break
        times.append((time.perf_counter() - start) * 1000)
        if p.returncode not in (0,):
            print(f"{name}: exit {p.returncode}: {p.stderr.decode(errors='replace').strip()[:300]}")
            break
    else:
        times = times[1:]  # the first run fills the disk cache
        print(f"whole process, {name}: median {statistics.median(times):.0f} ms (n={len(times)})")
PY
  fi
fi

# Whole processes on a real-size file (the shipped R3.2 storage.conf plus one pool), alternating, medians: the CLI
# as packaging/publish.sh ships it (qubes-pool, Native AOT) against a Python 2.7 RawConfigParser one-liner printing
# the pools as JSON (Qubes R3.2's own parser; python3's configparser when no Python 2.7 is found).
small="$work/small"; mkdir -p "$small/state"
cp tests/fixtures/r3.2-shipped-storage.conf "$small/storage.conf"
printf '\n[vmstore]\ndriver=xen\ndir_path=/mnt/vmstore\n' >> "$small/storage.conf"
printf '<QubesVmCollection></QubesVmCollection>\n' > "$small/qubes.xml"
# The interpreter itself, not a pyenv shim (a shim is a shell script that would add its own start-up).
py2=$(ls "$HOME"/.pyenv/versions/2.7*/bin/python2.7 2>/dev/null | head -n 1 || true)
[ -n "$py2" ] || { python2.7 -c "" 2>/dev/null && py2=$(command -v python2.7); } || true
if ! dotnet publish src/Cli -c Release -r linux-x64 -o "$work/aot-cli" -nologo -v q -p:DebugType=none > "$work/aot.log" 2>&1; then
  echo "CLI (AOT): skipped - src/Cli does not publish (Native AOT needs clang and zlib1g-dev):"; grep -E "error" "$work/aot.log" | sort -u | head -5
else
  python3 - "${CLI_RUNS_SMALL:-30}" "$work/aot-cli/qubes-pool" "$small" "${py2:-python3}" <<'PY'
import statistics, subprocess, sys, time
runs, cli, d, py = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
one_liner = ("import json,sys\ntry: import ConfigParser as cp\nexcept ImportError: import configparser as cp\n"
             "c=cp.RawConfigParser();c.read(sys.argv[1]);print(json.dumps(dict((s,dict(c.items(s))) for s in c.sections())))")
commands = {
    "qubes-pool pools --json (AOT)": [cli, "pools", "--json", "--conf", d + "/storage.conf", "--qubes-xml", d + "/qubes.xml", "--state", d + "/state"],
    py.split("/")[-1] + " RawConfigParser one-liner": [py, "-c", one_liner, d + "/storage.conf"],
}
times = {k: [] for k in commands}
for i in range(runs + 1):
    for name, cmd in commands.items():
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - start) * 1000
        if p.returncode != 0: sys.exit(f"{name}: exit {p.returncode}: {p.stderr.decode(errors='replace').strip()[:300]}")
        if i: times[name].append(elapsed)  # the first round fills the disk cache
(cli_name, cli_t), (py_name, py_t) = ((k, statistics.median(v)) for k, v in times.items())
print(f"whole process, shipped storage.conf + 1 pool: {cli_name} median {cli_t:.1f} ms, {py_name} median {py_t:.1f} ms: {cli_t / py_t:.2f}x (target <= 1.0x, n={runs})")
PY
fi

echo "speedup vs configparser: $(cat "$results.speedup")x"
