# re keeps MicroPython's rules where they differ from CPython's: split stops at the first empty
# match and refuses a pattern with groups once it matches; a loop whose body matched nothing is
# MicroPython's RuntimeError (its re1.5 recurses for ever there); and its code-size limits (jumps
# of 127 bytes, 63 groups, 127 items in a class) make a pattern an error (ValueError).
import re

print(re.compile(" *").split("a b    c   foobar"))
print(re.compile("x*").split("axbc"), re.compile("x*").split("foo"))
print(re.compile(",").split("a,b,,c"), re.compile(",+").split("a,b,,c", 1), re.compile(",").split("a,b,c", -1))
print(re.compile(b";").split(b"x;y;"))
try:
    re.compile("( )").split("a b c foobar")
except NotImplementedError as e:
    print("NotImplementedError", e)
print(re.compile("(,)").split("ab"))  # no match, no error
for p in ("(a*)*", "(a|)*", "(?:b?)+", "(a*)*b"):
    try:
        print(re.match(p, "aaa"))
    except RuntimeError as e:
        print(p, "RuntimeError", e)
print(re.match("(ab)*c", "ababc").group(0), re.match("(a+)*", "aaa").group(1))


def comp(p):
    try:
        re.compile(p)
        return "ok"
    except ValueError:
        return "ValueError"


print("?", comp("(" + "a" * 61 + ")?"), comp("(" + "a" * 62 + ")?"))
print("*", comp("(" + "a" * 60 + ")*"), comp("(" + "a" * 60 + ".)*"), comp("(" + "a" * 60 + "..)*"))
print("+", comp("(" + "a" * 61 + ")+"), comp("(" + "a" * 61 + ".)+"), comp("(" + "a" * 62 + ")+"))
print("|", comp("b" * 62 + "|a"), comp("b" * 63 + "|a"), comp("a|" + "b" * 63), comp("a|" + "b" * 64))
print("[]", comp("[" + "a" * 127 + "]"), comp("[" + "a" * 128 + "]"), comp("[" + "a" * 256 + "]"))
print("()", comp("(a)" * 63), comp("(a)" * 64), comp("(a)" * 256))
print(comp("(" * 64 + ")" * 64))
