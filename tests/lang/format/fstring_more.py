items = [('apple', 3), ('kiwi', 12), ('banana', 100)]
for name, n in items:
    print(f'{name:<10}|{n:>5}|{n:05d}|{n:#x}|{name!r:>10}')
width = 12
for name, _ in items:
    print(f'[{name:^{width}}]')
print(f"{'nested'}", f'{"a" + "b"}', f'{3 * 4}', f'{len("xyz")}')
d = {'k': 'v'}
print(f"{d['k']}", f'{{literal}}', f'{1}{2}{3}')
x = 255
print(f'{x:b} {x:o} {x:x} {x:X} {x:,} {x:_b}')
