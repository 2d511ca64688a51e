cases = [(256, 1, False), (-1, 1, False), (128, 1, True), (-129, 1, True), (2**64, 8, False), (1, 0, False), (-(2**63) - 1, 8, True)]
for x, n, s in cases:
    try:
        print(x.to_bytes(n, 'big', signed=s))
    except OverflowError:
        print('OverflowError', x, n, s)
print((0).to_bytes(0, 'big'), (-128).to_bytes(1, 'big', signed=True), (-(2**63)).to_bytes(8, 'big', signed=True))
try:
    (1).to_bytes(1, 'middle')
except ValueError:
    print('ValueError')
