# a module named like a frozen one, for frozen_path.py
print("shadow asyncio imported")
NAME = "shadow"
