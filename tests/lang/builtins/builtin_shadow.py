def len(x):
    return "mine"
print(len([1, 2]))
del len
print(len([1, 2]))
import builtins
print(builtins.len([1]))
