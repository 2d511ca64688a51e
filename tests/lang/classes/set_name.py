# __set_name__(owner, name) is called for each class member whose type defines it, once the
# class exists, over a snapshot of the members (calls may add or delete members).
class Named:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, cls):
        return 'value of ' + self.name

class Adder:
    def __set_name__(self, owner, name):
        setattr(owner, name + '_extra', 5)

class Deleter:
    def __set_name__(self, owner, name):
        delattr(owner, 'victim')

class C:
    a = Named()
    b = Named()
    plain = 3
    add = Adder()
    victim = 1
    kill = Deleter()

print(C().a, C().b, C.add_extra, hasattr(C, 'victim'))
D = type('D', (), {'x': Named()})
print(D().x)

class Boom:
    def __set_name__(self, owner, name):
        raise ValueError('from set_name')
try:
    class E:
        z = Boom()
except Exception as e:
    print(type(e).__name__ in ('ValueError', 'RuntimeError'))
