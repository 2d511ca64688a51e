print(eval("1 + 2"), eval("  3 * 4"), eval("[x for x in range(3)]"))
x = 10
print(eval("x + 1"))
print(eval("y * 2", {"y": 21}))
print(eval("a + b", {"a": 1}, {"b": 2}) if False else eval("a", {"a": 1}))
print(eval("'s' * 3"), eval("(1, 2)"), eval("None"))
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_name_q")
except NameError:
    print("NameError")
