# Slice loads, stores and deletions. A list load takes any step; a list store or deletion with a
# step other than 1 is NotImplementedError, as in MicroPython: see slice_ops_micropython.py.
l = list(range(8))
print(l[1:7:2], l[:-2], l[5:1:-1], l[::3])
l[2:4] = [0, 0, 0]
print(l)
l[1:3:1] = []
print(l)
l[-1:] = "xy"
print(l)
del l[:2]
print(l)
del l[2:5:None]
print(l)
