class Outer:
    class Inner:
        v = 5
    def make(self):
        return self.Inner()
print(Outer.Inner.v, Outer().make().v)
