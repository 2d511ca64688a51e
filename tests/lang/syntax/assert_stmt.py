assert True
assert 1, "msg"
try:
    assert False
except AssertionError as e:
    print("AE", e.args)
try:
    assert 1 == 2, "not equal"
except AssertionError as e:
    print("AE", e)
x = 3
assert (x ==
        3)
print("ok")
