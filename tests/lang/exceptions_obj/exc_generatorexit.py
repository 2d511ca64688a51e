def g():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
gen = g()
next(gen)
gen.close()
print(issubclass(GeneratorExit, Exception))
