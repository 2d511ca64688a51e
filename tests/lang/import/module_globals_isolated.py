value = "main value"
import _mod_a
print(_mod_a.get(), value)
