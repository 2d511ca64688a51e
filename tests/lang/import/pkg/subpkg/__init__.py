print("loading pkg.subpkg")
