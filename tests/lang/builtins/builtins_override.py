import builtins
builtins.my_new_builtin = 42
print(my_new_builtin)
def f():
    return my_new_builtin + 1
print(f())
orig_len = builtins.len
builtins.len = lambda x: "patched"
print(len([1, 2]))
builtins.len = orig_len
print(len([1, 2]))
del builtins.my_new_builtin
try:
    my_new_builtin
except NameError:
    print("NameError")
