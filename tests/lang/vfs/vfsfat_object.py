# vfs.VfsFat as a file-system object: FatFs's mkfs layout, its methods mounted or not, its errors.
# test-options: -X heapsize=512k
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import os, vfs, errno
from _ramdev import RAMDev, SparseDev


def err(f, *a):
    try:
        f(*a)
    except OSError as e:
        return errno.errorcode.get(e.errno, e.errno)
    return "no error"


# the layout FatFs gives: 1 FAT, 512 root entries, clusters of 1 sector on small volumes
# (FAT16 from 4086 clusters; FAT32 in a partition at block 63 when FAT16 can't be had)
for blocks in (50, 400, 8000, 20000, 2 * 1024 * 1024):
    d = SparseDev(blocks)
    vfs.VfsFat.mkfs(d)
    print(blocks, vfs.VfsFat(d).statvfs("/")[:4], 0 in d.data, 63 in d.data)
print("too small:", err(vfs.VfsFat.mkfs, RAMDev(49)))

d = RAMDev(64)
fs = vfs.VfsFat(d)
print("no filesystem:", err(fs.stat, "/"), err(fs.open, "x", "w"))
vfs.VfsFat.mkfs(d)
fs = vfs.VfsFat(d)
print(fs.getcwd(), fs.stat("/")[:7], list(fs.ilistdir()))
with fs.open("a.txt", "w") as f:
    print(f.write("hello"))
fs.mkdir("sub")
print(err(fs.mkdir, "sub"), err(fs.mkdir, "/"), err(fs.remove, "sub"), err(fs.remove, "nothing"))
with fs.open("sub/b.bin", "wb") as f:
    f.write(b"\x00\x01\x02")
print(err(fs.rmdir, "sub"), err(fs.rmdir, "a.txt"), err(fs.chdir, "a.txt"), err(fs.chdir, "nodir"))
fs.chdir("sub")
print(fs.getcwd(), list(fs.ilistdir()), list(fs.ilistdir(b"")))
print(fs.open("b.bin", "rb").read(), fs.open("/a.txt", "r").read())
fs.chdir("..")
print(fs.getcwd())
# rename replaces a file, never a directory
with fs.open("c.txt", "w") as f:
    f.write("new")
fs.rename("c.txt", "a.txt")
print(fs.open("a.txt", "r").read(), sorted(fs.ilistdir()), err(fs.rename, "a.txt", "sub"))
print(err(fs.rename, "sub", "/nodir/x"))
f = fs.open("a.txt", "r")
f.close()
f.close()
print("closed:", err(f.read), err(f.write, "x"))
print(fs.stat("a.txt")[0], fs.stat("a.txt")[6], fs.stat("a.txt")[8] > 0)

# mounted: os sees the same volume, and the object keeps working
vfs.mount(fs, "/ram")
print(os.listdir("/ram"), os.stat("/ram/a.txt")[6], fs.statvfs("/")[3] == os.statvfs("/ram")[3])
print(err(vfs.mount, fs, "/ram2"), err(vfs.mount, RAMDev(64), "/ram"), err(vfs.mount, fs, "/flash"))
print(err(vfs.VfsFat.mkfs, d))
f = open("/ram/sub/b.bin", "ab")
f.write(b"\x03")
vfs.umount(fs)  # the object keeps its volume: a file opened through the mount stays good
f.close()
print(err(os.listdir, "/ram"), err(vfs.umount, fs), err(vfs.umount, "/ram"))
print(fs.open("sub/b.bin", "rb").read())

# read-only mounts
vfs.mount(fs, "/ro", readonly=True)
print(err(open, "/ro/new", "w"), err(os.mkdir, "/ro/d"), os.statvfs("/ro")[8])
vfs.umount("/ro")

# mkfs=True formats a blank device at mount time
blank = RAMDev(64)
vfs.mount(vfs.VfsFat(blank), "/blank", mkfs=True)
print(os.listdir("/blank"), os.statvfs("/blank")[2])
vfs.umount("/blank")
print(err(vfs.mount, vfs.VfsFat(RAMDev(64)), "/blank"))
