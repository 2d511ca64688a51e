# String building and slicing: joins, concatenation, slicing, find/replace, formatting.
def build(n):
    parts = []
    for i in range(n):
        parts.append("item%d:%s" % (i, str(i * 7)[::-1]))
    return ",".join(parts)


total = 0
for r in range(400):
    s = build(3000)
    total += len(s)
    acc = ""
    for i in range(0, len(s), 97):
        acc += s[i:i + 5]
    total += len(acc) + acc.count("item") + s.find("item2999")
    t = s.replace("item", "x").upper()
    total += len(t) + len("{}-{:>8}-{:04x}".format(r, "ab", r * 1000))
print(total)
