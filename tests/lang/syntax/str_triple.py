s = """line1
line2
  line3"""
print(repr(s))
t = '''it's "quoted" '''
print(t)
u = """a\
b"""
print(repr(u))
v = """ends with quote\""""
print(v)
print(repr(""""a" """))
