pkg = "synpkg"
