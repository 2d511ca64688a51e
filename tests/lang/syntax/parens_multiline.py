x = (
    1
    +
    2
)
print(x)
def f(
    a,
    b=2,
    *c,
    d=4,
    **e
):
    return a + b + d
print(f(
    1
))
l = [
    i
    for i in range(3)
    if i
]
print(l)
print({
    1: 2
}[1])
print(( 1, ) , [ ] , { } )
