a = [1, 2, 3]
print(f"{a[0]}{a[-1]}{a[1:]}")
print(f"{'a' + 'b'}")
print(f"{f'{1 + 1}'}")
print(f"""{f"{'x'}"}""")
print(f"{(lambda y: y * 2)(4)}")
print(f"{ 3 }")
print(f"{[i for i in range(3)]}")
print(f"{ {'k': 1}['k'] }")
print(f"{a if a else 0}")
print(f"""{
1 +
2
}""")
x = 3
print(f"{x!r:>{x}}|")
print(f"{x == 3} {x != 3} {x <= 3} {x >= 3}")
