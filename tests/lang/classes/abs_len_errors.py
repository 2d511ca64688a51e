class N:
    pass
try:
    len(N())
except TypeError:
    print("TypeError len")
try:
    -N()
except TypeError:
    print("TypeError neg")
try:
    N() + 1
except TypeError:
    print("TypeError add")
try:
    N() < N()
except TypeError:
    print("TypeError lt")
try:
    N()[0]
except TypeError:
    print("TypeError sub")
try:
    N()()
except TypeError:
    print("TypeError call")
try:
    iter(N())
except TypeError:
    print("TypeError iter")
