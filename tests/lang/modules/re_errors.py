# re: bad patterns raise ValueError with a message; misuse raises TypeError/IndexError.
import re

for pat in ["(", ")", "a**", "*a", "+", "?x", "[abc", "a{3,2}", "\\", "(?P<x>a)", "[z-a]", "a++", "(a|b"]:
    try:
        re.compile(pat)
        print(pat, "compiled")
    except ValueError as e:
        print(pat, "ValueError", e)
try:
    re.search("a", b"abc")
except TypeError as e:
    print("TypeError", e)
try:
    re.search(b"a", "abc")
except TypeError as e:
    print("TypeError", e)
m = re.match("(a)", "a")
try:
    m.group(2)
except IndexError as e:
    print("IndexError", e)
try:
    re.sub("(a)", "\\2", "a")
except ValueError as e:
    print("ValueError", e)
# catastrophic patterns finish or fail cleanly
print(re.match("(a|aa)*c", "a" * 16))
print(len(re.match("(ab)*", "ab" * 3000).group(0)))
