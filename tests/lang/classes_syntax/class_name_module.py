class A: pass
print(A.__name__, A.__module__ if hasattr(A, '__module__') else '__main__')
