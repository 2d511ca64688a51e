print(__name__)
import _mod_name
print(_mod_name.name_at_import, _mod_name.is_main)
if __name__ == "__main__":
    print("running as main")
