#!/usr/bin/env python3
"""Python's side of bench/compare.sh: the configparser job timed in process.

  configparser_job.py time PATH REPS   read, set one key, write (RawConfigParser), median of REPS after warm-up
  configparser_job.py dry-run PATH POOL KEY VALUE
                                       one whole run like `pool set --dry-run`: read, set, print the unified diff
"""
import configparser
import difflib
import io
import statistics
import sys
import time

NEW_DIR_PATH = "/srv/pools/moved"


def middle_pool(path):
    cp = configparser.RawConfigParser()
    cp.read(path)
    sections = ["default"] + [s for s in cp.sections() if s != "default"]
    return sections[len(sections) // 2]


def job(path, pool, out):
    cp = configparser.RawConfigParser()
    cp.read(path)
    cp.set(pool, "dir_path", NEW_DIR_PATH)
    with open(out, "w") as f:
        cp.write(f)


def time_job(path, reps):
    pool = middle_pool(path)
    out = path + ".python.out"
    for _ in range(3):
        job(path, pool, out)
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        job(path, pool, out)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"python_job_ms={statistics.median(times):.3f} min={times[0]:.3f} max={times[-1]:.3f} n={reps} pool={pool}")


def dry_run(path, pool, key, value):
    with open(path) as f:
        old = f.read()
    cp = configparser.RawConfigParser()
    cp.read_string(old)
    cp.set(pool, key, value)
    buf = io.StringIO()
    cp.write(buf)
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), buf.getvalue().splitlines(True), "a/storage.conf", "b/storage.conf"))


if __name__ == "__main__":
    if sys.argv[1] == "time":
        time_job(sys.argv[2], int(sys.argv[3]))
    elif sys.argv[1] == "dry-run":
        dry_run(*sys.argv[2:6])
    else:
        sys.exit(__doc__)
