# time.localtime at the ends of 64 bits and time.mktime with fields whose sum leaves 64 bits: exact
# results or OverflowError, never a wrapped value (the fuzzer found the seconds-of-day product
# overflowing at -2**63). Months outside 1..12 roll into years.
import time

for s in (-2 ** 63, 2 ** 63 - 1, -1, 0, 86399, 86400, -86400, -86401):
    print(s, time.localtime(s))
for t in ((2000, 0, 1, 0, 0, 0, 0, 0), (2000, 13, 1, 0, 0, 0, 0, 0), (2000, -11, 1, 0, 0, 0, 0, 0),
          (2000, 12, 1, 0, 0, 0, 0, 0), (1999, 24, 31, 0, 0, 0, 0, 0), (2000, 1, 1, 0, 0, 2 ** 63 - 1, 0, 0)):
    s = time.mktime(t)
    print(t[:6], s, time.localtime(s)[:6] if s < 2 ** 40 else '')
for t in ((2 ** 62, 1, 1, 0, 0, 0, 0, 0), (2000, -2 ** 63, 1, 0, 0, 0, 0, 0), (2000, 1, -2 ** 63, 0, 0, 0, 0, 0),
          (2000, 1, 1, 2 ** 62, 0, 0, 0, 0), (-2 ** 63, 2 ** 63 - 1, 1, 0, 0, 0, 0, 0),
          (2 ** 40, 12, 31, 23, 59, 59, 0, 0), (2000, 1, 1, 0, 1, 2 ** 63 - 1, 0, 0)):
    try:
        print(time.mktime(t))
    except OverflowError as e:
        print('OverflowError', e)
