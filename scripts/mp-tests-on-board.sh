#!/bin/sh
# scripts/mp-tests-on-board.sh: MicroPython's tests/run-tests.py, unmodified, against a board (issue 14's
# acceptance): the board on the WiPy's own ports 23 and 21 in a private network namespace (so nothing
# else on this machine is in the way; needs root for `unshare -n`), wired as the cc3200 test rig,
# micropython-lib's unittest copied to /flash/lib over FTP as MicroPython's instructions say; then
# every default test folder (the watchdog's test last). Prints run-tests.py's summary, whether the board is still alive, and its
# open fds and RSS before and after. Usage: scripts/mp-tests-on-board.sh [RESULTS_DIR] [run-tests args]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WIPY=${WIPY:-$ROOT/build/wipy}
MP=${MICROPYTHON_DIR:-/work/mp}
MPLIB=${MICROPYTHON_LIB_DIR:-/work/mplib}
RESULTS=${1:-/tmp/mp-tests-on-board-results}
[ $# -gt 0 ] && shift
if [ "${MP_TESTS_IN_NETNS:-}" != 1 ]; then
    exec env MP_TESTS_IN_NETNS=1 unshare -n "$0" "$RESULTS" "$@"
fi
ip link set lo up
WORK=$(mktemp -d)
trap 'kill -TERM $BOARD 2>/dev/null; wait $BOARD 2>/dev/null; rm -rf "$WORK"' EXIT
"$WIPY" --state "$WORK/state" --telnet-port 23 --ftp-port 21 --ftp-data-port 2024 \
    --board "$ROOT/boards/cc3200-test-rig.json" </dev/null >"$WORK/board.log" 2>&1 &
BOARD=$!
# the board says when it listens (a script, not a test: a bounded poll of its log)
i=0
until grep -q "Telnet server on" "$WORK/board.log"; do
    i=$((i + 1))
    if [ $i -gt 300 ] || ! kill -0 $BOARD 2>/dev/null; then
        echo "the board did not start:"; cat "$WORK/board.log"; exit 1
    fi
    sleep 0.1
done
curl -sS --ftp-create-dirs -T "$MPLIB/python-stdlib/unittest/unittest/__init__.py" \
    ftp://micro:python@127.0.0.1/flash/lib/unittest/__init__.py
usage() { echo "board: fds $(ls /proc/$BOARD/fd | wc -l), RSS $(awk '/VmRSS/ {print $2, $3}' /proc/$BOARD/status)"; }
usage
mkdir -p "$RESULTS"
status=0
# ports/cc3200/wdt.py starts the watchdog, which (as on the WiPy) no soft reset stops: it resets the
# board a second later, ending the runner's telnet session. So it runs last, on its own.
(cd "$MP/tests" && python3 ./run-tests.py -t 127.0.0.1 -r "$RESULTS" -e 'ports/cc3200/wdt\.py' "$@") || status=$?
if [ $# -eq 0 ]; then
    (cd "$MP/tests" && python3 ./run-tests.py -t 127.0.0.1 -r "$RESULTS/wdt" ports/cc3200/wdt.py) || status=$?
fi
if kill -0 $BOARD 2>/dev/null; then
    echo "board alive after the run"
    usage
else
    echo "THE BOARD DIED"; tail -20 "$WORK/board.log"; exit 2
fi
echo "run-tests.py exit status $status"
