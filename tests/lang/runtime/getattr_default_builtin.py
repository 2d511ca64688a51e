print(getattr(1, "nope", "d"), getattr("s", "upper")(), hasattr([], "append"), hasattr(1, "x"))
