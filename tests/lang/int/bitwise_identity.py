vals = [0, 1, -1, 5, -6, 2**62 - 1, -(2**62), 2**64, -(2**64), 3**50, -(3**50), 2**130 - 1, -(2**130)]
bad = 0
for a in vals:
    for b in vals:
        if (a & b) + (a | b) != a + b:
            bad += 1
        if (a ^ b) != (a | b) - (a & b):
            bad += 1
        if ~(a & b) != (~a | ~b):
            bad += 1
print(len(vals), bad)
