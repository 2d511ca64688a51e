# Exception-heavy control flow: raising and catching in loops and across calls.
class Stop(Exception):
    pass


def check(i):
    if i % 3 == 0:
        raise ValueError(i)
    if i % 5 == 0:
        raise Stop()
    return i


def run(n):
    ok = bad = stops = 0
    for i in range(n):
        try:
            ok += check(i)
        except ValueError as e:
            bad += 1
        except Stop:
            stops += 1
        finally:
            ok += 1
    d = {}
    misses = 0
    for i in range(n):
        try:
            d[i % 100] += 1
        except KeyError:
            d[i % 100] = 1
            misses += 1
    return ok, bad, stops, misses


print(run(1000000))
