/* modules/mod_select.c: select.poll (spec §3) over sockets and TLS sockets (modules/stream.h),
 * objects with an ioctl(3, events) method (MicroPython's custom pollables), host descriptors (an
 * int or fileno()). poll()/ipoll() check every registered object, in registration order, and when
 * none is ready wait for the host descriptors in one poll(2) with the board's event loop
 * (port_poll_fds); objects known only through ioctl are asked again every millisecond.
 * Invariant: an entry's events mask 0 (after a one-shot ipoll) reports nothing until modify(). */
#include <errno.h>

#include "core/obj.h"
#include "core/port.h"
#include "core/runtime.h"
#include "host/event_loop.h"
#include "modules/stream.h"

#define POLL_ONESHOT 1

typedef struct {
    obj_base_t base;
    obj_t entries; /* dict: obj -> events mask */
} poll_obj_t;

/* ipoll's iterator: one tuple, rewritten for every result (as MicroPython's ipoll does) */
typedef struct {
    obj_base_t base;
    obj_t tuple;
    obj_t results; /* list of (obj, events) */
    size_t next;
} poll_iter_obj_t;

static const type_t poll_type, poll_iter_type;

/* how the poller reaches an object */
typedef enum { KIND_FD, KIND_STREAM, KIND_IOCTL } entry_kind_t;

static entry_kind_t entry_kind(obj_t o, int *fd) {
    int_t v;
    if (obj_get_int_maybe(o, &v)) {
        if (v < 0) {
            raise_msg(&type_ValueError, "file descriptor must be >= 0");
        }
        *fd = (int)v;
        return KIND_FD;
    }
    if (stream_get(o) != NULL) {
        return KIND_STREAM;
    }
    obj_t m[2];
    rt_load_method_maybe(o, QSTR_ioctl, m);
    if (m[0] != OBJ_NULL) {
        return KIND_IOCTL;
    }
    rt_load_method_maybe(o, QSTR_fileno, m);
    if (m[0] == OBJ_NULL) {
        raise_fmt(&type_TypeError, "'%s' object can't be polled", rt_type_name(o));
    }
    *fd = (int)obj_get_int(rt_call_method(0, 0, m));
    return KIND_FD;
}

static int ioctl_poll(obj_t o, int events) {
    obj_t m[4];
    rt_load_method(o, QSTR_ioctl, m);
    m[2] = small_int_new(STREAM_IOCTL_POLL);
    m[3] = small_int_new(events);
    int_t r = obj_get_int(rt_call_method(2, 0, m));
    if (r < 0) {
        raise_os_error((int)-r);
    }
    return (int)r;
}

/* The registered objects with events now: appends (obj, events) to `out`. Host descriptors are
 * checked together in one zero-timeout poll. Returns how many were added. */
static size_t poll_check(poll_obj_t *p, obj_t out) {
    map_t *m = dict_map(p->entries);
    size_t n = m->filled, k = 0, found = 0;
    int *fds = gc_alloc((n + 1) * sizeof(int), false);
    uint16_t *ev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    uint16_t *rev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    int *res = gc_alloc((n + 1) * sizeof(int), false);
    size_t *fd_slot = gc_alloc((n + 1) * sizeof(size_t), false);
    obj_t *objs = gc_alloc((n + 1) * sizeof(obj_t), false);
    size_t nfd = 0;
    for (size_t i = 0; i < m->used && k < n; i++) {
        if (m->table[i].key == OBJ_NULL) {
            continue;
        }
        obj_t o = m->table[i].key;
        int events = (int)obj_get_int(m->table[i].value);
        objs[k] = o;
        res[k] = 0;
        if (events != 0) {
            int fd = -1;
            switch (entry_kind(o, &fd)) {
                case KIND_FD:
                    fds[nfd] = fd;
                    ev[nfd] = (uint16_t)events;
                    fd_slot[nfd++] = k;
                    break;
                case KIND_STREAM:
                    res[k] = stream_get(o)->poll(o, events);
                    break;
                case KIND_IOCTL:
                    res[k] = ioctl_poll(o, events);
                    break;
            }
        }
        k++;
    }
    if (nfd > 0) {
        int r = port_poll_fds(fds, ev, rev, nfd, 0);
        if (r < 0) {
            raise_os_error(-r);
        }
        for (size_t i = 0; i < nfd; i++) {
            res[fd_slot[i]] = rev[i];
        }
    }
    for (size_t i = 0; i < k; i++) {
        if (res[i] != 0) {
            obj_t pair[2] = {objs[i], small_int_new(res[i])};
            list_append(out, tuple_new(2, pair));
            found++;
        }
    }
    return found;
}

/* Waits up to timeout_ms for what the registered objects wait on: their host descriptors, and
 * at most a millisecond when some can only be asked (ioctl, streams without a descriptor). */
static void poll_wait(poll_obj_t *p, int timeout_ms) {
    map_t *m = dict_map(p->entries);
    size_t n = m->filled, nfd = 0;
    int *fds = gc_alloc((n + 1) * sizeof(int), false);
    uint16_t *ev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    uint16_t *rev = gc_alloc((n + 1) * sizeof(uint16_t), false);
    bool ask_again = false;
    for (size_t i = 0; i < m->used; i++) {
        obj_t o = m->table[i].key;
        if (o == OBJ_NULL) {
            continue;
        }
        int events = (int)obj_get_int(m->table[i].value);
        if (events == 0) {
            continue;
        }
        int fd = -1;
        entry_kind_t kind = entry_kind(o, &fd);
        if (kind == KIND_STREAM) {
            fd = stream_get(o)->wait_fd(o, &events);
        }
        if (fd < 0) {
            ask_again = true;
            continue;
        }
        fds[nfd] = fd;
        ev[nfd++] = (uint16_t)events;
    }
    if (ask_again && (timeout_ms < 0 || timeout_ms > 1)) {
        timeout_ms = 1;
    }
    int r = port_poll_fds(fds, ev, rev, nfd, timeout_ms);
    if (r < 0) {
        raise_os_error(-r);
    }
}

static obj_t poll_collect(poll_obj_t *p, size_t n_args, const obj_t *args) {
    int timeout = -1;
    if (n_args > 1 && args[1] != OBJ_NONE) {
        int_t t = obj_get_int(args[1]);
        timeout = t < 0 ? -1 : t > 0x7fffffff ? 0x7fffffff : (int)t;
    }
    uint64_t start = el_now_us();
    obj_t result = list_new(0, NULL);
    for (;;) {
        if (poll_check(p, result) > 0 || timeout == 0) {
            return result;
        }
        int left = -1;
        if (timeout > 0) {
            int64_t l = (int64_t)timeout - (int64_t)((el_now_us() - start) / 1000);
            if (l <= 0) {
                return result;
            }
            left = (int)l;
        }
        poll_wait(p, left);
    }
}

static obj_t poll_register(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    int fd;
    entry_kind(args[1], &fd);
    obj_t mask = n_args > 2 ? small_int_new(obj_get_int(args[2])) : small_int_new(STREAM_POLL_RD | STREAM_POLL_WR);
    dict_store(p->entries, args[1], mask);
    return OBJ_NONE;
}
static DEFINE_FUN(poll_register_obj, register, 2, 3, poll_register);

static obj_t poll_unregister(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    if (dict_get(p->entries, args[1]) != OBJ_NULL) {
        dict_delete(p->entries, args[1]);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(poll_unregister_obj, unregister, 2, 2, poll_unregister);

static obj_t poll_modify(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    if (dict_get(p->entries, args[1]) == OBJ_NULL) {
        raise_os_error(ENOENT);
    }
    dict_store(p->entries, args[1], small_int_new(obj_get_int(args[2])));
    return OBJ_NONE;
}
static DEFINE_FUN(poll_modify_obj, modify, 3, 3, poll_modify);

static obj_t poll_poll(size_t n_args, size_t n_kw, const obj_t *args) {
    return poll_collect(obj_check_self(args[0], &poll_type), n_args, args);
}
static DEFINE_FUN(poll_poll_obj, poll, 1, 2, poll_poll);

static obj_t poll_ipoll(size_t n_args, size_t n_kw, const obj_t *args) {
    poll_obj_t *p = obj_check_self(args[0], &poll_type);
    obj_t results = poll_collect(p, n_args > 2 ? 2 : n_args, args);
    if (n_args > 2 && (obj_get_int(args[2]) & POLL_ONESHOT)) {
        size_t len;
        obj_t *items;
        obj_get_array(results, &len, &items);
        for (size_t i = 0; i < len; i++) {
            dict_store(p->entries, ((tuple_obj_t *)OBJ_TO_PTR(items[i]))->items[0], small_int_new(0));
        }
    }
    poll_iter_obj_t *it = NEW_OBJ(poll_iter_obj_t);
    it->base.type = &poll_iter_type;
    it->tuple = tuple_new(2, NULL);
    it->results = results;
    return OBJ_FROM_PTR(it);
}
static DEFINE_FUN(poll_ipoll_obj, ipoll, 1, 3, poll_ipoll);

static obj_t poll_iter_next(obj_t self) {
    poll_iter_obj_t *it = OBJ_TO_PTR(self);
    size_t len;
    obj_t *items;
    obj_get_array(it->results, &len, &items);
    if (it->next >= len) {
        return OBJ_NULL;
    }
    tuple_obj_t *src = OBJ_TO_PTR(items[it->next++]);
    tuple_obj_t *t = OBJ_TO_PTR(it->tuple);
    t->items[0] = src->items[0];
    t->items[1] = src->items[1];
    return it->tuple;
}

static const type_t poll_iter_type = {.base = {&type_type}, .flags = TYPE_FLAG_ITER_IS_SELF, .name = QSTR_iterator,
    .getiter = rt_identity_getiter, .iternext = poll_iter_next};

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
static DEFINE_FUN(select_poll_obj, poll, 0, 0, select_poll);

static const map_elem_t select_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_select)},
    {ROM_QSTR(QSTR_poll), ROM_PTR(&select_poll_obj)},
    {ROM_QSTR(QSTR_POLLIN), ROM_INT(STREAM_POLL_RD)},
    {ROM_QSTR(QSTR_POLLOUT), ROM_INT(STREAM_POLL_WR)},
    {ROM_QSTR(QSTR_POLLERR), ROM_INT(STREAM_POLL_ERR)},
    {ROM_QSTR(QSTR_POLLHUP), ROM_INT(STREAM_POLL_HUP)},
    {ROM_QSTR(QSTR_POLLNVAL), ROM_INT(STREAM_POLL_NVAL)},
};
static DEFINE_CONST_DICT(select_globals, select_globals_table);
const module_obj_t select_module = {{&module_type}, &select_globals};
REGISTER_MODULE(QSTR_select, select_module);
