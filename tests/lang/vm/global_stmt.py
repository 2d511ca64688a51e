g = 0
def inc():
    global g
    g += 1
def make():
    global newg
    newg = "created"
inc(); inc()
make()
print(g, newg)
def nested():
    def inner():
        global g
        g = 100
    inner()
nested()
print(g)
