# test-options: -X heapsize=512k
# Many names made at run time (setattr / getattr with new strings) are interned: each stays the
# same object-equal name, attributes found by names built again, and the interning survives gc.
import gc


class C:
    pass


o = C()
names = []
for i in range(400):
    n = "n%dx%s" % (i, "y" * (i % 70))  # some long enough to need their own block
    names.append(n)
    setattr(o, n, i)
gc.collect()
ok = 0
for i in range(400):
    n = "n%dx%s" % (i, "y" * (i % 70))
    if getattr(o, n) == i and hasattr(o, n):
        ok += 1
print(ok, len([k for k in dir(o) if k.startswith("n")]))
print(getattr(o, "n399x" + "y" * (399 % 70)))
