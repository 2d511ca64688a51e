# io.StringIO / io.BytesIO: reading, writing, seeking, lines, iteration, with, closed errors.
import io

s = io.StringIO("line1\nline2\nline3")
print(s.read(3), s.readline(), s.readline(), s.readline(), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print([l for l in s])
w = io.StringIO()
print(w.write("abc"), w.write("def"), w.getvalue(), w.tell())
w.seek(1)
w.write("X")
print(w.getvalue())
w.seek(0, 2)
w.write("!")
print(w.getvalue(), w.tell())
b = io.BytesIO(b"\x00\x01\x02")
print(b.read(1), b.read(), b.read(), b.tell())
b.write(b"\x03")
print(b.getvalue())
b.seek(1)
print(b.read(1))
with io.BytesIO() as f:
    f.write(b"xyz")
    print(f.getvalue())
try:
    f.read()
except ValueError:
    print("ValueError closed")
try:
    io.StringIO().write(b"x")
except TypeError:
    print("TypeError")
print(io.StringIO("a\nb").read(), io.BytesIO(b"a\nb").readline())
