/* modules/mod_re.c: the re module over modules/re_engine.c: compile, match, search, fullmatch,
 * sub, split (functions and pattern methods) and match objects (group, groups, span, start,
 * end). Engine positions are byte offsets; the Python side sees character indices. A bad
 * pattern is a ValueError naming the problem; runaway backtracking a RuntimeError. MicroPython's
 * rules are kept where they differ from CPython's: its limits (modules/re_engine.c) and split's. */
#include <stdlib.h>

#include "core/gc.h"
#include "core/obj.h"
#include "core/runtime.h"
#include "modules/re_engine.h"

typedef struct {
    obj_base_t base;
    obj_t pattern; /* the source str/bytes */
    bool is_bytes;
    re_prog_t *prog;
} re_pattern_obj_t;

typedef struct {
    obj_base_t base;
    obj_t subject;
    re_pattern_obj_t *pat;
    int n_groups;
    long caps[]; /* 2 * (n_groups + 1) byte offsets */
} re_match_obj_t;

static const type_t re_pattern_type, re_match_type;

static void *re_gc_alloc(size_t n) { return gc_alloc_maybe(n, false); }
static void re_gc_free(void *p) { (void)p; }
static bool re_interrupted(void) { return rt_state.pending_exception != OBJ_NULL; }
static const re_alloc_t re_alloc = {re_gc_alloc, re_gc_free, re_interrupted};

static obj_t re_compile_obj(obj_t pattern) {
    if (obj_is_type(pattern, &re_pattern_type)) {
        return pattern;
    }
    bool is_bytes = obj_is_type(pattern, &bytes_type);
    if (!is_bytes && !obj_is_str(pattern)) {
        raise_msg(&type_TypeError, "first argument must be string or compiled pattern");
    }
    size_t len;
    const char *src = str_get_data(pattern, &len);
    const char *err = NULL;
    re_prog_t *prog = re_compile(src, len, is_bytes, &re_alloc, &err);
    if (prog == NULL) {
        if (strcmp(err, "out of memory") == 0) {
            raise_memory_error();
        }
        raise_fmt(&type_ValueError, "error in regex: %s", err);
    }
    re_pattern_obj_t *p = NEW_OBJ(re_pattern_obj_t);
    p->base.type = &re_pattern_type;
    p->pattern = pattern;
    p->is_bytes = is_bytes;
    p->prog = prog;
    return OBJ_FROM_PTR(p);
}

static void check_subject(re_pattern_obj_t *p, obj_t s) {
    bool is_bytes = obj_is_type(s, &bytes_type) || obj_is_type(s, &bytearray_type);
    if (p->is_bytes ? !is_bytes : !obj_is_str(s)) {
        raise_msg(&type_TypeError, p->is_bytes ? "cannot use a bytes pattern on a string-like object"
                                               : "cannot use a string pattern on a bytes-like object");
    }
}

static const char *subject_data(obj_t s, size_t *len) {
    if (obj_is_type(s, &bytearray_type)) {
        buffer_info_t b;
        rt_get_buffer_or_raise(s, &b, BUFFER_READ);
        *len = b.len;
        return b.buf;
    }
    return str_get_data(s, len);
}

/* Runs the program over subject[:end_byte] from start_byte; returns a match object or None. */
static obj_t re_run(re_pattern_obj_t *p, obj_t subject, size_t start_byte, size_t end_byte, bool search, bool full) {
    size_t len;
    const char *s = subject_data(subject, &len);
    len = end_byte < len ? end_byte : len;
    int n_groups = re_group_count(p->prog);
    re_match_obj_t *m = gc_alloc(sizeof(re_match_obj_t) + sizeof(long) * 2 * (size_t)(n_groups + 1), false);
    m->base.type = &re_match_type;
    m->subject = subject;
    m->pat = p;
    m->n_groups = n_groups;
    re_result_t rc = re_exec(p->prog, s, len, start_byte, search, full, &re_alloc, m->caps);
    switch (rc) {
        case RE_OK:
            return OBJ_FROM_PTR(m);
        case RE_NOMATCH:
            return OBJ_NONE;
        case RE_ERR_INTERRUPTED:
            rt_check_pending();
            return OBJ_NONE;
        case RE_ERR_MEMORY:
            raise_memory_error();
        default:
            raise_msg(&type_RuntimeError, "maximum recursion depth exceeded");
    }
}

/* byte offset -> character index (str subjects) */
static int_t char_index(re_match_obj_t *m, long off) {
    if (off < 0) {
        return -1;
    }
    if (m->pat->is_bytes) {
        return off;
    }
    size_t len;
    const uint8_t *s = (const uint8_t *)subject_data(m->subject, &len);
    int_t n = 0;
    for (long i = 0; i < off; i++) {
        n += (s[i] & 0xC0) != 0x80;
    }
    return n;
}

static size_t byte_offset(obj_t subject, bool is_bytes, int_t chars) {
    size_t len;
    const uint8_t *s = (const uint8_t *)subject_data(subject, &len);
    if (chars <= 0) {
        return 0;
    }
    if (is_bytes) {
        return (size_t)chars < len ? (size_t)chars : len;
    }
    size_t i = 0;
    int_t n = 0;
    while (i < len) {
        if ((s[i] & 0xC0) != 0x80) {
            if (n == chars) {
                break;
            }
            n++;
        }
        i++;
    }
    return i;
}

static obj_t match_group_obj(re_match_obj_t *m, obj_t g) {
    int_t n = obj_get_int(g);
    if (n < 0 || n > m->n_groups) {
        raise_msg(&type_IndexError, "no such group");
    }
    long a = m->caps[2 * n], b = m->caps[2 * n + 1];
    if (a < 0 || b < 0) {
        return OBJ_NONE;
    }
    size_t len;
    const char *s = subject_data(m->subject, &len);
    return m->pat->is_bytes ? bytes_new(s + a, (size_t)(b - a)) : str_new(s + a, (size_t)(b - a));
}

static obj_t match_group(size_t n_args, size_t n_kw, const obj_t *args) {
    re_match_obj_t *m = obj_check_self(args[0], &re_match_type);
    if (n_args == 1) {
        return match_group_obj(m, small_int_new(0));
    }
    if (n_args == 2) {
        return match_group_obj(m, args[1]);
    }
    obj_t t = tuple_new(n_args - 1, NULL);
    for (size_t i = 1; i < n_args; i++) {
        ((tuple_obj_t *)OBJ_TO_PTR(t))->items[i - 1] = match_group_obj(m, args[i]);
    }
    return t;
}
DEFINE_FUN(match_group_fun, group, 1, NATIVE_VARARGS, match_group);

static obj_t match_groups(size_t n_args, size_t n_kw, const obj_t *args) {
    re_match_obj_t *m = obj_check_self(args[0], &re_match_type);
    obj_t dflt = n_args > 1 ? args[1] : OBJ_NONE;
    obj_t t = tuple_new((size_t)m->n_groups, NULL);
    for (int i = 1; i <= m->n_groups; i++) {
        obj_t v = match_group_obj(m, small_int_new(i));
        ((tuple_obj_t *)OBJ_TO_PTR(t))->items[i - 1] = v == OBJ_NONE ? dflt : v;
    }
    return t;
}
DEFINE_FUN(match_groups_fun, groups, 1, 2, match_groups);

static int_t match_group_index(re_match_obj_t *m, size_t n_args, const obj_t *args) {
    int_t g = n_args > 1 ? obj_get_int(args[1]) : 0;
    if (g < 0 || g > m->n_groups) {
        raise_msg(&type_IndexError, "no such group");
    }
    return g;
}

static obj_t match_start(size_t n_args, size_t n_kw, const obj_t *args) {
    re_match_obj_t *m = obj_check_self(args[0], &re_match_type);
    return small_int_new(char_index(m, m->caps[2 * match_group_index(m, n_args, args)]));
}
DEFINE_FUN(match_start_fun, start, 1, 2, match_start);

static obj_t match_end(size_t n_args, size_t n_kw, const obj_t *args) {
    re_match_obj_t *m = obj_check_self(args[0], &re_match_type);
    return small_int_new(char_index(m, m->caps[2 * match_group_index(m, n_args, args) + 1]));
}
DEFINE_FUN(match_end_fun, end, 1, 2, match_end);

static obj_t match_span(size_t n_args, size_t n_kw, const obj_t *args) {
    re_match_obj_t *m = obj_check_self(args[0], &re_match_type);
    int_t g = match_group_index(m, n_args, args);
    obj_t items[2] = {small_int_new(char_index(m, m->caps[2 * g])), small_int_new(char_index(m, m->caps[2 * g + 1]))};
    return tuple_new(2, items);
}
DEFINE_FUN(match_span_fun, span, 1, 2, match_span);

static void match_print(const print_t *p, obj_t o, print_kind_t kind) {
    re_match_obj_t *m = OBJ_TO_PTR(o);
    print_fmt(p, "<re.Match object; span=(%ld, %ld), match=%r>", (long)char_index(m, m->caps[0]),
        (long)char_index(m, m->caps[1]), match_group_obj(m, small_int_new(0)));
}

static const map_elem_t match_locals_table[] = {
    {ROM_QSTR(QSTR_group), ROM_PTR(&match_group_fun)},
    {ROM_QSTR(QSTR_groups), ROM_PTR(&match_groups_fun)},
    {ROM_QSTR(QSTR_start), ROM_PTR(&match_start_fun)},
    {ROM_QSTR(QSTR_end), ROM_PTR(&match_end_fun)},
    {ROM_QSTR(QSTR_span), ROM_PTR(&match_span_fun)},
};
static DEFINE_CONST_DICT(match_locals_dict, match_locals_table);
static const type_t re_match_type = {
    .base = {&type_type}, .name = QSTR_Match, .print = match_print, .locals_dict = &match_locals_dict};

/* ---- matching entry points: functions take (pattern, string, ...), methods (self, string, ...) ---- */

static obj_t do_match(obj_t pat, obj_t subject, size_t n_extra, const obj_t *extra, bool search, bool full) {
    re_pattern_obj_t *p = OBJ_TO_PTR(re_compile_obj(pat));
    check_subject(p, subject);
    size_t start = 0, end = SIZE_MAX;
    if (n_extra > 0) {
        int_t pos = obj_get_int(extra[0]);
        if (pos > (int_t)rt_len(subject)) {
            return OBJ_NONE; /* no match past the end of the input */
        }
        start = byte_offset(subject, p->is_bytes, pos);
    }
    if (n_extra > 1) {
        /* endpos: the subject ends there; before pos nothing matches */
        int_t endpos = obj_get_int(extra[1]);
        end = byte_offset(subject, p->is_bytes, endpos);
        if (end < start) {
            return OBJ_NONE;
        }
    }
    return re_run(p, subject, start, end, search, full);
}

static obj_t re_match_f(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, false, false); }
static obj_t re_search_f(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, true, false); }
static obj_t re_fullmatch_f(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, false, true); }
DEFINE_FUN(re_match_fun, match, 2, 3, re_match_f);
DEFINE_FUN(re_search_fun, search, 2, 3, re_search_f);
DEFINE_FUN(re_fullmatch_fun, fullmatch, 2, 3, re_fullmatch_f);

/* Iterates the non-overlapping matches as CPython does: after an empty match the next one may
 * not be empty at the same place. Calls fn for each; stops after max matches (0 = no limit). */
typedef void (*match_cb_t)(void *ctx, re_match_obj_t *m);
static void for_each_match(re_pattern_obj_t *p, obj_t subject, int_t max, match_cb_t fn, void *ctx) {
    size_t len;
    subject_data(subject, &len);
    size_t pos = 0;
    bool must_advance = false;
    int_t count = 0;
    while (pos <= len && (max <= 0 || count < max)) {
        obj_t mo = re_run(p, subject, pos, SIZE_MAX, true, false);
        if (mo == OBJ_NONE) {
            break;
        }
        re_match_obj_t *m = OBJ_TO_PTR(mo);
        if (must_advance && m->caps[0] == (long)pos && m->caps[1] == (long)pos) {
            /* an empty match right where the last empty one was: look from the next char */
            if (pos >= len) {
                break;
            }
            const uint8_t *s = (const uint8_t *)subject_data(subject, &len);
            size_t next = pos + 1;
            while (!p->is_bytes && next < len && (s[next] & 0xC0) == 0x80) {
                next++;
            }
            mo = re_run(p, subject, next, SIZE_MAX, true, false);
            if (mo == OBJ_NONE) {
                break;
            }
            m = OBJ_TO_PTR(mo);
        }
        fn(ctx, m);
        count++;
        must_advance = m->caps[0] == m->caps[1];
        pos = (size_t)m->caps[1];
    }
}

typedef struct {
    obj_t subject;
    bool is_bytes;
    obj_t repl;
    vstr_t out;
    size_t copied; /* bytes of the subject already copied */
    obj_t list;    /* findall result */
} sub_ctx_t;

static void append_repl_template(sub_ctx_t *c, re_match_obj_t *m) {
    size_t rlen;
    const char *r = str_get_data(c->repl, &rlen);
    for (size_t i = 0; i < rlen; i++) {
        if (r[i] != '\\' || i + 1 >= rlen) {
            vstr_add_byte(&c->out, (uint8_t)r[i]);
            continue;
        }
        char e = r[++i];
        int_t g = -1;
        if (e >= '0' && e <= '9') {
            g = e - '0';
            if (i + 1 < rlen && r[i + 1] >= '0' && r[i + 1] <= '9') {
                g = g * 10 + (r[++i] - '0');
            }
        } else if (e == 'g' && i + 1 < rlen && r[i + 1] == '<') {
            size_t j = i + 2;
            g = 0;
            while (j < rlen && r[j] >= '0' && r[j] <= '9') {
                g = g * 10 + (r[j++] - '0');
            }
            if (j >= rlen || r[j] != '>' || j == i + 2) {
                raise_msg(&type_ValueError, "bad group reference in replacement");
            }
            i = j;
        } else {
            switch (e) {
                case 'n': vstr_add_byte(&c->out, '\n'); break;
                case 't': vstr_add_byte(&c->out, '\t'); break;
                case 'r': vstr_add_byte(&c->out, '\r'); break;
                case '\\': vstr_add_byte(&c->out, '\\'); break;
                default:
                    vstr_add_byte(&c->out, '\\');
                    vstr_add_byte(&c->out, (uint8_t)e);
            }
            continue;
        }
        if (g > m->n_groups) {
            raise_fmt(&type_ValueError, "invalid group reference %d", (int)g);
        }
        obj_t v = match_group_obj(m, small_int_new(g));
        if (v != OBJ_NONE) {
            size_t vl;
            const char *vd = str_get_data(v, &vl);
            vstr_add_strn(&c->out, vd, vl);
        }
    }
}

static void sub_cb(void *ctx, re_match_obj_t *m) {
    sub_ctx_t *c = ctx;
    size_t len;
    const char *s = subject_data(c->subject, &len);
    vstr_add_strn(&c->out, s + c->copied, (size_t)m->caps[0] - c->copied);
    if (obj_is_str(c->repl) || obj_is_type(c->repl, &bytes_type)) {
        append_repl_template(c, m);
    } else {
        obj_t r = rt_call1(c->repl, OBJ_FROM_PTR(m));
        size_t rl;
        const char *rd = str_get_data(r, &rl);
        vstr_add_strn(&c->out, rd, rl);
    }
    c->copied = (size_t)m->caps[1];
}

static obj_t do_sub(obj_t pat, obj_t repl, obj_t subject, int_t count) {
    re_pattern_obj_t *p = OBJ_TO_PTR(re_compile_obj(pat));
    check_subject(p, subject);
    sub_ctx_t c = {.subject = subject, .is_bytes = p->is_bytes, .repl = repl, .copied = 0};
    vstr_init(&c.out, 32);
    for_each_match(p, subject, count, sub_cb, &c);
    size_t len;
    const char *s = subject_data(subject, &len);
    vstr_add_strn(&c.out, s + c.copied, len - c.copied);
    return p->is_bytes ? bytes_new(c.out.buf, c.out.len) : str_new(c.out.buf, c.out.len);
}

static obj_t re_sub_f(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_pattern, ARG_REQUIRED, OBJ_NULL}, {QSTR_repl, ARG_REQUIRED, OBJ_NULL},
        {QSTR_string, ARG_REQUIRED, OBJ_NULL}, {QSTR_count, ARG_KIND_INT, ROM_INT(0)},
        {QSTR_flags, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t v[5];
    arg_parse_all(n_args, args, n_kw, args + n_args, 5, specs, v);
    return do_sub(v[0].o, v[1].o, v[2].o, v[3].i);
}
DEFINE_FUN_KW(re_sub_fun, sub, 3, 5, re_sub_f);

/* MicroPython's split: it stops at the first empty match, and a match of a pattern with groups
 * is NotImplementedError (CPython would return the groups too). */
static obj_t do_split(obj_t pat, obj_t subject, int_t maxsplit) {
    re_pattern_obj_t *p = OBJ_TO_PTR(re_compile_obj(pat));
    check_subject(p, subject);
    obj_t list = list_new(0, NULL);
    size_t pos = 0, len;
    for (int_t n = 0; maxsplit <= 0 || n < maxsplit; n++) {
        obj_t mo = re_run(p, subject, pos, SIZE_MAX, true, false);
        if (mo == OBJ_NONE) {
            break;
        }
        re_match_obj_t *m = OBJ_TO_PTR(mo);
        if (m->caps[0] == m->caps[1]) {
            break;
        }
        if (m->n_groups > 0) {
            raise_msg(&type_NotImplementedError, "splitting with sub-captures");
        }
        const char *s = subject_data(subject, &len);
        list_append(list, p->is_bytes ? bytes_new(s + pos, (size_t)m->caps[0] - pos) : str_new(s + pos, (size_t)m->caps[0] - pos));
        pos = (size_t)m->caps[1];
    }
    const char *s = subject_data(subject, &len);
    list_append(list, p->is_bytes ? bytes_new(s + pos, len - pos) : str_new(s + pos, len - pos));
    return list;
}

static obj_t re_split_f(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_pattern, ARG_REQUIRED, OBJ_NULL}, {QSTR_string, ARG_REQUIRED, OBJ_NULL},
        {QSTR_maxsplit, ARG_KIND_INT, ROM_INT(0)}, {QSTR_flags, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t v[4];
    arg_parse_all(n_args, args, n_kw, args + n_args, 4, specs, v);
    return do_split(v[0].o, v[1].o, v[2].i);
}
DEFINE_FUN_KW(re_split_fun, split, 2, 4, re_split_f);

static void findall_cb(void *ctx, re_match_obj_t *m) {
    sub_ctx_t *c = ctx;
    obj_t item;
    if (m->n_groups == 0) {
        item = match_group_obj(m, small_int_new(0));
    } else if (m->n_groups == 1) {
        item = match_group_obj(m, small_int_new(1));
        if (item == OBJ_NONE) {
            item = c->is_bytes ? bytes_new("", 0) : str_new("", 0);
        }
    } else {
        item = tuple_new((size_t)m->n_groups, NULL);
        for (int g = 1; g <= m->n_groups; g++) {
            obj_t v = match_group_obj(m, small_int_new(g));
            ((tuple_obj_t *)OBJ_TO_PTR(item))->items[g - 1] = v != OBJ_NONE ? v : c->is_bytes ? bytes_new("", 0) : str_new("", 0);
        }
    }
    list_append(c->list, item);
}

static obj_t do_findall(obj_t pat, obj_t subject) {
    re_pattern_obj_t *p = OBJ_TO_PTR(re_compile_obj(pat));
    check_subject(p, subject);
    sub_ctx_t c = {.subject = subject, .is_bytes = p->is_bytes, .list = list_new(0, NULL)};
    for_each_match(p, subject, 0, findall_cb, &c);
    return c.list;
}

static obj_t re_findall_f(size_t n, size_t k, const obj_t *a) { return do_findall(a[0], a[1]); }
DEFINE_FUN(re_findall_fun, findall, 2, 3, re_findall_f);

static obj_t re_compile_f(size_t n_args, size_t n_kw, const obj_t *args) { return re_compile_obj(args[0]); }
DEFINE_FUN(re_compile_fun, compile, 1, 2, re_compile_f);

/* ---- pattern methods ---- */
static obj_t pat_match(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, false, false); }
static obj_t pat_search(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, true, false); }
static obj_t pat_fullmatch(size_t n, size_t k, const obj_t *a) { return do_match(a[0], a[1], n - 2, a + 2, false, true); }
DEFINE_FUN(pat_match_fun, match, 2, 4, pat_match);
DEFINE_FUN(pat_search_fun, search, 2, 4, pat_search);
DEFINE_FUN(pat_fullmatch_fun, fullmatch, 2, 4, pat_fullmatch);

static obj_t pat_sub(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_self, ARG_REQUIRED, OBJ_NULL}, {QSTR_repl, ARG_REQUIRED, OBJ_NULL},
        {QSTR_string, ARG_REQUIRED, OBJ_NULL}, {QSTR_count, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t v[4];
    arg_parse_all(n_args, args, n_kw, args + n_args, 4, specs, v);
    return do_sub(v[0].o, v[1].o, v[2].o, v[3].i);
}
DEFINE_FUN_KW(pat_sub_fun, sub, 3, 4, pat_sub);

static obj_t pat_split(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_self, ARG_REQUIRED, OBJ_NULL}, {QSTR_string, ARG_REQUIRED, OBJ_NULL},
        {QSTR_maxsplit, ARG_KIND_INT, ROM_INT(0)},
    };
    arg_val_t v[3];
    arg_parse_all(n_args, args, n_kw, args + n_args, 3, specs, v);
    return do_split(v[0].o, v[1].o, v[2].i);
}
DEFINE_FUN_KW(pat_split_fun, split, 2, 3, pat_split);

static obj_t pat_findall(size_t n, size_t k, const obj_t *a) { return do_findall(a[0], a[1]); }
DEFINE_FUN(pat_findall_fun, findall, 2, 2, pat_findall);

static void pat_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "re.compile(%r)", ((re_pattern_obj_t *)OBJ_TO_PTR(o))->pattern);
}

static void pat_attr(obj_t self, qstr attr, obj_t *dest) {
    if (dest[0] == OBJ_NULL && attr == QSTR_pattern) {
        dest[0] = ((re_pattern_obj_t *)OBJ_TO_PTR(self))->pattern;
    }
}

static const map_elem_t pat_locals_table[] = {
    {ROM_QSTR(QSTR_match), ROM_PTR(&pat_match_fun)},
    {ROM_QSTR(QSTR_search), ROM_PTR(&pat_search_fun)},
    {ROM_QSTR(QSTR_fullmatch), ROM_PTR(&pat_fullmatch_fun)},
    {ROM_QSTR(QSTR_sub), ROM_PTR(&pat_sub_fun)},
    {ROM_QSTR(QSTR_split), ROM_PTR(&pat_split_fun)},
    {ROM_QSTR(QSTR_findall), ROM_PTR(&pat_findall_fun)},
};
static DEFINE_CONST_DICT(pat_locals_dict, pat_locals_table);
static const type_t re_pattern_type = {.base = {&type_type}, .name = QSTR_Pattern, .print = pat_print,
    .attr = pat_attr, .locals_dict = &pat_locals_dict};

static const map_elem_t re_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_re)},
    {ROM_QSTR(QSTR_compile), ROM_PTR(&re_compile_fun)},
    {ROM_QSTR(QSTR_match), ROM_PTR(&re_match_fun)},
    {ROM_QSTR(QSTR_search), ROM_PTR(&re_search_fun)},
    {ROM_QSTR(QSTR_fullmatch), ROM_PTR(&re_fullmatch_fun)},
    {ROM_QSTR(QSTR_sub), ROM_PTR(&re_sub_fun)},
    {ROM_QSTR(QSTR_split), ROM_PTR(&re_split_fun)},
    {ROM_QSTR(QSTR_findall), ROM_PTR(&re_findall_fun)},
};
static DEFINE_CONST_DICT(re_globals, re_globals_table);
const module_obj_t re_module = {{&module_type}, &re_globals};
REGISTER_MODULE(QSTR_re, re_module);
