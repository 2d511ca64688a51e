import usys, sys
print(usys is sys)
import uerrno, errno
print(uerrno is errno)
import ujson, json
print(ujson is json)
for name in ("ure", "ustruct", "ubinascii", "ucollections", "uio", "uarray", "uhashlib", "utime", "uselect"):
    m = __import__(name)
    print(name, m is __import__(name[1:]))
try:
    import ugc
except ImportError:
    print("ImportError ugc")
try:
    import umicropython
except ImportError:
    print("ImportError umicropython")
