build/core/qstr.o: core/qstr.c core/qstr.h core/obj.h \
 build/gen/qstrdefs.h core/gc.h core/runtime.h
core/qstr.h:
core/obj.h:
build/gen/qstrdefs.h:
core/gc.h:
core/runtime.h:
