s = "str"
print(f"{s!r}", f"{s!s}", f"{s}")
x = 7
print(f"{x=}")
print(f"{x = }")
print(f"{s=}")
print(f"{s=!s}")
print(f"{x=:5}|")
print(f"{x + 1=}")
print(f"{s!r:>8}|")
