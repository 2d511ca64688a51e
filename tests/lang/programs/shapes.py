# Shapes: inheritance, super(), class attributes, properties, __eq__/__lt__/__hash__, sorting.
class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __lt__(self, other):
        return self.area() < other.area()

    def __repr__(self):
        return "%s(%s, area=%d)" % (type(self).__name__, self.name, self.area())


class Rect(Shape):
    sides = 4

    def __init__(self, name, w, h):
        super().__init__(name)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)

    def __eq__(self, other):
        return isinstance(other, Rect) and (self.w, self.h) == (other.w, other.h)

    def __hash__(self):
        return hash((self.w, self.h))


class Square(Rect):
    def __init__(self, name, s):
        super().__init__(name, s, s)


class Tri(Shape):
    sides = 3

    def __init__(self, name, b, h):
        Shape.__init__(self, name)
        self.b, self.h = b, h

    def area(self):
        return self.b * self.h // 2


shapes = [Rect("r1", 3, 4), Square("s1", 3), Tri("t1", 10, 3), Square("s2", 5), Rect("r2", 1, 20)]
print(sorted(shapes))
print([s.sides for s in shapes], [s.perimeter for s in shapes if isinstance(s, Rect)])
print(Rect("a", 3, 3) == Square("b", 3), Square("x", 2) in [Rect("y", 2, 2)], len({Rect("a", 1, 2), Rect("b", 1, 2)}))
print(issubclass(Square, Shape), isinstance(shapes[2], Rect), Square.__name__, Square.sides)
try:
    Shape("s").area()
except NotImplementedError:
    print("abstract")
print(max(shapes).name, min(shapes).name)
