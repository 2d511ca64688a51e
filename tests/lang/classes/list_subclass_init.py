class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name
n = Named("n", [3, 1, 2])
print(n.name, len(n), sorted(n), n[0])
n.sort()
print(list(n))
class Counter(dict):
    def __init__(self, items):
        super().__init__()
        for i in items:
            self[i] = self.get(i, 0) + 1
c = Counter("abca")
print(sorted(c.items()), len(c))
