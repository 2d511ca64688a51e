def a(): raise IndexError("deep")
def b(): a()
def c():
    try:
        b()
    finally:
        print("c finally")
try:
    c()
except IndexError as e:
    print("caught", e.args)
