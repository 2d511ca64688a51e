names = [BaseException, Exception, ArithmeticError, AssertionError, AttributeError, EOFError,
    GeneratorExit, ImportError, IndentationError, IndexError, KeyError, KeyboardInterrupt,
    LookupError, MemoryError, NameError, NotImplementedError, OSError, OverflowError, RuntimeError,
    StopIteration, SyntaxError, SystemExit, TypeError, UnicodeError, ValueError, ZeroDivisionError]
print([c.__name__ for c in names])
print([type(c()).__name__ == c.__name__ for c in names].count(True))
