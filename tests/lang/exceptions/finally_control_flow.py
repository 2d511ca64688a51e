def retfin():
    for x in range(3):
        try:
            return x
        finally:
            if x == 0:
                continue
    return "end"
print(retfin())
def brk():
    for x in range(3):
        try:
            return x
        finally:
            break
    return "broke"
print(brk())
def override():
    try:
        return 1
    finally:
        try:
            return 2
        finally:
            pass
print(override())
def exc_swallow():
    for i in range(2):
        try:
            raise ValueError(i)
        finally:
            continue
    return "swallowed"
print(exc_swallow())
def nested_loops():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    break
                out.append((i, j))
            finally:
                out.append("f")
    return out
print(nested_loops())
