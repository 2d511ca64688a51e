def f(alpha, beta=0, *, gamma=0):
    return alpha, beta, gamma
kw = {'gamma': 3}
kw['beta'] = 2
print(f(1, **kw))
print(f(**{'alpha': 5}))
