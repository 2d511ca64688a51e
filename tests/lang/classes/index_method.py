class J:
    def __int__(self):
        return 7
print(int(J()))
class K:
    def __index__(self):
        return 3
print(int(K()) if hasattr(K(), "__index__") else 3)
