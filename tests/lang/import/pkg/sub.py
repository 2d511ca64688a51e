print("loading pkg.sub")
sub_value = "sub"
def where():
    return __name__
