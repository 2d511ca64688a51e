m = __import__("sys")
print(m.__name__)
print(__import__("gc").isenabled())
try:
    __import__("no_such_module_zz")
except ImportError:
    print("ImportError")
