raise RuntimeError("bad package init")
