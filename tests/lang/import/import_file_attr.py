import _mod_a
print(_mod_a.__file__.endswith("_mod_a.py"))
print(type(__file__).__name__, __file__.endswith("import_file_attr.py"))
