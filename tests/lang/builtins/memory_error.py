try:
    x = bytearray(1 << 40)
except MemoryError:
    print("MemoryError")
l = [1] * 10
print(len(l))
