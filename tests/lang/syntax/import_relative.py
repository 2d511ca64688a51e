from synpkg import rel
print(rel.result)
from synpkg.sub import deep
print(deep.value)
