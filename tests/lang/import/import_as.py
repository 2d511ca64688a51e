import _mod_a as m
print(m.value, m.__name__)
print("_mod_a" in globals(), "m" in globals())
