/* core/ast.h: the abstract syntax tree, the contract between the parser (parse.c) and the
 * compiler (compile.c). Modelled on CPython's ast module, without type comments; async def/for/with
 * are the plain nodes with is_async set, await is EXPR_AWAIT (u.yield.value).
 * Nodes live in an arena of malloc'd chunks (not the GC heap) that is freed as a whole after
 * compilation; strings in nodes are arena copies. Every node carries its source line. */
#ifndef CORE_AST_H
#define CORE_AST_H

#include <stddef.h>
#include <stdint.h>

#include "core/obj.h"

/* ---- arena ---- */
typedef struct ast_arena ast_arena_t;
ast_arena_t *ast_arena_new(void);
void *ast_alloc(ast_arena_t *a, size_t bytes); /* zeroed; MemoryError past a fixed limit */
void ast_arena_free(ast_arena_t *a);

typedef struct ast_expr ast_expr_t;
typedef struct ast_stmt ast_stmt_t;

typedef struct {
    size_t n;
    ast_expr_t **items;
} ast_expr_list_t;
typedef struct {
    size_t n;
    ast_stmt_t **items;
} ast_stmt_list_t;

typedef enum { AST_AND, AST_OR } ast_boolop_t;
typedef enum {
    AST_ADD, AST_SUB, AST_MULT, AST_MATMULT, AST_DIV, AST_MOD, AST_POW, AST_LSHIFT, AST_RSHIFT,
    AST_BITOR, AST_BITXOR, AST_BITAND, AST_FLOORDIV
} ast_operator_t;
typedef enum { AST_INVERT, AST_NOT, AST_UADD, AST_USUB } ast_unaryop_t;
typedef enum { AST_EQ, AST_NOTEQ, AST_LT, AST_LTE, AST_GT, AST_GTE, AST_IS, AST_ISNOT, AST_IN, AST_NOTIN } ast_cmpop_t;

typedef struct {
    ast_expr_t *target;
    ast_expr_t *iter;
    ast_expr_list_t ifs;
} ast_comprehension_t;

typedef struct {
    qstr arg;
    ast_expr_t *annotation; /* may be NULL; ignored by the compiler */
    int line;
} ast_arg_t;

typedef struct {
    /* def f(posonly, /, args, *vararg, kwonly, **kwarg) */
    size_t n_posonly;     /* the first n_posonly of args[] are positional-only */
    size_t n_args;
    ast_arg_t *args;
    ast_arg_t *vararg;    /* NULL if none */
    size_t n_kwonly;
    ast_arg_t *kwonly;
    ast_expr_t **kw_defaults; /* n_kwonly entries, NULL where no default */
    ast_arg_t *kwarg;     /* NULL if none */
    ast_expr_list_t defaults; /* defaults of the last len(defaults) of args[] */
} ast_arguments_t;

typedef struct {
    qstr arg; /* QSTR_NULL for **expr */
    ast_expr_t *value;
} ast_keyword_t;

typedef enum {
    AST_CONST_NONE, AST_CONST_TRUE, AST_CONST_FALSE, AST_CONST_ELLIPSIS,
    AST_CONST_INT,     /* fits int64: .ival */
    AST_CONST_BIGINT,  /* .str/.len hold the digits (no underscores, no prefix) and .base */
    AST_CONST_STR,     /* .str/.len: UTF-8 bytes (escapes decoded) */
    AST_CONST_BYTES,   /* .str/.len: raw bytes */
} ast_const_kind_t;

typedef enum {
    EXPR_BOOLOP, EXPR_NAMEDEXPR, EXPR_BINOP, EXPR_UNARYOP, EXPR_LAMBDA, EXPR_IFEXP, EXPR_DICT,
    EXPR_SET, EXPR_LISTCOMP, EXPR_SETCOMP, EXPR_DICTCOMP, EXPR_GENERATOREXP, EXPR_YIELD,
    EXPR_YIELDFROM, EXPR_COMPARE, EXPR_CALL, EXPR_FORMATTEDVALUE, EXPR_JOINEDSTR, EXPR_CONSTANT,
    EXPR_ATTRIBUTE, EXPR_SUBSCRIPT, EXPR_STARRED, EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE,
    EXPR_AWAIT
} ast_expr_kind_t;

struct ast_expr {
    ast_expr_kind_t kind;
    int line;
    int col;
    union {
        struct { ast_boolop_t op; ast_expr_list_t values; } boolop;
        struct { ast_expr_t *target; ast_expr_t *value; } namedexpr; /* target is a Name */
        struct { ast_expr_t *left; ast_operator_t op; ast_expr_t *right; } binop;
        struct { ast_unaryop_t op; ast_expr_t *operand; } unaryop;
        struct { ast_arguments_t *args; ast_expr_t *body; } lambda;
        struct { ast_expr_t *test; ast_expr_t *body; ast_expr_t *orelse; } ifexp;
        struct { ast_expr_list_t keys; ast_expr_list_t values; } dict; /* key NULL: **value */
        struct { ast_expr_list_t elts; } set;
        /* listcomp, setcomp, generatorexp use elt; dictcomp uses key/value */
        struct { ast_expr_t *elt; ast_expr_t *key; ast_expr_t *value; size_t n_gens;
                 ast_comprehension_t *gens; } comp;
        struct { ast_expr_t *value; } yield; /* value may be NULL; also YIELDFROM and AWAIT */
        struct { ast_expr_t *left; size_t n; ast_cmpop_t *ops; ast_expr_t **comparators; } compare;
        /* args may contain EXPR_STARRED for *x; keywords with arg==QSTR_NULL are **x */
        struct { ast_expr_t *func; ast_expr_list_t args; size_t n_keywords;
                 ast_keyword_t *keywords; } call;
        /* conversion: -1 none, 's', 'r', 'a'; format_spec: a JoinedStr or NULL */
        struct { ast_expr_t *value; int conversion; ast_expr_t *format_spec; } formattedvalue;
        struct { ast_expr_list_t values; } joinedstr; /* Constant str and FormattedValue parts */
        struct { ast_const_kind_t kind; int64_t ival; const char *str; size_t len; int base; } constant;
        struct { ast_expr_t *value; qstr attr; } attribute;
        struct { ast_expr_t *value; ast_expr_t *slice; } subscript; /* slice: Slice, Tuple or expr */
        struct { ast_expr_t *value; } starred;
        struct { qstr id; } name;
        struct { ast_expr_list_t elts; } list; /* also tuple */
        struct { ast_expr_t *lower; ast_expr_t *upper; ast_expr_t *step; } slice;
    } u;
};

typedef struct {
    ast_expr_t *type;  /* NULL for a bare except */
    qstr name;         /* QSTR_NULL if no "as" */
    ast_stmt_list_t body;
    int line;
} ast_excepthandler_t;

typedef struct {
    ast_expr_t *context_expr;
    ast_expr_t *optional_vars; /* NULL if no "as" */
} ast_withitem_t;

typedef struct {
    qstr name;   /* dotted name as one qstr ("a.b.c"), or "*" */
    qstr asname; /* QSTR_NULL if none */
} ast_alias_t;

typedef enum {
    STMT_FUNCTIONDEF, STMT_CLASSDEF, STMT_RETURN, STMT_DELETE, STMT_ASSIGN, STMT_AUGASSIGN,
    STMT_ANNASSIGN, STMT_FOR, STMT_WHILE, STMT_IF, STMT_WITH, STMT_RAISE, STMT_TRY, STMT_ASSERT,
    STMT_IMPORT, STMT_IMPORTFROM, STMT_GLOBAL, STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK,
    STMT_CONTINUE
} ast_stmt_kind_t;

struct ast_stmt {
    ast_stmt_kind_t kind;
    int line;
    int col;
    bool is_async; /* FUNCTIONDEF, FOR, WITH: the async form */
    union {
        struct { qstr name; ast_arguments_t *args; ast_stmt_list_t body;
                 ast_expr_list_t decorators; ast_expr_t *returns; } functiondef;
        struct { qstr name; ast_expr_list_t bases; size_t n_keywords; ast_keyword_t *keywords;
                 ast_stmt_list_t body; ast_expr_list_t decorators; } classdef;
        struct { ast_expr_t *value; } ret; /* value may be NULL */
        struct { ast_expr_list_t targets; } del;
        struct { ast_expr_list_t targets; ast_expr_t *value; } assign; /* a = b = value */
        struct { ast_expr_t *target; ast_operator_t op; ast_expr_t *value; } augassign;
        struct { ast_expr_t *target; ast_expr_t *annotation; ast_expr_t *value; int simple; } annassign;
        struct { ast_expr_t *target; ast_expr_t *iter; ast_stmt_list_t body; ast_stmt_list_t orelse; } for_;
        struct { ast_expr_t *test; ast_stmt_list_t body; ast_stmt_list_t orelse; } while_;
        struct { ast_expr_t *test; ast_stmt_list_t body; ast_stmt_list_t orelse; } if_;
        struct { size_t n_items; ast_withitem_t *items; ast_stmt_list_t body; } with;
        struct { ast_expr_t *exc; ast_expr_t *cause; } raise; /* both may be NULL */
        struct { ast_stmt_list_t body; size_t n_handlers; ast_excepthandler_t *handlers;
                 ast_stmt_list_t orelse; ast_stmt_list_t finalbody; } try_;
        struct { ast_expr_t *test; ast_expr_t *msg; } assert_;
        struct { size_t n_names; ast_alias_t *names; } import;
        struct { qstr module; /* QSTR_NULL for "from . import x" */ size_t n_names;
                 ast_alias_t *names; int level; } importfrom;
        struct { size_t n_names; qstr *names; } global; /* also nonlocal */
        struct { ast_expr_t *value; } expr;
    } u;
};

typedef struct {
    ast_stmt_list_t body;
    ast_expr_t *expr; /* INPUT_EVAL: the expression; body empty */
    qstr filename;
} ast_module_t;

/* parse.c: raises SyntaxError / IndentationError with (filename, line) in the traceback.
 * kind is an input_kind_t (runtime.h): FILE, SINGLE (REPL line: expression statements are
 * compiled to print their value), EVAL (one expression). */
ast_module_t *parse_source(ast_arena_t *arena, const char *src, size_t len, qstr filename, int kind);
/* For the REPL: true when the text so far needs more lines (open brackets or triple quotes,
 * a trailing backslash, or a compound statement not yet ended by an empty line).
 * Convention (MicroPython's): src is the lines so far joined by '\n' with no newline after the
 * last one, so a compound statement is complete once src ends in '\n' (an empty last line). */
int parse_input_is_incomplete(const char *src, size_t len);

/* compile.c: compiles a module to a code object (raises SyntaxError for semantic errors such as
 * 'return' outside function, nonlocal at module level, etc.). */
obj_t compile_module(ast_module_t *mod, int kind);

#endif
