a = 1; b = 2; print(a + b)
x = 0;
print(x);
def f(): y = 1; return y
print(f())
for i in range(2): print(i); print(-i)
