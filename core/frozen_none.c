/* core/frozen_none.c: the empty table of frozen modules, for what links the library without the
 * generated build/gen/frozen_code.c (which, linked first, keeps this file out of the firmware). */
#include "core/frozen.h"

const frozen_code_t frozen_code_table[] = {{NULL, NULL}};
