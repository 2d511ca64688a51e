/* modules/mod_select.c: select.poll over anything with a host file descriptor: an int, or an object
 * with fileno() (host files, sys.stdin; sockets later). register/unregister/modify, poll(timeout)
 * returning a list of (obj, events), ipoll. An object whose descriptor is invalid reports POLLNVAL
 * (32) as the host does. */
#include "core/obj.h"
#include "core/port.h"
#include "core/runtime.h"

#define POLL_IN 1
#define POLL_OUT 4
#define POLL_ERR 8
#define POLL_HUP 16

typedef struct {
    obj_base_t base;
    obj_t entries; /* dict: obj -> eventmask */
} poll_obj_t;

static const type_t poll_type;

static int fd_of(obj_t o) {
    int_t fd;
    if (obj_get_int_maybe(o, &fd)) {
        return (int)fd;
    }
    obj_t m[2];
    rt_load_method_maybe(o, QSTR_fileno, m);
    if (m[0] == OBJ_NULL) {
        raise_fmt(&type_TypeError, "'%s' object can't be polled (no fileno())", rt_type_name(o));
    }
    return (int)obj_get_int(rt_call_method(0, 0, m));
}

static obj_t poll_register(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    fd_of(args[1]);
    obj_t mask = n_args > 2 ? args[2] : small_int_new(POLL_IN | POLL_OUT);
    dict_store(p->entries, args[1], mask);
    return OBJ_NONE;
}
DEFINE_FUN(poll_register_obj, register, 2, 3, poll_register);

static obj_t poll_unregister(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    if (dict_get(p->entries, args[1]) != OBJ_NULL) {
        dict_delete(p->entries, args[1]);
    }
    return OBJ_NONE;
}
DEFINE_FUN(poll_unregister_obj, unregister, 2, 2, poll_unregister);

static obj_t poll_modify(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    if (dict_get(p->entries, args[1]) == OBJ_NULL) {
        raise_os_error(2 /* ENOENT */);
    }
    dict_store(p->entries, args[1], args[2]);
    return OBJ_NONE;
}
DEFINE_FUN(poll_modify_obj, modify, 3, 3, poll_modify);

static obj_t poll_poll(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    int timeout = -1;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        int_t t = obj_get_int(args[1]);
        timeout = t < 0 ? -1 : t > 0x7fffffff ? 0x7fffffff : (int)t;
    }
    map_t *m = dict_map(p->entries);
    size_t n = m->filled;
    int *fds = gc_alloc((n + 1) * sizeof(int), false);
    uint16_t *ev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    uint16_t *rev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    obj_t *objs = gc_alloc((n + 1) * sizeof(obj_t), false);
    size_t k = 0;
    for (size_t i = 0; i < m->used && k < n; i++) {
        if (m->table[i].key == OBJ_NULL) {
            continue;
        }
        objs[k] = m->table[i].key;
        fds[k] = fd_of(m->table[i].key);
        ev[k] = (uint16_t)obj_get_int(m->table[i].value);
        k++;
    }
    port_poll_fds(fds, ev, rev, k, timeout);
    obj_t result = list_new(0, NULL);
    for (size_t i = 0; i < k; i++) {
        if (rev[i] != 0) {
            obj_t pair[2] = {objs[i], small_int_new(rev[i])};
            list_append(result, tuple_new(2, pair));
        }
    }
    return result;
}
DEFINE_FUN(poll_poll_obj, poll, 1, 2, poll_poll);

static obj_t poll_ipoll(size_t n_args, size_t n_kw, const obj_t *args) {
    return rt_getiter(poll_poll(n_args > 2 ? 2 : n_args, 0, args));
}
DEFINE_FUN(poll_ipoll_obj, ipoll, 1, 3, poll_ipoll);

static const map_elem_t poll_locals_table[] = {
    {ROM_QSTR(QSTR_register), ROM_PTR(&poll_register_obj)},
    {ROM_QSTR(QSTR_unregister), ROM_PTR(&poll_unregister_obj)},
    {ROM_QSTR(QSTR_modify), ROM_PTR(&poll_modify_obj)},
    {ROM_QSTR(QSTR_poll), ROM_PTR(&poll_poll_obj)},
    {ROM_QSTR(QSTR_ipoll), ROM_PTR(&poll_ipoll_obj)},
};
static DEFINE_CONST_DICT(poll_locals_dict, poll_locals_table);
static const type_t poll_type = {.base = {&type_type}, .name = QSTR_poll, .locals_dict = &poll_locals_dict};

static obj_t select_poll(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = NEW_OBJ(poll_obj_t);
    p->base.type = &poll_type;
    p->entries = dict_new(4);
    return OBJ_FROM_PTR(p);
}
DEFINE_FUN(select_poll_obj, poll, 0, 0, select_poll);

static const map_elem_t select_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_select)},
    {ROM_QSTR(QSTR_poll), ROM_PTR(&select_poll_obj)},
    {ROM_QSTR(QSTR_POLLIN), ROM_INT(POLL_IN)},
    {ROM_QSTR(QSTR_POLLOUT), ROM_INT(POLL_OUT)},
    {ROM_QSTR(QSTR_POLLERR), ROM_INT(POLL_ERR)},
    {ROM_QSTR(QSTR_POLLHUP), ROM_INT(POLL_HUP)},
};
static DEFINE_CONST_DICT(select_globals, select_globals_table);
const module_obj_t select_module = {{&module_type}, &select_globals};
REGISTER_MODULE(QSTR_select, select_module);
