x = 5
name = 'bob'
print(f'{x}', f'{x:5}', f'{x:<5}|', f'{name!r}', f'{name:>6}', f'{x:#x}', f'{x * 2}')
w = 8
print(f'{name:{w}}|', f'{{x}}', f'{x}{x}', f'a{x}b{name}c')
print(f'{[1, 2]}', f'{ {"k": 1}["k"]}')
