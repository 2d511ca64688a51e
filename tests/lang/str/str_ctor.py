print(str(12345678901234567890), str(-5), str([1, 'a']), str((1,)), str({'a': 1}))
print(str(b'ab'), str(bytearray(b'x')))
class A:
    def __str__(self):
        return 'A-str'
    def __repr__(self):
        return 'A-repr'
print(str(A()), repr(A()), [A()])
