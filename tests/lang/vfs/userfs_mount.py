# File systems written in Python under vfs.mount: where paths go, what they receive, the mount
# table (vfs.mount()), and the errors of mounting and unmounting.
import os, vfs, sys, errno


def err(f, *a):
    try:
        f(*a)
    except OSError as e:
        return errno.errorcode.get(e.errno, e.errno)
    return "no error"


class Log:
    def __init__(self, name, files=None):
        self.name = name
        self.files = files or {}
        self.cwd = "/"

    def __repr__(self):
        return "Log(%s)" % self.name

    def mount(self, readonly, mkfs):
        print(self.name, "mount", readonly, mkfs)

    def umount(self):
        print(self.name, "umount")

    def ilistdir(self, path):
        print(self.name, "ilistdir", repr(path))
        return iter([(k.lstrip("/"), 0x8000, 0) for k in sorted(self.files)])

    def stat(self, path):
        print(self.name, "stat", repr(path))
        if path in self.files:
            return (0x8000, 0, 0, 0, 0, 0, len(self.files[path]), 0, 0, 0)
        raise OSError(errno.ENOENT)

    def statvfs(self, path):
        return (512, 512, 9, 8, 8, 0, 0, 0, 0, 255)

    def mkdir(self, path):
        print(self.name, "mkdir", repr(path))

    def rmdir(self, path):
        print(self.name, "rmdir", repr(path))

    def remove(self, path):
        print(self.name, "remove", repr(path))
        raise OSError(errno.EACCES)

    def rename(self, a, b):
        print(self.name, "rename", repr(a), repr(b))

    def chdir(self, path):
        print(self.name, "chdir", repr(path))
        self.cwd = path if path.startswith("/") else self.cwd.rstrip("/") + "/" + path

    def getcwd(self):
        return self.cwd

    def open(self, path, mode):
        print(self.name, "open", repr(path), mode)
        import io
        return io.BytesIO(self.files[path]) if "b" in mode else io.StringIO(self.files[path].decode())


a = Log("A", {"/mod_a.py": b"print('imported from A')\nVALUE = 7\n", "/t.txt": b"text"})
vfs.mount(a, "/a/b")
print(vfs.mount()[-1])
print(open("/a/b/t.txt").read(), open("/a/b/t.txt", "rb").read())
print(os.stat("/a/b/t.txt")[6], err(os.stat, "/a/b/none"), os.statvfs("/a/b"))
os.mkdir("/a/b/d")
print(err(os.mkdir, "/a/b"), err(os.remove, "/a/b/t.txt"))
os.rename("/a/b/x", "/a/b/y")
print(err(os.rename, "/a/b/x", "/elsewhere"))
print(os.listdir("/a/b"))

# import through it
sys.path.append("/a/b")
import mod_a
print(mod_a.VALUE)
sys.path.pop()

# chdir into it: relative paths go to the object as they are
os.chdir("/a/b")
print(os.getcwd(), os.listdir())
os.chdir("sub")
print(os.getcwd())
os.mkdir("rel")

# mounting errors: a used point, the board's /flash, below /flash
print(err(vfs.mount, Log("B"), "/a/b"), err(vfs.mount, Log("C"), "/flash"), err(vfs.mount, Log("D"), "/flash/x"))
print(err(vfs.umount, "/nothing"), err(vfs.umount, Log("E")))
vfs.umount(a)
print(os.getcwd(), err(os.stat, "/a/b/t.txt"))
print([m for m in vfs.mount() if isinstance(m[0], Log)])

# an object whose methods fail: its exception comes out as it is
class Broken(Log):
    def open(self, path, mode):
        raise ValueError("no files here")

vfs.mount(Broken("F"), "/broken")
try:
    open("/broken/x")
except ValueError as e:
    print("ValueError", e)
vfs.umount("/broken")
