import _mod_a
print(repr(_mod_a).startswith("<module '_mod_a'"))
print(str(_mod_a) == repr(_mod_a))
print(type(_mod_a).__name__)
