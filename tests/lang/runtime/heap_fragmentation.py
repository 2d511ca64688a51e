# test-options: -X heapsize=96k
# Many one-block objects that live long, each made among a few blocks of garbage, then big
# blocks (a class namespace of a few hundred names, the list dir() builds, their copies): with
# them strewn over the heap there is plenty of free memory and no run long enough for those.
# At 96 KiB, the WiPy's default heap: the build before the allocator change fails here at every
# size up to 128 KiB; now it passes from about 68 KiB (the margin is kept for layout changes).
letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Junk:
    pass


def fill(cls, start, n):
    for i in range(start, start + n):
        name = "".join(letters[(i * 7 + j * 11) % 26] for j in range(3)) + str(i)
        setattr(cls, name, object())


for round in range(3):
    fill(Junk, round * 100, 100)
    names = [n for n in dir(Junk) if not n.startswith("_")]
    print(round, len(names))
keep = [getattr(Junk, n) for n in names]
for n in names:
    delattr(Junk, n)
print(len(keep), len([n for n in dir(Junk) if not n.startswith("_")]))
