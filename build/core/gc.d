build/core/gc.o: core/gc.c core/gc.h core/obj.h build/gen/qstrdefs.h \
 core/runtime.h
core/gc.h:
core/obj.h:
build/gen/qstrdefs.h:
core/runtime.h:
