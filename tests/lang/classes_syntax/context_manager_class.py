class Res:
    log = []
    def __enter__(self):
        Res.log.append("open")
        return self
    def __exit__(self, et, ev, tb):
        Res.log.append("close " + (et.__name__ if et else "ok"))
        return et is KeyError
with Res():
    pass
with Res():
    raise KeyError
print(Res.log)
