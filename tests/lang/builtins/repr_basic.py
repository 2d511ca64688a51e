print(repr(1), repr("a"), repr([1, "b"]), repr(None), repr(True))
print(repr("it's"), repr('say "hi"'), repr(b"x\x00"))
class R:
    def __repr__(self):
        return "R()"
print(repr(R()), [R()])
print(repr((1,)), repr({}), repr(()))
