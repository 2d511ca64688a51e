/* core/args.c: argument checking and parsing for native functions.
 * Invariant: args follow the one calling convention (n positional, then n_kw key/value pairs with
 * qstr-object keys); parsing never allocates except for error messages. */
#include "core/runtime.h"
#include "core/qstr.h"

void arg_check_num(size_t n_args, size_t n_kw, size_t min, size_t max, bool takes_kw) {
    if (n_kw > 0 && !takes_kw) {
        raise_msg(&type_TypeError, "function doesn't take keyword arguments");
    }
    if (min == max) {
        if (n_args != min) {
            raise_fmt(&type_TypeError, "function takes %d positional arguments but %d were given",
                (int)min, (int)n_args);
        }
    } else {
        if (n_args < min) {
            raise_fmt(&type_TypeError, "function missing %d required positional arguments",
                (int)(min - n_args));
        }
        if (n_args > max) {
            raise_fmt(&type_TypeError, "function expected at most %d arguments, got %d", (int)max,
                (int)n_args);
        }
    }
}

static void arg_convert(const arg_spec_t *spec, obj_t v, arg_val_t *out) {
    switch (spec->flags & 0xff) {
        case ARG_KIND_INT:
            out->i = obj_get_int(v);
            break;
        case ARG_KIND_BOOL:
            out->b = rt_is_true(v);
            break;
        default:
            out->o = v;
            break;
    }
}

void arg_parse_all(size_t n_pos, const obj_t *pos, size_t n_kw, const obj_t *kw, size_t n_specs,
    const arg_spec_t *specs, arg_val_t *out) {
    size_t pos_used = 0;
    size_t kw_used = 0;
    for (size_t i = 0; i < n_specs; i++) {
        const arg_spec_t *s = &specs[i];
        obj_t v = OBJ_NULL;
        if (pos_used < n_pos && !(s->flags & ARG_KW_ONLY)) {
            v = pos[pos_used++];
        } else {
            for (size_t k = 0; k < n_kw; k++) {
                obj_t key = kw[2 * k];
                if (obj_is_qstr(key) ? obj_qstr_value(key) == s->name
                                     : (obj_is_str(key) && str_equal(key, ROM_QSTR(s->name)))) {
                    v = kw[2 * k + 1];
                    kw_used++;
                    break;
                }
            }
        }
        if (v == OBJ_NULL) {
            if (s->flags & ARG_REQUIRED) {
                raise_fmt(&type_TypeError, "'%q' argument required", (unsigned)s->name);
            }
            out[i].o = s->defval;
            if ((s->flags & 0xff) == ARG_KIND_INT && s->defval != OBJ_NULL) {
                out[i].i = obj_get_int(s->defval);
            } else if ((s->flags & 0xff) == ARG_KIND_BOOL) {
                out[i].b = s->defval != OBJ_NULL && s->defval != OBJ_FALSE && s->defval != ROM_INT(0);
            }
            continue;
        }
        arg_convert(s, v, &out[i]);
    }
    if (pos_used < n_pos) {
        raise_msg(&type_TypeError, "extra positional arguments given");
    }
    if (kw_used < n_kw) {
        /* name the first unknown keyword */
        for (size_t k = 0; k < n_kw; k++) {
            obj_t key = kw[2 * k];
            bool known = false;
            for (size_t i = 0; i < n_specs; i++) {
                if (obj_is_str(key) && str_equal(key, ROM_QSTR(specs[i].name))) {
                    known = true;
                    break;
                }
            }
            if (!known) {
                raise_fmt(&type_TypeError, "unexpected keyword argument '%S'", key);
            }
        }
        raise_msg(&type_TypeError, "extra keyword arguments given");
    }
}
