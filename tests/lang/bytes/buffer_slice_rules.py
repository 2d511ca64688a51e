# Slice assignment into an array or bytearray, and `in`, by MicroPython's rules (as on the WiPy):
# the value must be a buffer whose items have the same size, and an int isn't searched for.
import array


def attempt(label, stmt, result):
    try:
        exec(stmt, globals())
        print(label, eval(result, globals()))
    except Exception as e:
        print(label, type(e).__name__, e)


a = array.array("i", range(6))
attempt("grow", "a[1:3] = array.array('i', [7, 8, 9, 10])", "a")
attempt("shrink", "a[0:5] = array.array('i')", "a")
attempt("itself", "a[1:1] = a", "a")
attempt("own tail", "a[:] = a[2:]", "a")
attempt("unsigned same size", "u = array.array('I', [1, 2]); u[0:1] = array.array('i', [3])", "u")
attempt("list", "a[0:1] = [1]", "a")
attempt("bytes into i", "a[0:1] = bytes(4)", "a")
attempt("step", "a[::2] = array.array('i', [0, 0])", "a")
attempt("delete", "del a[0:1]", "a")
b = bytearray(b"abcdef")
attempt("ba itself", "b[1:2] = b", "b")
attempt("ba memoryview", "b[2:] = memoryview(b'xyz')", "b")
attempt("ba array b", "b[0:1] = array.array('b', [65, 66])", "b")
attempt("ba list", "b[0:1] = [1, 2]", "b")
attempt("ba str", "b[0:1] = 'ab'", "b")
attempt("ba int", "b[0:1] = 5", "b")
attempt("ba array h", "b[0:1] = array.array('h', [1])", "b")
attempt("ba step", "b[::2] = b'xy'", "b")
attempt("ba delete", "del b[0:2]", "b")
o = array.array("O", [1, "a"])
attempt("objects itself", "o[1:] = o", "o")
# not as in MicroPython, which copies the words: raw words never become object references here
attempt("objects from q", "o[0:1] = array.array('q', [1])", "o")
attempt("q from objects", "q = array.array('q', [1]); q[0:1] = o", "q")

attempt("int in bytearray", "", "98 in bytearray(b'abc')")
attempt("int in array", "", "1 in array.array('i', [1])")
attempt("int in memoryview", "", "98 in memoryview(b'abc')")
attempt("bytes in bytearray", "", "b'bc' in bytearray(b'abc')")
attempt("int in bytes", "", "98 in b'abc'")
