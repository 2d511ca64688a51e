/* core/scope.c: symbol-table analysis (which names are local, global, cell or free) for compile.c.
 * Pass 1 walks the AST recording, per scope, every name bound, used or declared; pass 2 resolves
 * each scope's names top-down (an inner reference turns an outer local into a cell and threads a
 * free variable through every scope in between) and then numbers locals bottom-up.
 * Invariant: every name a scope mentions has exactly one scope_id_t entry of a resolved kind
 * (class scopes may hold a second FREE entry for a name they also bind, for closures of methods). */
#include <stdlib.h>

#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/scope.h"

typedef struct {
    qstr filename;
    scope_t *root;
} sc_t;

NORETURN void scope_syntax_error(qstr filename, int line, const char *msg) {
    obj_t e = exc_new_msg(&type_SyntaxError, msg);
    exc_add_traceback(e, filename, (size_t)(line > 0 ? line : 1), QSTR_NULL);
    rt_raise(e);
}

static NORETURN void sc_error_fmt(sc_t *sc, int line, const char *fmt, qstr name) {
    char buf[160];
    const char *n = qstr_str(name);
    size_t bi = 0;
    for (const char *p = fmt; *p && bi < sizeof(buf) - 1; p++) {
        if (*p == '%') {
            for (const char *q = n; *q && bi < sizeof(buf) - 1; q++) {
                buf[bi++] = *q;
            }
        } else {
            buf[bi++] = *p;
        }
    }
    buf[bi] = 0;
    scope_syntax_error(sc->filename, line, buf);
}

static void *sc_xalloc(size_t n) {
    void *p = calloc(1, n);
    if (p == NULL) {
        raise_memory_error();
    }
    return p;
}

static void *sc_xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (q == NULL) {
        raise_memory_error();
    }
    return q;
}

static scope_t *sc_new_scope(scope_t *parent, scope_kind_t kind, qstr name, const void *node, int line) {
    scope_t *s = sc_xalloc(sizeof(scope_t));
    s->kind = kind;
    s->name = name;
    s->node = node;
    s->line = line;
    s->parent = parent;
    if (parent != NULL) {
        if (parent->n_children == parent->alloc_children) {
            size_t na = parent->alloc_children ? parent->alloc_children * 2 : 4;
            parent->children = sc_xrealloc(parent->children, na * sizeof(scope_t *));
            parent->alloc_children = na;
        }
        parent->children[parent->n_children++] = s;
    }
    return s;
}

void scope_free(scope_t *s) {
    if (s == NULL) {
        return;
    }
    for (size_t i = 0; i < s->n_children; i++) {
        scope_free(s->children[i]);
    }
    free(s->children);
    free(s->ids);
    free(s);
}

scope_t *scope_child_for(scope_t *s, const void *node) {
    for (size_t i = 0; i < s->n_children; i++) {
        if (s->children[i]->node == node) {
            return s->children[i];
        }
    }
    return NULL;
}

scope_id_t *scope_find(scope_t *s, qstr name) {
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].name == name) {
            return &s->ids[i];
        }
    }
    return NULL;
}

static scope_id_t *sc_add_id(scope_t *s, qstr name, int line) {
    if (s->n_ids == s->alloc_ids) {
        size_t na = s->alloc_ids ? s->alloc_ids * 2 : 8;
        s->ids = sc_xrealloc(s->ids, na * sizeof(scope_id_t));
        s->alloc_ids = na;
    }
    scope_id_t *id = &s->ids[s->n_ids++];
    memset(id, 0, sizeof(*id));
    id->name = name;
    id->line = line;
    return id;
}

static scope_id_t *sc_get_id(scope_t *s, qstr name, int line) {
    scope_id_t *id = scope_find(s, name);
    return id != NULL ? id : sc_add_id(s, name, line);
}

static void sc_bind(scope_t *s, qstr name, int line) { sc_get_id(s, name, line)->flags |= ID_FL_BOUND; }
static void sc_use(scope_t *s, qstr name, int line) { sc_get_id(s, name, line)->flags |= ID_FL_USED; }

static void sc_add_param(sc_t *sc, scope_t *s, const ast_arg_t *a) {
    if (scope_find(s, a->arg) != NULL) {
        sc_error_fmt(sc, a->line, "duplicate argument '%' in function definition", a->arg);
    }
    scope_id_t *id = sc_add_id(s, a->arg, a->line);
    id->flags |= ID_FL_PARAM | ID_FL_BOUND;
}

/* ---- pass 1: collect ---- */

static void sc_expr(sc_t *sc, scope_t *s, ast_expr_t *e, bool store);
static void sc_stmts(sc_t *sc, scope_t *s, ast_stmt_list_t *l);

static void sc_exprs(sc_t *sc, scope_t *s, ast_expr_list_t *l, bool store) {
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[i] != NULL) {
            sc_expr(sc, s, l->items[i], store);
        }
    }
}

static void sc_params(sc_t *sc, scope_t *s, ast_arguments_t *a) {
    if (a == NULL) {
        return;
    }
    for (size_t i = 0; i < a->n_args; i++) {
        sc_add_param(sc, s, &a->args[i]);
    }
    for (size_t i = 0; i < a->n_kwonly; i++) {
        sc_add_param(sc, s, &a->kwonly[i]);
    }
    if (a->vararg != NULL) {
        sc_add_param(sc, s, a->vararg);
        s->code_flags |= CODE_VARARGS;
    }
    if (a->kwarg != NULL) {
        sc_add_param(sc, s, a->kwarg);
        s->code_flags |= CODE_VARKW;
    }
    s->n_pos = (uint16_t)a->n_args;
    s->n_posonly = (uint16_t)a->n_posonly;
    s->n_kwonly = (uint16_t)a->n_kwonly;
}

static void sc_defaults(sc_t *sc, scope_t *s, ast_arguments_t *a) {
    if (a == NULL) {
        return;
    }
    sc_exprs(sc, s, &a->defaults, false);
    for (size_t i = 0; i < a->n_kwonly; i++) {
        if (a->kw_defaults != NULL && a->kw_defaults[i] != NULL) {
            sc_expr(sc, s, a->kw_defaults[i], false);
        }
    }
}

static void sc_mark_generator(sc_t *sc, scope_t *s, int line) {
    if (s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS) {
        scope_syntax_error(sc->filename, line, "'yield' outside function");
    }
    if (s->kind == SCOPE_COMP) {
        scope_syntax_error(sc->filename, line,
            s->name == QSTR__lt_listcomp_gt_   ? "'yield' inside list comprehension"
            : s->name == QSTR__lt_setcomp_gt_  ? "'yield' inside set comprehension"
            : s->name == QSTR__lt_dictcomp_gt_ ? "'yield' inside dict comprehension"
                                               : "'yield' inside generator expression");
    }
    s->code_flags |= CODE_GENERATOR;
}

/* await, async for and async with belong in an async def's own body; msg names the construct
 * and where it was found ("'await' outside async function"). */
static void sc_check_async(sc_t *sc, scope_t *s, int line, const char *msg) {
    if (!s->is_async) {
        scope_syntax_error(sc->filename, line, msg);
    }
}

static void sc_comp(sc_t *sc, scope_t *s, ast_expr_t *e) {
    qstr name = e->kind == EXPR_LISTCOMP    ? QSTR__lt_listcomp_gt_
                : e->kind == EXPR_SETCOMP   ? QSTR__lt_setcomp_gt_
                : e->kind == EXPR_DICTCOMP  ? QSTR__lt_dictcomp_gt_
                                            : QSTR__lt_genexpr_gt_;
    sc_expr(sc, s, e->u.comp.gens[0].iter, false);
    scope_t *c = sc_new_scope(s, SCOPE_COMP, name, e, e->line);
    scope_id_t *p = sc_add_id(c, qstr_from_str(".0"), e->line);
    p->flags |= ID_FL_PARAM | ID_FL_BOUND;
    c->n_pos = 1;
    if (e->kind == EXPR_GENERATOREXP) {
        c->code_flags |= CODE_GENERATOR;
    }
    for (size_t i = 0; i < e->u.comp.n_gens; i++) {
        ast_comprehension_t *g = &e->u.comp.gens[i];
        sc_expr(sc, c, g->target, true);
        if (i > 0) {
            sc_expr(sc, c, g->iter, false);
        }
        sc_exprs(sc, c, &g->ifs, false);
    }
    if (e->kind == EXPR_DICTCOMP) {
        sc_expr(sc, c, e->u.comp.key, false);
        sc_expr(sc, c, e->u.comp.value, false);
    } else {
        sc_expr(sc, c, e->u.comp.elt, false);
    }
}

static void sc_expr(sc_t *sc, scope_t *s, ast_expr_t *e, bool store) {
    if (e == NULL) {
        return;
    }
    switch (e->kind) {
        case EXPR_NAME:
            if (store) {
                sc_bind(s, e->u.name.id, e->line);
            } else {
                sc_use(s, e->u.name.id, e->line);
                if (e->u.name.id == QSTR_super && s->kind != SCOPE_MODULE && s->kind != SCOPE_CLASS) {
                    sc_use(s, QSTR___class__, e->line);
                }
            }
            break;
        case EXPR_STARRED:
            sc_expr(sc, s, e->u.starred.value, store);
            break;
        case EXPR_LIST:
        case EXPR_TUPLE:
            sc_exprs(sc, s, &e->u.list.elts, store);
            break;
        case EXPR_SET:
            sc_exprs(sc, s, &e->u.set.elts, false);
            break;
        case EXPR_ATTRIBUTE:
            sc_expr(sc, s, e->u.attribute.value, false);
            break;
        case EXPR_SUBSCRIPT:
            sc_expr(sc, s, e->u.subscript.value, false);
            sc_expr(sc, s, e->u.subscript.slice, false);
            break;
        case EXPR_SLICE:
            sc_expr(sc, s, e->u.slice.lower, false);
            sc_expr(sc, s, e->u.slice.upper, false);
            sc_expr(sc, s, e->u.slice.step, false);
            break;
        case EXPR_BOOLOP:
            sc_exprs(sc, s, &e->u.boolop.values, false);
            break;
        case EXPR_NAMEDEXPR: {
            sc_expr(sc, s, e->u.namedexpr.value, false);
            qstr name = e->u.namedexpr.target->u.name.id;
            if (s->kind == SCOPE_COMP) {
                /* the comprehension's own loop variables (MicroPython checks only the innermost) */
                scope_id_t *own = scope_find(s, name);
                if (own != NULL && (own->flags & ID_FL_BOUND) && !(own->flags & ID_FL_WALRUS)) {
                    sc_error_fmt(sc, e->line, "assignment expression cannot rebind comprehension iteration variable '%'", name);
                }
            }
            scope_t *t = s;
            while (t->kind == SCOPE_COMP) {
                sc_get_id(t, name, e->line)->flags |= ID_FL_WALRUS | ID_FL_USED;
                t = t->parent;
            }
            sc_bind(t, name, e->line);
            break;
        }
        case EXPR_BINOP:
            sc_expr(sc, s, e->u.binop.left, false);
            sc_expr(sc, s, e->u.binop.right, false);
            break;
        case EXPR_UNARYOP:
            sc_expr(sc, s, e->u.unaryop.operand, false);
            break;
        case EXPR_LAMBDA: {
            sc_defaults(sc, s, e->u.lambda.args);
            scope_t *c = sc_new_scope(s, SCOPE_LAMBDA, QSTR__lt_lambda_gt_, e, e->line);
            sc_params(sc, c, e->u.lambda.args);
            sc_expr(sc, c, e->u.lambda.body, false);
            break;
        }
        case EXPR_IFEXP:
            sc_expr(sc, s, e->u.ifexp.test, false);
            sc_expr(sc, s, e->u.ifexp.body, false);
            sc_expr(sc, s, e->u.ifexp.orelse, false);
            break;
        case EXPR_DICT:
            sc_exprs(sc, s, &e->u.dict.keys, false);
            sc_exprs(sc, s, &e->u.dict.values, false);
            break;
        case EXPR_LISTCOMP:
        case EXPR_SETCOMP:
        case EXPR_DICTCOMP:
        case EXPR_GENERATOREXP:
            sc_comp(sc, s, e);
            break;
        case EXPR_AWAIT:
            sc_check_async(sc, s, e->line, s->kind == SCOPE_MODULE || s->kind == SCOPE_CLASS
                ? "'await' outside function" : "'await' outside async function");
            sc_expr(sc, s, e->u.yield.value, false);
            break;
        case EXPR_YIELD:
        case EXPR_YIELDFROM:
            sc_mark_generator(sc, s, e->line);
            sc_expr(sc, s, e->u.yield.value, false);
            break;
        case EXPR_COMPARE:
            sc_expr(sc, s, e->u.compare.left, false);
            for (size_t i = 0; i < e->u.compare.n; i++) {
                sc_expr(sc, s, e->u.compare.comparators[i], false);
            }
            break;
        case EXPR_CALL:
            sc_expr(sc, s, e->u.call.func, false);
            sc_exprs(sc, s, &e->u.call.args, false);
            for (size_t i = 0; i < e->u.call.n_keywords; i++) {
                sc_expr(sc, s, e->u.call.keywords[i].value, false);
            }
            break;
        case EXPR_FORMATTEDVALUE:
            sc_expr(sc, s, e->u.formattedvalue.value, false);
            sc_expr(sc, s, e->u.formattedvalue.format_spec, false);
            break;
        case EXPR_JOINEDSTR:
            sc_exprs(sc, s, &e->u.joinedstr.values, false);
            break;
        case EXPR_CONSTANT:
            break;
    }
}

static void sc_decl(sc_t *sc, scope_t *s, ast_stmt_t *st, bool global) {
    for (size_t i = 0; i < st->u.global.n_names; i++) {
        qstr n = st->u.global.names[i];
        if (!global && s->kind == SCOPE_MODULE) {
            scope_syntax_error(sc->filename, st->line, "nonlocal declaration not allowed at module level");
        }
        scope_id_t *id = scope_find(s, n);
        if (id != NULL) {
            if (id->flags & ID_FL_PARAM) {
                sc_error_fmt(sc, st->line, global ? "name '%' is parameter and global" : "name '%' is parameter and nonlocal", n);
            }
            if ((id->flags & ID_FL_BOUND) && !(id->flags & (ID_FL_GLOBAL_DECL | ID_FL_NONLOCAL_DECL))) {
                sc_error_fmt(sc, st->line,
                    global ? "name '%' is assigned to before global declaration"
                           : "name '%' is assigned to before nonlocal declaration", n);
            }
            if ((id->flags & ID_FL_USED) && !(id->flags & (ID_FL_GLOBAL_DECL | ID_FL_NONLOCAL_DECL))) {
                sc_error_fmt(sc, st->line,
                    global ? "name '%' is used prior to global declaration"
                           : "name '%' is used prior to nonlocal declaration", n);
            }
        } else {
            id = sc_add_id(s, n, st->line);
        }
        if (global && (id->flags & ID_FL_NONLOCAL_DECL)) {
            sc_error_fmt(sc, st->line, "name '%' is nonlocal and global", n);
        }
        if (!global && (id->flags & ID_FL_GLOBAL_DECL)) {
            sc_error_fmt(sc, st->line, "name '%' is nonlocal and global", n);
        }
        id->flags |= global ? ID_FL_GLOBAL_DECL : ID_FL_NONLOCAL_DECL;
    }
}

static qstr sc_import_bound_name(qstr dotted) {
    size_t len;
    const char *d = qstr_data(dotted, &len);
    for (size_t i = 0; i < len; i++) {
        if (d[i] == '.') {
            return qstr_from_strn(d, i);
        }
    }
    return dotted;
}

static void sc_stmt(sc_t *sc, scope_t *s, ast_stmt_t *st) {
    switch (st->kind) {
        case STMT_FUNCTIONDEF: {
            sc_exprs(sc, s, &st->u.functiondef.decorators, false);
            sc_defaults(sc, s, st->u.functiondef.args);
            sc_bind(s, st->u.functiondef.name, st->line);
            scope_t *c = sc_new_scope(s, SCOPE_FUNCTION, st->u.functiondef.name, st, st->line);
            if (st->is_async) {
                c->is_async = true;
                c->code_flags |= CODE_GENERATOR;
            }
            sc_params(sc, c, st->u.functiondef.args);
            sc_stmts(sc, c, &st->u.functiondef.body);
            break;
        }
        case STMT_CLASSDEF: {
            sc_exprs(sc, s, &st->u.classdef.decorators, false);
            sc_exprs(sc, s, &st->u.classdef.bases, false);
            for (size_t i = 0; i < st->u.classdef.n_keywords; i++) {
                sc_expr(sc, s, st->u.classdef.keywords[i].value, false);
            }
            sc_bind(s, st->u.classdef.name, st->line);
            scope_t *c = sc_new_scope(s, SCOPE_CLASS, st->u.classdef.name, st, st->line);
            sc_stmts(sc, c, &st->u.classdef.body);
            break;
        }
        case STMT_RETURN:
            sc_expr(sc, s, st->u.ret.value, false);
            break;
        case STMT_DELETE:
            sc_exprs(sc, s, &st->u.del.targets, true);
            break;
        case STMT_ASSIGN:
            sc_expr(sc, s, st->u.assign.value, false);
            sc_exprs(sc, s, &st->u.assign.targets, true);
            break;
        case STMT_AUGASSIGN:
            sc_expr(sc, s, st->u.augassign.value, false);
            sc_expr(sc, s, st->u.augassign.target, false);
            sc_expr(sc, s, st->u.augassign.target, true);
            break;
        case STMT_ANNASSIGN:
            sc_expr(sc, s, st->u.annassign.value, false);
            if (st->u.annassign.value != NULL || st->u.annassign.target->kind == EXPR_NAME) {
                sc_expr(sc, s, st->u.annassign.target, true);
            }
            break;
        case STMT_FOR:
            if (st->is_async) {
                sc_check_async(sc, s, st->line, "'async for' outside async function");
            }
            sc_expr(sc, s, st->u.for_.iter, false);
            sc_expr(sc, s, st->u.for_.target, true);
            sc_stmts(sc, s, &st->u.for_.body);
            sc_stmts(sc, s, &st->u.for_.orelse);
            break;
        case STMT_WHILE:
        case STMT_IF:
            sc_expr(sc, s, st->u.while_.test, false);
            sc_stmts(sc, s, &st->u.while_.body);
            sc_stmts(sc, s, &st->u.while_.orelse);
            break;
        case STMT_WITH:
            if (st->is_async) {
                sc_check_async(sc, s, st->line, "'async with' outside async function");
            }
            for (size_t i = 0; i < st->u.with.n_items; i++) {
                sc_expr(sc, s, st->u.with.items[i].context_expr, false);
                sc_expr(sc, s, st->u.with.items[i].optional_vars, true);
            }
            sc_stmts(sc, s, &st->u.with.body);
            break;
        case STMT_RAISE:
            sc_expr(sc, s, st->u.raise.exc, false);
            sc_expr(sc, s, st->u.raise.cause, false);
            break;
        case STMT_TRY:
            sc_stmts(sc, s, &st->u.try_.body);
            for (size_t i = 0; i < st->u.try_.n_handlers; i++) {
                ast_excepthandler_t *h = &st->u.try_.handlers[i];
                sc_expr(sc, s, h->type, false);
                if (h->name != QSTR_NULL) {
                    sc_bind(s, h->name, h->line);
                }
                sc_stmts(sc, s, &h->body);
            }
            sc_stmts(sc, s, &st->u.try_.orelse);
            sc_stmts(sc, s, &st->u.try_.finalbody);
            break;
        case STMT_ASSERT:
            sc_expr(sc, s, st->u.assert_.test, false);
            sc_expr(sc, s, st->u.assert_.msg, false);
            break;
        case STMT_IMPORT:
            for (size_t i = 0; i < st->u.import.n_names; i++) {
                ast_alias_t *a = &st->u.import.names[i];
                sc_bind(s, a->asname != QSTR_NULL ? a->asname : sc_import_bound_name(a->name), st->line);
            }
            break;
        case STMT_IMPORTFROM:
            for (size_t i = 0; i < st->u.importfrom.n_names; i++) {
                ast_alias_t *a = &st->u.importfrom.names[i];
                if (a->name == QSTR__star_) {
                    continue;
                }
                sc_bind(s, a->asname != QSTR_NULL ? a->asname : a->name, st->line);
            }
            break;
        case STMT_GLOBAL:
            sc_decl(sc, s, st, true);
            break;
        case STMT_NONLOCAL:
            sc_decl(sc, s, st, false);
            break;
        case STMT_EXPR:
            sc_expr(sc, s, st->u.expr.value, false);
            break;
        case STMT_PASS:
        case STMT_BREAK:
        case STMT_CONTINUE:
            break;
    }
}

static void sc_stmts(sc_t *sc, scope_t *s, ast_stmt_list_t *l) {
    for (size_t i = 0; i < l->n; i++) {
        sc_stmt(sc, s, l->items[i]);
    }
}

/* ---- pass 2: resolve ---- */


static scope_id_t *sc_find_closure_id(scope_t *s, qstr name) {
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].name == name && (s->ids[i].kind == ID_CELL || s->ids[i].kind == ID_FREE)) {
            return &s->ids[i];
        }
    }
    return NULL;
}

/* Looks for a binding of name in the scopes enclosing s (functions only, plus a class's
 * __class__); threads FREE entries through intermediate scopes. True if found. */
static bool sc_capture(scope_t *s, qstr name) {
    scope_t *p = s->parent;
    if (p == NULL || p->kind == SCOPE_MODULE) {
        return false;
    }
    if (p->kind == SCOPE_CLASS) {
        if (name == QSTR___class__) {
            p->has_class_cell = true;
            if (sc_find_closure_id(p, name) == NULL) {
                scope_id_t *id = sc_add_id(p, name, p->line);
                id->kind = ID_CELL;
            }
            return true;
        }
        if (sc_find_closure_id(p, name) != NULL) {
            return true;
        }
        if (sc_capture(p, name)) {
            scope_id_t *id = sc_add_id(p, name, p->line);
            id->kind = ID_FREE;
            return true;
        }
        return false;
    }
    scope_id_t *id = scope_find(p, name);
    if (id != NULL) {
        switch (id->kind) {
            case ID_LOCAL:
                id->kind = ID_CELL;
                return true;
            case ID_CELL:
            case ID_FREE:
                return true;
            default:
                return false;
        }
    }
    if (sc_capture(p, name)) {
        id = sc_add_id(p, name, p->line);
        id->kind = ID_FREE;
        return true;
    }
    return false;
}

static void sc_resolve(sc_t *sc, scope_t *s) {
    size_t n = s->n_ids; /* entries added while resolving are already resolved */
    for (size_t i = 0; i < n; i++) {
        scope_id_t *id = &s->ids[i];
        if (id->kind != ID_UNRESOLVED) {
            continue;
        }
        if (s->kind == SCOPE_MODULE || (id->flags & ID_FL_GLOBAL_DECL)) {
            id->kind = ID_GLOBAL_EXPLICIT;
        } else if (id->flags & ID_FL_NONLOCAL_DECL) {
            if (!sc_capture(s, id->name)) {
                sc_error_fmt(sc, id->line, "no binding for nonlocal '%' found", id->name);
            }
            id = &s->ids[i];
            id->kind = ID_FREE;
        } else if (s->kind == SCOPE_CLASS) {
            if (id->flags & ID_FL_BOUND) {
                id->kind = ID_NAME;
            } else {
                bool cap = sc_capture(s, id->name);
                id = &s->ids[i];
                id->kind = cap ? ID_FREE : ID_NAME;
            }
        } else if ((id->flags & ID_FL_BOUND) && !(id->flags & ID_FL_WALRUS)) {
            id->kind = ID_LOCAL;
        } else {
            bool cap = sc_capture(s, id->name);
            id = &s->ids[i];
            id->kind = cap ? ID_FREE : ID_GLOBAL_IMPLICIT;
        }
    }
    for (size_t i = 0; i < s->n_children; i++) {
        sc_resolve(sc, s->children[i]);
    }
    /* number the locals: params first (they were added first, in order) */
    uint16_t idx = 0;
    for (size_t i = 0; i < s->n_ids; i++) {
        scope_id_t *id = &s->ids[i];
        if (id->kind == ID_LOCAL || id->kind == ID_CELL) {
            id->idx = idx++;
        }
    }
    s->free_start = idx;
    for (size_t i = 0; i < s->n_ids; i++) {
        scope_id_t *id = &s->ids[i];
        if (id->kind == ID_FREE) {
            id->idx = idx++;
        }
    }
    s->n_free = (uint16_t)(idx - s->free_start);
    s->n_locals = idx;
}

scope_t *scope_analyse(ast_module_t *mod, qstr filename) {
    sc_t sc = {filename, NULL};
    sc.root = sc_new_scope(NULL, SCOPE_MODULE, QSTR__lt_module_gt_, NULL, 1);
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        sc_stmts(&sc, sc.root, &mod->body);
        if (mod->expr != NULL) {
            sc_expr(&sc, sc.root, mod->expr, false);
        }
        sc_resolve(&sc, sc.root);
        nlr_pop();
        return sc.root;
    }
    scope_free(sc.root);
    nlr_jump(nlr.value);
}
