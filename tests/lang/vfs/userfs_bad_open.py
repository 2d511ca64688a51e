# A Python file system whose open() returns something that is not a stream: execfile and import
# get a clear OSError, and the file system stays mounted and usable.
import vfs, sys


class Bad:
    def mount(self, readonly, mkfs):
        pass

    def umount(self):
        pass

    def stat(self, path):
        return (0x8000, 0, 0, 0, 0, 0, 10, 0, 0, 0)

    def open(self, path, mode):
        return None if 'none' in path else 42


vfs.mount(Bad(), '/bad')
for p in ('/bad/none.py', '/bad/int.py'):
    try:
        execfile(p)
    except OSError as e:
        print('OSError', e)
sys.path.insert(0, '/bad')
try:
    import none
except OSError as e:
    print('import OSError', e)
vfs.umount('/bad')
print('done')
