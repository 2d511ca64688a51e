class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
for _ in range(3):
    Counter()
print(Counter.count, Counter().id)
class M:
    def a(self): return self.b()
    def b(self): return "b"
print(M().a())
