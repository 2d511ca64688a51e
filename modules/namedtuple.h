/* modules/namedtuple.h: collections.namedtuple and OrderedDict (modules/namedtuple.c). */
#ifndef MODULES_NAMEDTUPLE_H
#define MODULES_NAMEDTUPLE_H

#include "core/obj.h"

extern const native_fun_obj_t namedtuple_fun_obj;
extern type_t ordereddict_type;

#endif
