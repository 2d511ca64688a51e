x = 42
print(f"{x:5}|{x:<5}|{x:^5}|{x:>5}|")
print(f"{x:05}|{x:+}|{x:x}|{x:X}|{x:o}|{x:b}|{x:#x}")
w = 8
print(f"{x:{w}}|")
print(f"{x:>{w}}|")
fill = "*"
print(f"{x:{fill}^{w}}|")
s = "abc"
print(f"{s:>6}|{s:<6}|{s:^7}|")
print(f"{1000000:,}")
print(f"{x:}")
