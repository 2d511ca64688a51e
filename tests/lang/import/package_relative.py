from pkg.rel import rel_result
print(rel_result)
