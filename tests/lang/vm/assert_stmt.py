assert True
assert 1 == 1, "msg"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert False, "boom %d" % 3
except AssertionError as e:
    print("AssertionError", e.args)
