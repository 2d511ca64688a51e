# Method-call heavy object-oriented code: a small particle system with vectors.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel

    def step(self):
        self.pos = self.pos.add(self.vel)
        if self.pos.x < 0 or self.pos.x > 1000:
            self.vel = Vec(-self.vel.x, self.vel.y)
        if self.pos.y < 0 or self.pos.y > 1000:
            self.vel = Vec(self.vel.x, -self.vel.y)

    def energy(self):
        return self.vel.dot(self.vel)


ps = [Particle(Vec(i * 7 % 1000, i * 13 % 1000), Vec(i % 5 - 2, i % 7 - 3)) for i in range(100)]
for t in range(12000):
    for p in ps:
        p.step()
print(sum(p.energy() for p in ps), sum(p.pos.x + p.pos.y for p in ps))
