name = "/tmp/_wipy_lang_open_test.txt"
f = open(name, "w")
print(f.write("hello\nworld\n"))
f.close()
with open(name) as f:
    print(repr(f.read()))
with open(name, "r") as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name) as f:
    print([l for l in f])
with open(name, "a") as f:
    f.write("more")
with open(name, "rb") as f:
    data = f.read()
    print(type(data).__name__, data)
with open(name) as f:
    print(f.readlines())
