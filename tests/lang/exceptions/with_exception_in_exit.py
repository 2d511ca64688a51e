class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
try:
    with CM():
        pass
except RuntimeError as e:
    print(e.args)
