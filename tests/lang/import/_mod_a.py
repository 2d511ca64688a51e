print("loading _mod_a")
value = 42
_private = 1
def get():
    return value
def set_value(v):
    global value
    value = v
