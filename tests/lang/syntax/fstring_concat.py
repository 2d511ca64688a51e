x = 1
print(f"a{x}" "b" f"c{x}")
print("p" f"{x}" 'q')
s = (f"one {x} "
     f"two {x + 1} "
     "three")
print(s)
print(f"{x}" f"{x}")
