a = [1, 2]
t = *a, 3
print(t)
print((*a, *a))
print([*a, *"xy"])
def f():
    return *a, 0
print(f())
for x in *a, 9:
    print(x)
x = 0, *a
print(x)
