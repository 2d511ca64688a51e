import circ.a
print(circ.a.a_last, circ.b.b_value)
