# The calls of random_methods.py (generated, fixed seed) that MicroPython refuses: a str or bytes
# slice with a step other than 1 and rsplit(None, n) are NotImplementedError.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: 'ß'.encode()[-100:-1:-1])
t(lambda: ''[-100:2:3])
t(lambda: ''.rsplit(None, 2))
t(lambda: 'Ab\n\u3000ǅ'.rsplit(None, 1))
t(lambda: '\tß\n\x1c😀\x1c1A'.encode()[-1:-2:-1])
t(lambda: ''.rsplit(None, 1))
t(lambda: 'aa\nab,1'.encode()[0:0:-1])
t(lambda: 'é'.rsplit(None, 2))
t(lambda: '\x85😀A\n\x85éb'.encode()[3:1:-1])
t(lambda: ' éß'.encode()[0:None:2])
t(lambda: ''.encode()[3:None:-1])
t(lambda: ''.encode()[-100:2:-1])
t(lambda: '\x1c'.encode()[-2:-1:-1])
t(lambda: ''.rsplit(None, 2))
t(lambda: 'aAé,aé'.encode()[None:-2:-1])
t(lambda: 'ǅ\u3000\u3000aA\n'.rsplit(None, 1))
t(lambda: ''[3:5:-1])
t(lambda: 'abb11ab'[-1:None:-2])
t(lambda: 'ǅé1é1\x1c\tab'[5:100:3])
