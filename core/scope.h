/* core/scope.h: symbol tables the compiler builds before emitting code (scope.c).
 * One scope per module, class body, function, lambda and comprehension; each name used in a scope
 * gets exactly one kind. Scopes and their tables are malloc'd (they hold qstrs, never objects) and
 * freed as a tree by scope_free. Local index layout: positional params, keyword-only params,
 * *args, **kwargs, other locals and cells, then free variables (free_start..). */
#ifndef CORE_SCOPE_H
#define CORE_SCOPE_H

#include "core/ast.h"

typedef enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_COMP } scope_kind_t;

typedef enum {
    ID_UNRESOLVED,
    ID_GLOBAL_IMPLICIT, /* not bound here or in an enclosing function: globals then builtins */
    ID_GLOBAL_EXPLICIT, /* `global x` (or any name in module scope) */
    ID_NAME,            /* class body: namespace dict */
    ID_LOCAL,           /* fast local */
    ID_CELL,            /* fast local holding a cell (captured by an inner scope) */
    ID_FREE,            /* captured from an enclosing function (slot holds the cell) */
} id_kind_t;

#define ID_FL_PARAM 0x01
#define ID_FL_BOUND 0x02
#define ID_FL_USED 0x04
#define ID_FL_GLOBAL_DECL 0x08
#define ID_FL_NONLOCAL_DECL 0x10
#define ID_FL_WALRUS 0x20 /* stored by := inside a comprehension: binds in the enclosing scope */

typedef struct {
    qstr name;
    uint8_t kind;
    uint8_t flags;
    uint16_t idx; /* local index for LOCAL / CELL / FREE */
    int line;     /* first line seen (for error messages) */
} scope_id_t;

typedef struct scope_s {
    scope_kind_t kind;
    qstr name;
    int line;
    const void *node; /* the AST node that opened the scope (NULL for the module) */
    struct scope_s *parent;
    struct scope_s **children;
    size_t n_children, alloc_children;
    scope_id_t *ids;
    size_t n_ids, alloc_ids;
    uint16_t n_pos, n_posonly, n_kwonly;
    uint16_t code_flags;  /* CODE_VARARGS | CODE_VARKW | CODE_GENERATOR | ... */
    uint16_t n_locals;    /* after finalisation: params + locals + cells + free */
    uint16_t free_start, n_free;
    bool has_class_cell;  /* class scope: some method uses __class__ / super() */
    bool is_async;        /* function scope of an async def (a coroutine: always CODE_GENERATOR) */
} scope_t;

/* Builds and resolves the scope tree of a module (SyntaxError on bad declarations). */
scope_t *scope_analyse(ast_module_t *mod, qstr filename);
void scope_free(scope_t *s);
scope_t *scope_child_for(scope_t *s, const void *node);
scope_id_t *scope_find(scope_t *s, qstr name);
NORETURN void scope_syntax_error(qstr filename, int line, const char *msg);

#endif
