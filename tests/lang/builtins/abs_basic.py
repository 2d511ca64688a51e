print(abs(5), abs(-5), abs(0))
print(abs(-(2**70)), abs(2**70))
print(abs(True), abs(False))
class A:
    def __abs__(self):
        return 42
print(abs(A()))
try:
    abs("x")
except TypeError:
    print("TypeError")
