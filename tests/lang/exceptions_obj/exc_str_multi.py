print(str(ValueError("a", 1)))
print(str(Exception(())))
print(str(Exception([1, 2])))
print(str(RuntimeError("")))
