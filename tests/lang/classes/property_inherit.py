class A:
    @property
    def name(self):
        return "A:" + self.tag()
    def tag(self):
        return "a"
class B(A):
    def tag(self):
        return "b"
print(A().name, B().name)
class C(A):
    @property
    def name(self):
        return "C"
print(C().name)
