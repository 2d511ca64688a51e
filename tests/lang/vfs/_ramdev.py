# A block device in RAM for the vfs tests: the new protocol (ioctl) with optional faults.
class RAMDev:
    def __init__(self, blocks):
        self.data = bytearray(blocks * 512)
        self.fail_read = None  # an exception to raise, or an int to return
        self.fail_write = None
        self.writes = 0

    def readblocks(self, n, buf, off=0):
        if self.fail_read is not None:
            if isinstance(self.fail_read, int):
                return self.fail_read
            raise self.fail_read
        a = n * 512 + off
        buf[:] = self.data[a : a + len(buf)]

    def writeblocks(self, n, buf, off=0):
        if self.fail_write is not None:
            if isinstance(self.fail_write, int):
                return self.fail_write
            raise self.fail_write
        self.writes += 1
        a = n * 512 + off
        self.data[a : a + len(buf)] = buf

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // 512
        if op == 5:
            return 512
        if op == 6:
            return 0


class SparseDev:
    # blocks never written read as zeros; only written ones take memory
    def __init__(self, blocks):
        self.blocks = blocks
        self.data = {}

    def readblocks(self, n, buf):
        for i in range(len(buf) // 512):
            b = self.data.get(n + i)
            buf[i * 512 : (i + 1) * 512] = b if b is not None else bytes(512)

    def writeblocks(self, n, buf):
        for i in range(len(buf) // 512):
            blk = bytes(buf[i * 512 : (i + 1) * 512])
            if blk == bytes(512):
                self.data.pop(n + i, None)
            else:
                self.data[n + i] = blk

    def ioctl(self, op, arg):
        if op == 4:
            return self.blocks
        if op == 5:
            return 512
