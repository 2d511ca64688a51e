for i in range(5):
    if i == 1:
        continue
    if i == 3:
        break
    print(i)
def f():
    pass
print(f())
class C:
    pass
while True:
    for j in range(3):
        if j == 1:
            break
    break
print(j)
i = 0
while i < 5:
    i += 1
    if i % 2: continue
    print("even", i)
