print({})
print({1: 2, "a": "b"})
d = {"x": 1, "y": 2}
print({**d})
print({"w": 0, **d, "z": 3})
print({**d, "x": 9})
print({**{}, **d, **{"y": 7}})
print({1: 1, 1: 2})
e = {
    "k": [1, 2],
    "l": (3,),
}
print(e)
