pairs = [
    (SystemExit, BaseException), (KeyboardInterrupt, BaseException), (GeneratorExit, BaseException),
    (Exception, BaseException), (StopIteration, Exception), (ArithmeticError, Exception),
    (OverflowError, ArithmeticError), (ZeroDivisionError, ArithmeticError), (AssertionError, Exception),
    (AttributeError, Exception), (EOFError, Exception), (ImportError, Exception), (LookupError, Exception),
    (IndexError, LookupError), (KeyError, LookupError), (MemoryError, Exception), (NameError, Exception),
    (OSError, Exception), (RuntimeError, Exception), (NotImplementedError, RuntimeError),
    (SyntaxError, Exception), (IndentationError, SyntaxError), (TypeError, Exception),
    (ValueError, Exception), (UnicodeError, ValueError),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(KeyError, IndexError), issubclass(ValueError, TypeError))
