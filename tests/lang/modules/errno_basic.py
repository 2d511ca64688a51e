# errno: the WiPy's constants, errorcode, and OSError printing "[Errno 2] ENOENT".
import errno

print(errno.EPERM, errno.ENOENT, errno.EIO, errno.EBADF, errno.EAGAIN, errno.ENOMEM, errno.EACCES)
print(errno.EEXIST, errno.ENODEV, errno.EISDIR, errno.EINVAL, errno.ENOSPC, errno.ETIMEDOUT, errno.EINPROGRESS, errno.ECONNREFUSED)
print(errno.errorcode[errno.ENOENT], errno.errorcode[2], errno.errorcode[110])
e = OSError(errno.ENOENT)
print(e, e.args, e.errno)
try:
    raise OSError(errno.EEXIST)
except OSError as x:
    print(x, x.errno == errno.EEXIST)
print(OSError(999), OSError("text"), OSError(2, "No such file"))
