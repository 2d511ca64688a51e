/* core/lexer.c: the tokenizer. Reads UTF-8 source (LF, CRLF or CR line ends, optional BOM) and
 * produces one token at a time into lx->tok. Invariants: lx->pos never passes lx->end; layout
 * tokens (NEWLINE/INDENT/DEDENT) are only produced outside brackets; the indent stack always
 * holds strictly increasing columns starting with 0; strings are left undecoded (parse.c
 * decodes them), identifiers are interned here. */
#include "core/lexer.h"

#include <stdio.h>
#include "core/digits.h"

#include "core/qstr.h"
#include "core/runtime.h"

NORETURN void lex_raise(const type_t *type, qstr filename, int line, const char *msg) {
    obj_t e = exc_new_msg(type, msg);
    exc_add_traceback(e, filename, (size_t)line, QSTR_NULL);
    rt_raise(e);
}

static NORETURN void lex_error(lexer_t *lx, const char *msg) {
    lex_raise(&type_SyntaxError, lx->filename, lx->line, msg);
}

static inline bool lex_is_id_start(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}
static inline bool lex_is_id_char(unsigned char c) {
    return lex_is_id_start(c) || (c >= '0' && c <= '9');
}
static inline bool lex_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }


typedef struct {
    const char *text;
    uint8_t len;
    uint8_t kind;
} lex_keyword_t;

static const lex_keyword_t lex_keywords[] = {
    {"False", 5, TOK_KW_FALSE}, {"None", 4, TOK_KW_NONE}, {"True", 4, TOK_KW_TRUE},
    {"and", 3, TOK_KW_AND}, {"as", 2, TOK_KW_AS}, {"assert", 6, TOK_KW_ASSERT},
    {"break", 5, TOK_KW_BREAK}, {"class", 5, TOK_KW_CLASS}, {"continue", 8, TOK_KW_CONTINUE},
    {"def", 3, TOK_KW_DEF}, {"del", 3, TOK_KW_DEL}, {"elif", 4, TOK_KW_ELIF},
    {"else", 4, TOK_KW_ELSE}, {"except", 6, TOK_KW_EXCEPT}, {"finally", 7, TOK_KW_FINALLY},
    {"for", 3, TOK_KW_FOR}, {"from", 4, TOK_KW_FROM}, {"global", 6, TOK_KW_GLOBAL},
    {"if", 2, TOK_KW_IF}, {"import", 6, TOK_KW_IMPORT}, {"in", 2, TOK_KW_IN},
    {"is", 2, TOK_KW_IS}, {"lambda", 6, TOK_KW_LAMBDA}, {"nonlocal", 8, TOK_KW_NONLOCAL},
    {"not", 3, TOK_KW_NOT}, {"or", 2, TOK_KW_OR}, {"pass", 4, TOK_KW_PASS},
    {"raise", 5, TOK_KW_RAISE}, {"return", 6, TOK_KW_RETURN}, {"try", 3, TOK_KW_TRY},
    {"while", 5, TOK_KW_WHILE}, {"with", 4, TOK_KW_WITH}, {"yield", 5, TOK_KW_YIELD},
    {"async", 5, TOK_KW_ASYNC}, {"await", 5, TOK_KW_AWAIT},
};

static tok_kind_t lex_keyword(const char *s, size_t len) {
    if (len < 2 || len > 8) {
        return TOK_NAME;
    }
    for (size_t i = 0; i < sizeof(lex_keywords) / sizeof(lex_keywords[0]); i++) {
        const lex_keyword_t *k = &lex_keywords[i];
        if (k->len == len && k->text[0] == s[0] && memcmp(k->text, s, len) == 0) {
            return (tok_kind_t)k->kind;
        }
    }
    return TOK_NAME;
}

/* Returns the offset of the first byte that is not part of valid UTF-8 (no overlongs, no
 * surrogates, <= U+10FFFF), or len if all of s is valid. */
static size_t lex_utf8_check(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1, cp = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2, cp = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80) {
                return i;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return i;
        }
        i += n + 1;
    }
    return len;
}

void lex_init(lexer_t *lx, ast_arena_t *arena, const char *src, size_t len, qstr filename,
    int first_line, bool no_layout) {
    if (len >= 3 && (unsigned char)src[0] == 0xEF && (unsigned char)src[1] == 0xBB &&
        (unsigned char)src[2] == 0xBF) {
        src += 3;
        len -= 3;
    }
    if (!no_layout) {
        size_t bad = lex_utf8_check((const unsigned char *)src, len);
        if (bad < len) {
            int line = first_line;
            for (size_t i = 0; i < bad; i++) {
                line += src[i] == '\n';
            }
            lex_raise(&type_SyntaxError, filename, line, "invalid UTF-8 in source");
        }
    }
    lx->src = src;
    lx->pos = src;
    lx->end = src + len;
    lx->line_start = src;
    lx->line = first_line;
    lx->filename = filename;
    lx->arena = arena;
    lx->no_layout = no_layout;
    lx->at_bol = !no_layout;
    lx->pending_dedents = 0;
    lx->n_paren = 0;
    lx->n_indent = 0;
    lx->indent[0] = 0;
    lx->last_kind = TOK_NEWLINE;
    lex_next(lx);
}

/* Consumes a line end at lx->pos (LF, CRLF or CR) and counts the line. */
static void lex_newline(lexer_t *lx) {
    if (*lx->pos == '\r' && lx->pos + 1 < lx->end && lx->pos[1] == '\n') {
        lx->pos++;
    }
    lx->pos++;
    lx->line++;
    lx->line_start = lx->pos;
}

static void lex_emit(lexer_t *lx, tok_kind_t kind, const char *start, size_t len) {
    lex_token_t *t = &lx->tok;
    t->kind = kind;
    t->line = lx->line;
    t->col = (int)(start - lx->line_start);
    t->start = start;
    t->len = len;
    lx->last_kind = kind;
}

/* At the beginning of a logical line: skips blank lines, then compares the indentation with the
 * stack. Returns true if it produced a token (INDENT/DEDENT). */
static bool lex_layout(lexer_t *lx) {
    for (;;) {
        int col = 0;
        const char *p = lx->pos;
        while (p < lx->end) {
            if (*p == ' ') {
                col++;
            } else if (*p == '\t') {
                col = (col / 8 + 1) * 8;
            } else if (*p == '\f') {
                col = 0;
            } else {
                break;
            }
            p++;
        }
        lx->pos = p;
        if (p >= lx->end) {
            return false; /* end of input: handled by the caller */
        }
        if (*p == '#' || *p == '\n' || *p == '\r') {
            while (lx->pos < lx->end && *lx->pos != '\n' && *lx->pos != '\r') {
                lx->pos++;
            }
            if (lx->pos < lx->end) {
                lex_newline(lx);
            }
            continue;
        }
        if (*p == '\\' && p + 1 < lx->end && (p[1] == '\n' || p[1] == '\r')) {
            return false; /* a continuation line: the line really starts after it */
        }
        lx->at_bol = false;
        int cur = lx->indent[lx->n_indent];
        if (col > cur) {
            if (lx->n_indent >= LEX_MAX_INDENT) {
                lex_raise(&type_IndentationError, lx->filename, lx->line,
                    "too many levels of indentation");
            }
            lx->indent[++lx->n_indent] = col;
            lex_emit(lx, TOK_INDENT, p, 0);
            return true;
        }
        if (col < cur) {
            int n = 0;
            while (lx->n_indent > 0 && col < lx->indent[lx->n_indent]) {
                lx->n_indent--;
                n++;
            }
            if (col != lx->indent[lx->n_indent]) {
                lex_raise(&type_IndentationError, lx->filename, lx->line,
                    "unindent doesn't match any outer indent level");
            }
            lx->pending_dedents = n - 1;
            lex_emit(lx, TOK_DEDENT, p, 0);
            return true;
        }
        return false;
    }
}

/* A number run straight into a name ("1and", "0x1fg"): MicroPython's lexer reads the whole run as
 * one literal and rejects it, naming the text (underscores dropped). */
static NORETURN void lex_bad_number(lexer_t *lx, int base, const char *digits, const char *p) {
    char msg[96];
    int n = snprintf(msg, sizeof msg, "invalid syntax for integer with base %d: '", base);
    while (p < lx->end && lex_is_id_char((unsigned char)*p)) {
        p++;
    }
    for (const char *q = digits; q < p && n < (int)sizeof msg - 5; q++) {
        if (*q != '_') {
            msg[n++] = *q;
        }
    }
    if (p - digits > (int)sizeof msg - 5 - 40) {
        n = n < (int)sizeof msg - 5 ? n : (int)sizeof msg - 5;
        msg[n++] = '.'; msg[n++] = '.'; msg[n++] = '.';
    }
    msg[n++] = '\'';
    msg[n] = 0;
    lex_error(lx, msg);
}

static void lex_number(lexer_t *lx) {
    const char *start = lx->pos;
    const char *p = start;
    const char *end = lx->end;
    int base = 10;
    if (*p == '0' && p + 1 < end && (p[1] == 'x' || p[1] == 'X' || p[1] == 'o' || p[1] == 'O' ||
                                        p[1] == 'b' || p[1] == 'B')) {
        char b = (char)(p[1] | 0x20);
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        p += 2;
        if (p < end && *p == '_') {
            p++;
        }
    }
    const char *digits = p;
    uint64_t v = 0;
    bool overflow = false;
    size_t n_digits = 0;
    bool nonzero = false;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '_') {
            if (p + 1 >= end || digit_value((unsigned char)p[1]) >= base ||
                n_digits == 0) {
                lex_error(lx, "invalid syntax");
            }
            p++;
            continue;
        }
        int d = digit_value(c);
        if (d >= base) {
            if (d < 10 && base < 10) {
                lex_error(lx, base == 2 ? "invalid digit in binary literal"
                                        : "invalid digit in octal literal");
            }
            break;
        }
        if (d != 0) {
            nonzero = true;
        }
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
            overflow = true;
        } else {
            v = v * (uint64_t)base + (uint64_t)d;
        }
        n_digits++;
        p++;
    }
    if (n_digits == 0) {
        lex_error(lx, "invalid syntax");
    }
    if (p < end && base == 10) {
        char c = *p;
        if (c == '.' || c == 'j' || c == 'J') {
            lex_error(lx, "decimal numbers not supported");
        }
        if ((c == 'e' || c == 'E') && p + 1 < end &&
            (lex_is_digit((unsigned char)p[1]) ||
                ((p[1] == '+' || p[1] == '-') && p + 2 < end && lex_is_digit((unsigned char)p[2])))) {
            lex_error(lx, "decimal numbers not supported");
        }
    }
    if (p < end && (lex_is_id_char((unsigned char)*p))) {
        lex_bad_number(lx, base, digits, p);
    }
    if (base == 10 && *start == '0' && nonzero) {
        lex_error(lx, "leading zeros in decimal integer literals are not permitted");
    }
    lex_token_t *t = &lx->tok;
    lex_emit(lx, TOK_INT, start, (size_t)(p - start));
    t->base = base;
    if (overflow || v > (uint64_t)INT64_MAX) {
        t->big = true;
        char *d = ast_alloc(lx->arena, n_digits + 1);
        size_t k = 0;
        for (const char *q = digits; q < p; q++) {
            if (*q != '_') {
                d[k++] = *q;
            }
        }
        t->digits = d;
        t->n_digits = k;
        t->ival = 0;
    } else {
        t->big = false;
        t->ival = (int64_t)v;
    }
    lx->pos = p;
}

/* ---- the extent of a string literal (f-strings may nest strings with the same quote) ---- */

static const char *lex_string_end(const char *p, const char *end, char q, bool triple, bool fstr);

/* p is just after the '{' of a replacement field; returns the position just after its '}'. */
static const char *lex_field_end(const char *p, const char *end) {
    const char *start = p;
    int brackets = 0;
    while (p < end) {
        char c = *p;
        if (c == '\'' || c == '"') {
            p = lex_skip_string(p, end, start);
            if (p == NULL) {
                return NULL;
            }
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            brackets++;
        } else if (c == ')' || c == ']') {
            brackets--;
        } else if (c == '}') {
            if (brackets == 0) {
                return p + 1;
            }
            brackets--;
        } else if (c == ':' && brackets == 0) {
            /* the format spec: literal text with nested fields */
            for (p++; p < end && *p != '}'; p++) {
                if (*p == '{') {
                    p = lex_field_end(p + 1, end);
                    if (p == NULL) {
                        return NULL;
                    }
                    p--;
                }
            }
            return p < end ? p + 1 : NULL;
        }
        p++;
    }
    return NULL;
}

/* p is just after the opening quote(s); returns the position of the closing quote(s). */
static const char *lex_string_end(const char *p, const char *end, char q, bool triple, bool fstr) {
    while (p < end) {
        char c = *p;
        if (c == '\\') {
            p += 2;
            continue;
        }
        if (c == q && (!triple || (p + 2 < end && p[1] == q && p[2] == q))) {
            return p;
        }
        if (fstr && c == '{') {
            if (p + 1 < end && p[1] == '{') {
                p += 2;
                continue;
            }
            p = lex_field_end(p + 1, end);
            if (p == NULL) {
                return NULL;
            }
            continue;
        }
        p++;
    }
    return NULL;
}

const char *lex_skip_string(const char *p, const char *end, const char *floor) {
    bool fstr = false;
    for (const char *b = p; b > floor && b > p - 3 && strchr("fFrRbBuU", b[-1]) != NULL && b[-1] != 0; b--) {
        if (b[-1] == 'f' || b[-1] == 'F') {
            fstr = true;
        }
    }
    char q = *p;
    bool triple = p + 2 < end && p[1] == q && p[2] == q;
    const char *e = lex_string_end(p + (triple ? 3 : 1), end, q, triple, fstr);
    return e == NULL ? NULL : e + (triple ? 3 : 1);
}

/* lx->pos is at the opening quote; prefix_start at the first prefix letter. */
static void lex_string(lexer_t *lx, const char *prefix_start, int flags) {
    const char *p = lx->pos;
    const char *end = lx->end;
    char q = *p;
    int start_line = lx->line;
    const char *start_line_start = lx->line_start;
    bool triple = p + 2 < end && p[1] == q && p[2] == q;
    p += triple ? 3 : 1;
    const char *body = p;
    /* an f-string ends at the quote found past its replacement fields (which may use q too) */
    const char *fend = (flags & LEX_STR_F) ? lex_string_end(p, end, q, triple, true) : NULL;
    for (;;) {
        if (p >= end) {
            lx->line = start_line;
            lex_error(lx, triple ? "unterminated triple-quoted string literal"
                                 : "unterminated string literal");
        }
        char c = *p;
        if (c == '\\') {
            p++;
            if (p < end) {
                if (*p == '\n' || *p == '\r') {
                    lx->pos = p;
                    lex_newline(lx);
                    p = lx->pos;
                } else {
                    p++;
                }
            }
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!triple) {
                lx->line = start_line;
                lex_error(lx, "unterminated string literal");
            }
            lx->pos = p;
            lex_newline(lx);
            p = lx->pos;
            continue;
        }
        if (fend != NULL ? p == fend : c == q && (!triple || (p + 2 < end && p[1] == q && p[2] == q))) {
            break;
        }
        p++;
    }
    const char *body_end = p;
    p += triple ? 3 : 1;
    lex_token_t *t = &lx->tok;
    t->kind = TOK_STRING;
    t->line = start_line;
    t->col = (int)(prefix_start - start_line_start);
    t->start = prefix_start;
    t->len = (size_t)(p - prefix_start);
    t->str_flags = flags | (triple ? LEX_STR_TRIPLE : 0);
    t->body = body;
    t->body_len = (size_t)(body_end - body);
    lx->last_kind = TOK_STRING;
    lx->pos = p;
}

/* Returns LEX_STR_* flags if s[0..len) is a valid string prefix, else -1. */
static int lex_string_prefix(const char *s, size_t len) {
    int flags = 0;
    bool u = false;
    for (size_t i = 0; i < len; i++) {
        int f;
        switch (s[i] | 0x20) {
            case 'r': f = LEX_STR_RAW; break;
            case 'b': f = LEX_STR_BYTES; break;
            case 'f': f = LEX_STR_F; break;
            case 'u': f = 0; u = true; break;
            default: return -1;
        }
        if (flags & f) {
            return -1;
        }
        flags |= f;
    }
    if (u && len != 1) {
        return -1;
    }
    if ((flags & LEX_STR_BYTES) && (flags & LEX_STR_F)) {
        return -1;
    }
    return flags;
}

static void lex_open(lexer_t *lx, char c) {
    if (lx->n_paren >= LEX_MAX_PAREN) {
        lex_error(lx, "too many nested parentheses");
    }
    lx->paren[lx->n_paren] = c;
    lx->paren_line[lx->n_paren] = lx->line;
    lx->n_paren++;
}

static void lex_close(lexer_t *lx, char c) {
    char want = c == ')' ? '(' : c == ']' ? '[' : '{';
    if (lx->n_paren == 0) {
        lex_error(lx, c == ')' ? "unmatched ')'" : c == ']' ? "unmatched ']'" : "unmatched '}'");
    }
    if (lx->paren[lx->n_paren - 1] != want) {
        lex_error(lx, "closing parenthesis does not match opening parenthesis");
    }
    lx->n_paren--;
}

void lex_next(lexer_t *lx) {
    lex_token_t *t = &lx->tok;
    t->big = false;
    t->str_flags = 0;
    if (lx->pending_dedents > 0) {
        lx->pending_dedents--;
        lex_emit(lx, TOK_DEDENT, lx->pos, 0);
        return;
    }
    for (;;) {
        if (lx->at_bol && lx->n_paren == 0) {
            if (lex_layout(lx)) {
                return;
            }
        }
        const char *end = lx->end;
        while (lx->pos < end && (*lx->pos == ' ' || *lx->pos == '\t' || *lx->pos == '\f')) {
            lx->pos++;
        }
        if (lx->pos < end && *lx->pos == '#') {
            while (lx->pos < end && *lx->pos != '\n' && *lx->pos != '\r') {
                lx->pos++;
            }
        }
        if (lx->pos >= end) {
            if (lx->n_paren > 0) {
                lx->line = lx->paren_line[lx->n_paren - 1];
                lex_error(lx, "unexpected EOF while parsing");
            }
            if (lx->no_layout) {
                lex_emit(lx, TOK_END, end, 0);
                return;
            }
            if (lx->last_kind != TOK_NEWLINE && lx->last_kind != TOK_DEDENT) {
                lx->at_bol = true;
                lex_emit(lx, TOK_NEWLINE, end, 0);
                return;
            }
            if (lx->n_indent > 0) {
                lx->n_indent--;
                lex_emit(lx, TOK_DEDENT, end, 0);
                return;
            }
            lex_emit(lx, TOK_END, end, 0);
            return;
        }
        const char *s = lx->pos;
        unsigned char c = (unsigned char)*s;
        if (c == '\n' || c == '\r') {
            int line = lx->line;
            lex_newline(lx);
            if (lx->n_paren > 0 || lx->no_layout || lx->at_bol) {
                continue;
            }
            lx->at_bol = true;
            lex_emit(lx, TOK_NEWLINE, s, 0);
            t->line = line;
            return;
        }
        if (c == '\\') {
            if (s + 1 < end && (s[1] == '\n' || s[1] == '\r')) {
                lx->pos = s + 1;
                lex_newline(lx);
                if (lx->pos >= end && !lx->at_bol) {
                    lex_error(lx, "unexpected EOF while parsing"); /* a statement cut by the end */
                }
                continue; /* alone on its line, at the end of the input it just ends (MicroPython) */
            }
            if (s + 1 >= end) {
                lex_error(lx, "unexpected EOF while parsing");
            }
            lex_error(lx, "unexpected character after line continuation character");
        }
        lx->at_bol = false;
        if (lex_is_id_start(c)) {
            const char *p = s + 1;
            while (p < end && lex_is_id_char((unsigned char)*p)) {
                p++;
            }
            size_t len = (size_t)(p - s);
            if (len <= 2 && p < end && (*p == '\'' || *p == '"')) {
                int flags = lex_string_prefix(s, len);
                if (flags >= 0) {
                    lx->pos = p;
                    lex_string(lx, s, flags);
                    return;
                }
            }
            tok_kind_t kind = lex_keyword(s, len);
            lx->pos = p;
            lex_emit(lx, kind, s, len);
            if (kind == TOK_NAME) {
                t->name = qstr_from_strn(s, len);
            }
            return;
        }
        if (lex_is_digit(c)) {
            lex_number(lx);
            return;
        }
        if (c == '\'' || c == '"') {
            lex_string(lx, s, 0);
            return;
        }
        const char *n1 = s + 1 < end ? s + 1 : NULL;
        char c1 = n1 ? *n1 : 0;
        char c2 = s + 2 < end ? s[2] : 0;
        tok_kind_t kind;
        size_t len = 1;
        switch (c) {
            case '(': lex_open(lx, '('); kind = TOK_LPAR; break;
            case '[': lex_open(lx, '['); kind = TOK_LSQB; break;
            case '{': lex_open(lx, '{'); kind = TOK_LBRACE; break;
            case ')': lex_close(lx, ')'); kind = TOK_RPAR; break;
            case ']': lex_close(lx, ']'); kind = TOK_RSQB; break;
            case '}': lex_close(lx, '}'); kind = TOK_RBRACE; break;
            case ',': kind = TOK_COMMA; break;
            case ';': kind = TOK_SEMI; break;
            case '~': kind = TOK_TILDE; break;
            case ':':
                if (c1 == '=') { kind = TOK_WALRUS; len = 2; } else { kind = TOK_COLON; }
                break;
            case '.':
                if (lex_is_digit((unsigned char)c1)) {
                    lex_error(lx, "decimal numbers not supported");
                }
                if (c1 == '.' && c2 == '.') { kind = TOK_ELLIPSIS; len = 3; } else { kind = TOK_DOT; }
                break;
            case '+': if (c1 == '=') { kind = TOK_PLUSEQ; len = 2; } else { kind = TOK_PLUS; } break;
            case '-':
                if (c1 == '=') { kind = TOK_MINUSEQ; len = 2; }
                else if (c1 == '>') { kind = TOK_ARROW; len = 2; }
                else { kind = TOK_MINUS; }
                break;
            case '*':
                if (c1 == '*') {
                    if (c2 == '=') { kind = TOK_DSTAREQ; len = 3; } else { kind = TOK_DSTAR; len = 2; }
                } else if (c1 == '=') { kind = TOK_STAREQ; len = 2; } else { kind = TOK_STAR; }
                break;
            case '/':
                if (c1 == '/') {
                    if (c2 == '=') { kind = TOK_DSLASHEQ; len = 3; } else { kind = TOK_DSLASH; len = 2; }
                } else if (c1 == '=') { kind = TOK_SLASHEQ; len = 2; } else { kind = TOK_SLASH; }
                break;
            case '%': if (c1 == '=') { kind = TOK_PERCENTEQ; len = 2; } else { kind = TOK_PERCENT; } break;
            case '@': if (c1 == '=') { kind = TOK_ATEQ; len = 2; } else { kind = TOK_AT; } break;
            case '&': if (c1 == '=') { kind = TOK_AMPEREQ; len = 2; } else { kind = TOK_AMPER; } break;
            case '|': if (c1 == '=') { kind = TOK_PIPEEQ; len = 2; } else { kind = TOK_PIPE; } break;
            case '^': if (c1 == '=') { kind = TOK_CARETEQ; len = 2; } else { kind = TOK_CARET; } break;
            case '=': if (c1 == '=') { kind = TOK_EQEQ; len = 2; } else { kind = TOK_EQUAL; } break;
            case '!':
                if (c1 == '=') { kind = TOK_NOTEQ; len = 2; } else { lex_error(lx, "invalid syntax"); }
                break;
            case '<':
                if (c1 == '<') {
                    if (c2 == '=') { kind = TOK_LSHIFTEQ; len = 3; } else { kind = TOK_LSHIFT; len = 2; }
                } else if (c1 == '=') { kind = TOK_LESSEQ; len = 2; } else { kind = TOK_LESS; }
                break;
            case '>':
                if (c1 == '>') {
                    if (c2 == '=') { kind = TOK_RSHIFTEQ; len = 3; } else { kind = TOK_RSHIFT; len = 2; }
                } else if (c1 == '=') { kind = TOK_GREATEREQ; len = 2; } else { kind = TOK_GREATER; }
                break;
            default:
                lex_error(lx, "invalid syntax");
        }
        lx->pos = s + len;
        lex_emit(lx, kind, s, len);
        return;
    }
}
