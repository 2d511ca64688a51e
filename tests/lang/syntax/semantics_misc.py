x = [1, 2, 3][1]
print(x, "abc"[0], (1, 2)[1], {"k": "v"}["k"])
print([1, 2][-1], "xyz"[-2])
print(len([]), len(()), len({}), len(""))
print(type(()).__name__, type([]).__name__, type({}).__name__)
print((1), (1,), ((1,),))
print(1 if [] else 2, 1 if [0] else 2)
