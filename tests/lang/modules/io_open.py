# io.open is the built-in open: host files in script mode, every mode, lines, with, errors.
import io

name = "/tmp/_wipy_io_open_test.tmp"
with io.open(name, "w") as f:
    print(f.write("line one\n"), f.write("line two\nend"))
with open(name) as f:
    print(f.readline(), f.read())
with open(name, "a") as f:
    f.write("\nappended")
with open(name, "r") as f:
    print([l for l in f])
with open(name, "rb") as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:8])
with open(name, "r+") as f:
    f.seek(5)
    f.write("ONE")
    f.seek(0)
    print(f.read(12))
try:
    open(name, "x")
except OSError as e:
    print("OSError exists", e.args[0])
with open(name, "wb") as f:
    f.write(b"\x00\x01\x02")
with open(name, "rb") as f:
    print(f.read(), f.read())
try:
    open("_no_such_dir/_x", "r")
except OSError as e:
    print("OSError missing", e.args[0])
import select
p = select.poll()
f = open(name, "rb")
p.register(f, select.POLLIN)
print([ev & select.POLLIN for x, ev in p.poll(0)])
f.close()
with open(name, "w") as f:
    pass
print("done")
