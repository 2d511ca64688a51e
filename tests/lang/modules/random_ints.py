# random without floats: seed (integers, or None for the host's entropy), getrandbits, randrange,
# randint, choice; also as urandom.
import random, urandom
print(urandom is random)
random.seed(42)
a = [random.getrandbits(32) for _ in range(5)]
random.seed(42)
print(a == [random.getrandbits(32) for _ in range(5)], all(0 <= x < 2 ** 32 for x in a))
print(random.getrandbits(0), all(random.getrandbits(3) < 8 for _ in range(100)))
print(all(0 <= random.randrange(4) < 4 and random.randrange(1, 9, 2) in (1, 3, 5, 7) and
          random.randrange(10, 0, -3) in (10, 7, 4, 1) and -2 <= random.randint(-2, 2) <= 2
          for _ in range(200)))
print(sorted(set(random.randint(0, 2) for _ in range(300))), random.choice('x'), random.randint(7, 7))
print(-2 ** 61 <= random.randrange(-2 ** 61, 2 ** 61) < 2 ** 61)
for f, args in [(random.getrandbits, (-1,)), (random.randrange, (0,)), (random.randrange, (2, 1)),
                (random.randrange, (1, 2, 0)), (random.randint, (2, 1)), (random.choice, ([],)),
                (random.seed, ('text',))]:
    try:
        f(*args)
        print('no error')
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)
random.seed()
random.seed(None)
print('seeded')
