# A builtins.__import__ replaced by the user gets every import statement's arguments, and a
# relative import it passes on to the original resolves against the globals it was given.
import builtins

orig = builtins.__import__
seen = []


def hook(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level, globals["__name__"] if globals else None))
    return orig(name, globals, locals, fromlist, level)


builtins.__import__ = hook
import ovpkg.sub.leaf
from ovpkg import value

builtins.__import__ = orig
for s in seen:
    if s[3] == "__main__" or s[3].startswith("ovpkg"):  # CPython's importlib imports too
        print(s)
print(value)
