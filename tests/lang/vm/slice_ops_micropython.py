# A list slice store or deletion with a step other than 1 is NotImplementedError, as in MicroPython,
# and leaves the list as it was; a list load with any step works. Step-1 stores are in slice_ops.py.
l = list(range(8))
def store(v):
    l[::2] = v
def store_rev(v):
    l[::-1] = v
def delete():
    del l[::3]
def delete_rev():
    del l[5:1:-1]
for f, a in ((store, ([0, 0, 0, 0],)), (store, ([],)), (store_rev, (list(range(8)),)), (delete, ()),
             (delete_rev, ())):
    try:
        f(*a)
        print(l)
    except Exception as e:
        print(type(e).__name__, e)
print(l, l[::2], l[::-1], l[7:0:-3])
