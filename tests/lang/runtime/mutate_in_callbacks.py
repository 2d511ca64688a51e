# Python code run from inside a container operation (__hash__, __eq__, __repr__) that changes the
# container itself: the operation sees the change and ends cleanly (no stale items or tables).
class ClearOnHash:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        self.target.clear()
        return 1


d = {i: i for i in range(20)}
print(d.get(ClearOnHash(d)), len(d))
d = {i: i for i in range(20)}
d[ClearOnHash(d)] = 5
print(list(d.values()))
s = {i for i in range(20)}
print(ClearOnHash(s) in s, len(s))
lst = list(range(20))
lst.append(ClearOnHash(lst))
print(len(set(lst)) <= 21, len(lst))


class ClearOnEq:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.clear()
        return False

    __hash__ = None


lst = [1, 2, 3, 4]
print(lst.count(ClearOnEq(lst)), lst)
lst = [1, 2, 3, 4]
try:
    lst.index(ClearOnEq(lst))
except ValueError:
    print("ValueError", lst)
lst = [ClearOnEq(None), 2, 3]
lst[0].target = lst
print(lst == [1, 2, 3], lst)
lst = [ClearOnEq(None), 2, 3]
lst[0].target = lst
print(lst < [1, 2, 3], lst)


class ClearOnRepr:
    def __init__(self, target):
        self.target = target

    def __repr__(self):
        self.target.clear()
        return "C"


lst = [1, 2]
lst.insert(1, ClearOnRepr(lst))
print(repr(lst), lst)
d = {1: 2}
d[3] = ClearOnRepr(d)
d[4] = 5
print(repr(d), d)
d = {1: 2}
d[ClearOnRepr(d)] = 7
print(len(repr(d)), d)
