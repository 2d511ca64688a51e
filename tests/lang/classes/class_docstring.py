class D:
    """doc"""
    x = 1
print(D.x, D().x)
