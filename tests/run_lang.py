#!/usr/bin/env python3
"""Runs the language tests: every tests/lang/<area>/*.py (files starting with '_' and files in
deeper folders are helper modules, not tests) under build/wipy and compares stdout and exit
status with the expected ones (stderr goes to the same pipe as stdout, as in MicroPython's runner, so a
traceback or a message on sys.stderr is part of the output compared): <name>.py.exp beside the test when it exists (MicroPython-specific
behaviour), else CPython's output, computed once and cached under build/lang-exp/.
A '# test-options: ARGS' line in the first five lines adds command-line options for wipy.
Prints one line per failure (with a diff) and ends with 'N passed, N failed, N skipped'."""
import argparse
import concurrent.futures
import difflib
import hashlib
import os
import shlex
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# CPython unbuffered (stdout and stderr keep their order on the shared pipe) and without warnings
# (MicroPython has none); part of the cache key.
CPYTHON_FLAGS = ["-u", "-W", "ignore"]


def find_tests(paths):
    tests = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isfile(p):
            tests.append(p)
            continue
        for dirpath, dirnames, filenames in os.walk(p):
            dirnames.sort()
            depth = os.path.relpath(dirpath, os.path.join(ROOT, "tests", "lang")).count(os.sep)
            if os.path.relpath(dirpath, os.path.join(ROOT, "tests", "lang")) == ".":
                depth = -1
            if depth >= 1:  # tests/lang/<area>/<sub>/...: helper modules
                continue
            for f in sorted(filenames):
                if f.endswith(".py") and not f.startswith("_"):
                    tests.append(os.path.join(dirpath, f))
    return tests


def options_of(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        for _, line in zip(range(5), f):
            if line.startswith("# test-options:"):
                return shlex.split(line.split(":", 1)[1])
    return []


def run(cmd, cwd, timeout):
    """Runs cmd with stdout and stderr on one pipe; returns (output, status)."""
    try:
        r = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
        return r.stdout, r.returncode
    except subprocess.TimeoutExpired as e:
        return (e.stdout or b"") + b"\n<timeout>\n", -999


def expected(path, cache_dir, cpython):
    exp_file = path + ".exp"
    if os.path.exists(exp_file):
        with open(exp_file, "rb") as f:
            data = f.read()
        # an .exp may end with a line "# exit: N" giving the expected status
        status = 0
        lines = data.split(b"\n")
        if len(lines) >= 2 and lines[-2].startswith(b"# exit: ") and lines[-1] == b"":
            status = int(lines[-2][8:])
            data = b"\n".join(lines[:-2]) + b"\n"
        return data, status
    with open(path, "rb") as f:
        key = hashlib.sha1(f.read() + " ".join(CPYTHON_FLAGS).encode()).hexdigest()
    rel = os.path.relpath(path, ROOT).replace(os.sep, "__")
    cached = os.path.join(cache_dir, rel + "." + key[:12])
    if os.path.exists(cached):
        with open(cached, "rb") as f:
            status_line, _, data = f.read().partition(b"\n")
        return data, int(status_line)
    out, status = run([cpython] + CPYTHON_FLAGS + [os.path.basename(path)], os.path.dirname(path), 60)
    os.makedirs(cache_dir, exist_ok=True)
    with open(cached, "wb") as f:
        f.write(b"%d\n" % status + out)
    return out, status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "tests", "lang")])
    ap.add_argument("--wipy", default=os.environ.get("WIPY", os.path.join(ROOT, "build", "wipy")))
    ap.add_argument("--cache", default=os.path.join(ROOT, "build", "lang-exp"))
    ap.add_argument("--cpython", default="/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable)
    ap.add_argument("--timeout", type=int, default=int(os.environ.get("TEST_TIMEOUT", "20")))
    ap.add_argument("-j", type=int, default=max(2, os.cpu_count() or 2))
    ap.add_argument("-q", action="store_true", help="don't print diffs")
    args = ap.parse_args()
    wipy = os.path.abspath(args.wipy)
    tests = find_tests(args.paths)
    skip_file = os.path.join(ROOT, "tests", "lang", "skip.txt")
    skips = set()
    if os.path.exists(skip_file):
        for line in open(skip_file):
            line = line.split("#", 1)[0].strip()
            if line:
                skips.add(os.path.join(ROOT, line))

    def one(path):
        if path in skips:
            return path, "skip", ""
        exp, exp_status = expected(path, args.cache, args.cpython)
        out, status = run([wipy] + options_of(path) + [os.path.basename(path)], os.path.dirname(path), args.timeout)
        if out == exp and status == exp_status:  # a crash (negative status) never passes
            return path, "pass", ""
        diff = "".join(difflib.unified_diff(exp.decode("utf-8", "replace").splitlines(True),
                                            out.decode("utf-8", "replace").splitlines(True),
                                            "expected", "wipy", n=1))
        lines = diff.splitlines(True)[:40]
        msg = "".join(lines)
        if status != exp_status:
            msg += "exit status %d, expected %d\n" % (status, exp_status)
        return path, "fail", msg

    counts = {"pass": 0, "fail": 0, "skip": 0}
    failed = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        for path, result, msg in ex.map(one, tests):
            counts[result] += 1
            if result == "fail":
                failed.append(path)
                print("FAIL %s" % os.path.relpath(path, ROOT))
                if not args.q:
                    print(msg)
    print("%d passed, %d failed, %d skipped" % (counts["pass"], counts["fail"], counts["skip"]))
    sys.exit(1 if counts["fail"] else 0)


if __name__ == "__main__":
    main()
