for x in (0, 1, -1, 2, 3, 4, 255, 256, -256, 2**62 - 1, -(2**62), 2**62, 2**63, 2**64 - 1, 2**64, -(2**64), 2**1000, -(2**1000 - 1)):
    print(x.bit_length(), end=' ')
print()
print((True).bit_length(), (False).bit_length())
