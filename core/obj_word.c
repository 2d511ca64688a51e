/* core/obj_word.c: obj_from_word, the check on an object reference read back from raw bytes
 * (array and struct 'O' items, whose bytes a program can also write through the buffer
 * protocol). Invariant: a word comes back only when it is an immediate (small int, existing qstr)
 * or points at the start of a live heap block or into the static image, with a type there. */
#include "core/gc.h"
#include "core/obj.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"

/* p is where an object's header may be read: a live heap block's start or inside the image. */
static bool readable_header(const void *p) {
    if (p == NULL || ((uintptr_t)p & (sizeof(obj_t) - 1)) != 0) {
        return false;
    }
    return gc_nbytes(p) >= sizeof(obj_base_t) || port_in_image(p, sizeof(obj_base_t));
}

/* t is a type: its own type is `type`, or (a metaclass) a type within `depth` more steps. */
static bool is_type(const type_t *t, int depth) {
    if (!readable_header(t)) {
        return false;
    }
    const type_t *meta = t->base.type;
    return meta == &type_type || (depth > 0 && is_type(meta, depth - 1));
}

obj_t obj_from_word(obj_t word) {
    if (obj_is_small_int(word)) {
        return word;
    }
    if (obj_is_qstr(word)) {
        qstr q = obj_qstr_value(word);
        if (q != 0 && q < qstr_count()) {
            return word;
        }
    } else if (obj_is_ptr(word)) {
        const obj_base_t *o = OBJ_TO_PTR(word);
        if (readable_header(o) && is_type(o->type, 2)) {
            return word;
        }
    }
    raise_msg(&type_ValueError, "'O' item isn't an object reference");
}
