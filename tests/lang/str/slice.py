# str slices with step 1 (or None): bounds that are negative, out of range, None or crossed.
# A str slice with another step is NotImplementedError, as in MicroPython: see slice_micropython.py.
s = 'abcdefghij'
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[5:2], s[100:], s[-100:2], s[3:3])
print(s[1:9:1], s[-8:-1:None], s[None:4], s[6:None], s[None:None:None], s[::1], s[-1:-8])
print(s[slice(2, 6)], s[slice(-3, None, 1)], s[True:3], s[-100:100])
