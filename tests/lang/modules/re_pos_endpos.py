# Pattern.match/search/fullmatch take pos and endpos: endpos ends the subject, nothing matches
# before pos nor past the end, and ^ matches only at the real beginning.
import re
p = re.compile(r"o")
for args in [("dog",), ("dog", 1), ("dog", 2), ("dog", 5), ("dog", 0, 1), ("dog", 1, 1), ("dog", 2, 1), ("dog", 1, 2)]:
    m = p.search(*args)
    print(args, m.group(0) if m else None, p.match(*args) is not None)
print(re.compile(r"^o").match("dog", 1), re.compile(r"o$").search("dog", 0, 2).span())
print(re.compile(r"og").fullmatch("dogs", 1, 3).group(0), re.compile(r"x*").match("abc", 3).span())
