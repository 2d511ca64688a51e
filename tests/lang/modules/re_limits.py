# test-options: -X heapsize=2m
# re: a match that would need unbounded backtracking state raises RuntimeError instead of
# crashing; the interpreter goes on afterwards.
import re

s = "ab" * 150000
try:
    m = re.match("(a|b)*c", s)
    print("no error", m)
except RuntimeError as e:
    print("RuntimeError", e)
print(len(re.match("(?:ab)*", "ab" * 1000).group(0)))
print(re.search("c", s + "c").span())
