import _mod_a
print(_mod_a.value, _mod_a.get(), _mod_a.__name__)
import _mod_a
print(_mod_a.value)
_mod_a.set_value(7)
print(_mod_a.get(), _mod_a.value)
