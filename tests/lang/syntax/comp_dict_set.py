print({x: x * x for x in range(4)})
print({k: v for k, v in [("a", 1), ("b", 2)]})
print(sorted({x % 3 for x in range(10)}))
print({x: y for x in range(2) for y in range(2)})
print(sorted({(a, b) for a in range(2) for b in range(2) if a != b}))
d = {"x": 1}
print({**d, "y": 2})
print(sorted({*[1, 2], *(2, 3)}))
