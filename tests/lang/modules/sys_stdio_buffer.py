# sys.std*.buffer are binary streams of their own: bytes in and out, same file descriptors.
import sys
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(s.buffer is not s, s.buffer.fileno() == s.fileno())
print(sys.stdout.buffer.write(b'raw bytes\n'))
sys.stdout.buffer.flush()
print(sys.stdout.buffer.write(bytearray(b'ba\n')))
sys.stdout.flush()
sys.stderr.buffer.write(b'err bytes\n')
sys.stderr.buffer.flush()
print(sys.stdin.buffer.read(), sys.stdin.read())
