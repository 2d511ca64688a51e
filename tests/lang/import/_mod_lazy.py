# helper of module_getattr.py: a module whose __getattr__ makes names (and __all__) on demand
def __getattr__(name):
    if name == "__all__":
        return ["lazy_a", "plain"]
    if name.startswith("lazy_"):
        value = name.upper()
        globals()[name] = value
        return value
    raise AttributeError(name)


plain = 1
