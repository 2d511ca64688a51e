try:
    raise KeyError
except KeyError as e:
    print(type(e).__name__, e.args)
try:
    raise 5
except TypeError:
    print("TypeError")
class NotExc: pass
try:
    raise NotExc
except TypeError:
    print("TypeError 2")
