class Bad:
    def __init__(self):
        return 1
try:
    Bad()
except TypeError:
    print("TypeError")
class NoInit:
    pass
try:
    NoInit(1)
except TypeError:
    print("TypeError2")
