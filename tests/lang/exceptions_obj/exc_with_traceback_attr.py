try:
    raise ValueError("v")
except ValueError as e:
    print(e.args, hasattr(e, "args"))
