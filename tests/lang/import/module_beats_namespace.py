import sys
sys.path.insert(0, "shadow")
import both
print(both.kind)
