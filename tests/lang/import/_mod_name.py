name_at_import = __name__
is_main = __name__ == "__main__"
