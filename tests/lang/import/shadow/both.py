kind = "module file"
