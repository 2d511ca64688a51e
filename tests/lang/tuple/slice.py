# tuple slices with step 1 (or None); another step is NotImplementedError, as in MicroPython: see
# slice_micropython.py.
t = tuple(range(10))
print(t[2:5], t[-3:], t[5:2], t[-100:3], t[8:100], t[1:4:1], t[None:2:None])
print(t[:] is t, t[::1] is t, t[0:10] is t)
print(t[3:3] == ())
print(tuple(list(t)[::2]), tuple(reversed(t)))
