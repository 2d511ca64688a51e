# Built-in methods taken from their type and called with another kind of object: TypeError, no crash.
def g():
    yield 1
G = type(g())
import sys
cases = [lambda: G.send(5, None), lambda: G.close(5), lambda: G.throw(5, ValueError),
         lambda: str.upper(5), lambda: bytes.hex(5), lambda: bytearray.append(b"", 1), lambda: list.append((), 1),
         lambda: dict.get([], 1), lambda: set.add([], 1), lambda: tuple.index([], 1), lambda: int.to_bytes("x", 1, "big"),
         lambda: dict.keys(5), lambda: str.format(5), lambda: memoryview.tobytes(5),
         lambda: type(iter(range(3))).__next__(5), lambda: type(sys.stdout).write(5, "x"),
         lambda: BaseException.__init__(5), lambda: object.__init__(5), lambda: type(print).__call__(5)]
for i, f in enumerate(cases):
    try:
        f()
        print(i, "no error")
    except (TypeError, AttributeError) as e:
        print(i, type(e).__name__)
