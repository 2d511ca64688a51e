# Methods taken from a class and called with the wrong kind of object: TypeError, never a crash.
import hashlib, io, array, collections, re, select, struct

cases = [
    lambda: hashlib.sha256.update(5, b"x"),
    lambda: hashlib.sha1.digest("x"),
    lambda: io.StringIO.read(1),
    lambda: io.BytesIO.getvalue([]),
    lambda: io.StringIO.close(None),
    lambda: array.array.append(3, 1),
    lambda: array.array.tobytes(b"x"),
    lambda: collections.deque.append([], 1),
    lambda: collections.deque.popleft(()),
    lambda: type(re.match("a", "a")).group("a"),
    lambda: type(re.match("a", "a")).span(1),
    lambda: type(select.poll()).poll(1),
    lambda: collections.namedtuple("P", "x")._replace((1,), x=2),
    lambda: collections.namedtuple("P", "x")._asdict((1,)),
]
for i, f in enumerate(cases):
    try:
        f()
        print(i, "no error")
    except TypeError:
        print(i, "TypeError")
print(hashlib.sha1.digest(hashlib.sha1(b"")) == hashlib.sha1(b"").digest())
