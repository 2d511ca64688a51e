def f():
    "docstring"
    pass
class C:
    """doc"""
    pass
print(f(), C.__name__)
if True:
    pass
