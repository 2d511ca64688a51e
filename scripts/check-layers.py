#!/usr/bin/env python3
# scripts/check-layers.py: the layer rules of DESIGN.md over the whole tree: a folder includes no
# header of a layer above it ("core" includes nothing else; "host" implements core/port.h; board/ and
# storage/ are plain C without Python), and only host/ includes the POSIX headers. Prints each
# violation as "file:line: what", then a "N passed, N failed" line; exits 1 on any violation.
import os
import re
import sys

# Rank of each layer: a file may include headers of its own folder and of folders ranked lower.
# Folders of equal rank are siblings and don't include each other. DESIGN.md's rules read as an
# order: core includes nothing; host wraps POSIX for everyone and implements core/port.h (so it
# sits just above core); board/ and storage/ are plain C over host/; services drive the REPL and
# storage through interfaces given to them; modules bind Python to all of these (network.Server
# configures the servers); firmware wires everything.
RANK = {"core": 0, "host": 1, "board": 2, "storage": 2, "services": 3, "modules": 4, "firmware": 5}
NO_PYTHON = {"board", "storage"}  # plain C: nothing from core/
POSIX = re.compile(r"^(unistd|poll|fcntl|termios|signal|pthread|dirent|netdb|ifaddrs|dlfcn|"
                   r"sys/(socket|stat|wait|mman|ioctl|file|select|epoll|signalfd|time|resource|un|uio)|"
                   r"netinet/.*|arpa/.*|net/.*)\.h$")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def check(root):
    bad = []
    checked = 0
    for layer in sorted(RANK):
        folder = os.path.join(root, layer)
        for dirpath, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                checked += 1
                with open(path, encoding="utf-8", errors="replace") as f:
                    for n, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        kind, header = m.groups()
                        if kind == "<":
                            if layer != "host" and POSIX.match(header):
                                bad.append(f"{rel}:{n}: <{header}> is POSIX; only host/ talks to the system")
                            continue
                        top = header.split("/", 1)[0] if "/" in header else None
                        if top not in RANK or top == layer:
                            continue
                        if RANK[top] > RANK[layer] or (RANK[top] == RANK[layer]):
                            bad.append(f"{rel}:{n}: {layer}/ includes {header} (a layer above or beside it)")
                        elif layer in NO_PYTHON and top == "core":
                            bad.append(f"{rel}:{n}: {layer}/ is plain C but includes {header}")
    return checked, bad


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
    checked, bad = check(root)
    for b in bad:
        print(b)
    print(f"layers: {checked} files checked")
    print(f"{0 if bad else 1} passed, {1 if bad else 0} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
