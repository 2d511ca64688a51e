vals = [0, 1, -1, 3, -3, 7, 2**31 + 1, 2**62 - 1, -(2**62), 2**63 + 5, -(2**64) - 3, 3**70, -(5**60), 2**200 - 1]
bad = 0
n = 0
for a in vals:
    for b in vals:
        if b == 0:
            continue
        q, r = divmod(a, b)
        n += 1
        if q * b + r != a or q != a // b or r != a % b:
            bad += 1
        if r != 0 and (r < 0) != (b < 0):
            bad += 1
        if abs(r) >= abs(b):
            bad += 1
print(n, bad)
