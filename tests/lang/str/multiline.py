s = """line1
line2
  line3"""
print(s)
print(len(s.splitlines()))
for i, line in enumerate(s.splitlines()):
    print(i, line.strip())
