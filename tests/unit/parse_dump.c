/* tests/unit/parse_dump.c: prints the AST of a source file as s-expressions (parser debugging);
 * built with -DPARSE_FUZZ it is instead the libFuzzer target of the lexer and parser.
 * Links only lexer/parser/arena + qstr + gc; the few runtime functions they need are stand-ins
 * here (an exception is a static record and rt_raise longjmps back to the caller). */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/ast.h"
#include "core/gc.h"
#include "core/nlr.h"
#include "core/qstr.h"
#include "core/runtime.h"

rt_state_t rt_state;
nlr_buf_t *nlr_top; /* gc's finaliser runner marks with nlr_push; nothing here raises through it */
const type_t type_SyntaxError = {.name = 1}, type_IndentationError = {.name = 2},
             type_MemoryError = {.name = 3}, type_RuntimeError = {.name = 4},
             type_NotImplementedError = {.name = 5};
static struct {
    const type_t *type;
    char msg[200];
    size_t line;
} err;
static jmp_buf err_jb;

obj_t exc_new_msg(const type_t *type, const char *msg) {
    err.type = type;
    snprintf(err.msg, sizeof err.msg, "%s", msg);
    err.line = 0;
    return (obj_t)8;
}
void exc_add_traceback(obj_t exc, qstr file, size_t line, qstr block) { err.line = line; }
void rt_raise(obj_t exc) { longjmp(err_jb, 1); }
void raise_msg(const type_t *type, const char *msg) {
    exc_new_msg(type, msg);
    longjmp(err_jb, 1);
}
void raise_memory_error(void) { raise_msg(&type_MemoryError, "memory"); }
void raise_memory_error_bytes(size_t n_bytes) { raise_memory_error(); }
int print_fmt(const print_t *p, const char *fmt, ...) { return 0; }

static const char *opname[] = {"+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};
static const char *cmpname[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is-not", "in", "not-in"};
static const char *unname[] = {"~", "not", "+", "-"};

static void pexpr(const ast_expr_t *e);
static void plist(const ast_expr_list_t *l) {
    for (size_t i = 0; i < l->n; i++) {
        printf(" ");
        pexpr(l->items[i]);
    }
}
static void pstr(const char *s, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') printf("\\%c", c);
        else if (c < 32 || c == 127) printf("\\x%02x", c);
        else putchar(c);
    }
    putchar('"');
}
static void pargs(const ast_arguments_t *a) {
    printf("(args");
    for (size_t i = 0; i < a->n_args; i++) {
        printf(" %s", qstr_str(a->args[i].arg));
        if (a->args[i].annotation) { printf(":"); pexpr(a->args[i].annotation); }
        if (i + 1 == a->n_posonly) printf(" /");
    }
    if (a->defaults.n) { printf(" (defaults"); plist(&a->defaults); printf(")"); }
    if (a->vararg) printf(" *%s", qstr_str(a->vararg->arg));
    for (size_t i = 0; i < a->n_kwonly; i++) {
        printf(" kw:%s", qstr_str(a->kwonly[i].arg));
        if (a->kw_defaults[i]) { printf("="); pexpr(a->kw_defaults[i]); }
    }
    if (a->kwarg) printf(" **%s", qstr_str(a->kwarg->arg));
    printf(")");
}
static void pcomp(const ast_expr_t *e) {
    for (size_t i = 0; i < e->u.comp.n_gens; i++) {
        const ast_comprehension_t *g = &e->u.comp.gens[i];
        printf(" (for "); pexpr(g->target); printf(" "); pexpr(g->iter);
        for (size_t j = 0; j < g->ifs.n; j++) { printf(" (if "); pexpr(g->ifs.items[j]); printf(")"); }
        printf(")");
    }
}
static void pkw(size_t n, const ast_keyword_t *k) {
    for (size_t i = 0; i < n; i++) {
        printf(" %s=", k[i].arg ? qstr_str(k[i].arg) : "**");
        pexpr(k[i].value);
    }
}
static void pexpr(const ast_expr_t *e) {
    if (e == NULL) { printf("NULL"); return; }
    switch (e->kind) {
        case EXPR_BOOLOP: printf("(%s", e->u.boolop.op == AST_AND ? "and" : "or"); plist(&e->u.boolop.values); printf(")"); break;
        case EXPR_NAMEDEXPR: printf("(:= "); pexpr(e->u.namedexpr.target); printf(" "); pexpr(e->u.namedexpr.value); printf(")"); break;
        case EXPR_BINOP: printf("(%s ", opname[e->u.binop.op]); pexpr(e->u.binop.left); printf(" "); pexpr(e->u.binop.right); printf(")"); break;
        case EXPR_UNARYOP: printf("(%s ", unname[e->u.unaryop.op]); pexpr(e->u.unaryop.operand); printf(")"); break;
        case EXPR_LAMBDA: printf("(lambda "); pargs(e->u.lambda.args); printf(" "); pexpr(e->u.lambda.body); printf(")"); break;
        case EXPR_IFEXP: printf("(ifexp "); pexpr(e->u.ifexp.test); printf(" "); pexpr(e->u.ifexp.body); printf(" "); pexpr(e->u.ifexp.orelse); printf(")"); break;
        case EXPR_DICT:
            printf("(dict");
            for (size_t i = 0; i < e->u.dict.keys.n; i++) { printf(" "); pexpr(e->u.dict.keys.items[i]); printf(":"); pexpr(e->u.dict.values.items[i]); }
            printf(")"); break;
        case EXPR_SET: printf("(set"); plist(&e->u.set.elts); printf(")"); break;
        case EXPR_LISTCOMP: printf("(listcomp "); pexpr(e->u.comp.elt); pcomp(e); printf(")"); break;
        case EXPR_SETCOMP: printf("(setcomp "); pexpr(e->u.comp.elt); pcomp(e); printf(")"); break;
        case EXPR_GENERATOREXP: printf("(genexp "); pexpr(e->u.comp.elt); pcomp(e); printf(")"); break;
        case EXPR_DICTCOMP: printf("(dictcomp "); pexpr(e->u.comp.key); printf(":"); pexpr(e->u.comp.value); pcomp(e); printf(")"); break;
        case EXPR_YIELD: printf("(yield "); pexpr(e->u.yield.value); printf(")"); break;
        case EXPR_YIELDFROM: printf("(yield-from "); pexpr(e->u.yield.value); printf(")"); break;
        case EXPR_AWAIT: printf("(await "); pexpr(e->u.yield.value); printf(")"); break;
        case EXPR_COMPARE:
            printf("(cmp "); pexpr(e->u.compare.left);
            for (size_t i = 0; i < e->u.compare.n; i++) { printf(" %s ", cmpname[e->u.compare.ops[i]]); pexpr(e->u.compare.comparators[i]); }
            printf(")"); break;
        case EXPR_CALL: printf("(call "); pexpr(e->u.call.func); plist(&e->u.call.args); pkw(e->u.call.n_keywords, e->u.call.keywords); printf(")"); break;
        case EXPR_FORMATTEDVALUE:
            printf("(fv "); pexpr(e->u.formattedvalue.value);
            if (e->u.formattedvalue.conversion >= 0) printf(" !%c", e->u.formattedvalue.conversion);
            if (e->u.formattedvalue.format_spec) { printf(" "); pexpr(e->u.formattedvalue.format_spec); }
            printf(")"); break;
        case EXPR_JOINEDSTR: printf("(joined"); plist(&e->u.joinedstr.values); printf(")"); break;
        case EXPR_CONSTANT:
            switch (e->u.constant.kind) {
                case AST_CONST_NONE: printf("None"); break;
                case AST_CONST_TRUE: printf("True"); break;
                case AST_CONST_FALSE: printf("False"); break;
                case AST_CONST_ELLIPSIS: printf("..."); break;
                case AST_CONST_INT: printf("%lld", (long long)e->u.constant.ival); break;
                case AST_CONST_BIGINT: printf("big%d:%.*s", e->u.constant.base, (int)e->u.constant.len, e->u.constant.str); break;
                case AST_CONST_STR: pstr(e->u.constant.str, e->u.constant.len); break;
                case AST_CONST_BYTES: printf("b"); pstr(e->u.constant.str, e->u.constant.len); break;
            }
            break;
        case EXPR_ATTRIBUTE: printf("(. "); pexpr(e->u.attribute.value); printf(" %s)", qstr_str(e->u.attribute.attr)); break;
        case EXPR_SUBSCRIPT: printf("([] "); pexpr(e->u.subscript.value); printf(" "); pexpr(e->u.subscript.slice); printf(")"); break;
        case EXPR_STARRED: printf("(* "); pexpr(e->u.starred.value); printf(")"); break;
        case EXPR_NAME: printf("%s", qstr_str(e->u.name.id)); break;
        case EXPR_LIST: printf("(list"); plist(&e->u.list.elts); printf(")"); break;
        case EXPR_TUPLE: printf("(tuple"); plist(&e->u.list.elts); printf(")"); break;
        case EXPR_SLICE: printf("(slice "); pexpr(e->u.slice.lower); printf(" "); pexpr(e->u.slice.upper); printf(" "); pexpr(e->u.slice.step); printf(")"); break;
    }
}
static void pstmts(const ast_stmt_list_t *l, int ind);
static void pstmt(const ast_stmt_t *s, int ind) {
    printf("%*s%d: %s", ind, "", s->line, s->is_async ? "async " : "");
    switch (s->kind) {
        case STMT_FUNCTIONDEF:
            printf("(def %s ", qstr_str(s->u.functiondef.name)); pargs(s->u.functiondef.args);
            if (s->u.functiondef.decorators.n) { printf(" (decorators"); plist(&s->u.functiondef.decorators); printf(")"); }
            if (s->u.functiondef.returns) { printf(" -> "); pexpr(s->u.functiondef.returns); }
            printf(")\n"); pstmts(&s->u.functiondef.body, ind + 2); return;
        case STMT_CLASSDEF:
            printf("(class %s", qstr_str(s->u.classdef.name)); plist(&s->u.classdef.bases); pkw(s->u.classdef.n_keywords, s->u.classdef.keywords);
            if (s->u.classdef.decorators.n) { printf(" (decorators"); plist(&s->u.classdef.decorators); printf(")"); }
            printf(")\n"); pstmts(&s->u.classdef.body, ind + 2); return;
        case STMT_RETURN: printf("(return "); pexpr(s->u.ret.value); printf(")"); break;
        case STMT_DELETE: printf("(del"); plist(&s->u.del.targets); printf(")"); break;
        case STMT_ASSIGN: printf("(="); plist(&s->u.assign.targets); printf(" "); pexpr(s->u.assign.value); printf(")"); break;
        case STMT_AUGASSIGN: printf("(%s= ", opname[s->u.augassign.op]); pexpr(s->u.augassign.target); printf(" "); pexpr(s->u.augassign.value); printf(")"); break;
        case STMT_ANNASSIGN: printf("(ann%d ", s->u.annassign.simple); pexpr(s->u.annassign.target); printf(" "); pexpr(s->u.annassign.annotation); printf(" "); pexpr(s->u.annassign.value); printf(")"); break;
        case STMT_FOR:
            printf("(for "); pexpr(s->u.for_.target); printf(" "); pexpr(s->u.for_.iter); printf(")\n");
            pstmts(&s->u.for_.body, ind + 2);
            if (s->u.for_.orelse.n) { printf("%*selse\n", ind, ""); pstmts(&s->u.for_.orelse, ind + 2); }
            return;
        case STMT_WHILE:
            printf("(while "); pexpr(s->u.while_.test); printf(")\n"); pstmts(&s->u.while_.body, ind + 2);
            if (s->u.while_.orelse.n) { printf("%*selse\n", ind, ""); pstmts(&s->u.while_.orelse, ind + 2); }
            return;
        case STMT_IF:
            printf("(if "); pexpr(s->u.if_.test); printf(")\n"); pstmts(&s->u.if_.body, ind + 2);
            if (s->u.if_.orelse.n) { printf("%*selse\n", ind, ""); pstmts(&s->u.if_.orelse, ind + 2); }
            return;
        case STMT_WITH:
            printf("(with");
            for (size_t i = 0; i < s->u.with.n_items; i++) { printf(" "); pexpr(s->u.with.items[i].context_expr); printf(" as "); pexpr(s->u.with.items[i].optional_vars); }
            printf(")\n"); pstmts(&s->u.with.body, ind + 2); return;
        case STMT_RAISE: printf("(raise "); pexpr(s->u.raise.exc); printf(" from "); pexpr(s->u.raise.cause); printf(")"); break;
        case STMT_TRY:
            printf("(try)\n"); pstmts(&s->u.try_.body, ind + 2);
            for (size_t i = 0; i < s->u.try_.n_handlers; i++) {
                const ast_excepthandler_t *h = &s->u.try_.handlers[i];
                printf("%*s%d: except ", ind, "", h->line); pexpr(h->type);
                if (h->name) printf(" as %s", qstr_str(h->name));
                printf("\n"); pstmts(&h->body, ind + 2);
            }
            if (s->u.try_.orelse.n) { printf("%*selse\n", ind, ""); pstmts(&s->u.try_.orelse, ind + 2); }
            if (s->u.try_.finalbody.n) { printf("%*sfinally\n", ind, ""); pstmts(&s->u.try_.finalbody, ind + 2); }
            return;
        case STMT_ASSERT: printf("(assert "); pexpr(s->u.assert_.test); printf(" "); pexpr(s->u.assert_.msg); printf(")"); break;
        case STMT_IMPORT:
            printf("(import");
            for (size_t i = 0; i < s->u.import.n_names; i++) printf(" %s as %s", qstr_str(s->u.import.names[i].name), s->u.import.names[i].asname ? qstr_str(s->u.import.names[i].asname) : "-");
            printf(")"); break;
        case STMT_IMPORTFROM:
            printf("(from %d %s import", s->u.importfrom.level, s->u.importfrom.module ? qstr_str(s->u.importfrom.module) : "-");
            for (size_t i = 0; i < s->u.importfrom.n_names; i++) printf(" %s as %s", qstr_str(s->u.importfrom.names[i].name), s->u.importfrom.names[i].asname ? qstr_str(s->u.importfrom.names[i].asname) : "-");
            printf(")"); break;
        case STMT_GLOBAL: case STMT_NONLOCAL:
            printf("(%s", s->kind == STMT_GLOBAL ? "global" : "nonlocal");
            for (size_t i = 0; i < s->u.global.n_names; i++) printf(" %s", qstr_str(s->u.global.names[i]));
            printf(")"); break;
        case STMT_EXPR: printf("(expr "); pexpr(s->u.expr.value); printf(")"); break;
        case STMT_PASS: printf("(pass)"); break;
        case STMT_BREAK: printf("(break)"); break;
        case STMT_CONTINUE: printf("(continue)"); break;
    }
    printf("\n");
}
static void pstmts(const ast_stmt_list_t *l, int ind) {
    for (size_t i = 0; i < l->n; i++) pstmt(l->items[i], ind);
}

#ifdef PARSE_FUZZ
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static char heap[4 << 20];
    static int inited;
    int top;
    if (!inited) {
        gc_init(heap, sizeof heap, &top);
        qstr_init();
        inited = 1;
    }
    for (int kind = INPUT_FILE; kind <= INPUT_EVAL; kind++) {
        ast_arena_t *volatile arena = ast_arena_new();
        if (setjmp(err_jb) == 0) {
            parse_source(arena, (const char *)data, size, qstr_from_str("<fuzz>"), kind);
        }
        ast_arena_free(arena);
    }
    parse_input_is_incomplete((const char *)data, size);
    return 0;
}
#else
int main(int argc, char **argv) {
    volatile int kind = INPUT_FILE;
    int a = 1;
    int incomplete = 0;
    if (a < argc && argv[a][0] == '-' && argv[a][1]) {
        if (argv[a][1] == 'e') kind = INPUT_EVAL;
        if (argv[a][1] == 's') kind = INPUT_SINGLE;
        if (argv[a][1] == 'i') incomplete = 1;
        a++;
    }
    static char buf[1 << 24];
    FILE *f = a < argc && strcmp(argv[a], "-") != 0 ? fopen(argv[a], "rb") : stdin;
    if (!f) { perror("open"); return 2; }
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    if (incomplete) { printf("%d\n", parse_input_is_incomplete(buf, len)); return 0; }
    static char heap[8 << 20];
    int top;
    gc_init(heap, sizeof heap, &top);
    qstr_init();
    ast_arena_t *arena = ast_arena_new();
    if (setjmp(err_jb)) {
        const char *n = err.type == &type_SyntaxError ? "SyntaxError" : err.type == &type_IndentationError ? "IndentationError"
                      : err.type == &type_MemoryError ? "MemoryError" : err.type == &type_RuntimeError ? "RuntimeError"
                      : "NotImplementedError";
        printf("%s: %s (line %zu)\n", n, err.msg, err.line);
        ast_arena_free(arena);
        return 1;
    }
    ast_module_t *m = parse_source(arena, buf, len, qstr_from_str("<file>"), kind);
    if (kind == INPUT_EVAL) { pexpr(m->expr); printf("\n"); }
    else pstmts(&m->body, 0);
    ast_arena_free(arena);
    return 0;
}
#endif
