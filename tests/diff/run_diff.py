#!/usr/bin/env python3
"""Differential tester: runs N random integer programs (gen_programs.py, seeded, deterministic)
under build/wipy and CPython (/usr/bin/python3) and compares stdout and exit status. Programs
that CPython rejects or that fail under CPython are skipped. Failing programs are kept in
build/diff-failures/ for reproduction. Ends with 'N passed, N failed' (and 'N skipped')."""
import argparse
import concurrent.futures
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen_programs  # noqa: E402


def run(cmd, path, timeout):
    for attempt in range(5):
        try:
            r = subprocess.run(cmd + [path], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, timeout=timeout)
            return r.returncode, r.stdout, r.stderr
        except subprocess.TimeoutExpired:
            return -999, b"<timeout>", b""
        except OSError as e:  # the binary is being relinked right now: wait and retry
            err = e
            time.sleep(1 + attempt)
    return -998, b"", str(err).encode()


def one(args, tmpdir, i):
    seed = args.seed * 1000003 + i
    src = gen_programs.generate(seed)
    path = os.path.join(tmpdir, "p%d.py" % i)
    with open(path, "w") as f:
        f.write(src)
    rc_c, out_c, _ = run([args.cpython], path, 30)
    if rc_c != 0:
        return "skip", seed, path, None
    rc_w, out_w, err_w = run([args.wipy], path, args.timeout)
    if rc_w == rc_c and out_w == out_c:
        return "pass", seed, path, None
    os.makedirs(args.keep, exist_ok=True)
    kept = os.path.join(args.keep, "seed%d.py" % seed)
    with open(kept, "w") as f:
        f.write(src)
    detail = "rc wipy=%d cpython=%d\n" % (rc_w, rc_c)
    lw, lc = out_w.decode(errors="replace").splitlines(), out_c.decode(errors="replace").splitlines()
    for n, (a, b) in enumerate(zip(lw + ["<eof>"] * len(lc), lc + ["<eof>"] * len(lw))):
        if a != b:
            detail += "line %d:\n  wipy:    %s\n  cpython: %s\n" % (n + 1, a[:300], b[:300])
            break
    if err_w:
        detail += "stderr: " + err_w.decode(errors="replace")[-600:]
    return "fail", seed, kept, detail


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--wipy", default=os.path.join(ROOT, "build", "wipy"))
    ap.add_argument("--cpython", default="/usr/bin/python3")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--keep", default=os.path.join(ROOT, "build", "diff-failures"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--show", type=int, default=10, help="failures to describe")
    args = ap.parse_args()
    counts = {"pass": 0, "fail": 0, "skip": 0}
    shown = 0
    with tempfile.TemporaryDirectory() as tmpdir:
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            for status, seed, path, detail in ex.map(lambda i: one(args, tmpdir, i), range(args.n)):
                counts[status] += 1
                if status == "fail" and shown < args.show:
                    shown += 1
                    print("FAIL seed %d (%s)\n%s" % (seed, path, detail))
    print("%d passed, %d failed, %d skipped" % (counts["pass"], counts["fail"], counts["skip"]))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
