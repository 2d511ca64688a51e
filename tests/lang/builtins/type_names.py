for t in (bool, bytearray, bytes, dict, enumerate, filter, frozenset, int, list, map,
          object, range, reversed, set, slice, str, tuple, type, zip, property,
          staticmethod, classmethod, super, memoryview):
    print(t.__name__, type(t) is type)
