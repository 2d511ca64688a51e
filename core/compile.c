/* core/compile.c: AST (ast.h) -> code objects (bytecode.h), one compilation unit per scope.
 * Work buffers (code words, line table, labels) are malloc'd and owned by the unit chain so a
 * SyntaxError anywhere frees them; constants go straight into GC lists reachable from the
 * compiler struct on the C stack. Invariant: the tracked stack depth at every instruction is what
 * the VM will see there, so the code object's stack_size is exact (plus one spare slot). */
#include <stdio.h>
#include <stdlib.h>

#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/scope.h"

/* FB_RETVAL: a return value sits on the stack while a finally body runs on the way out. */
/* FB_ASYNC_WITH: the context manager sits on the stack; leaving calls and awaits its __aexit__. */
typedef enum { FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_EXC, FB_HANDLER, FB_WITH, FB_RETVAL,
    FB_ASYNC_WITH } fb_kind_t;

typedef struct {
    fb_kind_t kind;
    uint32_t l_continue;
    uint32_t l_break;
    ast_stmt_list_t *finalbody;
    int hidden; /* FB_HANDLER: local holding the exception */
    bool iter_stack; /* FB_FOR: the iterator takes ITER_BUF_WORDS slots (else one: async for) */
} fblock_t;

#define MAX_FBLOCKS 64

typedef struct cu_s {
    struct cu_s *outer;
    scope_t *scope;
    uint32_t *code;
    size_t len, alloc;
    uint32_t *lines;
    size_t n_lines, alloc_lines;
    uint32_t *label_pos;
    size_t n_labels, alloc_labels;
    uint32_t *fixups;
    size_t n_fixups, alloc_fixups;
    obj_t consts; /* GC list */
    int depth, max_depth;
    int n_blocks, max_blocks;
    int n_hidden, max_hidden;
    fblock_t fblocks[MAX_FBLOCKS];
    int n_fblocks;
    int cur_line;
} cu_t;

typedef struct {
    qstr filename;
    int kind;
    scope_t *root;
    cu_t *cu;
    obj_t keep; /* GC list: keeps every unit's consts list alive */
    /* micropython.const() names: module-level constants folded at use sites */
    qstr *cnames;
    obj_t cvalues; /* GC list, parallel to cnames */
    size_t n_cnames, alloc_cnames;
} comp_t;

#define LABEL_NONE 0xffffffu

static NORETURN void c_error(comp_t *c, int line, const char *msg) { scope_syntax_error(c->filename, line, msg); }

static void *c_grow(void *p, size_t *alloc, size_t elem, size_t need) {
    if (need <= *alloc) {
        return p;
    }
    size_t na = *alloc ? *alloc * 2 : 64;
    while (na < need) {
        na *= 2;
    }
    void *q = realloc(p, na * elem);
    if (q == NULL) {
        raise_memory_error();
    }
    *alloc = na;
    return q;
}

/* ---- emission ---- */

static int c_stack_effect(unsigned op, uint32_t arg) {
    switch (op) {
        case OP_LOAD_CONST: case OP_LOAD_SMALL_INT: case OP_LOAD_NONE: case OP_LOAD_TRUE:
        case OP_LOAD_FALSE: case OP_LOAD_NULL: case OP_LOAD_FAST: case OP_LOAD_DEREF:
        case OP_LOAD_CLOSURE: case OP_LOAD_NAME: case OP_LOAD_GLOBAL: case OP_LOAD_METHOD:
        case OP_DUP_TOP: case OP_BUILD_MAP: case OP_IMPORT_FROM: case OP_LOAD_BUILD_CLASS:
        case OP_LOAD_ASSERTION_ERROR: case OP_FOR_ITER: case OP_FOR_ITER_STACK:
            return 1;
        case OP_GET_ITER_STACK:
            return ITER_BUF_WORDS - 1;
        case OP_GET_ITER_RANGE:
            return ITER_BUF_WORDS - 1 - (int)arg;
        case OP_POP_ITER_STACK:
            return -ITER_BUF_WORDS;
        case OP_STORE_FAST: case OP_STORE_DEREF: case OP_STORE_NAME: case OP_STORE_GLOBAL:
        case OP_DELETE_ATTR: case OP_LOAD_SUBSCR: case OP_POP_TOP: case OP_BINARY_OP: case OP_LOAD_SUPER_METHOD:
        case OP_BIN_ADD: case OP_BIN_SUB: case OP_BIN_MUL: case OP_BIN_FLOORDIV: case OP_BIN_MOD:
        case OP_BIN_AND: case OP_BIN_OR: case OP_BIN_XOR: case OP_BIN_LSHIFT: case OP_BIN_RSHIFT:
        case OP_CMP_LT: case OP_CMP_LE: case OP_CMP_GT: case OP_CMP_GE: case OP_CMP_EQ:
        case OP_CMP_NE: case OP_CMP_IS: case OP_CMP_IS_NOT: case OP_CMP_IN: case OP_CMP_NOT_IN:
        case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_JUMP_IF_FALSE_OR_POP:
        case OP_JUMP_IF_TRUE_OR_POP: case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
        case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_RETURN_VALUE: case OP_RERAISE:
        case OP_YIELD_FROM: case OP_IMPORT_NAME: case OP_IMPORT_STAR: case OP_PRINT_EXPR:
            return -1;
        case OP_JUMP_IF_NOT_LT: case OP_JUMP_IF_NOT_LE: case OP_JUMP_IF_NOT_GT:
        case OP_JUMP_IF_NOT_GE: case OP_JUMP_IF_NOT_EQ: case OP_JUMP_IF_NOT_NE:
        case OP_STORE_ATTR: case OP_DELETE_SUBSCR: case OP_STORE_MAP: case OP_MAP_ADD:
        case OP_JUMP_IF_NOT_EXC_MATCH: case OP_WITH_CLEANUP: case OP_CALL_FUNCTION_EX:
            return -2;
        case OP_STORE_SUBSCR: case OP_WITH_EXCEPT:
            return -3;
        case OP_DUP_TOP_TWO: case OP_SETUP_WITH:
            return 2;
        case OP_BUILD_SLICE:
            return 1 - (int)arg;
        case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
            return 1 - (int)arg;
        case OP_UNPACK_SEQUENCE:
            return (int)arg - 1;
        case OP_UNPACK_EX:
            return (int)(arg & 0xfff) + (int)(arg >> 12);
        case OP_CALL_FUNCTION:
            return -(int)(arg & 0xfff) - 2 * (int)(arg >> 12);
        case OP_CALL_METHOD:
            return -(int)(arg & 0xfff) - 2 * (int)(arg >> 12) - 1;
        case OP_MAKE_FUNCTION: {
            int f = (int)(arg >> 16);
            return 1 - ((f & 1) + ((f >> 1) & 1) + ((f >> 2) & 1));
        }
        case OP_RAISE:
            return -(int)arg;
        case OP_FORMAT_VALUE:
            return (arg & 4) ? -1 : 0;
        default:
            return 0;
    }
}

static void c_word(comp_t *c, uint32_t w) {
    cu_t *u = c->cu;
    u->code = c_grow(u->code, &u->alloc, sizeof(uint32_t), u->len + 1);
    u->code[u->len++] = w;
}

static void c_adjust(comp_t *c, int delta) {
    cu_t *u = c->cu;
    u->depth += delta;
    if (u->depth > u->max_depth) {
        u->max_depth = u->depth;
    }
}

static void c_emit(comp_t *c, unsigned op, uint32_t arg) {
    if (arg > BC_ARG_MAX) {
        c_error(c, c->cu->cur_line, "code too complex");
    }
    c_word(c, BC_MAKE(op, arg));
    c_adjust(c, c_stack_effect(op, arg));
    if (op == OP_LOAD_GLOBAL || op == OP_STORE_GLOBAL || op == OP_LOAD_ATTR || op == OP_STORE_ATTR) {
        c_word(c, 0); /* cache slot */
    }
    if (op == OP_SETUP_EXCEPT || op == OP_SETUP_WITH) {
        cu_t *u = c->cu;
        if (++u->n_blocks > u->max_blocks) {
            u->max_blocks = u->n_blocks;
        }
    } else if (op == OP_POP_BLOCK) {
        c->cu->n_blocks--;
    }
}

static uint32_t c_new_label(comp_t *c) {
    cu_t *u = c->cu;
    u->label_pos = c_grow(u->label_pos, &u->alloc_labels, sizeof(uint32_t), u->n_labels + 1);
    u->label_pos[u->n_labels] = LABEL_NONE;
    return (uint32_t)u->n_labels++;
}

static void c_place(comp_t *c, uint32_t label) { c->cu->label_pos[label] = (uint32_t)c->cu->len; }

static void c_emit_jump(comp_t *c, unsigned op, uint32_t label) {
    cu_t *u = c->cu;
    u->fixups = c_grow(u->fixups, &u->alloc_fixups, sizeof(uint32_t), u->n_fixups + 1);
    u->fixups[u->n_fixups++] = (uint32_t)u->len;
    c_emit(c, op, label);
}

static void c_set_line(comp_t *c, int line) {
    cu_t *u = c->cu;
    if (line <= 0 || line == u->cur_line) {
        return;
    }
    u->cur_line = line;
    if (rt_opt_level >= 3) {
        return; /* no line table: the VM reports line 1 */
    }
    if (u->n_lines >= 2 && u->lines[u->n_lines - 2] == u->len) {
        u->lines[u->n_lines - 1] = (uint32_t)line;
        return;
    }
    u->lines = c_grow(u->lines, &u->alloc_lines, sizeof(uint32_t), u->n_lines + 2);
    u->lines[u->n_lines++] = (uint32_t)u->len;
    u->lines[u->n_lines++] = (uint32_t)line;
}

static uint32_t c_const(comp_t *c, obj_t o) {
    list_obj_t *l = OBJ_TO_PTR(c->cu->consts);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == o) {
            return (uint32_t)i;
        }
    }
    list_append(c->cu->consts, o);
    return (uint32_t)l->len - 1;
}

static void c_load_obj(comp_t *c, obj_t o) {
    if (obj_is_small_int(o)) {
        int_t v = small_int_value(o);
        if (v >= -(1 << 23) && v < (1 << 23)) {
            c_emit(c, OP_LOAD_SMALL_INT, (uint32_t)v & BC_ARG_MAX);
            return;
        }
    }
    if (o == OBJ_NONE) {
        c_emit(c, OP_LOAD_NONE, 0);
    } else if (o == OBJ_TRUE) {
        c_emit(c, OP_LOAD_TRUE, 0);
    } else if (o == OBJ_FALSE) {
        c_emit(c, OP_LOAD_FALSE, 0);
    } else {
        c_emit(c, OP_LOAD_CONST, c_const(c, o));
    }
}

static int c_alloc_hidden(comp_t *c) {
    cu_t *u = c->cu;
    int idx = u->scope->n_locals + u->n_hidden++;
    if (u->n_hidden > u->max_hidden) {
        u->max_hidden = u->n_hidden;
    }
    return idx;
}

static void c_free_hidden(comp_t *c) { c->cu->n_hidden--; }

static fblock_t *c_push_fblock(comp_t *c, fb_kind_t kind, uint32_t l_cont, uint32_t l_break) {
    cu_t *u = c->cu;
    if (u->n_fblocks >= MAX_FBLOCKS) {
        c_error(c, u->cur_line, "too many statically nested blocks");
    }
    fblock_t *fb = &u->fblocks[u->n_fblocks++];
    memset(fb, 0, sizeof(*fb));
    fb->kind = kind;
    fb->l_continue = l_cont;
    fb->l_break = l_break;
    return fb;
}

static void c_pop_fblock(comp_t *c) { c->cu->n_fblocks--; }

/* ---- names ---- */

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } ctx_t;

static bool c_const_lookup(comp_t *c, qstr name, obj_t *out) {
    for (size_t i = 0; i < c->n_cnames; i++) {
        if (c->cnames[i] == name) {
            *out = ((list_obj_t *)OBJ_TO_PTR(c->cvalues))->items[i];
            return true;
        }
    }
    return false;
}

static int c_name_kind(comp_t *c, qstr name, scope_id_t **out) {
    scope_t *s = c->cu->scope;
    scope_id_t *id = scope_find(s, name);
    *out = id;
    if (id != NULL && id->kind != ID_UNRESOLVED) {
        return id->kind;
    }
    if (s->kind == SCOPE_MODULE) {
        return ID_GLOBAL_EXPLICIT;
    }
    if (s->kind == SCOPE_CLASS) {
        return ID_NAME;
    }
    return ID_GLOBAL_IMPLICIT;
}

static void c_name(comp_t *c, qstr name, ctx_t ctx) {
    scope_id_t *id;
    int kind = c_name_kind(c, name, &id);
    static const uint8_t ops[][3] = {
        [ID_GLOBAL_IMPLICIT] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [ID_GLOBAL_EXPLICIT] = {OP_LOAD_GLOBAL, OP_STORE_GLOBAL, OP_DELETE_GLOBAL},
        [ID_NAME] = {OP_LOAD_NAME, OP_STORE_NAME, OP_DELETE_NAME},
        [ID_LOCAL] = {OP_LOAD_FAST, OP_STORE_FAST, OP_DELETE_FAST},
        [ID_CELL] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
        [ID_FREE] = {OP_LOAD_DEREF, OP_STORE_DEREF, OP_DELETE_DEREF},
    };
    if (ctx == CTX_LOAD && (kind == ID_GLOBAL_IMPLICIT || kind == ID_GLOBAL_EXPLICIT || kind == ID_NAME)) {
        if (name == QSTR___debug__) {
            c_emit(c, rt_opt_level >= 1 ? OP_LOAD_FALSE : OP_LOAD_TRUE, 0);
            return;
        }
        obj_t v;
        if (c_const_lookup(c, name, &v)) {
            c_load_obj(c, v);
            return;
        }
    }
    unsigned op = ops[kind][ctx];
    if (kind == ID_LOCAL || kind == ID_CELL || kind == ID_FREE) {
        c_emit(c, op, id->idx);
    } else {
        c_emit(c, op, name);
    }
}

/* ---- constant folding of int expressions ---- */

static bool c_fold(comp_t *c, ast_expr_t *e, int64_t *out) {
    switch (e->kind) {
        case EXPR_CONSTANT:
            if (e->u.constant.kind == AST_CONST_INT) {
                *out = e->u.constant.ival;
                return true;
            }
            return false;
        case EXPR_NAME: {
            scope_id_t *id;
            int k = c_name_kind(c, e->u.name.id, &id);
            obj_t v;
            if ((k == ID_GLOBAL_IMPLICIT || k == ID_GLOBAL_EXPLICIT || k == ID_NAME) &&
                c_const_lookup(c, e->u.name.id, &v) && obj_is_small_int(v)) {
                *out = small_int_value(v);
                return true;
            }
            return false;
        }
        case EXPR_UNARYOP: {
            int64_t a;
            if (!c_fold(c, e->u.unaryop.operand, &a)) {
                return false;
            }
            switch (e->u.unaryop.op) {
                case AST_UADD: *out = a; return true;
                case AST_USUB: if (a == INT64_MIN) return false; *out = -a; return true;
                case AST_INVERT: *out = ~a; return true;
                default: return false;
            }
        }
        case EXPR_BINOP: {
            int64_t a, b, r;
            if (!c_fold(c, e->u.binop.left, &a) || !c_fold(c, e->u.binop.right, &b)) {
                return false;
            }
            switch (e->u.binop.op) {
                case AST_ADD: if (__builtin_add_overflow(a, b, &r)) return false; break;
                case AST_SUB: if (__builtin_sub_overflow(a, b, &r)) return false; break;
                case AST_MULT: if (__builtin_mul_overflow(a, b, &r)) return false; break;
                case AST_FLOORDIV:
                case AST_MOD:
                    if (b == 0 || (a == INT64_MIN && b == -1)) return false;
                    {
                        int64_t q = a / b, m = a % b;
                        if (m != 0 && ((m < 0) != (b < 0))) {
                            q--;
                            m += b;
                        }
                        r = e->u.binop.op == AST_FLOORDIV ? q : m;
                    }
                    break;
                case AST_BITAND: r = a & b; break;
                case AST_BITOR: r = a | b; break;
                case AST_BITXOR: r = a ^ b; break;
                case AST_LSHIFT:
                    if (b < 0 || b >= 62) return false;
                    r = (int64_t)((uint64_t)a << b);
                    if ((r >> b) != a) return false;
                    break;
                case AST_RSHIFT:
                    if (b < 0) return false;
                    r = a >> (b > 63 ? 63 : b);
                    break;
                case AST_POW: {
                    if (b < 0 || b > 64) return false;
                    r = 1;
                    for (int64_t i = 0; i < b; i++) {
                        if (__builtin_mul_overflow(r, a, &r)) return false;
                    }
                    break;
                }
                default:
                    return false;
            }
            if (r < (int64_t)SMALL_INT_MIN || r > (int64_t)SMALL_INT_MAX) {
                return false;
            }
            *out = r;
            return true;
        }
        default:
            return false;
    }
}

/* ---- expressions ---- */

/* A str constant: a qstr when short (at most 10 bytes, MicroPython's parser's rule) or already
 * interned, so a name handed to getattr/setattr or used as a dict key needs no interning when run;
 * a longer one (a docstring, a message) stays a heap str and costs no permanent qstr. */
#define STR_CONST_INTERN_LEN 10
static obj_t c_str_const(const ast_expr_t *e) {
    const char *s = e->u.constant.str;
    size_t len = e->u.constant.len;
    qstr q = len <= STR_CONST_INTERN_LEN ? qstr_from_strn(s, len) : qstr_find_strn(s, len);
    return q != QSTR_NULL ? obj_new_qstr(q) : str_new(s, len);
}

/* The object a constant expression stands for, made at compile time: a literal, a folded integer
 * expression, a name bound by const(), or a tuple of those (one object, loaded by LOAD_CONST:
 * building it costs nothing at run time and allocates nothing, as in MicroPython). */
static bool c_const_obj(comp_t *c, ast_expr_t *e, obj_t *out) {
    int64_t k;
    if (c_fold(c, e, &k)) {
        *out = int_from_ll(k);
        return true;
    }
    switch (e->kind) {
        case EXPR_CONSTANT:
            switch (e->u.constant.kind) {
                case AST_CONST_NONE: *out = OBJ_NONE; return true;
                case AST_CONST_TRUE: *out = OBJ_TRUE; return true;
                case AST_CONST_FALSE: *out = OBJ_FALSE; return true;
                case AST_CONST_ELLIPSIS: *out = OBJ_ELLIPSIS; return true;
                case AST_CONST_INT: *out = int_from_ll(e->u.constant.ival); return true;
                case AST_CONST_BIGINT:
                    *out = int_parse(e->u.constant.str, e->u.constant.len, e->u.constant.base);
                    return true;
                case AST_CONST_STR: *out = c_str_const(e); return true;
                case AST_CONST_BYTES: *out = bytes_new(e->u.constant.str, e->u.constant.len); return true;
            }
            return false;
        case EXPR_NAME: {
            scope_id_t *id;
            int kind = c_name_kind(c, e->u.name.id, &id);
            return (kind == ID_GLOBAL_IMPLICIT || kind == ID_GLOBAL_EXPLICIT || kind == ID_NAME) &&
                   c_const_lookup(c, e->u.name.id, out);
        }
        case EXPR_TUPLE: {
            size_t n = e->u.list.elts.n;
            if (n > 32) {
                return false; /* big literal tuples are built at run time, item by item */
            }
            obj_t items[32];
            for (size_t i = 0; i < n; i++) {
                if (!c_const_obj(c, e->u.list.elts.items[i], &items[i])) {
                    return false;
                }
            }
            /* the same items as a const() tuple: that very object (x is _T, as in MicroPython) */
            list_obj_t *cv = OBJ_TO_PTR(c->cvalues);
            for (size_t i = 0; i < cv->len; i++) {
                if (obj_is_type(cv->items[i], &tuple_type)) {
                    tuple_obj_t *t = OBJ_TO_PTR(cv->items[i]);
                    if (t->len == n && (n == 0 || memcmp(t->items, items, n * sizeof(obj_t)) == 0)) {
                        *out = cv->items[i];
                        return true;
                    }
                }
            }
            *out = tuple_new(n, items);
            return true;
        }
        default:
            return false;
    }
}

static void c_expr(comp_t *c, ast_expr_t *e);
static void c_await(comp_t *c);
static void c_stmts(comp_t *c, ast_stmt_list_t *l);
static void c_store(comp_t *c, ast_expr_t *t);
static uint32_t c_scope_code(comp_t *c, scope_t *s, const void *node);

static void c_constant(comp_t *c, ast_expr_t *e) {
    switch (e->u.constant.kind) {
        case AST_CONST_NONE: c_emit(c, OP_LOAD_NONE, 0); break;
        case AST_CONST_TRUE: c_emit(c, OP_LOAD_TRUE, 0); break;
        case AST_CONST_FALSE: c_emit(c, OP_LOAD_FALSE, 0); break;
        case AST_CONST_ELLIPSIS: c_emit(c, OP_LOAD_CONST, c_const(c, OBJ_ELLIPSIS)); break;
        case AST_CONST_INT: c_load_obj(c, int_from_ll(e->u.constant.ival)); break;
        case AST_CONST_BIGINT:
            c_load_obj(c, int_parse(e->u.constant.str, e->u.constant.len, e->u.constant.base));
            break;
        case AST_CONST_STR: c_load_obj(c, c_str_const(e)); break;
        case AST_CONST_BYTES: c_load_obj(c, bytes_new(e->u.constant.str, e->u.constant.len)); break;
    }
}

static void c_binop(comp_t *c, ast_operator_t op, bool inplace) {
    static const uint8_t bop[] = {
        [AST_ADD] = BINARY_OP_ADD, [AST_SUB] = BINARY_OP_SUBTRACT, [AST_MULT] = BINARY_OP_MULTIPLY,
        [AST_MATMULT] = BINARY_OP_MAT_MULTIPLY, [AST_DIV] = BINARY_OP_TRUE_DIVIDE,
        [AST_MOD] = BINARY_OP_MODULO, [AST_POW] = BINARY_OP_POWER, [AST_LSHIFT] = BINARY_OP_LSHIFT,
        [AST_RSHIFT] = BINARY_OP_RSHIFT, [AST_BITOR] = BINARY_OP_OR, [AST_BITXOR] = BINARY_OP_XOR,
        [AST_BITAND] = BINARY_OP_AND, [AST_FLOORDIV] = BINARY_OP_FLOOR_DIVIDE,
    };
    static const uint8_t fast[] = {
        [AST_ADD] = OP_BIN_ADD, [AST_SUB] = OP_BIN_SUB, [AST_MULT] = OP_BIN_MUL,
        [AST_MATMULT] = OP_BINARY_OP, [AST_DIV] = OP_BINARY_OP, [AST_MOD] = OP_BIN_MOD,
        [AST_POW] = OP_BINARY_OP, [AST_LSHIFT] = OP_BIN_LSHIFT, [AST_RSHIFT] = OP_BIN_RSHIFT,
        [AST_BITOR] = OP_BIN_OR, [AST_BITXOR] = OP_BIN_XOR, [AST_BITAND] = OP_BIN_AND,
        [AST_FLOORDIV] = OP_BIN_FLOORDIV,
    };
    unsigned b = bop[op];
    if (inplace) {
        b = b - BINARY_OP_OR + BINARY_OP_INPLACE_OR;
    }
    c_emit(c, fast[op], b);
}

static void c_compare_op(comp_t *c, ast_cmpop_t op) {
    static const uint8_t ops[] = {
        [AST_EQ] = OP_CMP_EQ, [AST_NOTEQ] = OP_CMP_NE, [AST_LT] = OP_CMP_LT, [AST_LTE] = OP_CMP_LE,
        [AST_GT] = OP_CMP_GT, [AST_GTE] = OP_CMP_GE, [AST_IS] = OP_CMP_IS, [AST_ISNOT] = OP_CMP_IS_NOT,
        [AST_IN] = OP_CMP_IN, [AST_NOTIN] = OP_CMP_NOT_IN,
    };
    c_emit(c, ops[op], 0);
}

static void c_compare(comp_t *c, ast_expr_t *e) {
    c_expr(c, e->u.compare.left);
    size_t n = e->u.compare.n;
    if (n == 1) {
        c_expr(c, e->u.compare.comparators[0]);
        c_compare_op(c, e->u.compare.ops[0]);
        return;
    }
    uint32_t l_clean = c_new_label(c), l_end = c_new_label(c);
    for (size_t i = 0; i + 1 < n; i++) {
        c_expr(c, e->u.compare.comparators[i]);
        c_emit(c, OP_DUP_TOP, 0);
        c_emit(c, OP_ROT_THREE, 0);
        c_compare_op(c, e->u.compare.ops[i]);
        c_emit_jump(c, OP_JUMP_IF_FALSE_OR_POP, l_clean);
    }
    c_expr(c, e->u.compare.comparators[n - 1]);
    c_compare_op(c, e->u.compare.ops[n - 1]);
    c_emit_jump(c, OP_JUMP, l_end);
    c_place(c, l_clean);
    c_adjust(c, 1); /* [middle, result] */
    c_emit(c, OP_ROT_TWO, 0);
    c_emit(c, OP_POP_TOP, 0);
    c_place(c, l_end);
}

/* Evaluates test and jumps to label when it is false (a single comparison fuses with the jump). */
static void c_jump_if_false(comp_t *c, ast_expr_t *test, uint32_t label) {
    if (test->kind == EXPR_COMPARE && test->u.compare.n == 1) {
        unsigned op = 0;
        switch (test->u.compare.ops[0]) {
            case AST_LT: op = OP_JUMP_IF_NOT_LT; break;
            case AST_LTE: op = OP_JUMP_IF_NOT_LE; break;
            case AST_GT: op = OP_JUMP_IF_NOT_GT; break;
            case AST_GTE: op = OP_JUMP_IF_NOT_GE; break;
            case AST_EQ: op = OP_JUMP_IF_NOT_EQ; break;
            case AST_NOTEQ: op = OP_JUMP_IF_NOT_NE; break;
            default: break;
        }
        if (op != 0) {
            c_expr(c, test->u.compare.left);
            c_expr(c, test->u.compare.comparators[0]);
            c_emit_jump(c, op, label);
            return;
        }
    }
    c_expr(c, test);
    c_emit_jump(c, OP_POP_JUMP_IF_FALSE, label);
}

static bool c_has_starred(ast_expr_list_t *l) {
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i]->kind == EXPR_STARRED) {
            return true;
        }
    }
    return false;
}

/* List/tuple/set display. */
static void c_display(comp_t *c, ast_expr_list_t *l, unsigned build, bool tuple) {
    if (!c_has_starred(l)) {
        for (size_t i = 0; i < l->n; i++) {
            c_expr(c, l->items[i]);
        }
        c_emit(c, build, (uint32_t)l->n);
        return;
    }
    bool set = build == OP_BUILD_SET;
    c_emit(c, set ? OP_BUILD_SET : OP_BUILD_LIST, 0);
    for (size_t i = 0; i < l->n; i++) {
        ast_expr_t *x = l->items[i];
        if (x->kind == EXPR_STARRED) {
            c_expr(c, x->u.starred.value);
            c_emit(c, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 0);
        } else {
            c_expr(c, x);
            c_emit(c, set ? OP_SET_ADD : OP_LIST_APPEND, 0);
        }
    }
    if (tuple) {
        c_emit(c, OP_LIST_TO_TUPLE, 0);
    }
}

/* Compiles the function object for a nested scope (defaults already handled by caller flags). */
static void c_make_function(comp_t *c, scope_t *child, const void *node, ast_arguments_t *args) {
    unsigned flags = 0;
    if (args != NULL && args->defaults.n > 0) {
        for (size_t i = 0; i < args->defaults.n; i++) {
            c_expr(c, args->defaults.items[i]);
        }
        c_emit(c, OP_BUILD_TUPLE, (uint32_t)args->defaults.n);
        flags |= MKFUN_DEFAULTS;
    }
    if (args != NULL && args->kw_defaults != NULL) {
        bool any = false;
        for (size_t i = 0; i < args->n_kwonly; i++) {
            if (args->kw_defaults[i] != NULL) {
                if (!any) {
                    c_emit(c, OP_BUILD_MAP, 0);
                    any = true;
                }
                c_expr(c, args->kw_defaults[i]);
                c_load_obj(c, obj_new_qstr(args->kwonly[i].arg));
                c_emit(c, OP_STORE_MAP, 0);
            }
        }
        if (any) {
            flags |= MKFUN_KWDEFAULTS;
        }
    }
    if (child->n_free > 0) {
        for (size_t i = 0; i < child->n_ids; i++) {
            scope_id_t *id = &child->ids[i];
            if (id->kind != ID_FREE) {
                continue;
            }
            /* frees are numbered in table order, so this emits them in index order */
            scope_t *s = c->cu->scope;
            scope_id_t *mine = NULL;
            for (size_t j = 0; j < s->n_ids; j++) {
                if (s->ids[j].name == id->name && (s->ids[j].kind == ID_CELL || s->ids[j].kind == ID_FREE)) {
                    mine = &s->ids[j];
                    break;
                }
            }
            if (mine == NULL) {
                c_error(c, child->line, "internal error: closure variable not found");
            }
            c_emit(c, OP_LOAD_CLOSURE, mine->idx);
        }
        c_emit(c, OP_BUILD_TUPLE, child->n_free);
        flags |= MKFUN_CLOSURE;
    }
    uint32_t k = c_scope_code(c, child, node);
    if (k > 0xffff) {
        c_error(c, child->line, "too many constants");
    }
    c_emit(c, OP_MAKE_FUNCTION, k | (flags << 16));
}

static void c_comprehension(comp_t *c, ast_expr_t *e) {
    scope_t *child = scope_child_for(c->cu->scope, e);
    c_make_function(c, child, e, NULL);
    c_expr(c, e->u.comp.gens[0].iter);
    c_emit(c, OP_GET_ITER, 0);
    c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(1, 0));
}

/* Whether e is a zero-argument super() that passes __class__ and the first parameter. */
static bool c_is_super_call(comp_t *c, ast_expr_t *e) {
    if (e->u.call.func->kind != EXPR_NAME || e->u.call.func->u.name.id != QSTR_super ||
        e->u.call.args.n != 0 || e->u.call.n_keywords != 0) {
        return false;
    }
    scope_t *s = c->cu->scope;
    if (s->kind == SCOPE_FUNCTION && s->n_pos + s->n_kwonly == 0 && !(s->code_flags & (CODE_VARARGS | CODE_VARKW))) {
        /* as in MicroPython, decided when compiling: a def with no parameter has no self to pass */
        c_error(c, e->line, "super() can't find self");
    }
    if (s->kind != SCOPE_FUNCTION && s->kind != SCOPE_LAMBDA) {
        return false;
    }
    scope_id_t *id = scope_find(s, QSTR___class__);
    return id != NULL && id->kind == ID_FREE && s->n_pos > 0; /* *args isn't a self (CPython) */
}

/* MicroPython's limit, kept: a *arg must be among a call's first 30 arguments (on the WiPy its
 * position is a bit of a small int); later it is SyntaxError "too many args". */
#define C_MAX_STAR_ARG_POS 30

/* The arguments of a call that has starred ones, for CALL_FUNCTION_EX: appended to the list that is
 * on the stack (*x extends it), then a dict of the keywords (**x merged) or NULL. */
static void c_star_call_args(comp_t *c, ast_expr_list_t *args, size_t nkw, ast_keyword_t *kws) {
    for (size_t i = 0; i < args->n; i++) {
        ast_expr_t *x = args->items[i];
        if (x->kind == EXPR_STARRED) {
            if (i >= C_MAX_STAR_ARG_POS) {
                c_error(c, x->line, "too many args");
            }
            c_expr(c, x->u.starred.value);
            c_emit(c, OP_LIST_EXTEND, 0);
        } else {
            c_expr(c, x);
            c_emit(c, OP_LIST_APPEND, 0);
        }
    }
    if (nkw == 0) {
        c_emit(c, OP_LOAD_NULL, 0);
        return;
    }
    c_emit(c, OP_BUILD_MAP, 0);
    for (size_t i = 0; i < nkw; i++) {
        ast_keyword_t *k = &kws[i];
        if (k->arg == QSTR_NULL) {
            c_expr(c, k->value);
            c_emit(c, OP_DICT_UPDATE, 1);
        } else {
            c_expr(c, k->value);
            c_load_obj(c, obj_new_qstr(k->arg));
            c_emit(c, OP_STORE_MAP, 1);
        }
    }
}

static void c_call(comp_t *c, ast_expr_t *e) {
    ast_expr_list_t *args = &e->u.call.args;
    size_t nkw = e->u.call.n_keywords;
    bool star = c_has_starred(args);
    for (size_t i = 0; i < nkw; i++) {
        if (e->u.call.keywords[i].arg == QSTR_NULL) {
            star = true;
        }
    }
    if (c_is_super_call(c, e)) {
        c_name(c, QSTR_super, CTX_LOAD);
        c_name(c, QSTR___class__, CTX_LOAD);
        c_name(c, c->cu->scope->ids[0].name, CTX_LOAD);
        c_set_line(c, e->line);
        c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(2, 0));
        return;
    }
    if (star) {
        c_expr(c, e->u.call.func);
        c_emit(c, OP_BUILD_LIST, 0);
        c_star_call_args(c, args, nkw, e->u.call.keywords);
        c_set_line(c, e->line);
        c_emit(c, OP_CALL_FUNCTION_EX, 0);
        return;
    }
    if (args->n > 0xfff || nkw > 0xfff) {
        c_error(c, e->line, "too many arguments");
    }
    bool method = e->u.call.func->kind == EXPR_ATTRIBUTE;
    ast_expr_t *recv = method ? e->u.call.func->u.attribute.value : NULL;
    if (method && recv->kind == EXPR_CALL && c_is_super_call(c, recv)) {
        /* super().name(...): the method is found without making a super object */
        c_name(c, QSTR_super, CTX_LOAD);
        c_name(c, QSTR___class__, CTX_LOAD);
        c_name(c, c->cu->scope->ids[0].name, CTX_LOAD);
        c_set_line(c, recv->line);
        c_emit(c, OP_LOAD_SUPER_METHOD, e->u.call.func->u.attribute.attr);
    } else if (method) {
        c_expr(c, recv);
        c_emit(c, OP_LOAD_METHOD, e->u.call.func->u.attribute.attr);
    } else {
        c_expr(c, e->u.call.func);
    }
    for (size_t i = 0; i < args->n; i++) {
        c_expr(c, args->items[i]);
    }
    for (size_t i = 0; i < nkw; i++) {
        c_load_obj(c, obj_new_qstr(e->u.call.keywords[i].arg));
        c_expr(c, e->u.call.keywords[i].value);
    }
    c_set_line(c, e->line);
    c_emit(c, method ? OP_CALL_METHOD : OP_CALL_FUNCTION, BC_CALL_ARG(args->n, nkw));
}

static void c_joinedstr(comp_t *c, ast_expr_t *e) {
    size_t n = e->u.joinedstr.values.n;
    if (n == 0) {
        c_load_obj(c, obj_new_qstr(QSTR__empty));
        return;
    }
    for (size_t i = 0; i < n; i++) {
        ast_expr_t *v = e->u.joinedstr.values.items[i];
        if (v->kind == EXPR_FORMATTEDVALUE) {
            c_expr(c, v);
        } else {
            c_expr(c, v);
        }
    }
    if (n > 1 || e->u.joinedstr.values.items[0]->kind != EXPR_CONSTANT) {
        c_emit(c, OP_BUILD_STRING, (uint32_t)n);
    }
}

static void c_expr(comp_t *c, ast_expr_t *e) {
    switch (e->kind) {
        case EXPR_CONSTANT:
            c_constant(c, e);
            break;
        case EXPR_NAME:
            c_name(c, e->u.name.id, CTX_LOAD);
            break;
        case EXPR_ATTRIBUTE:
            c_expr(c, e->u.attribute.value);
            c_emit(c, OP_LOAD_ATTR, e->u.attribute.attr);
            break;
        case EXPR_SUBSCRIPT:
            c_expr(c, e->u.subscript.value);
            c_expr(c, e->u.subscript.slice);
            c_emit(c, OP_LOAD_SUBSCR, 0);
            break;
        case EXPR_SLICE: {
            if (e->u.slice.lower) c_expr(c, e->u.slice.lower); else c_emit(c, OP_LOAD_NONE, 0);
            if (e->u.slice.upper) c_expr(c, e->u.slice.upper); else c_emit(c, OP_LOAD_NONE, 0);
            if (e->u.slice.step) {
                c_expr(c, e->u.slice.step);
                c_emit(c, OP_BUILD_SLICE, 3);
            } else {
                c_emit(c, OP_BUILD_SLICE, 2);
            }
            break;
        }
        case EXPR_BINOP:
        case EXPR_UNARYOP: {
            int64_t v;
            if (c_fold(c, e, &v)) {
                c_load_obj(c, int_from_ll(v)); /* may exceed a small int */
                break;
            }
            if (e->kind == EXPR_BINOP) {
                c_expr(c, e->u.binop.left);
                c_expr(c, e->u.binop.right);
                c_binop(c, e->u.binop.op, false);
            } else {
                c_expr(c, e->u.unaryop.operand);
                switch (e->u.unaryop.op) {
                    case AST_NOT: c_emit(c, OP_UNARY_NOT, 0); break;
                    case AST_INVERT: c_emit(c, OP_UNARY_OP, UNARY_OP_INVERT); break;
                    case AST_UADD: c_emit(c, OP_UNARY_OP, UNARY_OP_POSITIVE); break;
                    case AST_USUB: c_emit(c, OP_UNARY_OP, UNARY_OP_NEGATIVE); break;
                }
            }
            break;
        }
        case EXPR_BOOLOP: {
            uint32_t l_end = c_new_label(c);
            unsigned op = e->u.boolop.op == AST_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
            size_t n = e->u.boolop.values.n;
            for (size_t i = 0; i < n; i++) {
                c_expr(c, e->u.boolop.values.items[i]);
                if (i + 1 < n) {
                    c_emit_jump(c, op, l_end);
                }
            }
            c_place(c, l_end);
            break;
        }
        case EXPR_COMPARE:
            c_compare(c, e);
            break;
        case EXPR_IFEXP: {
            uint32_t l_else = c_new_label(c), l_end = c_new_label(c);
            c_jump_if_false(c, e->u.ifexp.test, l_else);
            c_expr(c, e->u.ifexp.body);
            c_emit_jump(c, OP_JUMP, l_end);
            c_adjust(c, -1);
            c_place(c, l_else);
            c_expr(c, e->u.ifexp.orelse);
            c_place(c, l_end);
            break;
        }
        case EXPR_CALL:
            c_call(c, e);
            break;
        case EXPR_TUPLE: {
            obj_t t;
            if (e->u.list.elts.n > 0 && c_const_obj(c, e, &t)) {
                c_load_obj(c, t);
            } else {
                c_display(c, &e->u.list.elts, OP_BUILD_TUPLE, true);
            }
            break;
        }
        case EXPR_LIST:
            c_display(c, &e->u.list.elts, OP_BUILD_LIST, false);
            break;
        case EXPR_SET:
            c_display(c, &e->u.set.elts, OP_BUILD_SET, false);
            break;
        case EXPR_DICT: {
            size_t n = e->u.dict.keys.n;
            c_emit(c, OP_BUILD_MAP, (uint32_t)(n > 0xffff ? 0xffff : n));
            for (size_t i = 0; i < n; i++) {
                if (e->u.dict.keys.items[i] == NULL) {
                    c_expr(c, e->u.dict.values.items[i]);
                    c_emit(c, OP_DICT_UPDATE, 0);
                } else {
                    /* the value first, then the key: MicroPython's order (Python 3.4's) */
                    c_expr(c, e->u.dict.values.items[i]);
                    c_expr(c, e->u.dict.keys.items[i]);
                    c_emit(c, OP_STORE_MAP, 0);
                }
            }
            break;
        }
        case EXPR_LAMBDA: {
            scope_t *child = scope_child_for(c->cu->scope, e);
            c_make_function(c, child, e, e->u.lambda.args);
            break;
        }
        case EXPR_LISTCOMP:
        case EXPR_SETCOMP:
        case EXPR_DICTCOMP:
        case EXPR_GENERATOREXP:
            c_comprehension(c, e);
            break;
        case EXPR_YIELD:
            if (e->u.yield.value) c_expr(c, e->u.yield.value); else c_emit(c, OP_LOAD_NONE, 0);
            c_emit(c, OP_YIELD_VALUE, 0);
            break;
        case EXPR_AWAIT:
            c_expr(c, e->u.yield.value);
            c_await(c);
            break;
        case EXPR_YIELDFROM:
            c_expr(c, e->u.yield.value);
            c_emit(c, OP_GET_YIELD_FROM_ITER, 0);
            c_emit(c, OP_LOAD_NONE, 0);
            c_emit(c, OP_YIELD_FROM, 0);
            break;
        case EXPR_NAMEDEXPR:
            c_expr(c, e->u.namedexpr.value);
            c_emit(c, OP_DUP_TOP, 0);
            c_name(c, e->u.namedexpr.target->u.name.id, CTX_STORE);
            break;
        case EXPR_JOINEDSTR:
            c_joinedstr(c, e);
            break;
        case EXPR_FORMATTEDVALUE: {
            c_expr(c, e->u.formattedvalue.value);
            uint32_t flags = 0;
            int conv = e->u.formattedvalue.conversion;
            if (conv == 's') flags = 1;
            else if (conv == 'r') flags = 2;
            else if (conv == 'a') flags = 3;
            if (e->u.formattedvalue.format_spec != NULL) {
                c_expr(c, e->u.formattedvalue.format_spec);
                flags |= 4;
            }
            c_emit(c, OP_FORMAT_VALUE, flags);
            break;
        }
        case EXPR_STARRED:
            c_error(c, e->line, "can't use starred expression here");
    }
}

/* ---- assignment targets ---- */

static void c_store(comp_t *c, ast_expr_t *t) {
    switch (t->kind) {
        case EXPR_NAME:
            c_name(c, t->u.name.id, CTX_STORE);
            break;
        case EXPR_ATTRIBUTE:
            c_expr(c, t->u.attribute.value);
            c_emit(c, OP_STORE_ATTR, t->u.attribute.attr);
            break;
        case EXPR_SUBSCRIPT:
            c_expr(c, t->u.subscript.value);
            c_expr(c, t->u.subscript.slice);
            c_emit(c, OP_STORE_SUBSCR, 0);
            break;
        case EXPR_TUPLE:
        case EXPR_LIST: {
            ast_expr_list_t *l = &t->u.list.elts;
            size_t star = l->n;
            for (size_t i = 0; i < l->n; i++) {
                if (l->items[i]->kind == EXPR_STARRED) {
                    if (star != l->n) {
                        c_error(c, t->line, "multiple starred expressions in assignment");
                    }
                    star = i;
                }
            }
            if (star == l->n) {
                c_emit(c, OP_UNPACK_SEQUENCE, (uint32_t)l->n);
            } else {
                size_t after = l->n - star - 1;
                if (star > 0xfff || after > 0xfff) {
                    c_error(c, t->line, "too many expressions in star-unpacking assignment");
                }
                c_emit(c, OP_UNPACK_EX, (uint32_t)(star | (after << 12)));
            }
            for (size_t i = 0; i < l->n; i++) {
                ast_expr_t *x = l->items[i];
                c_store(c, x->kind == EXPR_STARRED ? x->u.starred.value : x);
            }
            break;
        }
        case EXPR_STARRED:
            c_error(c, t->line, "starred assignment target must be in a list or tuple");
        default:
            c_error(c, t->line, "can't assign to expression");
    }
}

static void c_delete(comp_t *c, ast_expr_t *t) {
    switch (t->kind) {
        case EXPR_NAME:
            c_name(c, t->u.name.id, CTX_DEL);
            break;
        case EXPR_ATTRIBUTE:
            c_expr(c, t->u.attribute.value);
            c_emit(c, OP_DELETE_ATTR, t->u.attribute.attr);
            break;
        case EXPR_SUBSCRIPT:
            c_expr(c, t->u.subscript.value);
            c_expr(c, t->u.subscript.slice);
            c_emit(c, OP_DELETE_SUBSCR, 0);
            break;
        case EXPR_TUPLE:
        case EXPR_LIST:
            for (size_t i = 0; i < t->u.list.elts.n; i++) {
                c_delete(c, t->u.list.elts.items[i]);
            }
            break;
        default:
            c_error(c, t->line, "can't delete expression");
    }
}

/* ---- unwinding for return / break / continue ---- */

/* await: the operand on the stack becomes its awaitable's result (a coroutine is a generator). */
static void c_await(comp_t *c) {
    c_emit(c, OP_GET_YIELD_FROM_ITER, 1);
    c_emit(c, OP_LOAD_NONE, 0);
    c_emit(c, OP_YIELD_FROM, 0);
}

/* Calls method name of the object on top (consumed) with no arguments and awaits the result. */
static void c_await_method(comp_t *c, qstr name) {
    c_emit(c, OP_LOAD_METHOD, name);
    c_emit(c, OP_CALL_METHOD, BC_CALL_ARG(0, 0));
    c_await(c);
}

/* async with, leaving without an exception: the manager on top (consumed) gets
 * `await mgr.__aexit__(None, None, None)`. */
static void c_async_exit_none(comp_t *c) {
    c_emit(c, OP_LOAD_METHOD, QSTR___aexit__);
    c_emit(c, OP_LOAD_NONE, 0);
    c_emit(c, OP_LOAD_NONE, 0);
    c_emit(c, OP_LOAD_NONE, 0);
    c_emit(c, OP_CALL_METHOD, BC_CALL_ARG(3, 0));
    c_await(c);
    c_emit(c, OP_POP_TOP, 0);
}

/* Emits the code that leaves fblocks[n_fblocks-1 .. stop] (inclusive of stop when incl).
 * preserve: a return value is on top of the stack and must stay there. */
static void c_unwind(comp_t *c, int stop, bool preserve) {
    cu_t *u = c->cu;
    int saved_n = u->n_fblocks;
    for (int i = saved_n - 1; i >= stop; i--) {
        fblock_t *fb = &u->fblocks[i];
        switch (fb->kind) {
            case FB_WHILE:
                break;
            case FB_FOR:
                if (fb->iter_stack) {
                    c_emit(c, OP_POP_ITER_STACK, preserve);
                    break;
                }
                if (preserve) {
                    c_emit(c, OP_ROT_TWO, 0);
                }
                c_emit(c, OP_POP_TOP, 0);
                break;
            case FB_TRY_EXCEPT:
                c_emit(c, OP_POP_BLOCK, 0);
                break;
            case FB_FINALLY_TRY: {
                c_emit(c, OP_POP_BLOCK, 0);
                fblock_t saved = *fb;
                u->n_fblocks = i;
                if (preserve) {
                    c_push_fblock(c, FB_RETVAL, 0, 0);
                }
                c_stmts(c, saved.finalbody);
                u->fblocks[i] = saved;
                u->n_fblocks = saved_n;
                break;
            }
            case FB_RETVAL:
            case FB_FINALLY_EXC:
                if (preserve) {
                    c_emit(c, OP_ROT_TWO, 0);
                }
                c_emit(c, OP_POP_TOP, 0);
                break;
            case FB_HANDLER:
                break;
            case FB_WITH:
                c_emit(c, OP_POP_BLOCK, 0);
                if (preserve) {
                    c_emit(c, OP_ROT_THREE, 0);
                }
                c_emit(c, OP_WITH_CLEANUP, 0);
                break;
            case FB_ASYNC_WITH:
                c_emit(c, OP_POP_BLOCK, 0);
                if (preserve) {
                    c_emit(c, OP_ROT_TWO, 0);
                }
                c_async_exit_none(c);
                break;
        }
    }
}

static void c_loop_jump(comp_t *c, ast_stmt_t *st, bool is_break) {
    cu_t *u = c->cu;
    int i = u->n_fblocks - 1;
    while (i >= 0 && u->fblocks[i].kind != FB_WHILE && u->fblocks[i].kind != FB_FOR) {
        i--;
    }
    if (i < 0) {
        c_error(c, st->line, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    }
    int depth = u->depth, blocks = u->n_blocks;
    c_unwind(c, i + 1, false);
    fblock_t *loop = &u->fblocks[i];
    if (is_break) {
        if (loop->kind == FB_FOR) {
            c_emit(c, loop->iter_stack ? OP_POP_ITER_STACK : OP_POP_TOP, 0);
        }
        c_emit_jump(c, OP_JUMP, loop->l_break);
    } else {
        c_emit_jump(c, OP_JUMP, loop->l_continue);
    }
    u->depth = depth;
    u->n_blocks = blocks;
}

/* ---- statements ---- */

/* range(a[, b[, c]]) with plain positional arguments: what GET_ITER_RANGE takes. */
static bool c_is_range_call(const ast_expr_t *e) {
    if (e->kind != EXPR_CALL || e->u.call.func->kind != EXPR_NAME || e->u.call.func->u.name.id != QSTR_range ||
        e->u.call.n_keywords != 0 || e->u.call.args.n < 1 || e->u.call.args.n > 3) {
        return false;
    }
    for (size_t i = 0; i < e->u.call.args.n; i++) {
        if (e->u.call.args.items[i]->kind == EXPR_STARRED) {
            return false;
        }
    }
    return true;
}

/* MicroPython's compile-time decorators: @micropython.bytecode is dropped (bytecode is all there
 * is); any other @micropython.<name> (native, viper, asm_thumb, ...) is a SyntaxError. */
static void c_filter_decorators(comp_t *c, ast_expr_list_t *decs) {
    size_t k = 0;
    for (size_t i = 0; i < decs->n; i++) {
        ast_expr_t *d = decs->items[i];
        ast_expr_t *root = d;
        while (root->kind == EXPR_ATTRIBUTE) {
            root = root->u.attribute.value;
        }
        if (d->kind == EXPR_ATTRIBUTE && root->kind == EXPR_NAME && root->u.name.id == QSTR_micropython) {
            if (d->u.attribute.value == root && d->u.attribute.attr == QSTR_bytecode) {
                continue;
            }
            c_error(c, d->line, "invalid micropython decorator");
        }
        decs->items[k++] = d;
    }
    decs->n = k;
}

static void c_function_def(comp_t *c, ast_stmt_t *st) {
    ast_expr_list_t *decs = &st->u.functiondef.decorators;
    c_filter_decorators(c, decs);
    for (size_t i = 0; i < decs->n; i++) {
        c_expr(c, decs->items[i]);
    }
    scope_t *child = scope_child_for(c->cu->scope, st);
    c_make_function(c, child, st, st->u.functiondef.args);
    for (size_t i = 0; i < decs->n; i++) {
        c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(1, 0));
    }
    c_name(c, st->u.functiondef.name, CTX_STORE);
}

static void c_class_def(comp_t *c, ast_stmt_t *st) {
    ast_expr_list_t *decs = &st->u.classdef.decorators;
    c_filter_decorators(c, decs);
    for (size_t i = 0; i < decs->n; i++) {
        c_expr(c, decs->items[i]);
    }
    c_emit(c, OP_LOAD_BUILD_CLASS, 0);
    scope_t *child = scope_child_for(c->cu->scope, st);
    c_make_function(c, child, st, NULL);
    c_load_obj(c, obj_new_qstr(st->u.classdef.name));
    ast_expr_list_t *bases = &st->u.classdef.bases;
    size_t nkw = st->u.classdef.n_keywords;
    bool star = c_has_starred(bases);
    for (size_t i = 0; i < nkw; i++) {
        if (st->u.classdef.keywords[i].arg == QSTR_NULL) {
            star = true;
        }
    }
    if (star) {
        /* __build_class__(*[fn, name, *bases], **{kw}) */
        c_emit(c, OP_BUILD_LIST, 2);
        c_star_call_args(c, bases, nkw, st->u.classdef.keywords);
        c_emit(c, OP_CALL_FUNCTION_EX, 0);
        for (size_t i = 0; i < decs->n; i++) {
            c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(1, 0));
        }
        c_name(c, st->u.classdef.name, CTX_STORE);
        return;
    }
    for (size_t i = 0; i < bases->n; i++) {
        c_expr(c, bases->items[i]);
    }
    for (size_t i = 0; i < nkw; i++) {
        c_load_obj(c, obj_new_qstr(st->u.classdef.keywords[i].arg));
        c_expr(c, st->u.classdef.keywords[i].value);
    }
    c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(2 + bases->n, nkw));
    for (size_t i = 0; i < decs->n; i++) {
        c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(1, 0));
    }
    c_name(c, st->u.classdef.name, CTX_STORE);
}

static void c_with_items(comp_t *c, ast_stmt_t *st, size_t k) {
    if (k == st->u.with.n_items) {
        c_stmts(c, &st->u.with.body);
        return;
    }
    ast_withitem_t *it = &st->u.with.items[k];
    uint32_t l_exc = c_new_label(c), l_end = c_new_label(c);
    c_expr(c, it->context_expr);
    c_set_line(c, st->line);
    c_emit_jump(c, OP_SETUP_WITH, l_exc);
    int depth = c->cu->depth - 1; /* handler sees [exit, self] + exc */
    int blocks = c->cu->n_blocks - 1;
    if (it->optional_vars != NULL) {
        c_store(c, it->optional_vars);
    } else {
        c_emit(c, OP_POP_TOP, 0);
    }
    c_push_fblock(c, FB_WITH, 0, 0);
    c_with_items(c, st, k + 1);
    c_pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_emit(c, OP_WITH_CLEANUP, 0);
    c_emit_jump(c, OP_JUMP, l_end);
    c->cu->depth = depth;
    c->cu->n_blocks = blocks;
    c_place(c, l_exc);
    c_adjust(c, 1);
    c_emit_jump(c, OP_WITH_EXCEPT, l_end);
    c_place(c, l_end);
}

/* async with item k..: mgr; v = await mgr.__aenter__(); [store v]; try: body (or the next item)
 * except BaseException as e: if not await mgr.__aexit__(type(e), e, None): raise;
 * on every other way out: await mgr.__aexit__(None, None, None). */
static void c_async_with_items(comp_t *c, ast_stmt_t *st, size_t k) {
    if (k == st->u.with.n_items) {
        c_stmts(c, &st->u.with.body);
        return;
    }
    cu_t *u = c->cu;
    ast_withitem_t *it = &st->u.with.items[k];
    uint32_t l_exc = c_new_label(c), l_swallow = c_new_label(c), l_end = c_new_label(c);
    c_expr(c, it->context_expr);
    c_set_line(c, st->line);
    c_emit(c, OP_DUP_TOP, 0);
    c_await_method(c, QSTR___aenter__);
    if (it->optional_vars != NULL) {
        c_store(c, it->optional_vars);
    } else {
        c_emit(c, OP_POP_TOP, 0);
    }
    int depth = u->depth, blocks = u->n_blocks; /* [mgr] */
    c_emit_jump(c, OP_SETUP_EXCEPT, l_exc);
    c_push_fblock(c, FB_ASYNC_WITH, 0, 0);
    c_async_with_items(c, st, k + 1);
    c_pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_async_exit_none(c);
    c_emit_jump(c, OP_JUMP, l_end);
    u->depth = depth;
    u->n_blocks = blocks;
    c_place(c, l_exc); /* [mgr exc] */
    c_adjust(c, 1);
    c_emit(c, OP_DUP_TOP, 0);        /* mgr exc exc */
    c_emit(c, OP_ROT_THREE, 0);      /* exc mgr exc */
    c_emit(c, OP_ROT_TWO, 0);        /* exc exc mgr */
    c_emit(c, OP_LOAD_METHOD, QSTR___aexit__); /* exc exc aexit self */
    c_emit(c, OP_ROT_THREE, 0);      /* exc self exc aexit */
    c_emit(c, OP_ROT_THREE, 0);      /* exc aexit self exc */
    c_emit(c, OP_DUP_TOP, 0);        /* exc aexit self exc exc */
    c_emit(c, OP_LOAD_ATTR, QSTR___class__); /* exc aexit self exc type */
    c_emit(c, OP_ROT_TWO, 0);        /* exc aexit self type exc */
    c_emit(c, OP_LOAD_NONE, 0);
    c_emit(c, OP_CALL_METHOD, BC_CALL_ARG(3, 0)); /* exc r */
    c_await(c);
    c_emit_jump(c, OP_POP_JUMP_IF_TRUE, l_swallow);
    c_emit(c, OP_RERAISE, 0);
    c_adjust(c, 1);
    c_place(c, l_swallow);
    c_emit(c, OP_POP_TOP, 0);
    c_place(c, l_end);
    u->depth = depth - 1;
}

/* async for: it = aiter.__aiter__(); loop { try: v = await it.__anext__()
 * except StopAsyncIteration: break to else }; the iterator stays on the stack as in for. */
static void c_async_for(comp_t *c, ast_stmt_t *st) {
    cu_t *u = c->cu;
    uint32_t l_top = c_new_label(c), l_exc = c_new_label(c), l_raise = c_new_label(c),
             l_end = c_new_label(c);
    c_expr(c, st->u.for_.iter);
    c_emit(c, OP_LOAD_METHOD, QSTR___aiter__);
    c_emit(c, OP_CALL_METHOD, BC_CALL_ARG(0, 0));
    int depth = u->depth, blocks = u->n_blocks; /* [it] */
    c_place(c, l_top);
    c_emit_jump(c, OP_SETUP_EXCEPT, l_exc);
    c_emit(c, OP_DUP_TOP, 0);
    c_await_method(c, QSTR___anext__);
    c_emit(c, OP_POP_BLOCK, 0);
    c_store(c, st->u.for_.target);
    c_push_fblock(c, FB_FOR, l_top, l_end);
    c_stmts(c, &st->u.for_.body);
    c_pop_fblock(c);
    c_emit_jump(c, OP_JUMP, l_top);
    u->depth = depth;
    u->n_blocks = blocks;
    c_place(c, l_exc); /* [it exc] */
    c_adjust(c, 1);
    c_emit(c, OP_DUP_TOP, 0);
    c_load_obj(c, OBJ_FROM_PTR(&type_StopAsyncIteration));
    c_emit_jump(c, OP_JUMP_IF_NOT_EXC_MATCH, l_raise);
    c_emit(c, OP_POP_TOP, 0);
    c_emit(c, OP_POP_TOP, 0);
    c_stmts(c, &st->u.for_.orelse);
    c_emit_jump(c, OP_JUMP, l_end);
    c_place(c, l_raise);
    c_emit(c, OP_RERAISE, 0);
    c_place(c, l_end);
    u->depth = depth - 1;
}

static void c_try_except(comp_t *c, ast_stmt_t *st) {
    cu_t *u = c->cu;
    uint32_t l_handler = c_new_label(c), l_end = c_new_label(c);
    int depth = u->depth, blocks = u->n_blocks;
    c_emit_jump(c, OP_SETUP_EXCEPT, l_handler);
    c_push_fblock(c, FB_TRY_EXCEPT, 0, 0);
    c_stmts(c, &st->u.try_.body);
    c_pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_stmts(c, &st->u.try_.orelse);
    c_emit_jump(c, OP_JUMP, l_end);
    /* handler: [exc] */
    u->depth = depth;
    u->n_blocks = blocks;
    c_place(c, l_handler);
    c_adjust(c, 1);
    int hidden = c_alloc_hidden(c);
    c_emit(c, OP_STORE_FAST, (uint32_t)hidden);
    bool bare = false;
    for (size_t i = 0; i < st->u.try_.n_handlers; i++) {
        ast_excepthandler_t *h = &st->u.try_.handlers[i];
        c_set_line(c, h->line);
        uint32_t l_next = c_new_label(c);
        if (h->type != NULL) {
            c_emit(c, OP_LOAD_FAST, (uint32_t)hidden);
            c_expr(c, h->type);
            c_emit_jump(c, OP_JUMP_IF_NOT_EXC_MATCH, l_next);
        } else {
            if (i + 1 != st->u.try_.n_handlers) {
                c_error(c, h->line, "default 'except:' must be last");
            }
            bare = true;
        }
        if (h->name != QSTR_NULL) {
            c_emit(c, OP_LOAD_FAST, (uint32_t)hidden);
            c_name(c, h->name, CTX_STORE);
        }
        fblock_t *fb = c_push_fblock(c, FB_HANDLER, 0, 0);
        fb->hidden = hidden;
        c_stmts(c, &h->body);
        c_pop_fblock(c);
        if (h->name != QSTR_NULL) {
            c_emit(c, OP_LOAD_NONE, 0);
            c_name(c, h->name, CTX_STORE);
            c_name(c, h->name, CTX_DEL);
        }
        c_emit_jump(c, OP_JUMP, l_end);
        c_place(c, l_next);
    }
    if (!bare) {
        c_emit(c, OP_LOAD_FAST, (uint32_t)hidden);
        c_emit(c, OP_RERAISE, 0);
    }
    c_free_hidden(c);
    c_place(c, l_end);
}

static void c_try(comp_t *c, ast_stmt_t *st) {
    if (st->u.try_.finalbody.n == 0) {
        c_try_except(c, st);
        return;
    }
    cu_t *u = c->cu;
    uint32_t l_fin = c_new_label(c), l_end = c_new_label(c);
    int depth = u->depth, blocks = u->n_blocks;
    c_emit_jump(c, OP_SETUP_EXCEPT, l_fin);
    fblock_t *fb = c_push_fblock(c, FB_FINALLY_TRY, 0, 0);
    fb->finalbody = &st->u.try_.finalbody;
    if (st->u.try_.n_handlers > 0) {
        c_try_except(c, st);
    } else {
        c_stmts(c, &st->u.try_.body);
    }
    c_pop_fblock(c);
    c_emit(c, OP_POP_BLOCK, 0);
    c_stmts(c, &st->u.try_.finalbody);
    c_emit_jump(c, OP_JUMP, l_end);
    u->depth = depth;
    u->n_blocks = blocks;
    c_place(c, l_fin);
    c_adjust(c, 1);
    c_push_fblock(c, FB_FINALLY_EXC, 0, 0);
    c_stmts(c, &st->u.try_.finalbody);
    c_pop_fblock(c);
    c_emit(c, OP_RERAISE, 0);
    c_place(c, l_end);
}

static bool c_in_handler(comp_t *c, int *hidden) {
    cu_t *u = c->cu;
    for (int i = u->n_fblocks - 1; i >= 0; i--) {
        if (u->fblocks[i].kind == FB_HANDLER) {
            *hidden = u->fblocks[i].hidden;
            return true;
        }
    }
    return false;
}

/* Whether e can't be the argument of const(): a name that is no constant, @, or a division by
 * zero or negative shift of constants (MicroPython's SyntaxErrors). */
static bool c_const_invalid(comp_t *c, ast_expr_t *e) {
    int64_t r;
    switch (e->kind) {
        case EXPR_CONSTANT:
            return e->u.constant.kind != AST_CONST_INT && e->u.constant.kind != AST_CONST_BIGINT;
        case EXPR_NAME: {
            /* a constant defined before, or a module name bound by one made at run time (bignum) */
            obj_t v;
            if (c_const_lookup(c, e->u.name.id, &v)) {
                return false;
            }
            scope_t *m = c->cu->scope;
            while (m->parent != NULL) {
                m = m->parent;
            }
            scope_id_t *id = scope_find(m, e->u.name.id);
            return id == NULL || !(id->flags & ID_FL_BOUND);
        }
        case EXPR_UNARYOP:
            return c_const_invalid(c, e->u.unaryop.operand);
        case EXPR_BINOP:
            if (e->u.binop.op == AST_MATMULT || c_const_invalid(c, e->u.binop.left) ||
                c_const_invalid(c, e->u.binop.right)) {
                return true;
            }
            if (c_fold(c, e->u.binop.right, &r)) {
                int op = e->u.binop.op;
                if (((op == AST_FLOORDIV || op == AST_MOD) && r == 0) || ((op == AST_LSHIFT || op == AST_RSHIFT) && r < 0)) {
                    return true;
                }
            }
            return false;
        default:
            return true;
    }
}

static bool c_try_const_assign(comp_t *c, ast_stmt_t *st) {
    scope_kind_t sk = c->cu->scope->kind; /* const() at module or class level */
    if ((sk != SCOPE_MODULE && sk != SCOPE_CLASS) || st->u.assign.targets.n != 1) {
        return false;
    }
    ast_expr_t *t = st->u.assign.targets.items[0], *v = st->u.assign.value;
    if (t->kind != EXPR_NAME || v->kind != EXPR_CALL || v->u.call.args.n != 1 || v->u.call.n_keywords != 0) {
        return false;
    }
    ast_expr_t *f = v->u.call.func;
    bool is_const = (f->kind == EXPR_NAME && f->u.name.id == QSTR_const) ||
                    (f->kind == EXPR_ATTRIBUTE && f->u.attribute.attr == QSTR_const &&
                        f->u.attribute.value->kind == EXPR_NAME &&
                        f->u.attribute.value->u.name.id == QSTR_micropython);
    int64_t val;
    obj_t cval = OBJ_NULL;
    if (!is_const) {
        return false;
    }
    ast_expr_t *arg = v->u.call.args.items[0];
    if (c_fold(c, arg, &val)) {
        cval = small_int_new((int_t)val);
    } else if (arg->kind == EXPR_CONSTANT || arg->kind == EXPR_TUPLE) {
        if (!c_const_obj(c, arg, &cval)) {
            c_error(c, st->line, "not a constant");
        }
        if (!obj_is_small_int(cval) && !(arg->kind == EXPR_CONSTANT && arg->u.constant.kind == AST_CONST_BIGINT)) {
            goto bind; /* a str, bytes, None, ... or a tuple of constants (MicroPython's const) */
        }
        if (obj_is_small_int(cval)) {
            val = small_int_value(cval);
        } else {
            return false; /* a bignum literal: computed at run time */
        }
    } else {
        if (c_const_invalid(c, arg)) {
            c_error(c, st->line, "not a constant");
        }
        return false; /* an integer too big to fold (a bignum): computed at run time */
    }
    cval = small_int_new((int_t)val);
bind:
    for (size_t i = 0; i < c->n_cnames; i++) {
        if (c->cnames[i] == t->u.name.id) {
            c_error(c, st->line, "constant redefined");
        }
    }
    c->cnames = c_grow(c->cnames, &c->alloc_cnames, sizeof(qstr), c->n_cnames + 1);
    c->cnames[c->n_cnames++] = t->u.name.id;
    list_append(c->cvalues, cval);
    if (qstr_str(t->u.name.id)[0] != '_') {
        c_load_obj(c, cval);
        c_name(c, t->u.name.id, CTX_STORE);
    }
    return true;
}

static void c_import_name(comp_t *c, qstr name, obj_t fromlist, int level) {
    c_load_obj(c, small_int_new(level));
    c_load_obj(c, fromlist);
    c_emit(c, OP_IMPORT_NAME, name);
}

static void c_stmt(comp_t *c, ast_stmt_t *st) {
    cu_t *u = c->cu;
    c_set_line(c, st->line);
    switch (st->kind) {
        case STMT_FUNCTIONDEF:
            c_function_def(c, st);
            break;
        case STMT_CLASSDEF:
            c_class_def(c, st);
            break;
        case STMT_RETURN: {
            if (u->scope->kind == SCOPE_MODULE || u->scope->kind == SCOPE_CLASS) {
                c_error(c, st->line, "'return' outside function");
            }
            if (st->u.ret.value) c_expr(c, st->u.ret.value); else c_emit(c, OP_LOAD_NONE, 0);
            int depth = u->depth, blocks = u->n_blocks;
            c_unwind(c, 0, true);
            c_emit(c, OP_RETURN_VALUE, 0);
            u->depth = depth - 1;
            u->n_blocks = blocks;
            break;
        }
        case STMT_DELETE:
            for (size_t i = 0; i < st->u.del.targets.n; i++) {
                c_delete(c, st->u.del.targets.items[i]);
            }
            break;
        case STMT_ASSIGN: {
            if (c_try_const_assign(c, st)) {
                break;
            }
            c_expr(c, st->u.assign.value);
            size_t n = st->u.assign.targets.n;
            for (size_t i = 0; i < n; i++) {
                if (i + 1 < n) {
                    c_emit(c, OP_DUP_TOP, 0);
                }
                c_store(c, st->u.assign.targets.items[i]);
            }
            break;
        }
        case STMT_AUGASSIGN: {
            ast_expr_t *t = st->u.augassign.target;
            if (t->kind == EXPR_NAME) {
                c_name(c, t->u.name.id, CTX_LOAD);
                c_expr(c, st->u.augassign.value);
                c_binop(c, st->u.augassign.op, true);
                c_name(c, t->u.name.id, CTX_STORE);
            } else if (t->kind == EXPR_ATTRIBUTE) {
                c_expr(c, t->u.attribute.value);
                c_emit(c, OP_DUP_TOP, 0);
                c_emit(c, OP_LOAD_ATTR, t->u.attribute.attr);
                c_expr(c, st->u.augassign.value);
                c_binop(c, st->u.augassign.op, true);
                c_emit(c, OP_ROT_TWO, 0);
                c_emit(c, OP_STORE_ATTR, t->u.attribute.attr);
            } else if (t->kind == EXPR_SUBSCRIPT) {
                c_expr(c, t->u.subscript.value);
                c_expr(c, t->u.subscript.slice);
                c_emit(c, OP_DUP_TOP_TWO, 0);
                c_emit(c, OP_LOAD_SUBSCR, 0);
                c_expr(c, st->u.augassign.value);
                c_binop(c, st->u.augassign.op, true);
                c_emit(c, OP_ROT_THREE, 0);
                c_emit(c, OP_STORE_SUBSCR, 0);
            } else {
                c_error(c, st->line, "illegal expression for augmented assignment");
            }
            break;
        }
        case STMT_ANNASSIGN:
            if (st->u.annassign.value != NULL) {
                c_expr(c, st->u.annassign.value);
                c_store(c, st->u.annassign.target);
            }
            break;
        case STMT_FOR: {
            if (st->is_async) {
                c_async_for(c, st);
                break;
            }
            uint32_t l_top = c_new_label(c), l_else = c_new_label(c), l_end = c_new_label(c);
            ast_expr_t *it = st->u.for_.iter;
            if (c_is_range_call(it)) {
                /* range(...) itself is not made when range is the built-in (GET_ITER_RANGE) */
                c_expr(c, it->u.call.func);
                for (size_t i = 0; i < it->u.call.args.n; i++) {
                    c_expr(c, it->u.call.args.items[i]);
                }
                c_emit(c, OP_GET_ITER_RANGE, (uint32_t)it->u.call.args.n);
            } else {
                c_expr(c, it);
                c_emit(c, OP_GET_ITER_STACK, 0);
            }
            c_place(c, l_top);
            c_emit_jump(c, OP_FOR_ITER_STACK, l_else);
            c_store(c, st->u.for_.target);
            c_push_fblock(c, FB_FOR, l_top, l_end)->iter_stack = true;
            c_stmts(c, &st->u.for_.body);
            c_pop_fblock(c);
            c_emit_jump(c, OP_JUMP, l_top);
            c_place(c, l_else);
            c_adjust(c, -ITER_BUF_WORDS);
            c_stmts(c, &st->u.for_.orelse);
            c_place(c, l_end);
            break;
        }
        case STMT_WHILE: {
            uint32_t l_top = c_new_label(c), l_else = c_new_label(c), l_end = c_new_label(c);
            c_place(c, l_top);
            ast_expr_t *test = st->u.while_.test;
            int64_t k;
            bool always = (test->kind == EXPR_CONSTANT && test->u.constant.kind == AST_CONST_TRUE) ||
                          (c_fold(c, test, &k) && k != 0);
            if (!always) {
                c_jump_if_false(c, test, l_else);
            }
            c_push_fblock(c, FB_WHILE, l_top, l_end);
            c_stmts(c, &st->u.while_.body);
            c_pop_fblock(c);
            c_set_line(c, st->line);
            c_emit_jump(c, OP_JUMP, l_top);
            c_place(c, l_else);
            c_stmts(c, &st->u.while_.orelse);
            c_place(c, l_end);
            break;
        }
        case STMT_IF: {
            uint32_t l_else = c_new_label(c), l_end = c_new_label(c);
            c_jump_if_false(c, st->u.if_.test, l_else);
            c_stmts(c, &st->u.if_.body);
            if (st->u.if_.orelse.n > 0) {
                c_emit_jump(c, OP_JUMP, l_end);
            }
            c_place(c, l_else);
            c_stmts(c, &st->u.if_.orelse);
            c_place(c, l_end);
            break;
        }
        case STMT_WITH:
            if (st->is_async) {
                c_async_with_items(c, st, 0);
                break;
            }
            c_with_items(c, st, 0);
            break;
        case STMT_RAISE: {
            if (st->u.raise.exc == NULL) {
                int hidden;
                if (c_in_handler(c, &hidden)) {
                    c_emit(c, OP_LOAD_FAST, (uint32_t)hidden);
                    c_emit(c, OP_RERAISE, 0);
                } else {
                    c_emit(c, OP_RAISE, 0);
                }
                break;
            }
            c_expr(c, st->u.raise.exc);
            if (st->u.raise.cause) {
                c_expr(c, st->u.raise.cause);
                c_emit(c, OP_RAISE, 2);
            } else {
                c_emit(c, OP_RAISE, 1);
            }
            break;
        }
        case STMT_TRY:
            c_try(c, st);
            break;
        case STMT_ASSERT: {
            if (rt_opt_level >= 1) {
                break; /* optimised away, its expressions unevaluated */
            }
            uint32_t l_ok = c_new_label(c);
            c_expr(c, st->u.assert_.test);
            c_emit_jump(c, OP_POP_JUMP_IF_TRUE, l_ok);
            c_emit(c, OP_LOAD_ASSERTION_ERROR, 0);
            if (st->u.assert_.msg) {
                c_expr(c, st->u.assert_.msg);
                c_emit(c, OP_CALL_FUNCTION, BC_CALL_ARG(1, 0));
            }
            c_emit(c, OP_RAISE, 1);
            c_place(c, l_ok);
            break;
        }
        case STMT_IMPORT:
            for (size_t i = 0; i < st->u.import.n_names; i++) {
                ast_alias_t *a = &st->u.import.names[i];
                c_import_name(c, a->name, OBJ_NONE, 0);
                size_t len;
                const char *d = qstr_data(a->name, &len);
                if (a->asname != QSTR_NULL) {
                    size_t start = 0;
                    bool first = true;
                    for (size_t j = 0; j <= len; j++) {
                        if (j == len || d[j] == '.') {
                            if (!first) {
                                c_emit(c, OP_LOAD_ATTR, qstr_from_strn(d + start, j - start));
                            }
                            first = false;
                            start = j + 1;
                        }
                    }
                    c_name(c, a->asname, CTX_STORE);
                } else {
                    size_t j = 0;
                    while (j < len && d[j] != '.') {
                        j++;
                    }
                    c_name(c, qstr_from_strn(d, j), CTX_STORE);
                }
            }
            break;
        case STMT_IMPORTFROM: {
            size_t n = st->u.importfrom.n_names;
            obj_t names = tuple_new(n, NULL);
            bool star = false;
            for (size_t i = 0; i < n; i++) {
                qstr q = st->u.importfrom.names[i].name;
                ((tuple_obj_t *)OBJ_TO_PTR(names))->items[i] = obj_new_qstr(q);
                if (q == QSTR__star_) {
                    star = true;
                }
            }
            qstr mod = st->u.importfrom.module != QSTR_NULL ? st->u.importfrom.module : QSTR__empty;
            c_import_name(c, mod, names, st->u.importfrom.level);
            if (star) {
                if (u->scope->kind != SCOPE_MODULE) { /* not in a class either (CPython, MicroPython) */
                    c_error(c, st->line, "import * only allowed at module level");
                }
                c_emit(c, OP_IMPORT_STAR, 0);
                break;
            }
            for (size_t i = 0; i < n; i++) {
                ast_alias_t *a = &st->u.importfrom.names[i];
                c_emit(c, OP_IMPORT_FROM, a->name);
                c_name(c, a->asname != QSTR_NULL ? a->asname : a->name, CTX_STORE);
            }
            c_emit(c, OP_POP_TOP, 0);
            break;
        }
        case STMT_GLOBAL:
        case STMT_NONLOCAL:
        case STMT_PASS:
            break;
        case STMT_BREAK:
            c_loop_jump(c, st, true);
            break;
        case STMT_CONTINUE:
            c_loop_jump(c, st, false);
            break;
        case STMT_EXPR: {
            ast_expr_t *v = st->u.expr.value;
            if (c->kind == INPUT_SINGLE && u->scope->kind == SCOPE_MODULE) {
                c_expr(c, v);
                c_emit(c, OP_PRINT_EXPR, 0);
                break;
            }
            if (v->kind == EXPR_CONSTANT) {
                break; /* docstrings and other constants: no effect */
            }
            c_expr(c, v);
            c_emit(c, OP_POP_TOP, 0);
            break;
        }
    }
}

static void c_stmts(comp_t *c, ast_stmt_list_t *l) {
    for (size_t i = 0; i < l->n; i++) {
        c_stmt(c, l->items[i]);
    }
}

/* ---- units ---- */

static void c_free_unit(cu_t *u) {
    free(u->code);
    free(u->lines);
    free(u->label_pos);
    free(u->fixups);
    free(u);
}

static code_obj_t *c_finish_unit(comp_t *c) {
    cu_t *u = c->cu;
    scope_t *s = u->scope;
    for (size_t i = 0; i < u->n_fixups; i++) {
        uint32_t w = u->code[u->fixups[i]];
        uint32_t target = u->label_pos[BC_ARG(w)];
        u->code[u->fixups[i]] = BC_MAKE(BC_OP(w), target);
    }
    code_obj_t *code = NEW_OBJ(code_obj_t);
    code->base.type = &code_type;
    code->name = s->name;
    code->filename = c->filename;
    code->flags = s->code_flags;
    if (s->kind == SCOPE_CLASS) {
        code->flags |= CODE_CLASS_BODY;
    } else if (s->kind == SCOPE_MODULE) {
        code->flags |= CODE_MODULE;
    }
    code->n_pos_args = s->n_pos;
    code->n_posonly = s->n_posonly;
    code->n_kwonly = s->n_kwonly;
    code->n_locals = (uint16_t)(s->n_locals + u->max_hidden);
    code->stack_size = (uint16_t)(u->max_depth + 2);
    code->n_blocks = (uint16_t)u->max_blocks;
    code->free_start = s->free_start;
    code->n_free = s->n_free;
    size_t nargs = (size_t)s->n_pos + s->n_kwonly;
    if (nargs > 0) {
        code->arg_names = NEW_ARRAY(qstr, nargs);
        for (size_t i = 0; i < nargs; i++) {
            code->arg_names[i] = s->ids[i].name;
        }
    }
    size_t ncells = 0;
    for (size_t i = 0; i < s->n_ids; i++) {
        ncells += s->ids[i].kind == ID_CELL;
    }
    if (ncells > 0) {
        code->cell_idx = NEW_ARRAY(uint16_t, ncells);
        for (size_t i = 0; i < s->n_ids; i++) {
            if (s->ids[i].kind == ID_CELL) {
                code->cell_idx[code->n_cells++] = s->ids[i].idx;
            }
        }
    }
    code->code = NEW_ARRAY(uint32_t, u->len);
    memcpy(code->code, u->code, u->len * sizeof(uint32_t));
    code->code_len = u->len;
    list_obj_t *cl = OBJ_TO_PTR(u->consts);
    if (cl->len > 0) {
        code->consts = NEW_ARRAY(obj_t, cl->len);
        memcpy(code->consts, cl->items, cl->len * sizeof(obj_t));
    }
    code->n_consts = cl->len;
    if (u->n_lines > 0) {
        code->lines = NEW_ARRAY(uint32_t, u->n_lines);
        memcpy(code->lines, u->lines, u->n_lines * sizeof(uint32_t));
    }
    code->n_lines = u->n_lines / 2;
    c->cu = u->outer;
    c_free_unit(u);
    return code;
}

static void c_begin_unit(comp_t *c, scope_t *s) {
    cu_t *u = calloc(1, sizeof(cu_t));
    if (u == NULL) {
        raise_memory_error();
    }
    u->outer = c->cu;
    u->scope = s;
    c->cu = u;
    u->consts = list_new(0, NULL);
    list_append(c->keep, u->consts);
    c_set_line(c, s->line);
}

/* Compiles a nested scope's body into a code object; returns its const index in the current unit. */
static uint32_t c_scope_code(comp_t *c, scope_t *s, const void *node) {
    c_begin_unit(c, s);
    switch (s->kind) {
        case SCOPE_FUNCTION: {
            const ast_stmt_t *st = node;
            c_stmts(c, (ast_stmt_list_t *)&st->u.functiondef.body);
            c_emit(c, OP_LOAD_NONE, 0);
            c_emit(c, OP_RETURN_VALUE, 0);
            break;
        }
        case SCOPE_LAMBDA: {
            const ast_expr_t *e = node;
            c_expr(c, e->u.lambda.body);
            c_emit(c, OP_RETURN_VALUE, 0);
            break;
        }
        case SCOPE_CLASS: {
            const ast_stmt_t *st = node;
            c_emit(c, OP_LOAD_NAME, QSTR___name__);
            c_emit(c, OP_STORE_NAME, QSTR___module__);
            c_load_obj(c, obj_new_qstr(s->name));
            c_emit(c, OP_STORE_NAME, QSTR___qualname__);
            c_stmts(c, (ast_stmt_list_t *)&st->u.classdef.body);
            scope_id_t *cell = NULL;
            for (size_t i = 0; i < s->n_ids; i++) {
                if (s->ids[i].name == QSTR___class__ && s->ids[i].kind == ID_CELL) {
                    cell = &s->ids[i];
                }
            }
            if (cell != NULL) {
                c_emit(c, OP_LOAD_CLOSURE, cell->idx);
            } else {
                c_emit(c, OP_LOAD_NONE, 0);
            }
            c_emit(c, OP_RETURN_VALUE, 0);
            break;
        }
        case SCOPE_COMP: {
            const ast_expr_t *e = node;
            bool gen = e->kind == EXPR_GENERATOREXP;
            if (e->kind == EXPR_LISTCOMP) c_emit(c, OP_BUILD_LIST, 0);
            else if (e->kind == EXPR_SETCOMP) c_emit(c, OP_BUILD_SET, 0);
            else if (e->kind == EXPR_DICTCOMP) c_emit(c, OP_BUILD_MAP, 0);
            size_t n = e->u.comp.n_gens;
            /* labels 2i / 2i+1 (consecutive ids from base): loop top and exit of generator i */
            uint32_t base = (uint32_t)c->cu->n_labels;
            for (size_t i = 0; i < 2 * n; i++) {
                c_new_label(c);
            }
#define tops(k) (base + (uint32_t)(k))
            for (size_t i = 0; i < n; i++) {
                ast_comprehension_t *g = &e->u.comp.gens[i];
                if (i == 0) {
                    c_emit(c, OP_LOAD_FAST, 0);
                } else {
                    c_expr(c, g->iter);
                    c_emit(c, OP_GET_ITER, 0);
                }
                c_place(c, tops(2 * i));
                c_emit_jump(c, OP_FOR_ITER, tops(2 * i + 1));
                c_store(c, g->target);
                for (size_t j = 0; j < g->ifs.n; j++) {
                    c_jump_if_false(c, g->ifs.items[j], tops(2 * i));
                }
            }
            if (gen) {
                c_expr(c, e->u.comp.elt);
                c_emit(c, OP_YIELD_VALUE, 0);
                c_emit(c, OP_POP_TOP, 0);
            } else if (e->kind == EXPR_DICTCOMP) {
                c_expr(c, e->u.comp.value); /* value first, as in displays */
                c_expr(c, e->u.comp.key);
                c_emit(c, OP_MAP_ADD, (uint32_t)n);
            } else {
                c_expr(c, e->u.comp.elt);
                c_emit(c, e->kind == EXPR_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, (uint32_t)n);
            }
            for (size_t i = n; i-- > 0;) {
                c_emit_jump(c, OP_JUMP, tops(2 * i));
                c_place(c, tops(2 * i + 1));
                c_adjust(c, -1);
            }
#undef tops
            if (gen) {
                c_emit(c, OP_LOAD_NONE, 0);
            }
            c_emit(c, OP_RETURN_VALUE, 0);
            break;
        }
        case SCOPE_MODULE:
            break;
    }
    code_obj_t *code = c_finish_unit(c);
    return c_const(c, OBJ_FROM_PTR(code));
}

obj_t compile_module(ast_module_t *mod, int kind) {
    comp_t c;
    memset(&c, 0, sizeof(c));
    c.filename = mod->filename;
    c.kind = kind;
    c.keep = list_new(0, NULL);
    c.cvalues = list_new(0, NULL);
    c.root = scope_analyse(mod, mod->filename);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        c_begin_unit(&c, c.root);
        if (kind == INPUT_EVAL && mod->expr != NULL) {
            c_set_line(&c, mod->expr->line);
            c_expr(&c, mod->expr);
            c_emit(&c, OP_RETURN_VALUE, 0);
        } else {
            c_stmts(&c, &mod->body);
            c_emit(&c, OP_LOAD_NONE, 0);
            c_emit(&c, OP_RETURN_VALUE, 0);
        }
        code_obj_t *code = c_finish_unit(&c);
        nlr_pop();
        scope_free(c.root);
        free(c.cnames);
        return OBJ_FROM_PTR(code);
    }
    while (c.cu != NULL) {
        cu_t *o = c.cu->outer;
        c_free_unit(c.cu);
        c.cu = o;
    }
    scope_free(c.root);
    free(c.cnames);
    nlr_jump(nlr.value);
}
