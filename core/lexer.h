/* core/lexer.h: the tokenizer of Python source, used by parse.c (one token of lookahead).
 * The lexer turns layout into NEWLINE/INDENT/DEDENT tokens (none inside brackets) and reports
 * every malformed input as SyntaxError/IndentationError at the line where it is; it never reads
 * past `end`. A lexer_t is a plain value: copying it snapshots the position (for lookahead). */
#ifndef CORE_LEXER_H
#define CORE_LEXER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/ast.h"
#include "core/obj.h"

typedef enum {
    TOK_END, TOK_NEWLINE, TOK_INDENT, TOK_DEDENT, TOK_NAME, TOK_INT, TOK_STRING,
    /* operators and delimiters */
    TOK_LPAR, TOK_RPAR, TOK_LSQB, TOK_RSQB, TOK_LBRACE, TOK_RBRACE, TOK_COLON, TOK_COMMA,
    TOK_SEMI, TOK_DOT, TOK_ELLIPSIS, TOK_ARROW, TOK_WALRUS, TOK_AT, TOK_EQUAL,
    TOK_PLUS, TOK_MINUS, TOK_STAR, TOK_SLASH, TOK_PERCENT, TOK_DSTAR, TOK_DSLASH, TOK_PIPE,
    TOK_AMPER, TOK_CARET, TOK_TILDE, TOK_LSHIFT, TOK_RSHIFT,
    TOK_LESS, TOK_GREATER, TOK_EQEQ, TOK_NOTEQ, TOK_LESSEQ, TOK_GREATEREQ,
    /* augmented assignment, in the order of ast_operator_t */
    TOK_PLUSEQ, TOK_MINUSEQ, TOK_STAREQ, TOK_ATEQ, TOK_SLASHEQ, TOK_PERCENTEQ, TOK_DSTAREQ,
    TOK_LSHIFTEQ, TOK_RSHIFTEQ, TOK_PIPEEQ, TOK_CARETEQ, TOK_AMPEREQ, TOK_DSLASHEQ,
    /* keywords */
    TOK_KW_FALSE, TOK_KW_NONE, TOK_KW_TRUE, TOK_KW_AND, TOK_KW_AS, TOK_KW_ASSERT, TOK_KW_BREAK,
    TOK_KW_CLASS, TOK_KW_CONTINUE, TOK_KW_DEF, TOK_KW_DEL, TOK_KW_ELIF, TOK_KW_ELSE,
    TOK_KW_EXCEPT, TOK_KW_FINALLY, TOK_KW_FOR, TOK_KW_FROM, TOK_KW_GLOBAL, TOK_KW_IF,
    TOK_KW_IMPORT, TOK_KW_IN, TOK_KW_IS, TOK_KW_LAMBDA, TOK_KW_NONLOCAL, TOK_KW_NOT, TOK_KW_OR,
    TOK_KW_PASS, TOK_KW_RAISE, TOK_KW_RETURN, TOK_KW_TRY, TOK_KW_WHILE, TOK_KW_WITH,
    TOK_KW_YIELD, TOK_KW_ASYNC, TOK_KW_AWAIT,
} tok_kind_t;

/* flags of a TOK_STRING */
#define LEX_STR_BYTES 1
#define LEX_STR_RAW 2
#define LEX_STR_F 4
#define LEX_STR_TRIPLE 8

typedef struct {
    tok_kind_t kind;
    int line;
    int col;
    const char *start; /* source text of the whole token */
    size_t len;
    qstr name;         /* TOK_NAME */
    int64_t ival;      /* TOK_INT that fits int64 */
    bool big;          /* TOK_INT too big: digits/n_digits/base describe it */
    int base;
    const char *digits; /* arena copy, no prefix nor underscores (big ints only) */
    size_t n_digits;
    int str_flags;      /* TOK_STRING: LEX_STR_* */
    const char *body;   /* TOK_STRING: the text between the quotes, undecoded */
    size_t body_len;
} lex_token_t;

#define LEX_MAX_PAREN 200
#define LEX_MAX_INDENT 100

typedef struct {
    const char *src, *pos, *end;
    const char *line_start;
    int line;
    qstr filename;
    ast_arena_t *arena;
    bool no_layout;  /* f-string expression: newlines are blanks, no NEWLINE/INDENT/DEDENT */
    bool at_bol;     /* at the beginning of a logical line */
    int pending_dedents;
    int n_paren;
    char paren[LEX_MAX_PAREN];
    int paren_line[LEX_MAX_PAREN];
    int n_indent;
    int indent[LEX_MAX_INDENT + 1];
    tok_kind_t last_kind;
    lex_token_t tok; /* the current token */
} lexer_t;

/* Starts lexing src[0..len) (skipping a UTF-8 BOM) and reads the first token. */
void lex_init(lexer_t *lx, ast_arena_t *arena, const char *src, size_t len, qstr filename,
    int first_line, bool no_layout);
void lex_next(lexer_t *lx); /* advances lx->tok */
/* p is at the opening quote of a string literal whose prefix letters (if any) are just before p,
 * no further back than `floor`; returns the position just past its closing quote, or NULL when it
 * is not closed before end. An f-string's replacement fields may hold strings using the same quote
 * (Python 3.12), at any depth. */
const char *lex_skip_string(const char *p, const char *end, const char *floor);
/* Raises type(msg) with (filename, line) in the traceback. */
NORETURN void lex_raise(const type_t *type, qstr filename, int line, const char *msg);

#endif
