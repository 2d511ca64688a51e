import builtins
print(builtins.len is len, builtins.print is print)
print(builtins.__name__)
print(hasattr(builtins, "abs"), hasattr(builtins, "not_a_builtin"))
