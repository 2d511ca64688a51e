/* core/frozen.h: the table of frozen modules: Python modules (modules/frozen/NAME.py) compiled at
 * build time by tools/freeze_code.c into static code objects (build/gen/frozen_code.c), so their
 * bytecode, constants and names take no GC heap. The firmware links that file ahead of the
 * library, whose core/frozen_none.c (no frozen modules: tools, unit tests, fuzzers) then stays out. */
#ifndef CORE_FROZEN_H
#define CORE_FROZEN_H

#include "core/bytecode.h"

typedef struct {
    const char *name;       /* module name, without the .py */
    const code_obj_t *code; /* its module-level code */
} frozen_code_t;

extern const frozen_code_t frozen_code_table[]; /* ends with {NULL, NULL} */

#endif
