try:
    undefined_name
except NameError as e:
    print("NameError", e.args[0])
def f():
    return undefined_global
try:
    f()
except NameError as e:
    print("NameError", e.args[0])
