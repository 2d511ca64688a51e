# time.ticks_add refuses a delta ticks_diff could not tell apart (OverflowError), as MicroPython.
from time import ticks_add, ticks_diff
TICKS_MAX = ticks_add(0, -1)
HALF = TICKS_MAX // 2
print(TICKS_MAX == 2 ** 30 - 1, ticks_add(20, 12), ticks_add(5, -12) == TICKS_MAX - 6)
for T in (0, 10, TICKS_MAX):
    for delta in (-HALF - 1, -HALF, 0, HALF, HALF + 1):
        try:
            print(ticks_diff(ticks_add(T, delta), T) == delta, ticks_diff(T, ticks_add(T, delta)) == -delta)
        except OverflowError:
            print('OverflowError')
