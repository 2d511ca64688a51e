import sys
help()
