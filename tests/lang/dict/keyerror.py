d = {1: 2}
try:
    d[5]
except KeyError as e:
    print(type(e).__name__, e, repr(e.args))
try:
    d['k']
except KeyError as e:
    print(e.args)
try:
    del d[3]
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[(1, 2)]
except KeyError as e:
    print(e)
