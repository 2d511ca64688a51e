/* core/obj_dict.c: map_t (the insertion-ordered hash map behind dicts, module globals, class
 * dicts and instance attributes), dict_type, its iterators and views (dict_view_type).
 * Layout (compact dict): table[] holds entries in insertion order (deleted ones keep key OBJ_NULL
 * until the next rebuild); index[] is an open-addressing (linear probing) hash table of
 * index_size (a power of 2) slots: 0 empty, MAP_TOMB deleted, else entry number + 1, followed by
 * one extra word counting tombstones. Invariants: an index slot never refers to a deleted entry;
 * filled + tombstones < index_size (so every probe ends). index==NULL means linear search (fixed
 * constant tables, a map not grown yet, or an OrderedDict's map: by_equality, never indexed). */
#include "core/obj.h"
#include "core/obj_list.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"

#define MAP_TOMB UINT32_MAX

/* ---- keys: hashing and equality with fast paths for small ints and strs ---- */

static inline size_t map_hash(obj_t key) {
    if (obj_is_small_int(key)) {
        return (size_t)small_int_value(key);
    }
    if (obj_is_qstr(key)) {
        return qstr_hash(obj_qstr_value(key));
    }
    if (obj_is_type(key, &str_type)) {
        return str_hash(key);
    }
    return rt_hash(key);
}

/* a: a stored key, b: the key looked up */
static inline bool map_key_eq(obj_t a, obj_t b) {
    if (a == b) {
        return true;
    }
    if ((a & 3) && (b & 3)) {
        return false; /* two distinct immediates (small ints / qstrs) */
    }
    bool sa = obj_is_str(a), sb = obj_is_str(b);
    if (sa && sb) {
        return str_equal(a, b);
    }
    if ((sa && (b & 3)) || (sb && (a & 3))) {
        return false;
    }
    return rt_equal(a, b);
}

/* First probe slot: Fibonacci hashing (the top bits of h * 2^64/phi), so keys differing only in
 * high bits (e.g. multiples of 2^32) still spread over the index. mask + 1 is a power of 2. */
static inline size_t map_slot0(size_t h, size_t mask) {
    /* mask + 1 is a power of two: its bit count is a count of trailing zeros (one instruction
     * everywhere, where popcount needs a library call without -mpopcnt) */
    unsigned bits = (unsigned)__builtin_ctzll((unsigned long long)mask + 1);
    return (size_t)(((uint64_t)h * 0x9E3779B97F4A7C15ULL) >> (64 - bits));
}

static inline uint32_t *map_tombs(map_t *map) {
    return &map->index[map->index_size];
}

static NORETURN void map_raise_fixed(void) {
    raise_msg(&type_TypeError, "dict is read-only");
}

/* Maps with at most this many entry slots have no index: a linear scan is as fast and saves
 * the index block (most instance and small dicts). */
#define MAP_LINEAR_MAX 8

/* Capacity for n entries when a table grows: double while it is small (a few hundred bytes
 * wasted at most, and fewer rebuilds), then half as much again, so a big class or instance
 * namespace wastes at most a third of its table (one contiguous run, the hardest thing to find
 * in a fragmented small heap). Appends stay amortised O(1) either way. */
#define MAP_GROW_HALF_FROM 128
static inline size_t map_grown(size_t n) { return n < MAP_GROW_HALF_FROM ? 2 * n : n + n / 2; }

/* Rebuilds table[] (dropping deleted entries) with room for new_alloc entries, and a fresh index
 * when the table is big enough. The map is consistent (in linear mode) at every allocation, so a
 * MemoryError midway leaves a valid map. Returns false when a key's __hash__ changed the map while
 * the index was built (the map may even be empty now, with no room: the caller must look again). */
static bool map_rebuild(map_t *map, size_t new_alloc) {
    uint32_t *old_index = map->index;
    map->index = NULL;
    map->index_size = 0;
    if (old_index != NULL) {
        gc_free(old_index);
    }
    size_t n = 0;
    for (size_t i = 0; i < map->used; i++) {
        if (map->table[i].key != OBJ_NULL) {
            map->table[n++] = map->table[i];
        }
    }
    if (map->used > n) {
        memset(map->table + n, 0, (map->used - n) * sizeof(map_elem_t));
    }
    map->used = n;
    map->filled = n;
    if (new_alloc < n) {
        new_alloc = n;
    }
    if (new_alloc < 4) {
        new_alloc = 4;
    }
    if (new_alloc != map->alloc || map->table == NULL) {
        map->table = gc_realloc(map->table, new_alloc * sizeof(map_elem_t));
        memset(map->table + n, 0, (new_alloc - n) * sizeof(map_elem_t));
        map->alloc = new_alloc;
    }
    if (new_alloc <= MAP_LINEAR_MAX || map->by_equality) {
        return true;
    }
    size_t size = 8;
    while (size < new_alloc + new_alloc / 2 + 1) {
        size <<= 1;
    }
    uint32_t *index = gc_alloc((size + 1) * sizeof(uint32_t), false);
    size_t mask = size - 1;
    const map_elem_t *table = map->table;
    for (size_t i = 0; i < n; i++) {
        size_t s = map_slot0(map_hash(table[i].key), mask);
        if (map->table != table || map->used != n || map->filled != n) {
            /* a key's __hash__ changed this map: it stays linear (consistent) until it grows */
            gc_free(index);
            return false;
        }
        while (index[s] != 0) {
            s = (s + 1) & mask;
        }
        index[s] = (uint32_t)(i + 1);
    }
    map->index = index;
    map->index_size = size;
    return true;
}

obj_t map_pop_first(map_t *map) {
    size_t i = 0;
    while (i < map->used && map->table[i].key == OBJ_NULL) {
        i++;
    }
    if (i == map->used) {
        return OBJ_NULL;
    }
    obj_t k = map->table[i].key;
    map_lookup(map, k, MAP_LOOKUP_REMOVE_IF_FOUND);
    /* holes before the first entry make the next pop scan them: drop them once they pile up */
    if (i >= 32) {
        map_rebuild(map, map->alloc);
    }
    return k;
}

void map_init(map_t *map, size_t n) {
    memset(map, 0, sizeof(*map));
    if (n > 0) {
        map_rebuild(map, n);
    }
}

void map_clear(map_t *map) {
    if (map->is_fixed) {
        map_raise_fixed();
    }
    map_elem_t *t = map->table;
    uint32_t *ix = map->index;
    map->table = NULL;
    map->index = NULL;
    map->used = map->filled = map->alloc = map->index_size = 0;
    if (t != NULL) {
        gc_free(t);
    }
    if (ix != NULL) {
        gc_free(ix);
    }
}

static map_elem_t map_removed_copy;

/* Hashes key only to raise TypeError for an unhashable one, as a hashed lookup would; true if
 * its __hash__ grew the map an index (then the lookup starts again). Out of line: rare. */
__attribute__((noinline)) static bool map_hash_gave_index(const map_t *map, obj_t key) {
    (void)map_hash(key);
    return map->index != NULL;
}

/* A full linear map compacted or grown (kept out of the lookup loop). True when the key must be
 * looked up again: an index was built, or a key's __hash__ changed the map (cleared it, say). */
__attribute__((noinline)) static bool map_linear_make_room(map_t *map) {
    return !map_rebuild(map, map->filled < map->used ? map->alloc : map_grown(map->alloc)) || map->index != NULL;
}

/* Linear search (fixed tables, small maps without an index, OrderedDicts). A key is hashed only
 * where a hashed lookup would hash it: not in an OrderedDict, and not to look up or remove a key
 * in an empty map (MicroPython: `dict()[:]` is a KeyError, `[] in {}` is False). */
static map_elem_t *map_lookup_linear(map_t *map, obj_t key, map_lookup_kind_t kind) {
    if (!(key & 3) && !map->is_fixed && !map->by_equality && (kind == MAP_LOOKUP_ADD_IF_NOT_FOUND || map->filled != 0) &&
        !obj_is_type(key, &str_type) && map_hash_gave_index(map, key)) {
        return map_lookup(map, key, kind);
    }
    for (size_t i = 0; i < map->used; i++) {
        obj_t k = map->table[i].key;
        if (k == OBJ_NULL) {
            continue;
        }
        bool eq = k == key;
        if (!eq && !((k & 3) && (key & 3))) {
            const map_elem_t *table = map->table;
            size_t used = map->used;
            eq = map_key_eq(k, key);
            if (map->table != table || map->used != used || map->table[i].key != k) {
                return map_lookup(map, key, kind); /* __eq__ changed the map: start again */
            }
        }
        if (!eq) {
            continue;
        }
        map_elem_t *e = &map->table[i];
        if (kind == MAP_LOOKUP) {
            return e;
        }
        if (map->is_fixed) {
            map_raise_fixed();
        }
        if (kind == MAP_LOOKUP_ADD_IF_NOT_FOUND) {
            return e;
        }
        map_removed_copy = *e;
        e->key = OBJ_NULL;
        e->value = OBJ_NULL;
        map->filled--;
        while (map->used > 0 && map->table[map->used - 1].key == OBJ_NULL) {
            map->used--;
        }
        return &map_removed_copy;
    }
    if (kind != MAP_LOOKUP_ADD_IF_NOT_FOUND) {
        return NULL;
    }
    if (map->is_fixed) {
        map_raise_fixed();
    }
    if (map->used >= map->alloc && map_linear_make_room(map)) {
        return map_lookup(map, key, kind);
    }
    map_elem_t *e = &map->table[map->used++];
    map->filled++;
    e->key = key;
    e->value = OBJ_NULL;
    return e;
}

map_elem_t *map_lookup(map_t *map, obj_t key, map_lookup_kind_t kind) {
    if (map->index == NULL) {
        return map_lookup_linear(map, key, kind);
    }
    size_t h;
    if ((key & 3) || obj_is_type(key, &str_type)) {
        h = map_hash(key);
    } else {
        h = rt_hash(key);
        if (map->index == NULL) { /* __hash__ cleared or rebuilt this map: a linear one now */
            return map_lookup(map, key, kind);
        }
    }
    size_t mask = map->index_size - 1;
    size_t s = map_slot0(h, mask);
    size_t free_slot = SIZE_MAX;
    for (;;) {
        uint32_t ix = map->index[s];
        if (ix == 0) {
            break;
        }
        if (ix == MAP_TOMB) {
            if (free_slot == SIZE_MAX) {
                free_slot = s;
            }
        } else {
            map_elem_t *e = &map->table[ix - 1];
            obj_t k = e->key;
            bool eq = k == key;
            if (!eq && !((k & 3) && (key & 3))) {
                /* __eq__ may run Python code that changes this map: then start again */
                const uint32_t *index = map->index;
                size_t used = map->used;
                eq = map_key_eq(k, key);
                if (map->index != index || map->used != used || map->table[ix - 1].key != k) {
                    return map_lookup(map, key, kind);
                }
            }
            if (eq) {
                if (kind == MAP_LOOKUP_REMOVE_IF_FOUND) {
                    map_removed_copy = *e;
                    e->key = OBJ_NULL;
                    e->value = OBJ_NULL;
                    map->index[s] = MAP_TOMB;
                    (*map_tombs(map))++;
                    map->filled--;
                    /* trailing deleted entries can be reused at once */
                    while (map->used > 0 && map->table[map->used - 1].key == OBJ_NULL) {
                        map->used--;
                    }
                    return &map_removed_copy;
                }
                return e;
            }
        }
        s = (s + 1) & mask;
    }
    if (kind != MAP_LOOKUP_ADD_IF_NOT_FOUND) {
        return NULL;
    }
    /* add */
    if (map->used >= map->alloc || (map->filled + *map_tombs(map) + 1) * 3 > map->index_size * 2) {
        size_t want = map_grown(map->filled + 1);
        map_rebuild(map, want > map->alloc ? want : map->alloc);
        return map_lookup(map, key, kind);
    }
    if (free_slot == SIZE_MAX) {
        free_slot = s;
    } else {
        (*map_tombs(map))--;
    }
    map_elem_t *e = &map->table[map->used];
    map->index[free_slot] = (uint32_t)(map->used + 1);
    map->used++;
    map->filled++;
    e->key = key;
    e->value = OBJ_NULL;
    return e;
}

obj_t map_get_qstr(const map_t *map, qstr q) {
    obj_t key = obj_new_qstr(q);
    if (map->index == NULL) {
        for (size_t i = 0; i < map->used; i++) {
            obj_t k = map->table[i].key;
            if (k == key || (obj_is_type(k, &str_type) && str_equal(k, key))) {
                return map->table[i].value;
            }
        }
        return OBJ_NULL;
    }
    size_t mask = map->index_size - 1;
    size_t s = map_slot0(qstr_hash(q), mask);
    for (;;) {
        uint32_t ix = map->index[s];
        if (ix == 0) {
            return OBJ_NULL;
        }
        if (ix != MAP_TOMB) {
            const map_elem_t *e = &map->table[ix - 1];
            if (e->key == key || (obj_is_type(e->key, &str_type) && str_equal(e->key, key))) {
                return e->value;
            }
        }
        s = (s + 1) & mask;
    }
}

/* ---- dict basics ---- */

obj_t dict_new(size_t n) {
    dict_obj_t *d = NEW_OBJ(dict_obj_t);
    d->base.type = &dict_type;
    map_init(&d->map, n);
    return OBJ_FROM_PTR(d);
}

obj_t dict_get(obj_t dict, obj_t key) {
    map_elem_t *e = map_lookup(dict_map(dict), key, MAP_LOOKUP);
    return e == NULL ? OBJ_NULL : e->value;
}

void dict_store(obj_t dict, obj_t key, obj_t value) {
    map_lookup(dict_map(dict), key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
}

static NORETURN void dict_raise_key_error(obj_t key) {
    rt_raise(exc_new(&type_KeyError, 1, &key));
}

void dict_delete(obj_t dict, obj_t key) {
    if (map_lookup(dict_map(dict), key, MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
        dict_raise_key_error(key);
    }
}

/* A dict, or an object of a built-in type with dict layout (OrderedDict has dict_type as parent;
 * user subclasses are instances and don't qualify). */
static bool dict_is_dict(obj_t o) {
    if (!obj_is_ptr(o)) {
        return false;
    }
    const type_t *t = obj_type(o);
    return t == &dict_type || (t->parent == &dict_type && !(t->flags & TYPE_FLAG_USER_CLASS));
}

/* A copy of dict's entries in a new dict of the given built-in dict type (dict or OrderedDict). */
static obj_t dict_copy_as(obj_t dict, const type_t *type, bool by_equality) {
    const map_t *src = dict_map(dict);
    obj_t r = dict_new(0);
    ((dict_obj_t *)OBJ_TO_PTR(r))->base.type = type;
    map_t *m = dict_map(r);
    m->by_equality = by_equality;
    if (src->filled > 0) {
        map_rebuild(m, src->filled);
        for (size_t i = 0; i < src->used; i++) {
            if (src->table[i].key != OBJ_NULL) {
                map_lookup(m, src->table[i].key, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = src->table[i].value;
            }
        }
    }
    return r;
}

obj_t dict_copy(obj_t dict) {
    return dict_copy_as(dict, &dict_type, false);
}

/* dict.copy() and |: an OrderedDict's copy is an OrderedDict */
static obj_t dict_copy_same_type(obj_t dict) {
    return dict_copy_as(dict, obj_type(dict), dict_map(dict)->by_equality);
}

obj_t dict_from_kw(size_t n_kw, const obj_t *kw) {
    obj_t d = dict_new(n_kw);
    for (size_t i = 0; i < n_kw; i++) {
        dict_store(d, kw[2 * i], kw[2 * i + 1]);
    }
    return d;
}

/* One (key, value) pair of an update sequence element (#i). */
static void dict_pair_of(obj_t elem, size_t i, obj_t *k, obj_t *v) {
    if (obj_is_type(elem, &tuple_type) || obj_is_type(elem, &list_type)) {
        size_t n;
        obj_t *items;
        obj_get_array(elem, &n, &items);
        if (n != 2) {
            raise_fmt(&type_ValueError, "dictionary update sequence element #%u has length %u; 2 is required",
                (unsigned)i, (unsigned)n);
        }
        *k = items[0];
        *v = items[1];
        return;
    }
    obj_t it = rt_getiter(elem);
    obj_t vals[3];
    size_t n = 0;
    obj_t x;
    while ((x = rt_iternext(it)) != OBJ_NULL) {
        if (n < 3) {
            vals[n] = x;
        }
        n++;
    }
    if (n != 2) {
        raise_fmt(&type_ValueError, "dictionary update sequence element #%u has length %u; 2 is required", (unsigned)i,
            (unsigned)n);
    }
    *k = vals[0];
    *v = vals[1];
}

void dict_update(obj_t dict, obj_t other) {
    if (dict_is_dict(other)) {
        const map_t *src = dict_map(other);
        for (size_t i = 0; i < src->used; i++) {
            if (src->table[i].key != OBJ_NULL) {
                dict_store(dict, src->table[i].key, src->table[i].value);
            }
        }
        return;
    }
    obj_t dest[2];
    rt_load_method_maybe(other, QSTR_keys, dest);
    if (dest[0] != OBJ_NULL) {
        obj_t keys = rt_call_method(0, 0, dest);
        obj_t it = rt_getiter(keys);
        obj_t k;
        while ((k = rt_iternext(it)) != OBJ_NULL) {
            dict_store(dict, k, rt_subscr_load(other, k));
        }
        return;
    }
    obj_t it = rt_getiter(other);
    obj_t elem;
    size_t i = 0;
    while ((elem = rt_iternext(it)) != OBJ_NULL) {
        obj_t k, v;
        dict_pair_of(elem, i++, &k, &v);
        dict_store(dict, k, v);
    }
}

/* ---- type slots ---- */

static void dict_print(const print_t *p, obj_t o, print_kind_t kind) {
    const map_t *m = dict_map(o);
    rt_stack_check();
    print_strn(p, "{", 1);
    bool first = true;
    for (size_t i = 0; i < m->used; i++) { /* a __repr__ may change the dict: read it afresh */
        obj_t k = m->table[i].key, v = m->table[i].value;
        if (k == OBJ_NULL) {
            continue;
        }
        if (!first) {
            print_strn(p, ", ", 2);
        }
        first = false;
        obj_print(p, k, PRINT_REPR);
        print_strn(p, ": ", 2);
        obj_print(p, v, PRINT_REPR);
    }
    print_strn(p, "}", 1);
}

obj_t dict_make_of(const type_t *type, bool by_equality, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 1, true);
    obj_t d = dict_new(0);
    ((dict_obj_t *)OBJ_TO_PTR(d))->base.type = type;
    dict_map(d)->by_equality = by_equality; /* before any key goes in */
    if (n_args == 1) {
        dict_update(d, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        dict_store(d, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
    return d;
}

static obj_t dict_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_make_of(&dict_type, false, n_args, n_kw, args);
}

static obj_t dict_unary_op(unary_op_t op, obj_t o) {
    const map_t *m = dict_map(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(m->filled != 0);
        case UNARY_OP_LEN: return small_int_new((int_t)m->filled);
        default: return OBJ_NULL;
    }
}

static bool dict_equal(obj_t a, obj_t b) {
    rt_stack_check(); /* {1: {1: ...}} compares values that are dicts */
    const map_t *ma = dict_map(a), *mb = dict_map(b);
    if (ma->filled != mb->filled) {
        return false;
    }
    for (size_t i = 0; i < ma->used; i++) {
        if (ma->table[i].key == OBJ_NULL) {
            continue;
        }
        obj_t v = dict_get(b, ma->table[i].key);
        if (v == OBJ_NULL || !rt_equal(ma->table[i].value, v)) {
            return false;
        }
    }
    return true;
}

static obj_t dict_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    switch (op) {
        case BINARY_OP_CONTAINS: return obj_bool(map_lookup(dict_map(lhs), rhs, MAP_LOOKUP) != NULL);
        case BINARY_OP_EQUAL:
        case BINARY_OP_NOT_EQUAL:
            if (!dict_is_dict(rhs)) {
                return OBJ_NULL;
            }
            return obj_bool(dict_equal(lhs, rhs) == (op == BINARY_OP_EQUAL));
        case BINARY_OP_OR:
            if (!dict_is_dict(rhs)) {
                return OBJ_NULL;
            }
            lhs = dict_copy_same_type(lhs);
            dict_update(lhs, rhs);
            return lhs;
        case BINARY_OP_INPLACE_OR: dict_update(lhs, rhs); return lhs;
        default: return OBJ_NULL;
    }
}

static obj_t dict_subscr(obj_t self, obj_t index, obj_t value) {
    map_t *m = dict_map(self);
    if (value == OBJ_SENTINEL) {
        map_elem_t *e = map_lookup(m, index, MAP_LOOKUP);
        if (e == NULL) {
            dict_raise_key_error(index);
        }
        return e->value;
    }
    if (value == OBJ_NULL) {
        if (m->is_fixed) {
            map_raise_fixed();
        }
        dict_delete(self, index);
    } else {
        map_lookup(m, index, MAP_LOOKUP_ADD_IF_NOT_FOUND)->value = value;
    }
    return OBJ_NONE;
}

/* ---- iteration: keys / values / items, checking the size doesn't change ---- */
typedef enum { DICT_KEYS, DICT_VALUES, DICT_ITEMS } dict_kind_t;
static const qstr dict_view_names[] = {QSTR_dict_keys, QSTR_dict_values, QSTR_dict_items};

typedef struct {
    obj_base_t base;
    obj_t dict;
    size_t pos;
    size_t filled; /* size when the iteration started */
    dict_kind_t kind;
} dict_iter_obj_t;

static obj_t dict_iter_next(obj_t self) {
    dict_iter_obj_t *it = OBJ_TO_PTR(self);
    const map_t *m = dict_map(it->dict);
    if (m->filled != it->filled) {
        it->filled = (size_t)-1; /* stays broken */
        raise_msg(&type_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->pos < m->used) {
        const map_elem_t *e = &m->table[it->pos++];
        if (e->key != OBJ_NULL) {
            switch (it->kind) {
                case DICT_KEYS: return e->key;
                case DICT_VALUES: return e->value;
                default: {
                    obj_t kv[2] = {e->key, e->value};
                    return tuple_new(2, kv);
                }
            }
        }
    }
    return OBJ_NULL;
}

static const type_t dict_iter_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_ITER_IS_SELF,
    .name = QSTR_dict_keyiterator,
    .getiter = rt_identity_getiter,
    .iternext = dict_iter_next,
};

static obj_t dict_iter_init(dict_iter_obj_t *it, obj_t dict, dict_kind_t kind) {
    it->base.type = &dict_iter_type;
    it->dict = dict;
    it->pos = 0;
    it->filled = dict_map(dict)->filled;
    it->kind = kind;
    return OBJ_FROM_PTR(it);
}

static obj_t dict_iter_new(obj_t dict, dict_kind_t kind) { return dict_iter_init(NEW_OBJ(dict_iter_obj_t), dict, kind); }

_Static_assert(sizeof(dict_iter_obj_t) <= sizeof(iter_buf_t), "dict iterator fits an iter_buf_t");
static obj_t dict_getiter_buf(obj_t self, iter_buf_t *buf) {
    return dict_iter_init((dict_iter_obj_t *)buf, self, DICT_KEYS);
}

static obj_t dict_getiter(obj_t self) {
    return dict_iter_new(self, DICT_KEYS);
}

/* ---- views ---- */
typedef struct {
    obj_base_t base; /* &dict_view_type */
    obj_t dict;
    dict_kind_t kind;
} dict_view_obj_t;

static obj_t dict_view_new(obj_t dict, dict_kind_t kind) {
    dict_view_obj_t *v = NEW_OBJ(dict_view_obj_t);
    v->base.type = &dict_view_type;
    v->dict = dict;
    v->kind = kind;
    return OBJ_FROM_PTR(v);
}

static void dict_view_print(const print_t *p, obj_t o, print_kind_t kind) {
    const dict_view_obj_t *v = OBJ_TO_PTR(o);
    print_fmt(p, "%q([", (qstr)dict_view_names[v->kind]);
    obj_t it = dict_iter_new(v->dict, v->kind);
    obj_t x;
    bool first = true;
    while ((x = dict_iter_next(it)) != OBJ_NULL) {
        if (!first) {
            print_strn(p, ", ", 2);
        }
        first = false;
        obj_print(p, x, PRINT_REPR);
    }
    print_str(p, "])");
}

static obj_t dict_view_getiter(obj_t self) {
    const dict_view_obj_t *v = OBJ_TO_PTR(self);
    return dict_iter_new(v->dict, v->kind);
}

static obj_t dict_view_getiter_buf(obj_t self, iter_buf_t *buf) {
    const dict_view_obj_t *v = OBJ_TO_PTR(self);
    return dict_iter_init((dict_iter_obj_t *)buf, v->dict, v->kind);
}

static obj_t dict_view_unary_op(unary_op_t op, obj_t o) {
    const dict_view_obj_t *v = OBJ_TO_PTR(o);
    switch (op) {
        case UNARY_OP_BOOL: return obj_bool(dict_map(v->dict)->filled != 0);
        case UNARY_OP_LEN: return small_int_new((int_t)dict_map(v->dict)->filled);
        case UNARY_OP_HASH:
            if (v->kind != DICT_VALUES) { /* keys and items views are set-like: unhashable */
                raise_msg(&type_TypeError, "unhashable type: 'dict_view'");
            }
            return OBJ_NULL;
        default: return OBJ_NULL;
    }
}

static obj_t dict_view_binary_op(binary_op_t op, obj_t lhs, obj_t rhs) {
    const dict_view_obj_t *v = OBJ_TO_PTR(lhs);
    if (op == BINARY_OP_CONTAINS) {
        switch (v->kind) {
            case DICT_KEYS: return obj_bool(map_lookup(dict_map(v->dict), rhs, MAP_LOOKUP) != NULL);
            case DICT_ITEMS: {
                if (!obj_is_type(rhs, &tuple_type) || ((tuple_obj_t *)OBJ_TO_PTR(rhs))->len != 2) {
                    return OBJ_FALSE;
                }
                const tuple_obj_t *t = OBJ_TO_PTR(rhs);
                obj_t val = dict_get(v->dict, t->items[0]);
                return obj_bool(val != OBJ_NULL && rt_equal(val, t->items[1]));
            }
            default: {
                obj_t it = dict_iter_new(v->dict, DICT_VALUES);
                obj_t x;
                while ((x = dict_iter_next(it)) != OBJ_NULL) {
                    if (rt_equal(x, rhs)) {
                        return OBJ_TRUE;
                    }
                }
                return OBJ_FALSE;
            }
        }
    }
    if (v->kind == DICT_VALUES) {
        return OBJ_NULL;
    }
    /* set operations and comparisons of keys/items views behave as on sets of their members */
    switch (op) {
        case BINARY_OP_OR:
        case BINARY_OP_AND:
        case BINARY_OP_SUBTRACT:
        case BINARY_OP_XOR:
        case BINARY_OP_LESS:
        case BINARY_OP_LESS_EQUAL:
        case BINARY_OP_MORE:
        case BINARY_OP_MORE_EQUAL:
        case BINARY_OP_EQUAL:
        case BINARY_OP_NOT_EQUAL: {
            obj_t a = set_new(0, NULL);
            obj_t it = dict_iter_new(v->dict, v->kind);
            obj_t x;
            while ((x = dict_iter_next(it)) != OBJ_NULL) {
                set_add(a, x);
            }
            if (obj_is_type(rhs, &dict_view_type)) {
                obj_t b = set_new(0, NULL);
                it = dict_view_getiter(rhs);
                while ((x = dict_iter_next(it)) != OBJ_NULL) {
                    set_add(b, x);
                }
                rhs = b;
            } else if (!obj_is_type(rhs, &set_type) && !obj_is_type(rhs, &frozenset_type)) {
                if (op >= BINARY_OP_LESS && op <= BINARY_OP_NOT_EQUAL) {
                    if (op == BINARY_OP_EQUAL || op == BINARY_OP_NOT_EQUAL) {
                        return obj_bool(op == BINARY_OP_NOT_EQUAL);
                    }
                    return OBJ_NULL;
                }
                obj_t b = set_new(0, NULL);
                it = rt_getiter(rhs);
                while ((x = rt_iternext(it)) != OBJ_NULL) {
                    set_add(b, x);
                }
                rhs = b;
            }
            return rt_binary_op(op, a, rhs);
        }
        default: return OBJ_NULL;
    }
}

const type_t dict_view_type = {
    .base = {&type_type},
    .name = QSTR_dict_view,
    .print = dict_view_print,
    .unary_op = dict_view_unary_op,
    .binary_op = dict_view_binary_op,
    .getiter = dict_view_getiter,
    .getiter_buf = dict_view_getiter_buf,
};

/* ---- methods ---- */
static obj_t dict_self(obj_t o) {
    if (!dict_is_dict(o) && obj_is_ptr(o)) {
        obj_t sub = instance_get_subobj(o);
        if (sub != OBJ_NULL && dict_is_dict(sub)) {
            return sub;
        }
    }
    if (!dict_is_dict(o)) {
        raise_msg(&type_TypeError, "descriptor requires a 'dict' object");
    }
    return o;
}

static obj_t dict_keys_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_view_new(dict_self(args[0]), DICT_KEYS);
}
static DEFINE_FUN(dict_keys_obj, keys, 1, 1, dict_keys_fun);

static obj_t dict_values_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_view_new(dict_self(args[0]), DICT_VALUES);
}
static DEFINE_FUN(dict_values_obj, values, 1, 1, dict_values_fun);

static obj_t dict_items_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_view_new(dict_self(args[0]), DICT_ITEMS);
}
static DEFINE_FUN(dict_items_obj, items, 1, 1, dict_items_fun);

static obj_t dict_get_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t v = dict_get(dict_self(args[0]), args[1]);
    if (v == OBJ_NULL) {
        return n_args > 2 ? args[2] : OBJ_NONE;
    }
    return v;
}
static DEFINE_FUN(dict_get_obj, get, 2, 3, dict_get_fun);

static obj_t dict_pop_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    map_t *m = dict_map(dict_self(args[0]));
    if (m->is_fixed) {
        map_raise_fixed();
    }
    map_elem_t *e = map_lookup(m, args[1], MAP_LOOKUP_REMOVE_IF_FOUND);
    if (e == NULL) {
        if (n_args > 2) {
            return args[2];
        }
        dict_raise_key_error(args[1]);
    }
    return e->value;
}
static DEFINE_FUN(dict_pop_obj, pop, 2, 3, dict_pop_fun);

/* popitem takes the first item in iteration order, as MicroPython's dict does (its dicts have
 * no order, and it pops the first entry of the table); OrderedDict takes the last, as both
 * MicroPython and CPython do. */
static obj_t dict_popitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t self = dict_self(args[0]);
    map_t *m = dict_map(self);
    if (m->is_fixed) {
        map_raise_fixed();
    }
    bool last = obj_type(self) != &dict_type; /* the built-in OrderedDict */
    size_t i;
    if (last) {
        for (i = m->used; i > 0 && m->table[i - 1].key == OBJ_NULL; i--) {
        }
    } else {
        for (i = 0; i < m->used && m->table[i].key == OBJ_NULL; i++) {
        }
        i = i < m->used ? i + 1 : 0;
    }
    if (i == 0) {
        raise_msg(&type_KeyError, "popitem(): dictionary is empty");
    }
    obj_t kv[2] = {m->table[i - 1].key, m->table[i - 1].value};
    if (last) {
        map_lookup(m, kv[0], MAP_LOOKUP_REMOVE_IF_FOUND);
    } else {
        map_pop_first(m); /* also drops the holes that pile up in front */
    }
    return tuple_new(2, kv);
}
static DEFINE_FUN(dict_popitem_obj, popitem, 1, 1, dict_popitem_fun);

static obj_t dict_setdefault_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    map_t *m = dict_map(dict_self(args[0]));
    if (m->is_fixed) {
        map_raise_fixed();
    }
    map_elem_t *e = map_lookup(m, args[1], MAP_LOOKUP_ADD_IF_NOT_FOUND);
    if (e->value == OBJ_NULL) {
        e->value = n_args > 2 ? args[2] : OBJ_NONE;
    }
    return e->value;
}
static DEFINE_FUN(dict_setdefault_obj, setdefault, 2, 3, dict_setdefault_fun);

static obj_t dict_update_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t d = dict_self(args[0]);
    if (dict_map(d)->is_fixed) {
        map_raise_fixed();
    }
    if (n_args > 1) {
        dict_update(d, args[1]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        dict_store(d, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
    return OBJ_NONE;
}
static DEFINE_FUN_KW(dict_update_obj, update, 1, 2, dict_update_fun);

static obj_t dict_clear_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    map_clear(dict_map(dict_self(args[0])));
    return OBJ_NONE;
}
static DEFINE_FUN(dict_clear_obj, clear, 1, 1, dict_clear_fun);

static obj_t dict_copy_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_copy_same_type(dict_self(args[0]));
}
static DEFINE_FUN(dict_copy_obj, copy, 1, 1, dict_copy_fun);

static obj_t dict_fromkeys_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    /* args[0] is the class (classmethod) */
    obj_t value = n_args > 2 ? args[2] : OBJ_NONE;
    obj_t d;
    if (args[0] == OBJ_FROM_PTR(&dict_type) || !obj_is_type(args[0], &type_type)) {
        d = dict_new(0);
    } else {
        d = rt_call0(args[0]);
    }
    obj_t it = rt_getiter(args[1]);
    obj_t k;
    while ((k = rt_iternext(it)) != OBJ_NULL) {
        if (dict_is_dict(d)) {
            dict_store(d, k, value);
        } else {
            rt_subscr_store(d, k, value);
        }
    }
    return d;
}
static DEFINE_FUN(dict_fromkeys_fun_obj, fromkeys, 2, 3, dict_fromkeys_fun);
static const classmethod_obj_t dict_fromkeys_obj = {{&classmethod_type}, ROM_PTR(&dict_fromkeys_fun_obj)};

static obj_t dict_getitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_subscr(dict_self(args[0]), args[1], OBJ_SENTINEL);
}
static DEFINE_FUN(dict_getitem_obj, __getitem__, 2, 2, dict_getitem_fun);

static obj_t dict_setitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_subscr(dict_self(args[0]), args[1], args[2]);
}
static DEFINE_FUN(dict_setitem_obj, __setitem__, 3, 3, dict_setitem_fun);

static obj_t dict_delitem_fun(size_t n_args, size_t n_kw, const obj_t *args) {
    return dict_subscr(dict_self(args[0]), args[1], OBJ_NULL);
}
static DEFINE_FUN(dict_delitem_obj, __delitem__, 2, 2, dict_delitem_fun);

static const map_elem_t dict_locals_table[] = {
    /* searched linearly: the most used first */
    {ROM_QSTR(QSTR_get), ROM_PTR(&dict_get_obj)},
    {ROM_QSTR(QSTR_items), ROM_PTR(&dict_items_obj)},
    {ROM_QSTR(QSTR_keys), ROM_PTR(&dict_keys_obj)},
    {ROM_QSTR(QSTR_values), ROM_PTR(&dict_values_obj)},
    {ROM_QSTR(QSTR_setdefault), ROM_PTR(&dict_setdefault_obj)},
    {ROM_QSTR(QSTR_pop), ROM_PTR(&dict_pop_obj)},
    {ROM_QSTR(QSTR_update), ROM_PTR(&dict_update_obj)},
    {ROM_QSTR(QSTR_popitem), ROM_PTR(&dict_popitem_obj)},
    {ROM_QSTR(QSTR_copy), ROM_PTR(&dict_copy_obj)},
    {ROM_QSTR(QSTR_clear), ROM_PTR(&dict_clear_obj)},
    {ROM_QSTR(QSTR_fromkeys), ROM_PTR(&dict_fromkeys_obj)},
    {ROM_QSTR(QSTR___getitem__), ROM_PTR(&dict_getitem_obj)},
    {ROM_QSTR(QSTR___setitem__), ROM_PTR(&dict_setitem_obj)},
    {ROM_QSTR(QSTR___delitem__), ROM_PTR(&dict_delitem_obj)},
};
static DEFINE_CONST_DICT(dict_locals_dict, dict_locals_table);

const type_t dict_type = {
    .base = {&type_type},
    .name = QSTR_dict,
    .print = dict_print,
    .make_new = dict_make_new,
    .unary_op = dict_unary_op,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .getiter = dict_getiter,
    .getiter_buf = dict_getiter_buf,
    .locals_dict = &dict_locals_dict,
};
