try:
    try:
        raise ValueError
    except ValueError:
        raise KeyError("from handler")
except KeyError as e:
    print("got", e.args)
try:
    try:
        raise ValueError
    finally:
        print("finally before propagate")
except ValueError:
    print("propagated through finally")
