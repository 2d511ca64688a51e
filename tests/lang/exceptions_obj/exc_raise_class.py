try:
    raise ValueError
except ValueError as e:
    print(type(e).__name__, e.args)
class C(Exception):
    pass
try:
    raise C
except C as e:
    print(type(e).__name__, isinstance(e, C))
