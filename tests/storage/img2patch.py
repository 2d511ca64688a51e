#!/usr/bin/python3
"""Turn a FAT image into the fuzz target's input format: (3-byte sector, 512 bytes) records for
every non-zero sector. Usage: img2patch.py IMAGE OUT"""
import sys
data = open(sys.argv[1], "rb").read()
out = bytearray()
for s in range(len(data) // 512):
    blk = data[s * 512:(s + 1) * 512]
    if any(blk):
        out += s.to_bytes(3, "little") + blk
open(sys.argv[2], "wb").write(out)
