a = 5
s = "hi"
print(f"{a}", f"{a!r}", f"{s!r}", f"{s}", f"a={a + 1}")
print(f"{a:>5}|{a:<5}|{a:05}|{a:x}|{a:#b}")
print(f"{s:>6}|{s:^6}|")
w = 8
print(f"{a:>{w}}|")
print(f"{{}} {a}")
print(f"{'nested'}" f"{a}")
print(f"{[1, 2]} {(1,)} {None}")
