it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration:
    print("stop")
print(next(iter([]), "default"))
