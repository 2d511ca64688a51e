# The running script is the module __main__: import __main__ and __import__('__main__') give it,
# its namespace is globals(); __debug__ is True.
import __main__
x = 42
print(__main__.x, __main__.__name__, __main__.__dict__ is globals())
print(__import__('__main__') is __main__)
__main__.y = 7
print(y)
def f():
    import __main__ as m
    return m.x
print(f(), __debug__, type(__debug__))
if __debug__:
    print('debug on')
