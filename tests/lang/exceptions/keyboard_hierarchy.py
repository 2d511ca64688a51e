print(issubclass(KeyboardInterrupt, BaseException), issubclass(KeyboardInterrupt, Exception))
print(issubclass(GeneratorExit, Exception), issubclass(StopIteration, Exception))
try:
    raise SystemExit(3)
except BaseException as e:
    print(type(e).__name__, e.args)
