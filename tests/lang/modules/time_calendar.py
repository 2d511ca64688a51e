# time.localtime/mktime: every day from 1970 to 2100 round-trips and matches the proleptic
# Gregorian calendar (computed here independently), epoch 2000-01-01; negative seconds work.
import time

def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

secs = -946684800  # 1970-01-01 in 2000-epoch seconds
wday = 3  # 1970-01-01 was a Thursday (Monday = 0)
bad = 0
days = 0
for y in range(1970, 2101):
    yday = 1
    for m in range(1, 13):
        mdays = [31, 29 if is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        for d in range(1, mdays + 1):
            t = secs + 3600 * (d % 24) + 61 * (m % 60) % 60
            lt = time.localtime(t)
            exp = (y, m, d, d % 24, (61 * (m % 60) % 60) // 60, 61 * (m % 60) % 60 % 60, wday, yday)
            if lt[:8] != exp or time.mktime(lt) != t:
                bad += 1
                if bad < 5:
                    print("mismatch", y, m, d, lt, exp)
            secs += 86400
            wday = (wday + 1) % 7
            yday += 1
            days += 1
print(days, "days checked,", bad, "mismatches")
print(time.localtime(0), time.localtime(-1), time.mktime((2000, 1, 1, 0, 0, 0, 0, 0)))
print(time.mktime((2000, 13, 1, 0, 0, 0, 0, 0)), time.mktime((1999, 12, 31, 23, 59, 59, 0, 0)))
