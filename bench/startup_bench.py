#!/usr/bin/env python3
"""Start-up cost of the parcelproof binary: wall and CPU time (best of N) of
--version, show ORDER, verify PKG, chat small.txt and scan photo.jpg, plus the
shared libraries each binary loads.

usage: bench/startup_bench.py [--build DIR] [--compare DIR2] [--runs N]

The fixtures (a one-photo store, a signed package, a WhatsApp export, a label
photo) are made with DIR's binaries in a temporary folder. --compare runs the
same commands with DIR2/parcelproof too (e.g. a build of an older commit).
CPU is user+system of the whole process tree (the light front end and, for
heavy verbs, the media binary it execs).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.dirname(HERE)


def run_once(argv, cwd):
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
               (os.POSIX_SPAWN_DUP2, devnull, 2)]
    old = os.getcwd()
    os.chdir(cwd)
    try:
        t0 = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - t0
    finally:
        os.chdir(old)
        os.close(devnull)
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000, os.waitstatus_to_exitcode(status)


def best_of(argv, cwd, runs):
    results = [run_once(argv, cwd) for _ in range(runs)]
    codes = {r[2] for r in results}
    return min(r[0] for r in results), min(r[1] for r in results), codes


def check(argv, cwd):
    p = subprocess.run(argv, cwd=cwd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"startup_bench: {' '.join(argv)} failed ({p.returncode}): {p.stderr.strip()}")
    return p.stdout


def needed_count(binary):
    out = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if "=>" in line)


def make_fixtures(build, work):
    pp = os.path.join(build, "parcelproof")
    check([os.path.join(build, "pp-samplegen"), "--out", "samples", "--only", "s01"], work)
    photos = [f for f in sorted(os.listdir(os.path.join(work, "samples"))) if f.endswith(".jpg")]
    photo = os.path.join("samples", photos[0])
    import json
    with open(os.path.join(work, "samples", "expected.json")) as f:
        order = json.load(f)["photos"][0]["order_id"]
    check([pp, "init", "--store", "store", "--station", "bench"], work)
    check([pp, "orders", "import", "samples/orders.json", "--store", "store"], work)
    check([pp, "ingest", photo, "--store", "store", "--station", "bench"], work)
    check([pp, "keygen", "key"], work)
    check([pp, "bundle", order, "--reason", "wrong-address", "--key", "key.key", "-o", "pkg.zip",
           "--store", "store"], work)
    shutil.copy(os.path.join(SOURCE, "tests", "golden", "chat", "android_de.txt"), work + "/small.txt")
    return [("--version", ["--version"]),
            ("show ORDER", ["show", order, "--store", "store"]),
            ("verify PKG", ["verify", "pkg.zip", "--pubkey", "key.pub"]),
            ("chat small.txt", ["chat", "small.txt"]),
            ("scan photo.jpg", ["scan", photo])]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default="build")
    ap.add_argument("--compare", default=None)
    ap.add_argument("--runs", type=int, default=10)
    a = ap.parse_args()
    builds = [("this build", os.path.abspath(a.build))]
    if a.compare:
        builds.append(("compare", os.path.abspath(a.compare)))
    for _, b in builds:
        for name in ["parcelproof", "parcelproof-media"]:
            path = os.path.join(b, name)
            if os.path.exists(path):
                print(f"{path}: {needed_count(path)} shared libraries (ldd)")
    work = tempfile.mkdtemp(prefix="startup-bench.")
    try:
        commands = make_fixtures(builds[0][1], work)
        print(f"best of {a.runs}, wall / CPU (user+sys) in ms; load average "
              f"{os.getloadavg()[0]:.1f}")
        header = f"{'command':18s}" + "".join(f"{label:>24s}" for label, _ in builds)
        print(header)
        for name, args in commands:
            row = f"{name:18s}"
            for _, b in builds:
                wall, cpu, codes = best_of([os.path.join(b, "parcelproof")] + args, work, a.runs)
                mark = "" if codes == {0} else f" exit{sorted(codes)}"
                row += f"{wall:12.1f} /{cpu:6.1f}{mark:>5s}"
            print(row)
    finally:
        subprocess.run(["chmod", "-R", "u+w", work])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
