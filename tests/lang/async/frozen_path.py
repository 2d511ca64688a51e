# where the frozen asyncio is found: at sys.path's ".frozen" entry (else after the whole path, as
# every other test here imports it), so a file of the same name earlier on the path wins
import sys

sys.path.insert(0, "shadow")
import asyncio

print(asyncio.NAME)
del sys.modules["asyncio"]
sys.path.insert(0, ".frozen")
import asyncio

print(hasattr(asyncio, "NAME"), hasattr(asyncio, "sleep_ms"))
import uasyncio

print(uasyncio is asyncio)
try:
    import ujson_nonexistent_frozen
except ImportError:
    print("ImportError")
