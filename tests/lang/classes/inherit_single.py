class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def kind(self):
        return "animal"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return self.name + " barks"
d = Dog("rex", "lab")
print(d.speak(), d.kind(), d.breed, d.name)
print(isinstance(d, Dog), isinstance(d, Animal), isinstance(Animal("x"), Dog))
