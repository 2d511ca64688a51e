print(True > False, True < 2, False < True, True == 1)
print(sorted([True, False, 2, -1, 0]))
print(max(True, 0), min(False, 1))
