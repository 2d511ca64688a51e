class A:
    def __int__(self):
        return 42
class B:
    def __index__(self):
        return 7
print(int(A()))
print(int(B()))
