# errno.errorcode is read-only (TypeError on every mutating method); gc.threshold() reads back
# rounded down to the heap's 16-byte blocks.
import errno, gc
for name, args in [('popitem', ()), ('pop', (2,)), ('setdefault', (0, 0)), ('update', ([(1, 2)],)),
                   ('clear', ())]:
    try:
        getattr(errno.errorcode, name)(*args)
        print(name, 'no error')
    except TypeError:
        print(name, 'TypeError')
for f in (lambda: errno.errorcode.__setitem__(1, 'x'), lambda: errno.errorcode.__delitem__(1)):
    try:
        f()
    except (TypeError, AttributeError):
        print('refused')
print(errno.errorcode[errno.ENOENT], errno.errorcode.get(errno.EIO), errno.EIO in errno.errorcode)
old = gc.threshold()
for n in (1, 15, 16, 100, -1, -5):
    gc.threshold(n)
    print(n, gc.threshold())
gc.threshold(old)
