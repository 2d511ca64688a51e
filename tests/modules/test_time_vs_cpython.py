"""time.localtime/gmtime/mktime on the 2000-01-01 epoch, every day from 1970 to 2100, compared
with CPython's calendar.timegm / time.gmtime shifted to that epoch (spec §15)."""
import calendar
import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WIPY = os.environ.get("WIPY", os.path.join(ROOT, "build", "wipy"))
EPOCH_2000 = calendar.timegm((2000, 1, 1, 0, 0, 0))

PROGRAM = """
import time
start = %d
for day in range(%d):
    t = start + day * 86400 + (day * 7919) %% 86400
    lt = time.localtime(t)
    print(t, *lt, time.mktime(lt), time.mktime(time.gmtime(t)) == t)
"""


def test_every_day_1970_to_2100():
    first = calendar.timegm((1970, 1, 1, 0, 0, 0)) - EPOCH_2000
    days = (calendar.timegm((2101, 1, 1, 0, 0, 0)) - calendar.timegm((1970, 1, 1, 0, 0, 0))) // 86400
    r = subprocess.run([WIPY, "-c", PROGRAM % (first, days)], stdout=subprocess.PIPE, timeout=120, check=True)
    lines = r.stdout.decode().splitlines()
    assert len(lines) == days
    for line in lines:
        f = line.split()
        t = int(f[0])
        g = time.gmtime(t + EPOCH_2000)
        want = [g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday]
        assert [int(x) for x in f[1:9]] == want, line
        assert int(f[9]) == calendar.timegm(g) - EPOCH_2000 == t, line
        assert f[10] == "True", line


def test_negative_and_far_seconds():
    for t in [-1, -86400, -946684800, -946684801, 0, 1, 2 ** 31, 4102444800 - EPOCH_2000]:
        r = subprocess.run([WIPY, "-c", "import time; print(*time.localtime(%d))" % t], stdout=subprocess.PIPE,
                           timeout=10, check=True)
        g = time.gmtime(t + EPOCH_2000)
        assert [int(x) for x in r.stdout.split()] == [g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min,
                                                      g.tm_sec, g.tm_wday, g.tm_yday]
