parts = [b'a', bytearray(b'b'), memoryview(b'cd')]
print(b'-'.join(parts), bytearray(b'+').join(parts))
print(type(parts[2]).__name__, len(parts))
print(b''.join([memoryview(b'xy')[1:], b'z']))
