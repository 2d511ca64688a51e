/* core/errno_names.c: the names of the errno values the WiPy knows (spec §3), for OSError's str()
 * and the errno module. Invariant: the table is generated from errno_list.h, the single source. */
#include <stddef.h>

#include "core/errno_list.h"
#include "core/obj_type.h"

#define ERRNO_ENTRY(value, name) {value, #name},
static const struct {
    int value;
    const char *name;
} errno_table[] = {ERRNO_LIST(ERRNO_ENTRY)};

const char *errno_name(int errno_value) {
    for (size_t i = 0; i < sizeof(errno_table) / sizeof(errno_table[0]); i++) {
        if (errno_table[i].value == errno_value) {
            return errno_table[i].name;
        }
    }
    return NULL;
}
