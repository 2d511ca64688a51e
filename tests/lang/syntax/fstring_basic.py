x = 42
name = "wipy"
print(f"{x}")
print(f"x is {x}, name is {name}")
print(f"{x + 1} {x * 2} {x // 5}")
print(f"{{}} {{x}} {{{x}}}")
print(f"")
print(f"no fields")
print(f"{name.upper()} {len(name)}")
print(f"{[1, 2, 3]} {(1, 2)} {dict(a=1)}")
print(f"{'nested'} {'dq' if False else 'sq'}")
d = {'k': 7}
print(f"{d['k']}")
print(f'{d["k"]}')
