# execfile(path[, globals[, locals]]) (the WiPy has it): runs a file in the caller's namespace or
# the dicts given; a missing file is OSError(ENOENT), a non-str path TypeError. print(file=x) and
# sys.print_exception(e, x) with an x that has no write are OSError, as in MicroPython; built-in
# functions print as <function>.
import sys, os

name = "/tmp/wipy_execfile_%d.py" % os.getpid() if hasattr(os, "getpid") else "/tmp/wipy_execfile.py"
with open(name, "w") as f:
    f.write("print('in file', __name__, x)\ny = x + 1\n")
x = 1
execfile(name)
print(y)
g = {"x": 10, "__name__": "g"}
execfile(name, g)
print(g["y"], y)
loc = {}
execfile(name, {"x": 20, "__name__": "gl"}, loc)
print(sorted(loc.items()))
def f():
    execfile(name)
f()
os.remove(name)
for bad in (name, "", b"x", 5):
    try:
        execfile(bad)
    except OSError as e:
        print("OSError", e.errno)
    except TypeError:
        print("TypeError")
for obj in (1, None, "s"):
    try:
        print("x", file=obj)
    except OSError as e:
        print("OSError", e)
    try:
        sys.print_exception(ValueError("v"), obj)
    except OSError as e:
        print("OSError", e)
print(len, execfile, sys.print_exception, [].append)
