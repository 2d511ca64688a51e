vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2**62 - 1, -(2**62)]
for a in vals:
    print([a & b for b in vals])
    print([a | b for b in vals])
    print([a ^ b for b in vals])
