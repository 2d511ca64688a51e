# micropython.const at module and class level (underscore names are not stored), its
# SyntaxErrors, and the compile-time decorators: @micropython.bytecode is accepted, any other
# @micropython.<name> is a SyntaxError.
from micropython import const
_A = const(4)
B = const(_A * 3)
BIG = const(1 << 70)
BIG2 = const(BIG + 1)
class K:
    X = const(1)
    _Y = const(2)
    print(X, _Y)
print(_A, B, BIG2 - BIG, hasattr(K, 'X'), hasattr(K, '_Y'), '_A' in globals())
def test(code):
    try:
        exec(code)
        print('ok')
    except SyntaxError:
        print('SyntaxError')
test("from micropython import const\na = const(undefined_name)")
test("from micropython import const\nA = const(1); A = const(2)")
test("from micropython import const\nA = const(1 // 0)")
test("from micropython import const\nA = const(1 << -1)")
test("from micropython import const\nA = const(2 ** 3 + 1)")
test("@micropython.bytecode\ndef f(): return 'bc'\nprint(f())")
test("@micropython.native\ndef f(): pass")
test("@micropython.a.b\ndef f(): pass")
test("@micropython.bytecode\nclass C: pass")
