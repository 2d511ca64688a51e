# Python block devices that misbehave: what each gives (never a crash), and the old protocol.
# test-options: -X heapsize=256k
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import os, vfs, errno
from _ramdev import RAMDev


def err(f, *a, **k):
    try:
        f(*a, **k)
    except OSError as e:
        return errno.errorcode.get(e.errno, e.errno)
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
    return "no error"


# not a device at all, or one missing a method
class NoCount:
    def readblocks(self, n, buf):
        pass

print(err(vfs.VfsFat, object()), err(vfs.VfsFat, NoCount()), err(vfs.mount, 42, "/x"))

# too small for a FAT, no block count, a block size that isn't 512
class Sized(RAMDev):
    def __init__(self, blocks, count, size):
        RAMDev.__init__(self, blocks)
        self.count, self.size = count, size

    def ioctl(self, op, arg):
        return {4: self.count, 5: self.size}.get(op)

print(err(vfs.VfsFat.mkfs, RAMDev(20)), err(vfs.VfsFat.mkfs, Sized(64, None, 512)))
print(err(vfs.VfsFat.mkfs, Sized(64, 64, 4096)), err(vfs.mount, Sized(64, 0, 512), "/x"))

# the device's own exceptions come out as they are; a negative status is EIO
d = RAMDev(64)
vfs.VfsFat.mkfs(d)
fs = vfs.VfsFat(d)
with fs.open("f.txt", "w") as f:
    f.write("data")
vfs.mount(fs, "/dev")
d.fail_read = RuntimeError("read fault")
print(err(vfs.VfsFat, d), end=" ")
print(err(vfs.mount, d, "/dev2"))
d.fail_read = -5
print(err(vfs.VfsFat, d), err(vfs.mount, d, "/dev2"), os.listdir("/dev"))
d.fail_read = None
d.fail_write = KeyError("write fault")


def write_some():
    with open("/dev/g.txt", "w") as f:
        f.write("x" * 600)


print(err(write_some))
d.fail_write = None
print(sorted(os.listdir("/dev")), open("/dev/f.txt").read())
f = open("/dev/f.txt")
d.fail_read = RuntimeError("read fault")
print(err(f.read))  # a file's own read: the device's exception too
d.fail_read = None
print(f.read())
f.close()
# a buffer the device tries to resize
d.readblocks = lambda n, buf: buf.__setitem__(slice(None), bytes(513))
print(err(vfs.VfsFat, d), err(vfs.VfsFat.mkfs, d))
del d.readblocks
vfs.umount("/dev")
print(err(vfs.mount, fs, "/dev"))
vfs.umount("/dev")

# the old protocol: count() and sync(), no ioctl
class OldDev:
    def __init__(self, blocks):
        self.data = bytearray(blocks * 512)
        self.synced = 0

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512 : n * 512 + len(buf)]

    def writeblocks(self, n, buf):
        self.data[n * 512 : n * 512 + len(buf)] = buf

    def count(self):
        return len(self.data) // 512

    def sync(self):
        self.synced += 1

old = OldDev(60)
vfs.VfsFat.mkfs(old)
fs = vfs.VfsFat(old)
with fs.open("o.txt", "w") as f:
    f.write("old protocol")
print(fs.statvfs("/")[2], list(fs.ilistdir()), old.synced > 0)

# a read-only device (no writeblocks): mounts, refuses writes
class ReadOnly:
    def __init__(self, data):
        self.data = data

    def readblocks(self, n, buf):
        buf[:] = self.data[n * 512 : n * 512 + len(buf)]

    def ioctl(self, op, arg):
        return len(self.data) // 512 if op == 4 else None

ro = vfs.VfsFat(ReadOnly(old.data))
print(ro.open("o.txt", "r").read(), err(ro.open, "new.txt", "w"), err(ro.mkdir, "d"), ro.statvfs("/")[8])
vfs.mount(ReadOnly(old.data), "/rod")
print(os.listdir("/rod"), err(open, "/rod/n", "w"), err(vfs.VfsFat.mkfs, ReadOnly(bytearray(64 * 512))))
vfs.umount("/rod")
print("still alive")
