/* core/parse.c: the recursive-descent parser (precedence climbing for binary operators) that
 * turns tokens from lexer.c into the AST of ast.h, plus the REPL's "needs more input" check.
 * Invariants: every node and string lives in the caller's arena (never freed here, also not on
 * error); the AST holds no obj_t; recursion is bounded (P_MAX_DEPTH, and the lexer's bracket and
 * indent limits) so hostile input ends in SyntaxError/MemoryError, never a C stack overflow. */
#include "core/ast.h"
#include "core/lexer.h"
#include "core/qstr.h"
#include "core/runtime.h"

#define P_MAX_DEPTH 400
/* Also bounds operator and trailer chains (1+1+...+1, - - -x, x.a.a..., f()()...): the compiler
 * recurses over the AST too. */
#define P_MAX_CHAIN 2000

typedef struct {
    lexer_t lx;
    ast_arena_t *arena;
    qstr filename;
    int depth;
} parser_t;

#define TOK (p->lx.tok.kind)

/* ---- errors ---- */

static NORETURN void p_error_line(parser_t *p, int line, const char *msg) {
    lex_raise(&type_SyntaxError, p->filename, line, msg);
}

static NORETURN void p_error(parser_t *p, const char *msg) {
    if (TOK == TOK_INDENT) {
        lex_raise(&type_IndentationError, p->filename, p->lx.tok.line, "unexpected indent");
    }
    p_error_line(p, p->lx.tok.line, msg);
}

static NORETURN void p_syntax(parser_t *p) { p_error(p, "invalid syntax"); }

static void p_enter(parser_t *p) {
    if (++p->depth > P_MAX_DEPTH) {
        lex_raise(&type_MemoryError, p->filename, p->lx.tok.line,
            "parser stack overflow: source too complex");
    }
}

static inline void p_leave(parser_t *p) { p->depth--; }

static void p_check_chain(parser_t *p, size_t n) {
    if ((size_t)p->depth + n > P_MAX_CHAIN) {
        lex_raise(&type_MemoryError, p->filename, p->lx.tok.line,
            "parser stack overflow: source too complex");
    }
}

/* ---- token helpers ---- */

static inline void p_next(parser_t *p) { lex_next(&p->lx); }

static inline bool p_accept(parser_t *p, tok_kind_t k) {
    if (TOK == k) {
        lex_next(&p->lx);
        return true;
    }
    return false;
}

static void p_expect(parser_t *p, tok_kind_t k) {
    if (TOK != k) {
        p_syntax(p);
    }
    lex_next(&p->lx);
}

static qstr p_expect_name(parser_t *p) {
    if (TOK != TOK_NAME) {
        p_syntax(p);
    }
    qstr q = p->lx.tok.name;
    lex_next(&p->lx);
    return q;
}

/* true if the token can begin an expression (or a starred one) */
static bool p_starts_expr(tok_kind_t k) {
    switch (k) {
        case TOK_NAME: case TOK_INT: case TOK_STRING: case TOK_LPAR: case TOK_LSQB:
        case TOK_LBRACE: case TOK_MINUS: case TOK_PLUS: case TOK_TILDE: case TOK_STAR:
        case TOK_ELLIPSIS: case TOK_KW_NONE: case TOK_KW_TRUE: case TOK_KW_FALSE:
        case TOK_KW_NOT: case TOK_KW_LAMBDA: case TOK_KW_AWAIT:
            return true;
        default:
            return false;
    }
}

/* ---- growable arrays in the arena ---- */

typedef struct {
    char *data;
    size_t n;
    size_t alloc;
} vec_t;

static void vec_push(parser_t *p, vec_t *v, const void *elem, size_t size) {
    if (v->n == v->alloc) {
        size_t na = v->alloc ? v->alloc * 2 : 4;
        char *nd = ast_alloc(p->arena, na * size);
        if (v->n) {
            memcpy(nd, v->data, v->n * size);
        }
        v->data = nd;
        v->alloc = na;
    }
    memcpy(v->data + v->n * size, elem, size);
    v->n++;
}

static inline void vec_push_expr(parser_t *p, vec_t *v, ast_expr_t *e) { vec_push(p, v, &e, sizeof e); }
static inline void vec_push_stmt(parser_t *p, vec_t *v, ast_stmt_t *s) { vec_push(p, v, &s, sizeof s); }
static inline ast_expr_list_t vec_exprs(vec_t *v) {
    ast_expr_list_t l = {v->n, (ast_expr_t **)(void *)v->data};
    return l;
}
static inline ast_stmt_list_t vec_stmts(vec_t *v) {
    ast_stmt_list_t l = {v->n, (ast_stmt_t **)(void *)v->data};
    return l;
}
static inline ast_expr_t *vec_expr_at(vec_t *v, size_t i) { return ((ast_expr_t **)(void *)v->data)[i]; }

/* byte buffer in the arena, always NUL-terminated */
typedef struct {
    char *buf;
    size_t len;
    size_t alloc;
} sbuf_t;

static void sb_reserve(parser_t *p, sbuf_t *b, size_t n) {
    if (b->len + n + 1 > b->alloc) {
        size_t na = b->alloc ? b->alloc * 2 : 32;
        while (na < b->len + n + 1) {
            na *= 2;
        }
        char *nb = ast_alloc(p->arena, na);
        if (b->len) {
            memcpy(nb, b->buf, b->len);
        }
        b->buf = nb;
        b->alloc = na;
    }
}

static void sb_add(parser_t *p, sbuf_t *b, const char *s, size_t n) {
    sb_reserve(p, b, n);
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = 0;
}

static void sb_byte(parser_t *p, sbuf_t *b, char c) {
    sb_reserve(p, b, 1);
    b->buf[b->len++] = c;
    b->buf[b->len] = 0;
}

static void sb_utf8(parser_t *p, sbuf_t *b, uint32_t cp) {
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_add(p, b, t, n);
}

/* ---- node constructors ---- */

static ast_expr_t *new_expr(parser_t *p, ast_expr_kind_t kind, int line, int col) {
    ast_expr_t *e = ast_alloc(p->arena, sizeof(ast_expr_t));
    e->kind = kind;
    e->line = line;
    e->col = col;
    return e;
}

static ast_stmt_t *new_stmt(parser_t *p, ast_stmt_kind_t kind, int line, int col) {
    ast_stmt_t *s = ast_alloc(p->arena, sizeof(ast_stmt_t));
    s->kind = kind;
    s->line = line;
    s->col = col;
    return s;
}

static ast_expr_t *new_const(parser_t *p, ast_const_kind_t kind, int line, int col) {
    ast_expr_t *e = new_expr(p, EXPR_CONSTANT, line, col);
    e->u.constant.kind = kind;
    return e;
}

static ast_expr_t *new_str_const(parser_t *p, const char *s, size_t len, int line, int col) {
    ast_expr_t *e = new_const(p, AST_CONST_STR, line, col);
    e->u.constant.str = s;
    e->u.constant.len = len;
    return e;
}

/* ---- target validation ---- */

enum { TARGET_STORE, TARGET_DEL };

static void p_check_target(parser_t *p, ast_expr_t *e, int mode) {
    switch (e->kind) {
        case EXPR_NAME:
        case EXPR_ATTRIBUTE:
        case EXPR_SUBSCRIPT:
            return;
        case EXPR_TUPLE:
        case EXPR_LIST: {
            if (e->u.list.elts.n == 0 && (e->kind == EXPR_TUPLE || mode == TARGET_DEL)) {
                /* () = x, del (), del []: errors in MicroPython (as in Python 3.4) */
                p_error_line(p, e->line, mode == TARGET_DEL ? "can't delete expression"
                                                              : "can't assign to expression");
            }
            size_t n_star = 0;
            for (size_t i = 0; i < e->u.list.elts.n; i++) {
                ast_expr_t *x = e->u.list.elts.items[i];
                if (x->kind == EXPR_STARRED) {
                    if (mode == TARGET_DEL) {
                        p_error_line(p, x->line, "can't use starred expression here");
                    }
                    if (++n_star > 1) {
                        p_error_line(p, x->line, "multiple starred expressions in assignment");
                    }
                    p_check_target(p, x->u.starred.value, mode);
                } else {
                    p_check_target(p, x, mode);
                }
            }
            return;
        }
        case EXPR_STARRED:
            p_error_line(p, e->line, mode == TARGET_DEL ? "can't use starred expression here"
                                                          : "starred assignment target must be in a list or tuple");
        default:
            p_error_line(p, e->line, mode == TARGET_DEL ? "can't delete expression"
                                                          : "can't assign to expression");
    }
}

/* a value that may not be a bare starred expression (x = *a is an error, x = *a, is not) */
static ast_expr_t *p_no_star(parser_t *p, ast_expr_t *e) {
    if (e->kind == EXPR_STARRED) {
        p_error_line(p, e->line, "can't use starred expression here");
    }
    return e;
}

/* ---- expressions ---- */

static ast_expr_t *parse_test(parser_t *p);
static ast_expr_t *parse_namedexpr(parser_t *p);
static ast_expr_t *parse_or(parser_t *p);
static ast_expr_t *parse_bitor(parser_t *p);
static ast_expr_t *parse_unary(parser_t *p);
static ast_expr_t *parse_testlist_star(parser_t *p);
static ast_expr_t *parse_yield(parser_t *p);
static ast_expr_t *parse_strings(parser_t *p);
static ast_arguments_t *parse_arguments(parser_t *p, tok_kind_t end, bool annotations);

/* star_expr | namedexpr_test: an element of a display */
static ast_expr_t *parse_star_or_named(parser_t *p) {
    if (TOK == TOK_STAR) {
        ast_expr_t *e = new_expr(p, EXPR_STARRED, p->lx.tok.line, p->lx.tok.col);
        p_next(p);
        e->u.starred.value = parse_bitor(p);
        return e;
    }
    return parse_namedexpr(p);
}

static ast_expr_t *parse_star_or_test(parser_t *p) {
    if (TOK == TOK_STAR) {
        ast_expr_t *e = new_expr(p, EXPR_STARRED, p->lx.tok.line, p->lx.tok.col);
        p_next(p);
        e->u.starred.value = parse_bitor(p);
        return e;
    }
    return parse_test(p);
}

/* exprlist of a for target: (star_expr | expr) (',' ...)* [','] */
static ast_expr_t *parse_target_list(parser_t *p) {
    int line = p->lx.tok.line, col = p->lx.tok.col;
    ast_expr_t *first;
    if (TOK == TOK_STAR) {
        first = new_expr(p, EXPR_STARRED, line, col);
        p_next(p);
        first->u.starred.value = parse_bitor(p);
    } else {
        first = parse_bitor(p);
    }
    if (TOK != TOK_COMMA) {
        return first;
    }
    vec_t v = {0};
    vec_push_expr(p, &v, first);
    while (p_accept(p, TOK_COMMA)) {
        if (TOK != TOK_STAR && !p_starts_expr(TOK)) {
            break;
        }
        if (TOK == TOK_STAR) {
            ast_expr_t *s = new_expr(p, EXPR_STARRED, p->lx.tok.line, p->lx.tok.col);
            p_next(p);
            s->u.starred.value = parse_bitor(p);
            vec_push_expr(p, &v, s);
        } else {
            vec_push_expr(p, &v, parse_bitor(p));
        }
    }
    ast_expr_t *t = new_expr(p, EXPR_TUPLE, line, col);
    t->u.list.elts = vec_exprs(&v);
    return t;
}

/* comp_for: ('for' targets 'in' or_test ('if' or_test)*)+ ; the current token is 'for' */
static void parse_comp_for(parser_t *p, ast_expr_t *comp) {
    vec_t gens = {0};
    while (TOK == TOK_KW_FOR) {
        p_next(p);
        ast_comprehension_t c;
        memset(&c, 0, sizeof c);
        c.target = parse_target_list(p);
        p_check_target(p, c.target, TARGET_STORE);
        p_expect(p, TOK_KW_IN);
        c.iter = parse_or(p);
        vec_t ifs = {0};
        while (TOK == TOK_KW_IF) {
            p_next(p);
            vec_push_expr(p, &ifs, parse_or(p));
        }
        c.ifs = vec_exprs(&ifs);
        vec_push(p, &gens, &c, sizeof c);
    }
    comp->u.comp.n_gens = gens.n;
    comp->u.comp.gens = (ast_comprehension_t *)(void *)gens.data;
}

static ast_expr_t *new_comp(parser_t *p, ast_expr_kind_t kind, ast_expr_t *elt, int line, int col) {
    if (elt->kind == EXPR_STARRED) {
        p_error_line(p, elt->line, "iterable unpacking cannot be used in comprehension");
    }
    ast_expr_t *c = new_expr(p, kind, line, col);
    c->u.comp.elt = elt;
    parse_comp_for(p, c);
    return c;
}

/* '(' already seen */
static ast_expr_t *parse_paren(parser_t *p, int line, int col) {
    if (p_accept(p, TOK_RPAR)) {
        return new_expr(p, EXPR_TUPLE, line, col);
    }
    if (TOK == TOK_KW_YIELD) {
        ast_expr_t *y = parse_yield(p);
        p_expect(p, TOK_RPAR);
        return y;
    }
    ast_expr_t *first = parse_star_or_named(p);
    if (TOK == TOK_KW_FOR) {
        ast_expr_t *g = new_comp(p, EXPR_GENERATOREXP, first, line, col);
        p_expect(p, TOK_RPAR);
        return g;
    }
    if (TOK != TOK_COMMA) {
        p_expect(p, TOK_RPAR);
        if (first->kind == EXPR_STARRED) {
            p_error_line(p, first->line, "can't use starred expression here");
        }
        return first;
    }
    vec_t v = {0};
    vec_push_expr(p, &v, first);
    while (p_accept(p, TOK_COMMA)) {
        if (TOK == TOK_RPAR) {
            break;
        }
        vec_push_expr(p, &v, parse_star_or_named(p));
    }
    p_expect(p, TOK_RPAR);
    ast_expr_t *t = new_expr(p, EXPR_TUPLE, line, col);
    t->u.list.elts = vec_exprs(&v);
    return t;
}

/* '[' already seen */
static ast_expr_t *parse_list(parser_t *p, int line, int col) {
    ast_expr_t *l = new_expr(p, EXPR_LIST, line, col);
    if (p_accept(p, TOK_RSQB)) {
        return l;
    }
    ast_expr_t *first = parse_star_or_named(p);
    if (TOK == TOK_KW_FOR) {
        ast_expr_t *c = new_comp(p, EXPR_LISTCOMP, first, line, col);
        p_expect(p, TOK_RSQB);
        return c;
    }
    vec_t v = {0};
    vec_push_expr(p, &v, first);
    while (p_accept(p, TOK_COMMA)) {
        if (TOK == TOK_RSQB) {
            break;
        }
        vec_push_expr(p, &v, parse_star_or_named(p));
    }
    p_expect(p, TOK_RSQB);
    l->u.list.elts = vec_exprs(&v);
    return l;
}

/* '{' already seen */
static ast_expr_t *parse_brace(parser_t *p, int line, int col) {
    if (p_accept(p, TOK_RBRACE)) {
        return new_expr(p, EXPR_DICT, line, col);
    }
    vec_t keys = {0}, values = {0};
    ast_expr_t *first_key = NULL, *first_value;
    if (p_accept(p, TOK_DSTAR)) {
        first_value = parse_bitor(p);
    } else {
        ast_expr_t *first = parse_star_or_named(p);
        if (TOK != TOK_COLON || first->kind == EXPR_STARRED) {
            /* a set */
            if (TOK == TOK_KW_FOR) {
                ast_expr_t *c = new_comp(p, EXPR_SETCOMP, first, line, col);
                p_expect(p, TOK_RBRACE);
                return c;
            }
            vec_t v = {0};
            vec_push_expr(p, &v, first);
            while (p_accept(p, TOK_COMMA)) {
                if (TOK == TOK_RBRACE) {
                    break;
                }
                vec_push_expr(p, &v, parse_star_or_named(p));
            }
            p_expect(p, TOK_RBRACE);
            ast_expr_t *s = new_expr(p, EXPR_SET, line, col);
            s->u.set.elts = vec_exprs(&v);
            return s;
        }
        p_next(p); /* ':' */
        first_key = first;
        first_value = parse_test(p);
        if (TOK == TOK_KW_FOR) {
            ast_expr_t *c = new_expr(p, EXPR_DICTCOMP, line, col);
            c->u.comp.key = first_key;
            c->u.comp.value = first_value;
            parse_comp_for(p, c);
            p_expect(p, TOK_RBRACE);
            return c;
        }
    }
    vec_push_expr(p, &keys, first_key);
    vec_push_expr(p, &values, first_value);
    while (p_accept(p, TOK_COMMA)) {
        if (TOK == TOK_RBRACE) {
            break;
        }
        if (p_accept(p, TOK_DSTAR)) {
            vec_push_expr(p, &keys, NULL);
            vec_push_expr(p, &values, parse_bitor(p));
        } else {
            vec_push_expr(p, &keys, parse_test(p));
            p_expect(p, TOK_COLON);
            vec_push_expr(p, &values, parse_test(p));
        }
    }
    p_expect(p, TOK_RBRACE);
    ast_expr_t *d = new_expr(p, EXPR_DICT, line, col);
    d->u.dict.keys = vec_exprs(&keys);
    d->u.dict.values = vec_exprs(&values);
    return d;
}

static ast_expr_t *parse_atom(parser_t *p) {
    lex_token_t *t = &p->lx.tok;
    int line = t->line, col = t->col;
    ast_expr_t *e;
    switch (t->kind) {
        case TOK_NAME:
            e = new_expr(p, EXPR_NAME, line, col);
            e->u.name.id = t->name;
            p_next(p);
            return e;
        case TOK_INT:
            if (t->big) {
                e = new_const(p, AST_CONST_BIGINT, line, col);
                e->u.constant.str = t->digits;
                e->u.constant.len = t->n_digits;
            } else {
                e = new_const(p, AST_CONST_INT, line, col);
                e->u.constant.ival = t->ival;
            }
            e->u.constant.base = t->base;
            p_next(p);
            return e;
        case TOK_STRING:
            return parse_strings(p);
        case TOK_ELLIPSIS:
            p_next(p);
            return new_const(p, AST_CONST_ELLIPSIS, line, col);
        case TOK_KW_NONE:
            p_next(p);
            return new_const(p, AST_CONST_NONE, line, col);
        case TOK_KW_TRUE:
            p_next(p);
            return new_const(p, AST_CONST_TRUE, line, col);
        case TOK_KW_FALSE:
            p_next(p);
            return new_const(p, AST_CONST_FALSE, line, col);
        case TOK_LPAR:
            p_next(p);
            return parse_paren(p, line, col);
        case TOK_LSQB:
            p_next(p);
            return parse_list(p, line, col);
        case TOK_LBRACE:
            p_next(p);
            return parse_brace(p, line, col);
        default:
            p_syntax(p);
    }
}

static bool p_same_kw(vec_t *kws, qstr name) {
    ast_keyword_t *k = (ast_keyword_t *)(void *)kws->data;
    for (size_t i = 0; i < kws->n; i++) {
        if (k[i].arg == name) {
            return true;
        }
    }
    return false;
}

/* arguments of a call or a class statement, up to and including ')' */
static void parse_call_args(parser_t *p, vec_t *args, vec_t *kws) {
    bool seen_kw = false, seen_dstar = false;
    while (TOK != TOK_RPAR) {
        int line = p->lx.tok.line, col = p->lx.tok.col;
        if (TOK == TOK_STAR) {
            p_next(p);
            if (seen_dstar) {
                p_error_line(p, line, "* arg after **"); /* MicroPython's words */
            }
            if (seen_kw) {
                p_error_line(p, line, "* arg after kwarg"); /* MicroPython: f(a=1, *b) is an error */
            }
            ast_expr_t *s = new_expr(p, EXPR_STARRED, line, col);
            s->u.starred.value = parse_test(p);
            vec_push_expr(p, args, s);
        } else if (TOK == TOK_DSTAR) {
            p_next(p);
            ast_keyword_t k = {QSTR_NULL, parse_test(p)};
            vec_push(p, kws, &k, sizeof k);
            seen_dstar = true;
        } else {
            ast_expr_t *e = parse_namedexpr(p);
            if (TOK == TOK_EQUAL) {
                if (e->kind != EXPR_NAME) {
                    p_error_line(p, line, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                p_next(p);
                ast_keyword_t k = {e->u.name.id, parse_test(p)};
                if (p_same_kw(kws, k.arg)) {
                    p_error_line(p, line, "keyword argument repeated");
                }
                vec_push(p, kws, &k, sizeof k);
                seen_kw = true;
            } else {
                if (TOK == TOK_KW_FOR) {
                    e = new_comp(p, EXPR_GENERATOREXP, e, line, col);
                    if (args->n != 0 || kws->n != 0 || TOK != TOK_RPAR) {
                        p_error_line(p, line, "Generator expression must be parenthesized");
                    }
                }
                if (seen_dstar) {
                    p_error_line(p, line, "positional argument follows keyword argument unpacking");
                }
                if (seen_kw) {
                    p_error_line(p, line, "positional argument follows keyword argument");
                }
                vec_push_expr(p, args, e);
            }
        }
        if (!p_accept(p, TOK_COMMA)) {
            break;
        }
    }
    p_expect(p, TOK_RPAR);
}

static ast_expr_t *parse_slice_item(parser_t *p) {
    int line = p->lx.tok.line, col = p->lx.tok.col;
    ast_expr_t *lower = NULL;
    if (TOK != TOK_COLON) {
        lower = parse_star_or_named(p);
        if (TOK != TOK_COLON) {
            return lower;
        }
        if (lower->kind == EXPR_STARRED) {
            p_syntax(p);
        }
    }
    p_next(p); /* ':' */
    ast_expr_t *s = new_expr(p, EXPR_SLICE, line, col);
    s->u.slice.lower = lower;
    if (TOK != TOK_COLON && TOK != TOK_COMMA && TOK != TOK_RSQB) {
        s->u.slice.upper = parse_test(p);
    }
    if (p_accept(p, TOK_COLON)) {
        if (TOK != TOK_COMMA && TOK != TOK_RSQB) {
            s->u.slice.step = parse_test(p);
        }
    }
    return s;
}

static ast_expr_t *parse_primary(parser_t *p) {
    ast_expr_t *e = parse_atom(p);
    for (size_t n = 1;; n++) {
        int line = p->lx.tok.line, col = p->lx.tok.col;
        if (TOK == TOK_LPAR || TOK == TOK_LSQB || TOK == TOK_DOT) {
            p_check_chain(p, n); /* x.a.a..., f()()...: left-deep too, the compiler recurses */
        }
        if (TOK == TOK_LPAR) {
            p_next(p);
            ast_expr_t *c = new_expr(p, EXPR_CALL, e->line, e->col);
            vec_t args = {0}, kws = {0};
            parse_call_args(p, &args, &kws);
            c->u.call.func = e;
            c->u.call.args = vec_exprs(&args);
            c->u.call.n_keywords = kws.n;
            c->u.call.keywords = (ast_keyword_t *)(void *)kws.data;
            e = c;
        } else if (TOK == TOK_LSQB) {
            p_next(p);
            ast_expr_t *s = new_expr(p, EXPR_SUBSCRIPT, e->line, e->col);
            ast_expr_t *first = parse_slice_item(p);
            if (TOK == TOK_COMMA) {
                vec_t v = {0};
                vec_push_expr(p, &v, first);
                while (p_accept(p, TOK_COMMA)) {
                    if (TOK == TOK_RSQB) {
                        break;
                    }
                    vec_push_expr(p, &v, parse_slice_item(p));
                }
                first = new_expr(p, EXPR_TUPLE, line, col);
                first->u.list.elts = vec_exprs(&v);
            } else if (first->kind == EXPR_STARRED) {
                p_syntax(p);
            }
            p_expect(p, TOK_RSQB);
            s->u.subscript.value = e;
            s->u.subscript.slice = first;
            e = s;
        } else if (TOK == TOK_DOT) {
            p_next(p);
            ast_expr_t *a = new_expr(p, EXPR_ATTRIBUTE, e->line, e->col);
            a->u.attribute.value = e;
            a->u.attribute.attr = p_expect_name(p);
            e = a;
        } else {
            return e;
        }
    }
}

/* power: ['await'] primary ['**' factor] */
static ast_expr_t *parse_power(parser_t *p) {
    ast_expr_t *e;
    if (TOK == TOK_KW_AWAIT) {
        e = new_expr(p, EXPR_AWAIT, p->lx.tok.line, p->lx.tok.col);
        p_next(p);
        e->u.yield.value = parse_primary(p);
    } else {
        e = parse_primary(p);
    }
    if (TOK == TOK_DSTAR) {
        p_next(p);
        p_enter(p);
        ast_expr_t *b = new_expr(p, EXPR_BINOP, e->line, e->col);
        b->u.binop.left = e;
        b->u.binop.op = AST_POW;
        b->u.binop.right = parse_unary(p);
        p_leave(p);
        return b;
    }
    return e;
}

/* factor: ('+'|'-'|'~')* power, built without recursion */
static ast_expr_t *parse_unary(parser_t *p) {
    if (TOK != TOK_PLUS && TOK != TOK_MINUS && TOK != TOK_TILDE) {
        return parse_power(p);
    }
    vec_t ops = {0};
    while (TOK == TOK_PLUS || TOK == TOK_MINUS || TOK == TOK_TILDE) {
        ast_expr_t *u = new_expr(p, EXPR_UNARYOP, p->lx.tok.line, p->lx.tok.col);
        u->u.unaryop.op = TOK == TOK_PLUS ? AST_UADD : TOK == TOK_MINUS ? AST_USUB : AST_INVERT;
        vec_push_expr(p, &ops, u);
        p_next(p);
    }
    p_check_chain(p, ops.n);
    ast_expr_t *e = parse_power(p);
    for (size_t i = ops.n; i-- > 0;) {
        ast_expr_t *u = vec_expr_at(&ops, i);
        u->u.unaryop.operand = e;
        e = u;
    }
    return e;
}

static int p_binop_prec(tok_kind_t k, ast_operator_t *op) {
    switch (k) {
        case TOK_PIPE: *op = AST_BITOR; return 1;
        case TOK_CARET: *op = AST_BITXOR; return 2;
        case TOK_AMPER: *op = AST_BITAND; return 3;
        case TOK_LSHIFT: *op = AST_LSHIFT; return 4;
        case TOK_RSHIFT: *op = AST_RSHIFT; return 4;
        case TOK_PLUS: *op = AST_ADD; return 5;
        case TOK_MINUS: *op = AST_SUB; return 5;
        case TOK_STAR: *op = AST_MULT; return 6;
        case TOK_SLASH: *op = AST_DIV; return 6;
        case TOK_DSLASH: *op = AST_FLOORDIV; return 6;
        case TOK_PERCENT: *op = AST_MOD; return 6;
        case TOK_AT: *op = AST_MATMULT; return 6;
        default: return 0;
    }
}

/* precedence climbing over | ^ & << >> + - * / // % @ (all left-associative) */
static ast_expr_t *parse_binop(parser_t *p, int min_prec) {
    ast_expr_t *left = parse_unary(p);
    for (size_t n = 1;; n++) {
        ast_operator_t op;
        int prec = p_binop_prec(TOK, &op);
        if (prec == 0 || prec < min_prec) {
            return left;
        }
        p_next(p);
        p_check_chain(p, n);
        ast_expr_t *b = new_expr(p, EXPR_BINOP, left->line, left->col);
        b->u.binop.left = left;
        b->u.binop.op = op;
        b->u.binop.right = parse_binop(p, prec + 1);
        left = b;
    }
}

static ast_expr_t *parse_bitor(parser_t *p) { return parse_binop(p, 1); }

static bool p_cmp_op(parser_t *p, ast_cmpop_t *op) {
    switch (TOK) {
        case TOK_LESS: *op = AST_LT; break;
        case TOK_GREATER: *op = AST_GT; break;
        case TOK_EQEQ: *op = AST_EQ; break;
        case TOK_NOTEQ: *op = AST_NOTEQ; break;
        case TOK_LESSEQ: *op = AST_LTE; break;
        case TOK_GREATEREQ: *op = AST_GTE; break;
        case TOK_KW_IN: *op = AST_IN; break;
        case TOK_KW_NOT:
            p_next(p);
            if (TOK != TOK_KW_IN) {
                p_syntax(p);
            }
            *op = AST_NOTIN;
            break;
        case TOK_KW_IS:
            p_next(p);
            if (TOK == TOK_KW_NOT) {
                *op = AST_ISNOT;
                break;
            }
            *op = AST_IS;
            return true;
        default:
            return false;
    }
    p_next(p);
    return true;
}

static ast_expr_t *parse_comparison(parser_t *p) {
    ast_expr_t *left = parse_bitor(p);
    ast_cmpop_t op;
    if (!p_cmp_op(p, &op)) {
        return left;
    }
    vec_t ops = {0}, cmps = {0};
    do {
        vec_push(p, &ops, &op, sizeof op);
        vec_push_expr(p, &cmps, parse_bitor(p));
    } while (p_cmp_op(p, &op));
    ast_expr_t *c = new_expr(p, EXPR_COMPARE, left->line, left->col);
    c->u.compare.left = left;
    c->u.compare.n = ops.n;
    c->u.compare.ops = (ast_cmpop_t *)(void *)ops.data;
    c->u.compare.comparators = (ast_expr_t **)(void *)cmps.data;
    return c;
}

static ast_expr_t *parse_not(parser_t *p) {
    if (TOK != TOK_KW_NOT) {
        return parse_comparison(p);
    }
    vec_t ops = {0};
    while (TOK == TOK_KW_NOT) {
        ast_expr_t *u = new_expr(p, EXPR_UNARYOP, p->lx.tok.line, p->lx.tok.col);
        u->u.unaryop.op = AST_NOT;
        vec_push_expr(p, &ops, u);
        p_next(p);
    }
    p_check_chain(p, ops.n);
    ast_expr_t *e = parse_comparison(p);
    for (size_t i = ops.n; i-- > 0;) {
        ast_expr_t *u = vec_expr_at(&ops, i);
        u->u.unaryop.operand = e;
        e = u;
    }
    return e;
}

static ast_expr_t *parse_boolop(parser_t *p, tok_kind_t kw) {
    ast_expr_t *first = kw == TOK_KW_OR ? parse_boolop(p, TOK_KW_AND) : parse_not(p);
    if (TOK != kw) {
        return first;
    }
    vec_t v = {0};
    vec_push_expr(p, &v, first);
    while (p_accept(p, kw)) {
        vec_push_expr(p, &v, kw == TOK_KW_OR ? parse_boolop(p, TOK_KW_AND) : parse_not(p));
    }
    ast_expr_t *b = new_expr(p, EXPR_BOOLOP, first->line, first->col);
    b->u.boolop.op = kw == TOK_KW_OR ? AST_OR : AST_AND;
    b->u.boolop.values = vec_exprs(&v);
    return b;
}

static ast_expr_t *parse_or(parser_t *p) { return parse_boolop(p, TOK_KW_OR); }

static ast_expr_t *parse_lambda(parser_t *p) {
    ast_expr_t *l = new_expr(p, EXPR_LAMBDA, p->lx.tok.line, p->lx.tok.col);
    p_next(p);
    l->u.lambda.args = parse_arguments(p, TOK_COLON, false);
    p_expect(p, TOK_COLON);
    l->u.lambda.body = parse_test(p);
    return l;
}

/* test: or_test ['if' or_test 'else' test] | lambdef */
static ast_expr_t *parse_test(parser_t *p) {
    p_enter(p);
    ast_expr_t *e;
    if (TOK == TOK_KW_LAMBDA) {
        e = parse_lambda(p);
    } else {
        e = parse_or(p);
        if (TOK == TOK_KW_IF) {
            p_next(p);
            ast_expr_t *c = new_expr(p, EXPR_IFEXP, e->line, e->col);
            c->u.ifexp.body = e;
            c->u.ifexp.test = parse_or(p);
            p_expect(p, TOK_KW_ELSE);
            c->u.ifexp.orelse = parse_test(p);
            e = c;
        }
    }
    p_leave(p);
    return e;
}

/* namedexpr_test: test [':=' test] (the target must be a name) */
static ast_expr_t *parse_namedexpr(parser_t *p) {
    ast_expr_t *e = parse_test(p);
    if (TOK == TOK_WALRUS) {
        if (e->kind != EXPR_NAME) {
            p_error(p, "can't assign to expression");
        }
        p_next(p);
        ast_expr_t *n = new_expr(p, EXPR_NAMEDEXPR, e->line, e->col);
        n->u.namedexpr.target = e;
        n->u.namedexpr.value = parse_test(p);
        return n;
    }
    return e;
}

/* (test | star_expr) (',' ...)* [','] : a tuple when there is a comma */
static ast_expr_t *parse_testlist_star(parser_t *p) {
    ast_expr_t *first = parse_star_or_test(p);
    if (TOK != TOK_COMMA) {
        return first;
    }
    vec_t v = {0};
    vec_push_expr(p, &v, first);
    while (p_accept(p, TOK_COMMA)) {
        if (!p_starts_expr(TOK)) {
            break;
        }
        vec_push_expr(p, &v, parse_star_or_test(p));
    }
    ast_expr_t *t = new_expr(p, EXPR_TUPLE, first->line, first->col);
    t->u.list.elts = vec_exprs(&v);
    return t;
}

static ast_expr_t *parse_yield(parser_t *p) {
    int line = p->lx.tok.line, col = p->lx.tok.col;
    p_next(p);
    if (p_accept(p, TOK_KW_FROM)) {
        ast_expr_t *y = new_expr(p, EXPR_YIELDFROM, line, col);
        y->u.yield.value = parse_test(p);
        return y;
    }
    ast_expr_t *y = new_expr(p, EXPR_YIELD, line, col);
    if (p_starts_expr(TOK)) {
        y->u.yield.value = p_no_star(p, parse_testlist_star(p));
    }
    return y;
}

/* ---- function arguments ---- */

static void p_arg(parser_t *p, ast_arg_t *a, bool annotations) {
    a->line = p->lx.tok.line;
    a->arg = p_expect_name(p);
    if (annotations && p_accept(p, TOK_COLON)) {
        a->annotation = parse_test(p);
    }
}

static void p_check_dup_arg(parser_t *p, qstr *names, size_t n, int line) {
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (names[i] == names[j]) {
                p_error_line(p, line, "duplicate argument in function definition");
            }
        }
    }
}

static ast_arguments_t *parse_arguments(parser_t *p, tok_kind_t end, bool annotations) {
    ast_arguments_t *a = ast_alloc(p->arena, sizeof(ast_arguments_t));
    vec_t args = {0}, defaults = {0}, kwonly = {0}, kwdefaults = {0}, names = {0};
    bool star = false, bare_star = false, seen_default = false, seen_slash = false;
    int line = p->lx.tok.line;
    while (TOK != end) {
        if (TOK == TOK_SLASH) {
            if (star || seen_slash || args.n == 0) {
                p_syntax(p);
            }
            p_next(p);
            a->n_posonly = args.n;
            seen_slash = true;
        } else if (TOK == TOK_STAR) {
            if (star) {
                p_error(p, "* argument may appear only once");
            }
            p_next(p);
            star = true;
            if (TOK == TOK_NAME) {
                a->vararg = ast_alloc(p->arena, sizeof(ast_arg_t));
                p_arg(p, a->vararg, annotations);
                vec_push(p, &names, &a->vararg->arg, sizeof(qstr));
            } else {
                bare_star = true;
                if (TOK != TOK_COMMA) {
                    p_error(p, "named arguments must follow bare *");
                }
            }
        } else if (TOK == TOK_DSTAR) {
            p_next(p);
            a->kwarg = ast_alloc(p->arena, sizeof(ast_arg_t));
            p_arg(p, a->kwarg, annotations);
            vec_push(p, &names, &a->kwarg->arg, sizeof(qstr));
            p_accept(p, TOK_COMMA);
            if (TOK != end) {
                p_syntax(p);
            }
            break;
        } else {
            ast_arg_t arg;
            memset(&arg, 0, sizeof arg);
            p_arg(p, &arg, annotations);
            vec_push(p, &names, &arg.arg, sizeof(qstr));
            ast_expr_t *def = NULL;
            if (p_accept(p, TOK_EQUAL)) {
                def = parse_test(p);
            }
            if (!star) {
                if (def != NULL) {
                    vec_push_expr(p, &defaults, def);
                    seen_default = true;
                } else if (seen_default) {
                    p_error_line(p, arg.line, "non-default argument follows default argument");
                }
                vec_push(p, &args, &arg, sizeof arg);
            } else {
                vec_push(p, &kwonly, &arg, sizeof arg);
                vec_push_expr(p, &kwdefaults, def);
            }
        }
        if (!p_accept(p, TOK_COMMA)) {
            break;
        }
    }
    if (bare_star && kwonly.n == 0) {
        p_error(p, "named arguments must follow bare *");
    }
    p_check_dup_arg(p, (qstr *)(void *)names.data, names.n, line);
    a->n_args = args.n;
    a->args = (ast_arg_t *)(void *)args.data;
    a->n_kwonly = kwonly.n;
    a->kwonly = (ast_arg_t *)(void *)kwonly.data;
    a->kw_defaults = (ast_expr_t **)(void *)kwdefaults.data;
    a->defaults = vec_exprs(&defaults);
    return a;
}

/* ---- strings and f-strings ---- */

static int p_hex(parser_t *p, const char *s, size_t n, size_t *i, int count, int line) {
    uint32_t v = 0;
    for (int k = 0; k < count; k++) {
        if (*i >= n) {
            p_error_line(p, line, "invalid \\x escape");
        }
        char c = s[*i];
        int d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
            d = (c | 0x20) - 'a' + 10;
        } else {
            p_error_line(p, line, "invalid \\x escape");
        }
        v = v * 16 + (uint32_t)d;
        (*i)++;
    }
    return (int)v;
}

/* Decodes s[0..n) (a literal's text) into b. */
static void p_decode(parser_t *p, sbuf_t *b, const char *s, size_t n, int flags, int line) {
    bool raw = (flags & LEX_STR_RAW) != 0;
    bool bytes = (flags & LEX_STR_BYTES) != 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\\' && s[j] != '\r' && (unsigned char)s[j] < 0x80) {
            j++;
        }
        if (j > i) {
            sb_add(p, b, s + i, j - i);
            i = j;
            if (i >= n) {
                break;
            }
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            if (bytes) {
                p_error_line(p, line, "bytes can only contain ASCII literal characters");
            }
            sb_byte(p, b, (char)c);
            i++;
            continue;
        }
        if (c == '\r') {
            sb_byte(p, b, '\n');
            i++;
            if (i < n && s[i] == '\n') {
                i++;
            }
            continue;
        }
        /* a backslash */
        if (raw || i + 1 >= n) {
            sb_byte(p, b, '\\');
            i++;
            if (raw && i < n && s[i] != '\r') {
                if ((unsigned char)s[i] >= 0x80 && bytes) {
                    p_error_line(p, line, "bytes can only contain ASCII literal characters");
                }
                sb_byte(p, b, s[i]);
                i++;
            }
            continue;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
            case '\n': break;
            case '\r':
                if (i < n && s[i] == '\n') {
                    i++;
                }
                break;
            case '\\': sb_byte(p, b, '\\'); break;
            case '\'': sb_byte(p, b, '\''); break;
            case '"': sb_byte(p, b, '"'); break;
            case 'a': sb_byte(p, b, 7); break;
            case 'b': sb_byte(p, b, 8); break;
            case 'f': sb_byte(p, b, 12); break;
            case 'n': sb_byte(p, b, '\n'); break;
            case 'r': sb_byte(p, b, '\r'); break;
            case 't': sb_byte(p, b, '\t'); break;
            case 'v': sb_byte(p, b, 11); break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                uint32_t v = (uint32_t)(e - '0');
                for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++) {
                    v = v * 8 + (uint32_t)(s[i++] - '0');
                }
                if (bytes) {
                    sb_byte(p, b, (char)(v & 0xFF));
                } else {
                    sb_utf8(p, b, v);
                }
                break;
            }
            case 'x': {
                int v = p_hex(p, s, n, &i, 2, line);
                if (bytes) {
                    sb_byte(p, b, (char)v);
                } else {
                    sb_utf8(p, b, (uint32_t)v);
                }
                break;
            }
            case 'u':
            case 'U':
                if (bytes) {
                    sb_byte(p, b, '\\');
                    sb_byte(p, b, e);
                } else {
                    uint32_t v = (uint32_t)p_hex(p, s, n, &i, e == 'u' ? 4 : 8, line);
                    if (v > 0x10FFFF) {
                        p_error_line(p, line, "illegal Unicode character");
                    }
                    if (v >= 0xD800 && v <= 0xDFFF) {
                        p_error_line(p, line, "surrogate characters not supported");
                    }
                    sb_utf8(p, b, v);
                }
                break;
            case 'N':
                if (!bytes) { /* named escapes need the Unicode name table, which the board lacks */
                    raise_msg(&type_NotImplementedError, "unicode name escapes");
                }
                sb_byte(p, b, '\\');
                sb_byte(p, b, e);
                break;
            default:
                sb_byte(p, b, '\\');
                i--; /* the character after the backslash is taken literally */
                break;
        }
    }
}

typedef struct {
    vec_t values; /* JoinedStr parts */
    sbuf_t lit;   /* pending literal text */
    int line;
    int col;
    bool any_field;
} fstr_t;

static void fs_flush(parser_t *p, fstr_t *fs) {
    if (fs->lit.len > 0) {
        vec_push_expr(p, &fs->values, new_str_const(p, fs->lit.buf, fs->lit.len, fs->line, fs->col));
        fs->lit.buf = NULL;
        fs->lit.len = 0;
        fs->lit.alloc = 0;
    }
}

static ast_expr_t *parse_fstring_expr(parser_t *p, const char *s, size_t n, int line) {
    parser_t *sub = ast_alloc(p->arena, sizeof(parser_t));
    sub->arena = p->arena;
    sub->filename = p->filename;
    sub->depth = p->depth;
    lex_init(&sub->lx, p->arena, s, n, p->filename, line, true);
    if (sub->lx.tok.kind == TOK_END) {
        p_error_line(p, line, "f-string: empty expression not allowed");
    }
    ast_expr_t *e;
    if (sub->lx.tok.kind == TOK_KW_YIELD) {
        e = parse_yield(sub);
    } else {
        e = parse_testlist_star(sub);
    }
    if (sub->lx.tok.kind != TOK_END) {
        p_error_line(p, sub->lx.tok.line, "f-string: invalid syntax");
    }
    return e;
}

static size_t parse_fstring_body(parser_t *p, fstr_t *fs, const char *s, size_t n, size_t i,
    int flags, int *line, bool in_spec);

/* s[i] is just after '{'; parses one replacement field and returns the index after its '}'. */
static size_t parse_fstring_field(parser_t *p, fstr_t *fs, const char *s, size_t n, size_t i,
    int flags, int *line) {
    p_enter(p);
    size_t j = i;
    int depth = 0;
    char quote = 0;
    bool triple = false;
    int expr_line = *line;
    while (j < n) {
        char c = s[j];
        if (quote) {
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote && (!triple || (j + 2 < n && s[j + 1] == quote && s[j + 2] == quote))) {
                j += triple ? 3 : 1;
                quote = 0;
                continue;
            }
            if (c == '\n') {
                (*line)++;
            }
            j++;
            continue;
        }
        if (c == '\'' || c == '"') {
            /* a string inside the expression, perhaps an f-string nesting the same quotes */
            const char *after = lex_skip_string(s + j, s + n, s + i);
            if (after != NULL) {
                for (const char *k = s + j; k < after; k++) {
                    *line += *k == '\n';
                }
                j = (size_t)(after - s);
                continue;
            }
            quote = c;
            triple = j + 2 < n && s[j + 1] == c && s[j + 2] == c;
            j += triple ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (depth == 0) {
                if (c == '}') {
                    break;
                }
                p_error_line(p, *line, "f-string: unmatched ')'");
            }
            depth--;
        } else if (depth == 0) {
            if (c == '!' && !(j + 1 < n && s[j + 1] == '=')) {
                break;
            }
            if (c == ':') {
                break;
            }
            if (c == '=' && !(j + 1 < n && s[j + 1] == '=') &&
                !(j > i && (s[j - 1] == '=' || s[j - 1] == '!' || s[j - 1] == '<' || s[j - 1] == '>'))) {
                break;
            }
        }
        if (c == '#') {
            p_error_line(p, *line, "f-string expression part cannot include '#'");
        }
        if (c == '\n') {
            (*line)++;
        }
        j++;
    }
    if (j >= n || quote) {
        p_error_line(p, *line, "f-string: expecting '}'");
    }
    ast_expr_t *e = parse_fstring_expr(p, s + i, j - i, expr_line);
    ast_expr_t *fv = new_expr(p, EXPR_FORMATTEDVALUE, expr_line, fs->col);
    fv->u.formattedvalue.value = e;
    fv->u.formattedvalue.conversion = -1;
    bool selfdoc = false;
    if (s[j] == '=') {
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) {
            j++;
        }
        sb_add(p, &fs->lit, s + i, j - i);
        selfdoc = true;
    }
    if (j < n && s[j] == '!') {
        if (j + 1 >= n || (s[j + 1] != 's' && s[j + 1] != 'r' && s[j + 1] != 'a')) {
            p_error_line(p, *line, "f-string: invalid conversion character");
        }
        fv->u.formattedvalue.conversion = s[j + 1];
        j += 2;
    }
    if (j < n && s[j] == ':') {
        j++;
        fstr_t spec;
        memset(&spec, 0, sizeof spec);
        spec.line = fs->line;
        spec.col = fs->col;
        j = parse_fstring_body(p, &spec, s, n, j, flags, line, true);
        fs_flush(p, &spec);
        if (spec.values.n > 0) {
            ast_expr_t *js = new_expr(p, EXPR_JOINEDSTR, expr_line, fs->col);
            js->u.joinedstr.values = vec_exprs(&spec.values);
            fv->u.formattedvalue.format_spec = js;
        }
    }
    if (j >= n || s[j] != '}') {
        p_error_line(p, *line, "f-string: expecting '}'");
    }
    if (selfdoc && fv->u.formattedvalue.conversion == -1 && fv->u.formattedvalue.format_spec == NULL) {
        fv->u.formattedvalue.conversion = 'r';
    }
    fs_flush(p, fs);
    vec_push_expr(p, &fs->values, fv);
    fs->any_field = true;
    p_leave(p);
    return j + 1;
}

/* Literal text and fields from s[i]; in a format spec, stops at the closing '}' (not consumed). */
static size_t parse_fstring_body(parser_t *p, fstr_t *fs, const char *s, size_t n, size_t i,
    int flags, int *line, bool in_spec) {
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '{' && s[j] != '}') {
            if (s[j] == '\n') {
                (*line)++;
            }
            j++;
        }
        if (j > i) {
            p_decode(p, &fs->lit, s + i, j - i, flags, *line);
            i = j;
        }
        if (i >= n) {
            break;
        }
        if (s[i] == '{') {
            if (!in_spec && i + 1 < n && s[i + 1] == '{') {
                sb_byte(p, &fs->lit, '{');
                i += 2;
                continue;
            }
            i = parse_fstring_field(p, fs, s, n, i + 1, flags, line);
            continue;
        }
        /* '}' */
        if (in_spec) {
            return i;
        }
        if (i + 1 < n && s[i + 1] == '}') {
            sb_byte(p, &fs->lit, '}');
            i += 2;
            continue;
        }
        p_error_line(p, *line, "f-string: single '}' is not allowed");
    }
    if (in_spec) {
        p_error_line(p, *line, "f-string: expecting '}'");
    }
    return i;
}

/* STRING+ : implicit concatenation of str, f-string and bytes literals */
static ast_expr_t *parse_strings(parser_t *p) {
    fstr_t fs;
    memset(&fs, 0, sizeof fs);
    fs.line = p->lx.tok.line;
    fs.col = p->lx.tok.col;
    bool bytes = (p->lx.tok.str_flags & LEX_STR_BYTES) != 0;
    bool any_f = false;
    while (TOK == TOK_STRING) {
        lex_token_t *t = &p->lx.tok;
        if (((t->str_flags & LEX_STR_BYTES) != 0) != bytes) {
            p_error_line(p, t->line, "cannot mix bytes and nonbytes literals");
        }
        int line = t->line;
        if (t->str_flags & LEX_STR_F) {
            any_f = true;
            parse_fstring_body(p, &fs, t->body, t->body_len, 0, t->str_flags, &line, false);
        } else {
            p_decode(p, &fs.lit, t->body, t->body_len, t->str_flags, line);
        }
        p_next(p);
    }
    if (!fs.any_field) {
        ast_expr_t *e = new_const(p, bytes ? AST_CONST_BYTES : AST_CONST_STR, fs.line, fs.col);
        e->u.constant.str = fs.lit.buf ? fs.lit.buf : "";
        e->u.constant.len = fs.lit.len;
        (void)any_f;
        return e;
    }
    fs_flush(p, &fs);
    ast_expr_t *js = new_expr(p, EXPR_JOINEDSTR, fs.line, fs.col);
    js->u.joinedstr.values = vec_exprs(&fs.values);
    return js;
}

/* ---- statements ---- */

static void parse_statement(parser_t *p, vec_t *out);
static void parse_simple_stmts(parser_t *p, vec_t *out);

static ast_stmt_list_t parse_block(parser_t *p) {
    p_expect(p, TOK_COLON);
    vec_t body = {0};
    if (p_accept(p, TOK_NEWLINE)) {
        if (TOK != TOK_INDENT) {
            lex_raise(&type_IndentationError, p->filename, p->lx.tok.line, "expected an indented block");
        }
        p_next(p);
        p_enter(p);
        while (TOK != TOK_DEDENT && TOK != TOK_END) {
            parse_statement(p, &body);
        }
        p_leave(p);
        p_accept(p, TOK_DEDENT);
    } else {
        parse_simple_stmts(p, &body); /* "if x: if y: ..." is not Python */
    }
    return vec_stmts(&body);
}

static qstr parse_dotted_name(parser_t *p) {
    if (TOK != TOK_NAME) {
        p_syntax(p);
    }
    const lex_token_t *t = &p->lx.tok;
    const char *s = t->start;
    size_t len = t->len;
    qstr q = t->name;
    p_next(p);
    if (TOK != TOK_DOT) {
        return q;
    }
    sbuf_t b = {0};
    sb_add(p, &b, s, len);
    while (p_accept(p, TOK_DOT)) {
        if (TOK != TOK_NAME) {
            p_syntax(p);
        }
        sb_byte(p, &b, '.');
        sb_add(p, &b, p->lx.tok.start, p->lx.tok.len);
        p_next(p);
    }
    return qstr_from_strn(b.buf, b.len);
}

static ast_stmt_t *parse_import(parser_t *p, int line, int col) {
    p_next(p);
    vec_t names = {0};
    do {
        ast_alias_t a;
        a.name = parse_dotted_name(p);
        a.asname = QSTR_NULL;
        if (p_accept(p, TOK_KW_AS)) {
            a.asname = p_expect_name(p);
        }
        vec_push(p, &names, &a, sizeof a);
    } while (p_accept(p, TOK_COMMA));
    ast_stmt_t *s = new_stmt(p, STMT_IMPORT, line, col);
    s->u.import.n_names = names.n;
    s->u.import.names = (ast_alias_t *)(void *)names.data;
    return s;
}

static ast_stmt_t *parse_from_import(parser_t *p, int line, int col) {
    p_next(p);
    int level = 0;
    for (;;) {
        if (p_accept(p, TOK_DOT)) {
            level++;
        } else if (p_accept(p, TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    qstr module = QSTR_NULL;
    if (TOK == TOK_NAME) {
        module = parse_dotted_name(p);
    } else if (level == 0) {
        p_syntax(p);
    }
    p_expect(p, TOK_KW_IMPORT);
    vec_t names = {0};
    if (p_accept(p, TOK_STAR)) {
        ast_alias_t a = {QSTR__star_, QSTR_NULL};
        vec_push(p, &names, &a, sizeof a);
    } else {
        bool paren = p_accept(p, TOK_LPAR);
        for (;;) {
            ast_alias_t a;
            a.name = p_expect_name(p);
            a.asname = QSTR_NULL;
            if (p_accept(p, TOK_KW_AS)) {
                a.asname = p_expect_name(p);
            }
            vec_push(p, &names, &a, sizeof a);
            if (!p_accept(p, TOK_COMMA)) {
                break;
            }
            if (paren && TOK == TOK_RPAR) {
                break;
            }
            if (!paren && TOK != TOK_NAME) {
                p_error(p, "trailing comma not allowed without surrounding parentheses");
            }
        }
        if (paren) {
            p_expect(p, TOK_RPAR);
        }
    }
    ast_stmt_t *s = new_stmt(p, STMT_IMPORTFROM, line, col);
    s->u.importfrom.module = module;
    s->u.importfrom.level = level;
    s->u.importfrom.n_names = names.n;
    s->u.importfrom.names = (ast_alias_t *)(void *)names.data;
    return s;
}

static bool p_augassign_op(tok_kind_t k, ast_operator_t *op) {
    switch (k) {
        case TOK_PLUSEQ: *op = AST_ADD; return true;
        case TOK_MINUSEQ: *op = AST_SUB; return true;
        case TOK_STAREQ: *op = AST_MULT; return true;
        case TOK_ATEQ: *op = AST_MATMULT; return true;
        case TOK_SLASHEQ: *op = AST_DIV; return true;
        case TOK_PERCENTEQ: *op = AST_MOD; return true;
        case TOK_DSTAREQ: *op = AST_POW; return true;
        case TOK_LSHIFTEQ: *op = AST_LSHIFT; return true;
        case TOK_RSHIFTEQ: *op = AST_RSHIFT; return true;
        case TOK_PIPEEQ: *op = AST_BITOR; return true;
        case TOK_CARETEQ: *op = AST_BITXOR; return true;
        case TOK_AMPEREQ: *op = AST_BITAND; return true;
        case TOK_DSLASHEQ: *op = AST_FLOORDIV; return true;
        default: return false;
    }
}

static ast_expr_t *parse_rhs(parser_t *p) {
    return TOK == TOK_KW_YIELD ? parse_yield(p) : p_no_star(p, parse_testlist_star(p));
}

static ast_stmt_t *parse_expr_stmt(parser_t *p, int line, int col) {
    bool parenthesized = TOK == TOK_LPAR;
    ast_expr_t *e = TOK == TOK_KW_YIELD ? parse_yield(p) : parse_testlist_star(p);
    ast_operator_t op;
    if (TOK == TOK_EQUAL) {
        vec_t targets = {0};
        while (p_accept(p, TOK_EQUAL)) {
            p_check_target(p, e, TARGET_STORE);
            vec_push_expr(p, &targets, e);
            e = parse_rhs(p);
        }
        ast_stmt_t *s = new_stmt(p, STMT_ASSIGN, line, col);
        s->u.assign.targets = vec_exprs(&targets);
        s->u.assign.value = e;
        return s;
    }
    if (p_augassign_op(TOK, &op)) {
        if (e->kind != EXPR_NAME && e->kind != EXPR_ATTRIBUTE && e->kind != EXPR_SUBSCRIPT) {
            p_error_line(p, e->line, "illegal expression for augmented assignment");
        }
        p_next(p);
        ast_stmt_t *s = new_stmt(p, STMT_AUGASSIGN, line, col);
        s->u.augassign.target = e;
        s->u.augassign.op = op;
        s->u.augassign.value = parse_rhs(p);
        return s;
    }
    if (TOK == TOK_COLON) {
        if (e->kind == EXPR_TUPLE) {
            p_error_line(p, e->line, "only single target (not tuple) can be annotated");
        }
        if (e->kind != EXPR_NAME && e->kind != EXPR_ATTRIBUTE && e->kind != EXPR_SUBSCRIPT) {
            p_error_line(p, e->line, "illegal target for annotation");
        }
        p_next(p);
        ast_stmt_t *s = new_stmt(p, STMT_ANNASSIGN, line, col);
        s->u.annassign.target = e;
        s->u.annassign.annotation = parse_test(p);
        s->u.annassign.simple = e->kind == EXPR_NAME && !parenthesized;
        if (p_accept(p, TOK_EQUAL)) {
            s->u.annassign.value = parse_rhs(p);
        }
        return s;
    }
    p_no_star(p, e);
    ast_stmt_t *s = new_stmt(p, STMT_EXPR, line, col);
    s->u.expr.value = e;
    return s;
}

static ast_stmt_t *parse_small_stmt(parser_t *p) {
    int line = p->lx.tok.line, col = p->lx.tok.col;
    ast_stmt_t *s;
    switch (TOK) {
        case TOK_KW_PASS:
            p_next(p);
            return new_stmt(p, STMT_PASS, line, col);
        case TOK_KW_BREAK:
            p_next(p);
            return new_stmt(p, STMT_BREAK, line, col);
        case TOK_KW_CONTINUE:
            p_next(p);
            return new_stmt(p, STMT_CONTINUE, line, col);
        case TOK_KW_RETURN:
            p_next(p);
            s = new_stmt(p, STMT_RETURN, line, col);
            if (p_starts_expr(TOK)) {
                s->u.ret.value = p_no_star(p, parse_testlist_star(p));
            }
            return s;
        case TOK_KW_RAISE:
            p_next(p);
            s = new_stmt(p, STMT_RAISE, line, col);
            if (p_starts_expr(TOK)) {
                s->u.raise.exc = parse_test(p);
                if (p_accept(p, TOK_KW_FROM)) {
                    s->u.raise.cause = parse_test(p);
                }
            }
            return s;
        case TOK_KW_GLOBAL:
        case TOK_KW_NONLOCAL: {
            s = new_stmt(p, TOK == TOK_KW_GLOBAL ? STMT_GLOBAL : STMT_NONLOCAL, line, col);
            p_next(p);
            vec_t names = {0};
            do {
                qstr q = p_expect_name(p);
                vec_push(p, &names, &q, sizeof q);
            } while (p_accept(p, TOK_COMMA));
            s->u.global.n_names = names.n;
            s->u.global.names = (qstr *)(void *)names.data;
            return s;
        }
        case TOK_KW_DEL: {
            p_next(p);
            s = new_stmt(p, STMT_DELETE, line, col);
            vec_t targets = {0};
            for (;;) {
                if (TOK == TOK_STAR) {
                    p_error(p, "can't use starred expression here");
                }
                ast_expr_t *t = parse_bitor(p);
                p_check_target(p, t, TARGET_DEL);
                vec_push_expr(p, &targets, t);
                if (!p_accept(p, TOK_COMMA) || !p_starts_expr(TOK)) {
                    break;
                }
            }
            s->u.del.targets = vec_exprs(&targets);
            return s;
        }
        case TOK_KW_ASSERT:
            p_next(p);
            s = new_stmt(p, STMT_ASSERT, line, col);
            s->u.assert_.test = parse_test(p);
            if (p_accept(p, TOK_COMMA)) {
                s->u.assert_.msg = parse_test(p);
            }
            return s;
        case TOK_KW_IMPORT:
            return parse_import(p, line, col);
        case TOK_KW_FROM:
            return parse_from_import(p, line, col);
        default:
            return parse_expr_stmt(p, line, col);
    }
}

static void parse_simple_stmts(parser_t *p, vec_t *out) {
    for (;;) {
        vec_push_stmt(p, out, parse_small_stmt(p));
        if (!p_accept(p, TOK_SEMI) || TOK == TOK_NEWLINE) {
            break;
        }
    }
    if (TOK != TOK_NEWLINE) {
        p_syntax(p);
    }
    p_next(p);
}

static ast_stmt_t *parse_if(parser_t *p) {
    ast_stmt_t *s = new_stmt(p, STMT_IF, p->lx.tok.line, p->lx.tok.col);
    p_next(p); /* 'if' or 'elif' */
    s->u.if_.test = parse_namedexpr(p);
    s->u.if_.body = parse_block(p);
    if (TOK == TOK_KW_ELIF) {
        vec_t orelse = {0};
        vec_push_stmt(p, &orelse, parse_if(p));
        s->u.if_.orelse = vec_stmts(&orelse);
    } else if (p_accept(p, TOK_KW_ELSE)) {
        s->u.if_.orelse = parse_block(p);
    }
    return s;
}

static ast_stmt_t *parse_while(parser_t *p, int line, int col) {
    p_next(p);
    ast_stmt_t *s = new_stmt(p, STMT_WHILE, line, col);
    s->u.while_.test = parse_namedexpr(p);
    s->u.while_.body = parse_block(p);
    if (p_accept(p, TOK_KW_ELSE)) {
        s->u.while_.orelse = parse_block(p);
    }
    return s;
}

static ast_stmt_t *parse_for(parser_t *p, int line, int col) {
    p_next(p);
    ast_stmt_t *s = new_stmt(p, STMT_FOR, line, col);
    s->u.for_.target = parse_target_list(p);
    p_check_target(p, s->u.for_.target, TARGET_STORE);
    p_expect(p, TOK_KW_IN);
    s->u.for_.iter = p_no_star(p, parse_testlist_star(p));
    s->u.for_.body = parse_block(p);
    if (p_accept(p, TOK_KW_ELSE)) {
        s->u.for_.orelse = parse_block(p);
    }
    return s;
}

static ast_stmt_t *parse_try(parser_t *p, int line, int col) {
    p_next(p);
    ast_stmt_t *s = new_stmt(p, STMT_TRY, line, col);
    s->u.try_.body = parse_block(p);
    vec_t handlers = {0};
    bool bare = false;
    while (TOK == TOK_KW_EXCEPT) {
        int hline = p->lx.tok.line;
        if (bare) {
            p_error(p, "default 'except:' must be last");
        }
        p_next(p);
        ast_excepthandler_t h;
        memset(&h, 0, sizeof h);
        h.line = hline;
        if (TOK != TOK_COLON) {
            h.type = parse_test(p);
            if (p_accept(p, TOK_KW_AS)) {
                h.name = p_expect_name(p);
            }
        } else {
            bare = true;
        }
        h.body = parse_block(p);
        vec_push(p, &handlers, &h, sizeof h);
    }
    s->u.try_.n_handlers = handlers.n;
    s->u.try_.handlers = (ast_excepthandler_t *)(void *)handlers.data;
    if (TOK == TOK_KW_ELSE) {
        if (handlers.n == 0) {
            p_syntax(p);
        }
        p_next(p);
        s->u.try_.orelse = parse_block(p);
    }
    if (p_accept(p, TOK_KW_FINALLY)) {
        s->u.try_.finalbody = parse_block(p);
    } else if (handlers.n == 0) {
        p_error(p, "expected 'except' or 'finally' block");
    }
    return s;
}

static void parse_with_item(parser_t *p, vec_t *items) {
    ast_withitem_t w;
    w.context_expr = parse_test(p);
    w.optional_vars = NULL;
    if (p_accept(p, TOK_KW_AS)) {
        w.optional_vars = parse_bitor(p);
        p_check_target(p, w.optional_vars, TARGET_STORE);
    }
    vec_push(p, items, &w, sizeof w);
}

/* with '(' item, ... ')' ':' (Python 3.9+): true if the parenthesis ends right before ':' */
static bool p_with_parenthesized(parser_t *p) {
    lexer_t *copy = ast_alloc(p->arena, sizeof(lexer_t));
    *copy = p->lx;
    lex_next(copy);
    if (copy->tok.kind == TOK_KW_YIELD) {
        return false;
    }
    *copy = p->lx;
    int depth = 0;
    for (;;) {
        tok_kind_t k = copy->tok.kind;
        if (k == TOK_LPAR || k == TOK_LSQB || k == TOK_LBRACE) {
            depth++;
        } else if (k == TOK_RPAR || k == TOK_RSQB || k == TOK_RBRACE) {
            if (--depth == 0) {
                lex_next(copy);
                return copy->tok.kind == TOK_COLON;
            }
        } else if (k == TOK_NEWLINE || k == TOK_END) {
            return false;
        }
        lex_next(copy);
    }
}

static ast_stmt_t *parse_with(parser_t *p, int line, int col) {
    p_next(p);
    ast_stmt_t *s = new_stmt(p, STMT_WITH, line, col);
    vec_t items = {0};
    if (TOK == TOK_LPAR && p_with_parenthesized(p)) {
        p_next(p);
        for (;;) {
            parse_with_item(p, &items);
            if (!p_accept(p, TOK_COMMA) || TOK == TOK_RPAR) {
                break;
            }
        }
        p_expect(p, TOK_RPAR);
    } else {
        do {
            parse_with_item(p, &items);
        } while (p_accept(p, TOK_COMMA));
    }
    s->u.with.n_items = items.n;
    s->u.with.items = (ast_withitem_t *)(void *)items.data;
    s->u.with.body = parse_block(p);
    return s;
}

static ast_stmt_t *parse_def(parser_t *p) {
    ast_stmt_t *s = new_stmt(p, STMT_FUNCTIONDEF, p->lx.tok.line, p->lx.tok.col);
    p_next(p);
    s->u.functiondef.name = p_expect_name(p);
    p_expect(p, TOK_LPAR);
    s->u.functiondef.args = parse_arguments(p, TOK_RPAR, true);
    p_expect(p, TOK_RPAR);
    if (p_accept(p, TOK_ARROW)) {
        s->u.functiondef.returns = parse_test(p);
    }
    s->u.functiondef.body = parse_block(p);
    return s;
}

static ast_stmt_t *parse_class(parser_t *p) {
    ast_stmt_t *s = new_stmt(p, STMT_CLASSDEF, p->lx.tok.line, p->lx.tok.col);
    p_next(p);
    s->u.classdef.name = p_expect_name(p);
    if (p_accept(p, TOK_LPAR)) {
        vec_t args = {0}, kws = {0};
        parse_call_args(p, &args, &kws);
        s->u.classdef.bases = vec_exprs(&args);
        s->u.classdef.n_keywords = kws.n;
        s->u.classdef.keywords = (ast_keyword_t *)(void *)kws.data;
    }
    s->u.classdef.body = parse_block(p);
    return s;
}

static ast_stmt_t *parse_decorated(parser_t *p) {
    vec_t decs = {0};
    while (p_accept(p, TOK_AT)) {
        vec_push_expr(p, &decs, parse_namedexpr(p));
        p_expect(p, TOK_NEWLINE);
    }
    ast_stmt_t *s;
    if (TOK == TOK_KW_ASYNC) {
        p_next(p);
        if (TOK != TOK_KW_DEF) {
            p_syntax(p);
        }
        s = parse_def(p);
        s->is_async = true;
        s->u.functiondef.decorators = vec_exprs(&decs);
    } else if (TOK == TOK_KW_DEF) {
        s = parse_def(p);
        s->u.functiondef.decorators = vec_exprs(&decs);
    } else if (TOK == TOK_KW_CLASS) {
        s = parse_class(p);
        s->u.classdef.decorators = vec_exprs(&decs);
    } else {
        p_syntax(p);
    }
    return s;
}

static void parse_statement(parser_t *p, vec_t *out) {
    int line = p->lx.tok.line, col = p->lx.tok.col;
    ast_stmt_t *s;
    switch (TOK) {
        case TOK_KW_IF: s = parse_if(p); break;
        case TOK_KW_WHILE: s = parse_while(p, line, col); break;
        case TOK_KW_FOR: s = parse_for(p, line, col); break;
        case TOK_KW_TRY: s = parse_try(p, line, col); break;
        case TOK_KW_WITH: s = parse_with(p, line, col); break;
        case TOK_KW_DEF: s = parse_def(p); break;
        case TOK_KW_CLASS: s = parse_class(p); break;
        case TOK_AT: s = parse_decorated(p); break;
        case TOK_KW_ASYNC:
            p_next(p);
            switch (TOK) {
                case TOK_KW_DEF: s = parse_def(p); break;
                case TOK_KW_FOR: s = parse_for(p, line, col); break;
                case TOK_KW_WITH: s = parse_with(p, line, col); break;
                default: p_syntax(p);
            }
            s->line = line;
            s->col = col;
            s->is_async = true;
            break;
        case TOK_INDENT: p_syntax(p);
        default:
            parse_simple_stmts(p, out);
            return;
    }
    vec_push_stmt(p, out, s);
}

/* Nothing but line continuations: no line at all. */
static bool parse_source_is_empty(const char *src, size_t len) {
    size_t i = 0;
    while (i < len && src[i] == '\\' && i + 1 < len && (src[i + 1] == '\n' || src[i + 1] == '\r')) {
        i += 2;
        if (src[i - 1] == '\r' && i < len && src[i] == '\n') {
            i++;
        }
    }
    return i == len;
}

ast_module_t *parse_source(ast_arena_t *arena, const char *src, size_t len, qstr filename, int kind) {
    parser_t *p = ast_alloc(arena, sizeof(parser_t));
    p->arena = arena;
    p->filename = filename;
    p->depth = 0;
    lex_init(&p->lx, arena, src, len, filename, 1, false);
    ast_module_t *mod = ast_alloc(arena, sizeof(ast_module_t));
    mod->filename = filename;
    if (kind == INPUT_EVAL) {
        while (TOK == TOK_NEWLINE || TOK == TOK_INDENT) {
            p_next(p);
        }
        if (TOK == TOK_END) {
            p_error(p, "unexpected EOF while parsing");
        }
        mod->expr = p_no_star(p, parse_testlist_star(p));
        while (TOK == TOK_NEWLINE || TOK == TOK_DEDENT) {
            p_next(p);
        }
        if (TOK != TOK_END) {
            p_syntax(p);
        }
        return mod;
    }
    if (kind == INPUT_SINGLE && TOK == TOK_END && parse_source_is_empty(src, len)) {
        p_syntax(p); /* no line at all to run (MicroPython; a blank line is a statement) */
    }
    vec_t body = {0};
    while (TOK != TOK_END) {
        if (p_accept(p, TOK_NEWLINE)) {
            continue;
        }
        parse_statement(p, &body);
    }
    mod->body = vec_stmts(&body);
    return mod;
}

/* ---- the REPL's continuation check (never raises) ---- */

static bool rep_starts_compound(const char *s, const char *end) {
    while (s < end && (*s == ' ' || *s == '\t')) {
        s++;
    }
    if (s < end && *s == '@') {
        return true;
    }
    static const char *const kws[] = {"if", "while", "for", "try", "def", "class", "with", "async"};
    for (size_t i = 0; i < sizeof(kws) / sizeof(kws[0]); i++) {
        size_t n = strlen(kws[i]);
        if ((size_t)(end - s) >= n && memcmp(s, kws[i], n) == 0 &&
            ((size_t)(end - s) == n || !(((s[n] | 0x20) >= 'a' && (s[n] | 0x20) <= 'z') ||
                                           (s[n] >= '0' && s[n] <= '9') || s[n] == '_' ||
                                           (unsigned char)s[n] >= 0x80))) {
            return true;
        }
    }
    return false;
}

int parse_input_is_incomplete(const char *src, size_t len) {
    const char *s = src, *end = src + len;
    int depth = 0;
    char quote = 0;
    bool triple = false;
    bool backslash_end = false;
    while (s < end) {
        char c = *s;
        backslash_end = false;
        if (quote) {
            if (c == '\\') {
                if (s + 1 >= end) {
                    return 1;
                }
                s += 2;
                continue;
            }
            if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (s + 2 < end && s[1] == quote && s[2] == quote) {
                    quote = 0;
                    s += 3;
                    continue;
                }
            } else if ((c == '\n' || c == '\r') && !triple) {
                quote = 0; /* an unterminated string: let the parser report it */
            }
            s++;
            continue;
        }
        if (c == '#') {
            while (s < end && *s != '\n') {
                s++;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = s + 2 < end && s[1] == c && s[2] == c;
            s += triple ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (c == '\\' && (s + 1 == end || s[1] == '\n' || s[1] == '\r')) {
            backslash_end = s + 1 == end;
        }
        s++;
    }
    if (quote && triple) {
        return 1;
    }
    if (depth > 0 || backslash_end) {
        return 1;
    }
    if (len > 0 && rep_starts_compound(src, end) && src[len - 1] != '\n') {
        return 1;
    }
    return 0;
}
