print(all([]), any([]))
print(all([1, 2, 3]), all([1, 0, 3]))
print(any([0, 0, 1]), any([0, "", None]))
print(all(x > 0 for x in range(1, 5)))
print(any(x > 3 for x in range(5)))
print(all("abc"), any(""))
def gen():
    yield 1
    yield 0
    print("not reached")
    yield 2
print(all(gen()))
try:
    all(5)
except TypeError:
    print("TypeError")
