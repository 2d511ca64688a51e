#!/usr/bin/env python3
"""Runs every bench/bm_*.py under build/wipy and under CPython in the same run, checks that both
print the same, and prints each benchmark's best-of-N CPU time and the ratio wipy/CPython, their
geometric mean, and the start-up time of `wipy -c 'print(1)'`. --markdown FILE writes the table.
wipy runs with '-X heapsize=4m' unless a '# bench-options: ...' line in the file says otherwise."""
import argparse
import glob
import math
import os
import platform
import resource
import shlex
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best_time(cmd, repeat, cwd):
    """Best of `repeat` runs of the child's CPU time (user + system): unlike wall-clock time it
    does not count time spent waiting for a core on a busy machine."""
    best = None
    out = None
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        r = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if r.returncode != 0:
            return None, r.stdout + r.stderr
        out = r.stdout
        best = dt if best is None else min(best, dt)
    return best, out


def options_of(path):
    for line in open(path):
        if line.startswith("# bench-options:"):
            return shlex.split(line.split(":", 1)[1])
    return ["-X", "heapsize=4m"]


def startup(wipy, n=200):
    t0 = time.perf_counter()
    for _ in range(n):
        subprocess.run([wipy, "-c", "print(1)"], stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t0) / n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--cpython", default="/usr/bin/python3")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--markdown")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(ROOT, "bench", "bm_*.py")))
    if args.names:
        files = [f for f in files if any(n in f for n in args.names)]
    cpy_ver = subprocess.run([args.cpython, "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    rows = []
    ratios = []
    failed = 0
    print("%-16s %10s %10s %8s" % ("benchmark", "wipy s", "CPython s", "ratio"))
    for f in files:
        name = os.path.basename(f)[3:-3]
        tw, ow = best_time([args.wipy] + options_of(f) + [f], args.repeat, ROOT)
        tc, oc = best_time([args.cpython, f], args.repeat, ROOT)
        if tw is None or ow != oc:
            failed += 1
            print("%-16s FAILED (output differs or error): %s" % (name, (ow or b"")[-300:]))
            rows.append((name, None, tc, None))
            continue
        ratio = tw / tc
        ratios.append(ratio)
        rows.append((name, tw, tc, ratio))
        print("%-16s %10.3f %10.3f %8.2f" % (name, tw, tc, ratio))
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else float("nan")
    print("%-16s %10s %10s %8.2f" % ("geomean", "", "", geo))
    st = startup(args.wipy)
    print("startup of `wipy -c 'print(1)'`: %.2f ms (mean of 200 runs, wall clock incl. fork/exec)" % (st * 1000))
    if args.markdown:
        with open(args.markdown, "w") as md:
            md.write("# Benchmark results\n\n")
            md.write("Measured %s on %s (%s, %d cores), CPython: %s. Best of %d runs, CPU time (user+system) of the process.\n\n" % (
                time.strftime("%Y-%m-%d"), platform.node() or "host", platform.processor() or platform.machine(),
                os.cpu_count() or 0, cpy_ver, args.repeat))
            md.write("| benchmark | wipy (s) | CPython (s) | wipy/CPython |\n|---|---|---|---|\n")
            for name, tw, tc, ratio in rows:
                if tw is None:
                    md.write("| %s | failed | %.3f | - |\n" % (name, tc or 0))
                else:
                    md.write("| %s | %.3f | %.3f | %.2f |\n" % (name, tw, tc, ratio))
            md.write("| **geomean** | | | **%.2f** |\n\n" % geo)
            md.write("Start-up of `build/wipy -c 'print(1)'`: %.2f ms (mean of 200 runs, incl. fork/exec).\n" % (st * 1000))
    print("%d passed, %d failed" % (len(ratios), failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
