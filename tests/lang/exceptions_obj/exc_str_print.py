try:
    raise ValueError("hello", 5)
except ValueError as e:
    print(e)
    print(str(e) == str(e.args))
try:
    raise IndexError
except IndexError as e:
    print("[%s]" % e)
