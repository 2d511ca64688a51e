def gen():
    for i in range(3):
        print('gen', i)
        yield i
z = zip(gen(), 'ab')
print(list(z))
z = zip('ab', gen())
print(list(z))
