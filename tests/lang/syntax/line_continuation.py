x = 1 + \
    2
print(x)
if x == 3 and \
   x > 0:
    print("cont")
s = "a" \
    "b"
print(s)
y = [1,
     2,   # comment
     3]
print(y)
def f(a,
      b):
    return a + b
print(f(1,
        2))
z = {
    'a': 1,

    'b': 2
}
print(z)
