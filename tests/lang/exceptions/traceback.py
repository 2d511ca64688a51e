def inner():
    raise ValueError("tb test")
def outer():
    inner()
outer()
