try:
    {}["missing"]
except KeyError as e:
    print(str(e), e.args)
print(str(KeyError("x")), str(KeyError(1)), str(KeyError()), str(KeyError(1, 2)))
print(str(IndexError("x")))
