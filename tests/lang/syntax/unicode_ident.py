café = 1
π = 3
print(café + π)
def naïve(ü):
    return ü * 2
print(naïve(2))
class Ω:
    λ = 5
print(Ω.λ)
s = "héllo wörld €"
print(s, len(s))
