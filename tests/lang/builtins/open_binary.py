name = "/tmp/_wipy_lang_open_bin.bin"
with open(name, "wb") as f:
    f.write(b"\x00\x01\x02abc")
    f.write(bytearray(b"!"))
with open(name, "rb") as f:
    print(f.read(2), f.read(3), f.read())
with open(name, "rb") as f:
    f.seek(3)
    print(f.tell(), f.read(2))
    f.seek(-1, 2)
    print(f.read())
try:
    open(name, "wb").write("str")
except (TypeError, OSError) as e:
    print(type(e).__name__)
