for args in [(-1,), ('abc',), ([256],), ([-1],), (['a'],), (None,)]:
    try:
        print(bytes(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
