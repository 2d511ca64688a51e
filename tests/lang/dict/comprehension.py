print({x: x * x for x in range(5)})
print({k: v for k, v in zip('abc', [1, 2, 3]) if v != 2})
d = {str(i): i for i in range(3)}
print(d)
