print(0, 00, 1, 42, 1_000_000)
print(0x10, 0XfF, 0x_ab, 0o17, 0O7_7, 0b101, 0B1_0)
print(-1, +5, - - 3, ~0)
print(9223372036854775807, 4611686018427387903, 1073741823)
print(0x7fffffff, 0xffffffff, 0x7fffffffffffffff)
x = 10
print(x.to_bytes(1, 'big'), (255).to_bytes(1, 'big'))
