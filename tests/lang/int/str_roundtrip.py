x = 1
bad = 0
for i in range(300):
    x = x * 7 + i
    for v in (x, -x):
        if int(str(v)) != v or int(hex(v), 16) != v or int(bin(v), 0) != v or int(oct(v), 8) != v:
            bad += 1
print(bad, len(str(x)))
