A = 2**130 + 2**65 + 12345
B = 2**100 - 1
vals = [A, -A, B, -B, 7, -7, 0, -1, 2**64, -(2**64)]
for a in vals:
    print([a & b for b in vals])
    print([a | b for b in vals])
    print([a ^ b for b in vals])
