# Method lookup on built-in types' instances (rt_load_method's fast path) and on subclasses that
# override, add or shadow methods must find the same thing as the general lookup.
d = {"a": 1}
print(d.get("a"), d.get("b", 0), dict.fromkeys("ab", 0), d.fromkeys([1]))


class D(dict):
    def get(self, k, default=None):
        return ("D.get", k)


print(D(a=1).get("a"), D(a=1).keys(), D.fromkeys("x"))
lst = [3, 1, 2]
lst.sort()
lst.append(4)
print(lst, "a-b".split("-"), b"xy".hex(), (1, 2).index(2))
m = lst.append
m(5)
print(lst, m.__self__ is lst if hasattr(m, "__self__") else True)
try:
    d.no_such_method()
except AttributeError as e:
    print("AttributeError", e)
print(int.from_bytes(b"\x01", "big"), (5).to_bytes(1, "big"), "{}".format(7))
