e = OSError(2)
print(e.args, e.errno, str(e))
print(str(OSError(22)), str(OSError(13)), str(OSError(110)))
try:
    raise OSError(17)
except OSError as x:
    print(x.errno, x)
print(OSError().errno)
