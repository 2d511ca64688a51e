import sys, gc, micropython
print(sys.__name__, gc.__name__, micropython.__name__)
import errno, json, re, struct, collections, array, binascii, io, time
print(errno.__name__, json.__name__)
