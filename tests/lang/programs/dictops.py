# Dict-heavy processing: grouping, inverting, merging, nested updates, ordering preserved.
data = [("fruit", "apple"), ("veg", "kale"), ("fruit", "pear"), ("nut", "pecan"), ("veg", "leek"), ("fruit", "fig")]
groups = {}
for k, v in data:
    groups.setdefault(k, []).append(v)
print(groups)
inv = {v: k for k, vs in groups.items() for v in vs}
print(inv)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
m = dict(a)
m.update(b)
print(m, {**a, **b}, dict(a, w=0))
counts = dict.fromkeys("abc", 0)
for ch in "abracadabra":
    if ch in counts:
        counts[ch] += 1
print(counts, list(counts), sorted(counts.values()))
d = {i: i * i for i in range(6)}
for k in list(d):
    if k % 2:
        del d[k]
print(d, d.pop(2), d.pop(99, "none"), sorted([d.popitem(), d.popitem()]), d)  # popitem order differs from CPython
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested.get("q", {}).get("r"))
print(sorted({(1, 2): "t", (0, 5): "u"}.items()))
