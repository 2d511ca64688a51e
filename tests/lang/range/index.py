r = range(10, 30, 3)
print(r[0], r[1], r[-1], r[-2], len(r))
try:
    r[len(r)]
except IndexError as e:
    print(type(e).__name__, e)
print(r[2:5], r[::-1], r[::2], r[-2:], r[5:1:-1])
print(list(r[2:5]), list(r[::-1]))
print(range(10)[3:100], range(10)[-100:2])
