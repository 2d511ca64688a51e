def make(n):
    class C:
        val = n
        def get(self):
            return self.val * 2
    return C
A = make(3)
B = make(5)
print(A().get(), B().get(), A.val, B.val)
