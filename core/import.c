/* core/import.c: module_type and the import statement: built-in modules (with their `u` aliases)
 * first, then modules and packages (folders, with or without __init__.py) on sys.path, dotted and
 * relative names, caching in sys.modules, `from m import name` falling back to submodules, and
 * the frozen modules (compiled into the executable, core/frozen.h; u-prefixed too) where
 * sys.path has ".frozen", else after the whole path.
 * Invariant: a module is in sys.modules while its code runs (circular imports see the partial
 * module) and is taken out again if that code raises, so a failed import leaves nothing behind. */
#include "core/import.h"

#include <stdlib.h>
#include <string.h>

#include "core/frozen.h"
#include "core/nlr.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"

#define IMPORT_PATH_MAX 512

/* ---- the built-in module table (generated from REGISTER_MODULE lines) ---- */
#include "moduledefs.h"

const builtin_module_entry_t import_builtin_modules[] = {BUILTIN_MODULE_TABLE{0, NULL}};
const size_t import_n_builtin_modules =
    sizeof(import_builtin_modules) / sizeof(import_builtin_modules[0]) - 1;

/* Modules importable as u<name> too (spec §3). */
static const uint16_t import_u_aliases[] = {QSTR_os, QSTR_time, QSTR_socket, QSTR_ssl, QSTR_hashlib,
    QSTR_json, QSTR_re, QSTR_binascii, QSTR_select, QSTR_errno, QSTR_struct, QSTR_array,
    QSTR_collections, QSTR_io, QSTR_sys, QSTR_random};

/* Built-ins that a module file of the same name on sys.path replaces, as in MicroPython (whose
 * other built-ins, sys and micropython say, always win); `u<name>` always gives the built-in. Such
 * a file usually extends the built-in: `from uos import *`, or `from time import *` with sys.path
 * emptied for the while. */
static const uint16_t import_extensible[] = {QSTR_os, QSTR_time, QSTR_socket, QSTR_ssl, QSTR_hashlib,
    QSTR_json, QSTR_re, QSTR_binascii, QSTR_select, QSTR_errno, QSTR_struct, QSTR_array,
    QSTR_collections, QSTR_io, QSTR_random, QSTR_machine};

static bool import_is_extensible(qstr name) {
    for (size_t i = 0; i < sizeof(import_extensible) / sizeof(import_extensible[0]); i++) {
        if (import_extensible[i] == name) {
            return true;
        }
    }
    return false;
}

/* True when sys.path is an empty list or tuple. */
static bool import_path_empty(void) {
    obj_t p = rt_state.sys_path;
    return (obj_is_type(p, &list_type) || obj_is_type(p, &tuple_type)) && rt_len(p) == 0;
}

static obj_t import_builtin_exact(qstr name) {
    for (size_t i = 0; i < import_n_builtin_modules; i++) {
        if (import_builtin_modules[i].name == name) {
            return OBJ_FROM_PTR(import_builtin_modules[i].module);
        }
    }
    return OBJ_NULL;
}

obj_t rt_find_builtin_module(qstr name) {
    obj_t m = import_builtin_exact(name);
    if (m != OBJ_NULL) {
        return m;
    }
    size_t len;
    const char *s = qstr_data(name, &len);
    if (len > 1 && s[0] == 'u') {
        qstr plain = qstr_find_strn(s + 1, len - 1);
        if (plain != QSTR_NULL) {
            for (size_t i = 0; i < sizeof(import_u_aliases) / sizeof(import_u_aliases[0]); i++) {
                if (import_u_aliases[i] == plain) {
                    return import_builtin_exact(plain);
                }
            }
        }
    }
    return OBJ_NULL;
}

/* ---- module objects ---- */

obj_t module_new(qstr name) {
    module_obj_t *m = NEW_OBJ(module_obj_t);
    m->base.type = &module_type;
    obj_t g = dict_new(8);
    dict_store(g, ROM_QSTR(QSTR___name__), obj_new_qstr(name));
    m->globals = (dict_obj_t *)OBJ_TO_PTR(g);
    return OBJ_FROM_PTR(m);
}

static obj_t module_lookup(obj_t self, qstr attr) {
    module_obj_t *m = (module_obj_t *)OBJ_TO_PTR(self);
    map_elem_t *e = map_lookup(&m->globals->map, obj_new_qstr(attr), MAP_LOOKUP);
    if (e == NULL) {
        return OBJ_NULL;
    }
    obj_t v = e->value;
    if (obj_is_type(v, &module_ref_type)) {
        const module_ref_obj_t *r = (const module_ref_obj_t *)OBJ_TO_PTR(v);
        v = *(const obj_t *)((const char *)&rt_state + r->offset);
    }
    return v;
}

static void module_print(const print_t *p, obj_t o, print_kind_t kind) {
    obj_t name = module_lookup(o, QSTR___name__);
    obj_t file = module_lookup(o, QSTR___file__);
    if (file != OBJ_NULL && obj_is_str(file)) {
        print_fmt(p, "<module '%S' from '%S'>", name, file);
    } else {
        print_fmt(p, "<module '%S'>", name == OBJ_NULL ? ROM_QSTR(QSTR__empty) : name);
    }
}

static void module_attr(obj_t self, qstr attr, obj_t *dest) {
    module_obj_t *m = (module_obj_t *)OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL) {
        if (attr == QSTR___dict__) {
            dest[0] = OBJ_FROM_PTR(m->globals);
            return;
        }
        if (self == OBJ_FROM_PTR(&builtins_module)) {
            dest[0] = rt_builtin_lookup(attr);
            return;
        }
        dest[0] = module_lookup(self, attr);
        if (dest[0] == OBJ_NULL && attr != QSTR___getattr__) {
            /* a module's own __getattr__(name) is asked for what it lacks (PEP 562, as MicroPython) */
            obj_t ga = module_lookup(self, QSTR___getattr__);
            if (ga != OBJ_NULL) {
                dest[0] = rt_call1(ga, obj_new_qstr(attr));
            }
        }
        return;
    }
    /* store / delete; builtins takes additions and overrides in rt_state.builtins_dict */
    if (self == OBJ_FROM_PTR(&builtins_module)) {
        if (dest[1] == OBJ_NULL) {
            if (map_lookup(dict_map(rt_state.builtins_dict), obj_new_qstr(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
                return;
            }
        } else {
            dict_store(rt_state.builtins_dict, obj_new_qstr(attr), dest[1]);
        }
        dest[0] = OBJ_NULL;
        return;
    }
    if (m->globals->map.is_fixed) {
        /* built-in modules are read-only (the generic path raises AttributeError), but for their
         * list slots in rt_state (sys.path, sys.argv), which take another list or a tuple */
        const map_elem_t *e = map_lookup(&m->globals->map, obj_new_qstr(attr), MAP_LOOKUP);
        if (e != NULL && dest[1] != OBJ_NULL && obj_is_type(e->value, &module_ref_type) &&
            (obj_is_type(dest[1], &list_type) || obj_is_type(dest[1], &tuple_type))) {
            obj_t *slot = (obj_t *)((char *)&rt_state + ((const module_ref_obj_t *)OBJ_TO_PTR(e->value))->offset);
            if (obj_is_type(*slot, &list_type) || obj_is_type(*slot, &tuple_type)) {
                *slot = dest[1];
                dest[0] = OBJ_NULL;
            }
        }
        return;
    }
    if (dest[1] == OBJ_NULL) {
        if (map_lookup(&m->globals->map, obj_new_qstr(attr), MAP_LOOKUP_REMOVE_IF_FOUND) == NULL) {
            return;
        }
    } else {
        dict_store(OBJ_FROM_PTR(m->globals), obj_new_qstr(attr), dest[1]);
    }
    dest[0] = OBJ_NULL;
}

const type_t module_type = {
    .base = {&type_type},
    .flags = TYPE_FLAG_EQ_IS_IDENTITY,
    .name = QSTR_module,
    .print = module_print,
    .attr = module_attr,
};

static void module_ref_print(const print_t *p, obj_t o, print_kind_t kind) {
    const module_ref_obj_t *r = (const module_ref_obj_t *)OBJ_TO_PTR(o);
    obj_print(p, *(const obj_t *)((const char *)&rt_state + r->offset), kind);
}

const type_t module_ref_type = {
    .base = {&type_type},
    .name = QSTR_module,
    .print = module_ref_print,
};

/* ---- finding files ---- */

/* dir + "/" + name + suffix into buf (dir "" means the current folder). False if too long. */
static bool import_join(char *buf, const char *dir, size_t dir_len, const char *name, size_t name_len,
    const char *suffix) {
    size_t slen = strlen(suffix);
    if (dir_len + 1 + name_len + slen + 1 > IMPORT_PATH_MAX) {
        return false;
    }
    size_t n = 0;
    if (dir_len > 0) {
        memcpy(buf, dir, dir_len);
        n = dir_len;
        if (buf[n - 1] != '/') {
            buf[n++] = '/';
        }
    }
    memcpy(buf + n, name, name_len);
    n += name_len;
    memcpy(buf + n, suffix, slen + 1);
    return true;
}

typedef enum { FOUND_NONE, FOUND_FILE, FOUND_PACKAGE, FOUND_FROZEN } import_found_t;

/* Looks for `name` in the folder `dir`: a package folder with __init__.py, else name.py, else a
 * folder without __init__.py (a namespace package). buf gets the folder or the file. */
static import_found_t import_find_in(const char *dir, size_t dir_len, const char *name, size_t name_len,
    char *buf) {
    bool is_dir = import_join(buf, dir, dir_len, name, name_len, "") && port_stat(buf) == PORT_STAT_DIR;
    if (is_dir) {
        char init[IMPORT_PATH_MAX];
        if (import_join(init, buf, strlen(buf), "__init__", 8, ".py") && port_stat(init) == PORT_STAT_FILE) {
            return FOUND_PACKAGE;
        }
    }
    if (import_join(buf, dir, dir_len, name, name_len, ".py") && port_stat(buf) == PORT_STAT_FILE) {
        return FOUND_FILE;
    }
    /* a precompiled .mpy is found as the WiPy's firmware finds one, but none can be loaded here */
    if (import_join(buf, dir, dir_len, name, name_len, ".mpy") && port_stat(buf) == PORT_STAT_FILE) {
        return FOUND_FILE;
    }
    if (is_dir && import_join(buf, dir, dir_len, name, name_len, "")) {
        return FOUND_PACKAGE;
    }
    return FOUND_NONE;
}

/* Searches the list of folders `path` (sys.path or a package's __path__ list/str). */
/* ---- frozen modules: compiled at build time into static code objects (core/frozen.h) ---- */

/* The frozen module called name (len bytes); NULL if none. */
static const frozen_code_t *import_find_frozen(const char *name, size_t len) {
    for (const frozen_code_t *fm = frozen_code_table; fm->name != NULL; fm++) {
        if (strlen(fm->name) == len && memcmp(fm->name, name, len) == 0) {
            return fm;
        }
    }
    return NULL;
}

/* Searches the path (a folder or a list of them) for name; the entry ".frozen" stands for the
 * frozen modules (as in MicroPython: they are found there, else after the whole path). */
static import_found_t import_find(obj_t path, const char *name, size_t name_len, char *buf) {
    if (obj_is_str(path)) {
        size_t dl;
        const char *d = str_get_data(path, &dl);
        return import_find_in(d, dl, name, name_len, buf);
    }
    if (!obj_is_type(path, &list_type) && !obj_is_type(path, &tuple_type)) {
        return FOUND_NONE;
    }
    size_t n;
    obj_t *items;
    obj_get_array(path, &n, &items);
    for (size_t i = 0; i < n; i++) {
        if (!obj_is_str(items[i])) {
            continue;
        }
        size_t dl;
        const char *d = str_get_data(items[i], &dl);
        if (dl == 7 && memcmp(d, ".frozen", 7) == 0) {
            if (import_find_frozen(name, name_len) != NULL ||
                (name_len > 1 && name[0] == 'u' && import_find_frozen(name + 1, name_len - 1) != NULL)) {
                return FOUND_FROZEN;
            }
            continue;
        }
        import_found_t f = import_find_in(d, dl, name, name_len, buf);
        if (f != FOUND_NONE) {
            return f;
        }
    }
    return FOUND_NONE;
}

/* ---- running a module's code ---- */

/* The globals of the module whose top-level code import.c is running (OBJ_NULL: none). Only a
 * stand-in for rt_globals_get until the VM tracks the running frame; it lives in a GC root. */
#define IMPORT_CUR_GLOBALS rt_state.module_state[31]

obj_t import_current_globals(void) { return IMPORT_CUR_GLOBALS; }

obj_t import_swap_current_globals(obj_t globals) {
    obj_t old = IMPORT_CUR_GLOBALS;
    IMPORT_CUR_GLOBALS = globals;
    return old;
}

/* Runs a module's compiled code with globals as the current module globals. */
static void import_exec_code(obj_t fun, obj_t globals) {
    obj_t saved = IMPORT_CUR_GLOBALS;
    IMPORT_CUR_GLOBALS = globals;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        rt_call0(fun);
        nlr_pop();
    } else {
        IMPORT_CUR_GLOBALS = saved;
        nlr_jump(nlr.value);
    }
    IMPORT_CUR_GLOBALS = saved;
}

/* Compiles and runs the file at path with globals; the source buffer never outlives the call. */
static void import_exec_file(const char *path, obj_t globals) {
    size_t len;
    char *src = port_read_file(path, &len);
    if (src == NULL) {
        raise_os_error(2);
    }
    size_t pl = strlen(path);
    if (pl > 4 && strcmp(path + pl - 4, ".mpy") == 0) {
        free(src); /* this interpreter runs no precompiled code: every .mpy is incompatible */
        raise_msg(&type_ValueError, "incompatible .mpy file");
    }
    qstr fname = qstr_from_str(path);
    nlr_buf_t nlr;
    obj_t fun;
    if (nlr_push(&nlr) == 0) {
        fun = rt_compile(src, len, fname, INPUT_FILE, globals);
        nlr_pop();
    } else {
        free(src);
        nlr_jump(nlr.value);
    }
    free(src);
    import_exec_code(fun, globals);
}

/* Creates the module `full` from frozen code, registers it and runs it (as import_load). */
static obj_t import_load_frozen(qstr full, const frozen_code_t *fm) {
    obj_t mod = module_new(full);
    obj_t g = module_globals(mod);
    obj_t key = obj_new_qstr(full);
    dict_store(rt_state.sys_modules, key, mod);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        import_exec_code(fun_bc_new(fm->code, g, OBJ_NULL, OBJ_NULL, OBJ_NULL), g);
        nlr_pop();
    } else {
        map_lookup(dict_map(rt_state.sys_modules), key, MAP_LOOKUP_REMOVE_IF_FOUND);
        nlr_jump(nlr.value);
    }
    obj_t now = dict_get(rt_state.sys_modules, key);
    return now != OBJ_NULL ? now : mod;
}

void import_run_file(const char *path, obj_t globals) { import_exec_file(path, globals); }

/* True if the folder `dir` holds an __init__.py (a regular package, not a namespace one). */
static bool import_has_init(const char *dir) {
    char init[IMPORT_PATH_MAX];
    return import_join(init, dir, strlen(dir), "__init__", 8, ".py") && port_stat(init) == PORT_STAT_FILE;
}

/* Creates the module `full` from what was found at buf, registers it and runs its code. */
static obj_t import_load(qstr full, import_found_t found, char *buf) {
    obj_t mod = module_new(full);
    obj_t g = module_globals(mod);
    obj_t key = obj_new_qstr(full);
    char file[IMPORT_PATH_MAX];
    bool has_code = true;
    if (found == FOUND_PACKAGE) {
        size_t bl = strlen(buf);
        dict_store(g, ROM_QSTR(QSTR___path__), str_new(buf, bl));
        if (!import_join(file, buf, bl, "__init__", 8, ".py") || port_stat(file) != PORT_STAT_FILE) {
            has_code = false; /* a namespace package */
        }
    } else {
        strcpy(file, buf);
    }
    if (has_code) {
        dict_store(g, ROM_QSTR(QSTR___file__), str_new(file, strlen(file)));
    }
    dict_store(rt_state.sys_modules, key, mod);
    if (!has_code) {
        return mod;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        import_exec_file(file, g);
        nlr_pop();
    } else {
        map_lookup(dict_map(rt_state.sys_modules), key, MAP_LOOKUP_REMOVE_IF_FOUND);
        nlr_jump(nlr.value);
    }
    /* the module's code may have replaced its own sys.modules entry */
    obj_t now = dict_get(rt_state.sys_modules, key);
    return now != OBJ_NULL ? now : mod;
}

NORETURN static void import_not_found(const char *name, size_t len) {
    raise_fmt(&type_ImportError, "no module named '%.*s'", (int)len, name);
}

/* Imports one level: `full` (len bytes; its last component starts at `last`) whose parent
 * module (OBJ_NULL at top level) is `parent`. */
static obj_t import_one(const char *full, size_t len, size_t last, obj_t parent) {
    qstr qfull = qstr_from_strn(full, len);
    obj_t key = obj_new_qstr(qfull);
    obj_t mod;
    if (parent == OBJ_NULL && import_path_empty()) {
        /* an empty sys.path asks for the built-in, even over a module loaded from a file */
        mod = rt_find_builtin_module(qfull);
        if (mod != OBJ_NULL) {
            return mod;
        }
    }
    mod = dict_get(rt_state.sys_modules, key);
    if (mod != OBJ_NULL) {
        return mod;
    }
    obj_t extensible = OBJ_NULL; /* a built-in that a file on sys.path may replace */
    if (parent == OBJ_NULL) {
        if (qfull == QSTR___main__) {
            return rt_state.main_module; /* the running script (MicroPython: not in sys.modules) */
        }
        mod = rt_find_builtin_module(qfull);
        if (mod != OBJ_NULL) {
            if (!import_is_extensible(qfull)) {
                return mod;
            }
            extensible = mod;
        }
    }
    obj_t path;
    if (parent == OBJ_NULL) {
        path = rt_state.sys_path;
    } else {
        path = obj_is_type(parent, &module_type) ? module_lookup(parent, QSTR___path__) : OBJ_NULL;
        if (path == OBJ_NULL) {
            import_not_found(full, len);
        }
    }
    char buf[IMPORT_PATH_MAX];
    import_found_t found = import_find(path, full + last, len - last, buf);
    if (extensible != OBJ_NULL && (found == FOUND_NONE || found == FOUND_FROZEN ||
                                      (found == FOUND_PACKAGE && !import_has_init(buf)))) {
        return extensible; /* a bare folder (a test's data, say) doesn't hide a built-in */
    }
    if ((found == FOUND_NONE || found == FOUND_FROZEN) && parent == OBJ_NULL) {
        const frozen_code_t *fm = import_find_frozen(full, len);
        if (fm != NULL) {
            return import_load_frozen(qfull, fm);
        }
        if (len > 1 && full[0] == 'u' && import_find_frozen(full + 1, len - 1) != NULL) {
            mod = import_one(full + 1, len - 1, 0, OBJ_NULL); /* uasyncio is asyncio */
            dict_store(rt_state.sys_modules, key, mod);
            return mod;
        }
    }
    if (found == FOUND_NONE || found == FOUND_FROZEN) {
        import_not_found(full, len);
    }
    mod = import_load(qfull, found, buf);
    if (parent != OBJ_NULL && obj_is_type(parent, &module_type) &&
        !((module_obj_t *)OBJ_TO_PTR(parent))->globals->map.is_fixed) {
        dict_store(module_globals(parent), obj_new_qstr(qstr_from_strn(full + last, len - last)), mod);
    }
    return mod;
}

/* Imports every prefix of the dotted name; returns (top module, last module). */
static obj_t import_dotted(const char *full, size_t len, obj_t *top) {
    obj_t mod = OBJ_NULL;
    size_t start = 0;
    *top = OBJ_NULL;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || full[i] == '.') {
            if (i == start) {
                import_not_found(full, len);
            }
            mod = import_one(full, i, start, mod);
            if (*top == OBJ_NULL) {
                *top = mod;
            }
            start = i + 1;
        }
    }
    return mod;
}

/* The package that a relative import at `level` starts from, as (data, len) in vstr. */
static void import_resolve_relative(vstr_t *out, qstr name, int level, obj_t g) {
    obj_t modname = g != OBJ_NULL ? dict_get(g, ROM_QSTR(QSTR___name__)) : OBJ_NULL;
    if (modname == OBJ_NULL) {
        raise_msg(&type_KeyError, "'__name__' not in globals");
    }
    if (!obj_is_str(modname)) {
        raise_msg(&type_ImportError, "can't perform relative import");
    }
    size_t plen;
    const char *pkg = str_get_data(modname, &plen);
    bool is_pkg = dict_get(g, ROM_QSTR(QSTR___path__)) != OBJ_NULL;
    /* a plain module's package is its name minus the last component */
    int drop = is_pkg ? level - 1 : level;
    for (; drop > 0; drop--) {
        size_t i = plen;
        while (i > 0 && pkg[i - 1] != '.') {
            i--;
        }
        if (i == 0) {
            raise_msg(&type_ImportError, "can't perform relative import");
        }
        plen = i - 1;
    }
    if (plen == 0 || (plen == 8 && memcmp(pkg, "__main__", 8) == 0)) {
        raise_msg(&type_ImportError, "can't perform relative import");
    }
    vstr_add_strn(out, pkg, plen);
    size_t nlen;
    const char *n = qstr_data(name, &nlen);
    if (nlen > 0) {
        vstr_add_byte(out, '.');
        vstr_add_strn(out, n, nlen);
    }
}

obj_t rt_import_name(qstr name, obj_t fromlist, int level) {
    return import_name_in(name, fromlist, level, level > 0 ? rt_globals_get() : OBJ_NULL);
}

obj_t import_name_in(qstr name, obj_t fromlist, int level, obj_t globals) {
    obj_t top;
    obj_t mod;
    if (level > 0) {
        vstr_t v;
        vstr_init(&v, 32);
        import_resolve_relative(&v, name, level, globals);
        mod = import_dotted(v.buf, v.len, &top);
        return mod; /* relative imports always come with a fromlist */
    }
    size_t len;
    const char *s = qstr_data(name, &len);
    mod = import_dotted(s, len, &top);
    if (fromlist == OBJ_NULL || fromlist == OBJ_NONE) {
        return top;
    }
    size_t n;
    obj_t *items;
    if ((obj_is_type(fromlist, &tuple_type) || obj_is_type(fromlist, &list_type))) {
        obj_get_array(fromlist, &n, &items);
        if (n == 0) {
            return top;
        }
    }
    return mod;
}

obj_t rt_import_from(obj_t module, qstr name) {
    obj_t v = rt_load_attr_maybe(module, name);
    if (v != OBJ_NULL) {
        return v;
    }
    /* `from package import submodule` imports the submodule */
    if (obj_is_type(module, &module_type) && module_lookup(module, QSTR___path__) != OBJ_NULL) {
        obj_t pname = module_lookup(module, QSTR___name__);
        if (pname != OBJ_NULL && obj_is_str(pname)) {
            vstr_t v;
            vstr_init(&v, 32);
            size_t pl, nl;
            const char *p = str_get_data(pname, &pl);
            const char *n = qstr_data(name, &nl);
            vstr_add_strn(&v, p, pl);
            vstr_add_byte(&v, '.');
            vstr_add_strn(&v, n, nl);
            obj_t top;
            nlr_buf_t nlr;
            if (nlr_push(&nlr) == 0) {
                obj_t sub = import_dotted(v.buf, v.len, &top);
                nlr_pop();
                return sub;
            } else if (!exc_is_instance(nlr.value, &type_ImportError)) {
                nlr_jump(nlr.value);
            }
        }
    }
    raise_fmt(&type_ImportError, "can't import name %q", (unsigned)name);
}

/* A name listed in __all__ as a qstr: a str (anything else is a TypeError). */
static obj_t import_name_intern(obj_t name) {
    if (!obj_is_str(name)) {
        str_raise_implicit(name);
    }
    return str_intern(name);
}

/* from x import * where x (from sys.modules) is not a module: its __all__, else the public names
 * of its __dict__ (AttributeError when it has none, as in MicroPython). */
static void import_all_from_object(obj_t obj, obj_t dest_globals) {
    obj_t all = rt_load_attr_maybe(obj, QSTR___all__);
    if (all != OBJ_NULL) {
        obj_t it = rt_getiter(all);
        obj_t name;
        while ((name = rt_iternext(it)) != OBJ_NULL) {
            qstr q = obj_qstr_value(import_name_intern(name));
            dict_store(dest_globals, name, rt_load_attr(obj, q));
        }
        return;
    }
    obj_t d = rt_load_attr(obj, QSTR___dict__);
    obj_t it = rt_getiter(d);
    obj_t k;
    while ((k = rt_iternext(it)) != OBJ_NULL) {
        size_t kl = 0;
        const char *ks = obj_is_str(k) ? str_get_data(k, &kl) : NULL;
        if (ks == NULL || (kl > 0 && ks[0] == '_')) {
            continue;
        }
        dict_store(dest_globals, k, rt_subscr_load(d, k));
    }
}

/* A module's __all__, also from its __getattr__ (an AttributeError there means none); OBJ_NULL: none. */
static obj_t import_module_all(obj_t module) {
    obj_t all = module_lookup(module, QSTR___all__);
    obj_t ga;
    if (all != OBJ_NULL || (ga = module_lookup(module, QSTR___getattr__)) == OBJ_NULL) {
        return all;
    }
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        all = rt_call1(ga, ROM_QSTR(QSTR___all__));
        nlr_pop();
        return all;
    }
    if (!exc_is_instance(nlr.value, &type_AttributeError)) {
        nlr_jump(nlr.value);
    }
    return OBJ_NULL;
}

void rt_import_all(obj_t module, obj_t dest_globals) {
    if (!obj_is_type(module, &module_type)) {
        import_all_from_object(module, dest_globals);
        return;
    }
    module_obj_t *m = (module_obj_t *)OBJ_TO_PTR(module);
    map_t *map = &m->globals->map;
    obj_t all = import_module_all(module);
    if (all != OBJ_NULL) {
        obj_t it = rt_getiter(all);
        obj_t name;
        while ((name = rt_iternext(it)) != OBJ_NULL) {
            qstr q = obj_qstr_value(import_name_intern(name));
            dict_store(dest_globals, name, rt_load_attr(module, q));
        }
        return;
    }
    for (size_t i = 0; i < map->used; i++) {
        obj_t k = map->table[i].key;
        if (k == OBJ_NULL || !obj_is_str(k)) {
            continue;
        }
        size_t kl;
        const char *ks = str_get_data(k, &kl);
        if (kl > 0 && ks[0] == '_') {
            continue;
        }
        obj_t v = map->table[i].value;
        if (obj_is_type(v, &module_ref_type)) {
            const module_ref_obj_t *r = (const module_ref_obj_t *)OBJ_TO_PTR(v);
            v = *(const obj_t *)((const char *)&rt_state + r->offset);
        }
        dict_store(dest_globals, k, v);
    }
}

/* python -m name: the parent packages are imported normally, the module itself runs as __main__
 * in rt_state.main_globals. */
void import_run_main_module(qstr name) {
    size_t len;
    const char *s = qstr_data(name, &len);
    size_t last = len;
    while (last > 0 && s[last - 1] != '.') {
        last--;
    }
    obj_t parent = OBJ_NULL;
    obj_t path = rt_state.sys_path;
    if (last > 0) {
        obj_t top;
        parent = import_dotted(s, last - 1, &top);
        path = obj_is_type(parent, &module_type) ? module_lookup(parent, QSTR___path__) : OBJ_NULL;
        if (path == OBJ_NULL) {
            import_not_found(s, len);
        }
    }
    char buf[IMPORT_PATH_MAX];
    import_found_t found = import_find(path, s + last, len - last, buf);
    if (found == FOUND_NONE || found == FOUND_FROZEN) {
        import_not_found(s, len);
    }
    obj_t g = rt_state.main_globals;
    if (found == FOUND_PACKAGE) {
        size_t bl = strlen(buf);
        dict_store(g, ROM_QSTR(QSTR___path__), str_new(buf, bl));
        char file[IMPORT_PATH_MAX];
        if (!import_join(file, buf, bl, "__main__", 8, ".py") || port_stat(file) != PORT_STAT_FILE) {
            raise_fmt(&type_ImportError, "no module named '%.*s.__main__'", (int)len, s);
        }
        strcpy(buf, file);
    }
    dict_store(g, ROM_QSTR(QSTR___file__), str_new(buf, strlen(buf)));
    import_exec_file(buf, g);
}
