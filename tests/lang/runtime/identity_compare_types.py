print(int == int, int != str, type(1) == int, list is list)
print({int: 1, str: 2}[int])
