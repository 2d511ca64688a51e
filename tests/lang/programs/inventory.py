# Inventory report: nested data, comprehensions, str methods, str.format alignment.
items = [
    ("widget", 3, 250), ("gadget", 12, 1999), ("doohickey", 0, 75),
    ("gizmo", 7, 1250), ("thingamajig", 1, 99999),
]
print("{:<12}|{:>5}|{:>10}".format("name", "qty", "cents"))
print("-" * 29)
for name, qty, cents in items:
    print("{:<12}|{:>5}|{:>10,}".format(name[:12], qty, cents))
total = sum(q * c for _, q, c in items)
print("total {:,} cents = {}.{:02d}".format(total, total // 100, total % 100))
by_letter = {}
for name, qty, _ in items:
    by_letter.setdefault(name[0], []).append(name)
print(sorted(by_letter.items()))
print([n.upper() for n, q, _ in items if q])
print(", ".join(n.title() for n, _, _ in sorted(items, key=lambda t: t[2])))
print({n: q for n, q, _ in items if q > 2})
