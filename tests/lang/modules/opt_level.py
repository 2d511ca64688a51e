# micropython.opt_level(n) applies to code compiled afterwards: 1 drops assert statements (their
# expressions unevaluated) and makes __debug__ False; 3 keeps no line numbers (tracebacks say
# line 1); 0 brings everything back. Code compiled before keeps its level.
import micropython, sys

print(micropython.opt_level(), __debug__)


def early():
    assert False, "early assert"


for level in (0, 1, 2, 3, 0):
    micropython.opt_level(level)
    print(micropython.opt_level(), eval("__debug__"))
    try:
        exec("x = 0\nassert 1 == 2, 'failed'\nprint('assert dropped')")
    except AssertionError as e:
        print("AssertionError", e)
    try:
        exec("def f():\n    pass\n    assert print('evaluated') or False\nf()")
    except AssertionError:
        print("AssertionError")
    exec("def g():\n    y = 1\n    return zz\ntry:\n    g()\nexcept NameError as e:\n    sys.print_exception(e)")
micropython.opt_level(2)
try:
    early()
except AssertionError as e:
    print("early kept:", e)
micropython.opt_level(0)
