import sys
try:
    import extra_mod
except ImportError:
    print("not yet")
sys.path.append("pathdir")
import extra_mod
print(extra_mod.extra)
