class Tree:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        for x in self.items:
            yield x * 2
t = Tree([1, 2, 3])
print(list(t), [x for x in t], tuple(t))
