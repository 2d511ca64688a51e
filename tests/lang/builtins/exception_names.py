names = ["BaseException", "Exception", "ArithmeticError", "AssertionError", "AttributeError",
         "EOFError", "GeneratorExit", "ImportError", "IndentationError", "IndexError", "KeyError",
         "KeyboardInterrupt", "LookupError", "MemoryError", "NameError", "NotImplementedError",
         "OSError", "OverflowError", "RuntimeError", "StopIteration", "SyntaxError", "SystemExit",
         "TypeError", "UnicodeError", "ValueError", "ZeroDivisionError"]
import builtins
for n in names:
    e = getattr(builtins, n)
    print(n, e.__name__ == n, issubclass(e, BaseException))
