class Base:
    registry = []
    @classmethod
    def create(cls):
        cls.registry.append(cls.__name__)
        return cls()
class Sub(Base):
    pass
print(type(Base.create()).__name__, type(Sub.create()).__name__, Base.registry)
print(type(Sub().create()).__name__)
