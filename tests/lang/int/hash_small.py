print(hash(0) == 0, hash(5) == 5, hash(-7) == -7, hash(True) == 1, hash(False) == 0)
print(hash(2**100) == hash(2**100), hash(-(2**100)) == hash(-(2**101) // 2))
