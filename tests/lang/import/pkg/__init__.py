print("loading pkg")
pkg_value = "pkg"
