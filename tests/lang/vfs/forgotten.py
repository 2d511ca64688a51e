# Files and VfsFat objects nobody closes: the collector's finalisers hand the closing of files on
# Python devices to the next file-system call; a forgotten VfsFat gives its volume back.
# (Work is done in functions: what they leave on the C stack is gone once they return, so the
# collector surely sees their objects as garbage.)
# test-options: -X heapsize=256k
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import gc, os, vfs
from _ramdev import RAMDev

d = RAMDev(64)
vfs.VfsFat.mkfs(d)
fs = vfs.VfsFat(d)


def write_and_forget(opener, names):
    for name in names:
        opener(name, "w").write(name * 700)  # more than a sector: some waits in the file's buffer


write_and_forget(fs.open, ("a", "b", "c"))
gc.collect()
print([(n, len(fs.open(n, "r").read())) for n in ("a", "b", "c")])

# the same through vfs.mount and open(); unmounting a VfsFat leaves its files usable
vfs.mount(fs, "/m")
write_and_forget(open, ("/m/d", "/m/e"))
keep = open("/m/f", "w")
keep.write("still open")
gc.collect()
print(open("/m/d").read()[:3], os.stat("/m/e")[6])
vfs.umount("/m")
keep.write(" after umount")
keep.close()
print(fs.open("f", "r").read())


def pool(n):
    objs = []
    try:
        for i in range(n):
            objs.append(vfs.VfsFat(d))
    except OSError as e:
        return len(objs), str(e)
    return len(objs), None


# volumes come from a pool of 8: forgotten objects give theirs back when it runs dry
for i in range(20):
    vfs.VfsFat(d).stat("a")
n, e = pool(20)
print(5 <= n <= 7, e)  # fs holds one; a forgotten one may still be on the C stack
gc.collect()
print(pool(3))
del fs
gc.collect()
print(sorted(vfs.VfsFat(d).ilistdir()))
