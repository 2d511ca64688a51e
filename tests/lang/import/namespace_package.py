import nspkg.inner.mod
print(nspkg.inner.mod.ns_value)
from nspkg.inner.mod import ns_value
print(ns_value)
