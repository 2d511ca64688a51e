t = tuple(range(10))
print(t[2:5], t[::2], t[::-1], t[-3:], t[5:2], t[8:2:-3])
print(t[:] is t)
print(t[3:3] == ())
