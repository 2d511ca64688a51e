class C:
    count = 0
    name = "c"
    def inc(self):
        C.count += 1
        return C.count
a = C()
b = C()
print(a.inc(), b.inc(), C.count, a.count)
a.count = 100
print(a.count, b.count, C.count)
C.name = "changed"
print(a.name, b.name)
