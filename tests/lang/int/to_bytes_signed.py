def bit_length(x):
    return len(bin(x).lstrip('-0b'))


for x in (-1, -128, 127, -129, 128, -(2**63), 2**63 - 1, -(2**100), 2**100 - 1):
    n = (bit_length(x) + 8) // 8
    b = x.to_bytes(n, 'big', signed=True)
    l = x.to_bytes(n, 'little', signed=True)
    print(x, n, b, l, int.from_bytes(b, 'big', signed=True) == x, int.from_bytes(l, 'little', signed=True) == x)
