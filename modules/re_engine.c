/* modules/re_engine.c: compiler and backtracking VM for regular expressions.
 * Program: an int32 array; jumps are relative to the instruction that holds them, so a piece of
 * code can be copied (counted repeats) or shifted (alternation) without relocation. The VM keeps
 * one explicit stack of branch points and undo records (capture/loop-register writes); its size
 * is capped, so unbounded backtracking ends in RE_ERR_LIMIT instead of exhausting the C stack.
 * Every loop records its start position; an iteration that consumed nothing ends the match with
 * RE_ERR_LIMIT, as MicroPython's recursive re1.5 runs out of stack there ("(a*)*").
 * MicroPython's limits are kept: while compiling, `mp` counts the bytes re1.5 would emit, and a
 * repeat or alternative whose jump would not fit re1.5's signed byte is "too complex"; 63 groups
 * and 127 items per class at most. */
#include "modules/re_engine.h"

#include <stdlib.h>
#include <string.h>

enum {
    OP_CHAR,    /* c */
    OP_ANY,     /* any char but '\n' */
    OP_CLASS,   /* n negate (lo hi)*n: skip 3+2n */
    OP_SPLIT,   /* x y: try pc+x first, then pc+y */
    OP_JMP,     /* x */
    OP_SAVE,    /* slot */
    OP_LOOPSET, /* reg */
    OP_LOOPCHK, /* reg exit: an iteration that consumed nothing is RE_ERR_LIMIT (exit unused) */
    OP_BOL,
    OP_EOL,
    OP_WORDB,
    OP_NWORDB,
    OP_BEGIN, /* \A */
    OP_END,   /* \Z */
    OP_MATCH,
};

/* class items with lo < 0 are the escapes \d \D \w \W \s \S */
#define CL_DIGIT (-1)
#define CL_NDIGIT (-2)
#define CL_WORD (-3)
#define CL_NWORD (-4)
#define CL_SPACE (-5)
#define CL_NSPACE (-6)

#define MAX_PROG 65536
#define MAX_GROUPS 63  /* re1.5: a group's Save operand 2g+1 is one signed byte */
#define MAX_JUMP 127   /* re1.5: jumps are one signed byte */
#define MAX_CLASS 127  /* re1.5: a class's item count is one signed byte */
#define MAX_STACK (1 << 18)
#define MAX_NEST 200

struct re_prog {
    int n_groups;
    int n_regs;
    bool is_bytes;
    int len;
    int32_t code[];
};

/* ---- compiler ---- */

typedef struct {
    const unsigned char *p;
    const unsigned char *end;
    bool is_bytes;
    int32_t *code;
    int len;
    int cap;
    int n_groups;
    int n_regs;
    int depth;
    int mp; /* bytes of re1.5 code so far (MicroPython's limits) */
    const char *err;
} comp_t;

static const char too_complex[] = "regex too complex (a repeat or alternative spans over 127 bytes of code)";

/* Checks one of re1.5's jumps, forward by dist bytes (negative: backward); one that does not fit
 * a signed byte makes the pattern too complex. */
static void mp_jump(comp_t *c, int dist) {
    if ((dist > MAX_JUMP || dist < -MAX_JUMP - 1) && c->err == NULL) {
        c->err = too_complex;
    }
}

static bool emit_room(comp_t *c, int n) {
    if (c->err) {
        return false;
    }
    if (c->len + n > MAX_PROG) {
        c->err = "pattern too large";
        return false;
    }
    if (c->len + n > c->cap) {
        int ncap = c->cap ? c->cap * 2 : 64;
        while (ncap < c->len + n) {
            ncap *= 2;
        }
        int32_t *nc = realloc(c->code, (size_t)ncap * sizeof(int32_t));
        if (nc == NULL) {
            c->err = "out of memory";
            return false;
        }
        c->code = nc;
        c->cap = ncap;
    }
    return true;
}

static void emit(comp_t *c, int32_t v) {
    if (emit_room(c, 1)) {
        c->code[c->len++] = v;
    }
}

/* Opens n slots at position at (shifting the code after it). */
static bool insert_room(comp_t *c, int at, int n) {
    if (!emit_room(c, n)) {
        return false;
    }
    memmove(&c->code[at + n], &c->code[at], (size_t)(c->len - at) * sizeof(int32_t));
    c->len += n;
    return true;
}

/* Appends a copy of code[from, to). */
static void copy_code(comp_t *c, int from, int to) {
    int n = to - from;
    if (emit_room(c, n)) {
        memmove(&c->code[c->len], &c->code[from], (size_t)n * sizeof(int32_t));
        c->len += n;
    }
}

static uint32_t decode_utf8(const unsigned char *p, const unsigned char *end, int *n) {
    unsigned char b = p[0];
    if (b < 0x80 || p + 1 >= end + 0) {
        *n = 1;
        return b;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (p + len > end) {
        *n = 1;
        return b;
    }
    uint32_t cp = len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : len == 4 ? (b & 0x07) : b;
    for (int i = 1; i < len; i++) {
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    *n = len;
    return cp;
}

static uint32_t next_char(comp_t *c) {
    int n = 1;
    uint32_t ch = c->is_bytes ? *c->p : decode_utf8(c->p, c->end, &n);
    c->p += n;
    return ch;
}

static int hexval(unsigned char ch) {
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    ch |= 0x20;
    return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

/* An escape after '\\' that stands for one character; -1 if it is not such an escape. */
static long escape_char(comp_t *c, unsigned char e) {
    switch (e) {
        case 'n': return '\n';
        case 't': return '\t';
        case 'r': return '\r';
        case 'f': return '\f';
        case 'v': return '\v';
        case 'a': return '\a';
        case '0': return 0;
        case 'x': {
            if (c->end - c->p < 2 || hexval(c->p[0]) < 0 || hexval(c->p[1]) < 0) {
                c->err = "bad escape \\x";
                return -1;
            }
            long v = hexval(c->p[0]) * 16 + hexval(c->p[1]);
            c->p += 2;
            return v;
        }
        default:
            if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '1' && e <= '9')) {
                c->err = "bad escape";
                return -1;
            }
            return e;
    }
}

static int class_escape(unsigned char e) {
    switch (e) {
        case 'd': return CL_DIGIT;
        case 'D': return CL_NDIGIT;
        case 'w': return CL_WORD;
        case 'W': return CL_NWORD;
        case 's': return CL_SPACE;
        case 'S': return CL_NSPACE;
        default: return 0;
    }
}

static void emit_class_single(comp_t *c, int32_t lo, int32_t hi, bool negate) {
    c->mp += 2; /* re1.5: NamedClass */
    emit(c, OP_CLASS);
    emit(c, 1);
    emit(c, negate);
    emit(c, lo);
    emit(c, hi);
}

static void parse_class(comp_t *c) {
    int at = c->len;
    emit(c, OP_CLASS);
    emit(c, 0);
    emit(c, 0);
    bool negate = false;
    if (c->p < c->end && *c->p == '^') {
        negate = true;
        c->p++;
    }
    int n = 0;
    bool first = true;
    for (;;) {
        if (c->p >= c->end) {
            c->err = "unterminated character set";
            return;
        }
        if (*c->p == ']' && !first) {
            c->p++;
            break;
        }
        first = false;
        long lo;
        if (*c->p == '\\') {
            c->p++;
            if (c->p >= c->end) {
                c->err = "bad escape (end of pattern)";
                return;
            }
            unsigned char e = *c->p++;
            int ce = class_escape(e);
            if (ce != 0) {
                emit(c, ce);
                emit(c, 0);
                n++;
                continue;
            }
            if (e == 'b') {
                lo = '\b';
            } else {
                lo = escape_char(c, e);
                if (lo < 0) {
                    return;
                }
            }
        } else {
            lo = (long)next_char(c);
        }
        long hi = lo;
        if (c->end - c->p >= 2 && *c->p == '-' && c->p[1] != ']') {
            c->p++;
            if (*c->p == '\\') {
                c->p++;
                if (c->p >= c->end) {
                    c->err = "bad escape (end of pattern)";
                    return;
                }
                unsigned char e = *c->p++;
                if (class_escape(e) != 0) {
                    c->err = "bad character range";
                    return;
                }
                hi = escape_char(c, e);
                if (hi < 0) {
                    return;
                }
            } else {
                hi = (long)next_char(c);
            }
            if (hi < lo) {
                c->err = "bad character range";
                return;
            }
        }
        emit(c, (int32_t)lo);
        emit(c, (int32_t)hi);
        n++;
    }
    if (n > MAX_CLASS && !c->err) {
        c->err = "too many items in a character class (127 at most)";
    }
    c->mp += 2 + 2 * n;
    if (!c->err) {
        c->code[at + 1] = n;
        c->code[at + 2] = negate;
    }
}

static void parse_alt(comp_t *c);

/* One atom; returns false if there was none here (end, '|' or ')'). */
static bool parse_atom(comp_t *c, bool *repeatable) {
    *repeatable = true;
    unsigned char ch = *c->p;
    switch (ch) {
        case '|':
        case ')':
            return false;
        case '(': {
            c->p++;
            bool capture = true;
            if (c->p < c->end && *c->p == '?') {
                if (c->end - c->p >= 2 && c->p[1] == ':') {
                    capture = false;
                    c->p += 2;
                } else {
                    c->err = "unsupported group extension";
                    return true;
                }
            }
            if (++c->depth > MAX_NEST) {
                c->err = "too many nested groups";
                return true;
            }
            int g = 0;
            if (capture) {
                if (c->n_groups >= MAX_GROUPS) {
                    c->err = "too many groups";
                    return true;
                }
                g = ++c->n_groups;
                emit(c, OP_SAVE);
                emit(c, 2 * g);
                c->mp += 4; /* re1.5: Save 2g ... Save 2g+1 */
            }
            parse_alt(c);
            if (c->err) {
                return true;
            }
            if (c->p >= c->end || *c->p != ')') {
                c->err = "missing ), unterminated subpattern";
                return true;
            }
            c->p++;
            c->depth--;
            if (capture) {
                emit(c, OP_SAVE);
                emit(c, 2 * g + 1);
            }
            return true;
        }
        case '[':
            c->p++;
            parse_class(c);
            return true;
        case '.':
            c->p++;
            c->mp += 1;
            emit(c, OP_ANY);
            return true;
        case '^':
            c->p++;
            c->mp += 1;
            emit(c, OP_BOL);
            *repeatable = false;
            return true;
        case '$':
            c->p++;
            c->mp += 1;
            emit(c, OP_EOL);
            *repeatable = false;
            return true;
        case '*':
        case '+':
        case '?':
            c->err = "nothing to repeat";
            return true;
        case '{': {
            /* a '{' that starts a valid repeat here has nothing to repeat; else it is literal */
            const unsigned char *q = c->p + 1;
            bool digits = false;
            while (q < c->end && ((*q >= '0' && *q <= '9') || *q == ',')) {
                digits = digits || (*q >= '0' && *q <= '9');
                q++;
            }
            if (digits && q < c->end && *q == '}') {
                c->err = "nothing to repeat";
                return true;
            }
            c->p++;
            c->mp += 2;
            emit(c, OP_CHAR);
            emit(c, '{');
            return true;
        }
        case '\\': {
            c->p++;
            if (c->p >= c->end) {
                c->err = "bad escape (end of pattern)";
                return true;
            }
            unsigned char e = *c->p++;
            int ce = class_escape(e);
            if (ce != 0) {
                emit_class_single(c, ce, 0, false);
                return true;
            }
            c->mp += 2;
            switch (e) {
                case 'b': emit(c, OP_WORDB); *repeatable = false; return true;
                case 'B': emit(c, OP_NWORDB); *repeatable = false; return true;
                case 'A': emit(c, OP_BEGIN); *repeatable = false; return true;
                case 'Z': emit(c, OP_END); *repeatable = false; return true;
                default: {
                    long v = escape_char(c, e);
                    if (v >= 0) {
                        emit(c, OP_CHAR);
                        emit(c, (int32_t)v);
                    }
                    return true;
                }
            }
        }
        default: {
            const unsigned char *from = c->p;
            emit(c, OP_CHAR);
            emit(c, (int32_t)next_char(c));
            c->mp += 2 * (int)(c->p - from); /* re1.5: one Char per byte */
            return true;
        }
    }
}

/* Wraps code[at, len) in a loop: greedy or lazy "zero or more". */
static void make_star(comp_t *c, int at, bool lazy) {
    int reg = c->n_regs++;
    /* at: SPLIT body exit; LOOPSET reg; body; LOOPCHK reg exit; JMP at; exit:
     * An iteration that matched empty ends the loop but keeps its captures, as sre does. */
    if (!insert_room(c, at, 5)) {
        return;
    }
    int split = at;
    c->code[split] = OP_SPLIT;
    c->code[split + 3] = OP_LOOPSET;
    c->code[split + 4] = reg;
    int chk = c->len;
    emit(c, OP_LOOPCHK);
    emit(c, reg);
    emit(c, 0);
    int jmp = c->len;
    emit(c, OP_JMP);
    emit(c, split - jmp);
    int exit = c->len;
    if (c->err) {
        return;
    }
    c->code[chk + 2] = exit - chk;
    c->code[split + 1] = lazy ? exit - split : 3;
    c->code[split + 2] = lazy ? 3 : exit - split;
}

static bool parse_count(comp_t *c, long *out) {
    long v = 0;
    bool any = false;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
        v = v * 10 + (*c->p++ - '0');
        if (v > 65535) {
            c->err = "repeat count too big";
            return false;
        }
        any = true;
    }
    *out = v;
    return any;
}

static void parse_quant(comp_t *c, int at, int mp_at) {
    if (c->p >= c->end) {
        return;
    }
    unsigned char q = *c->p;
    long min, max;
    if (q == '*') {
        min = 0, max = -1;
        c->p++;
    } else if (q == '+') {
        min = 1, max = -1;
        c->p++;
    } else if (q == '?') {
        min = 0, max = 1;
        c->p++;
    } else if (q == '{') {
        const unsigned char *save = c->p;
        c->p++;
        bool has_min = parse_count(c, &min);
        if (c->err) {
            return;
        }
        if (c->p < c->end && *c->p == '}') {
            if (!has_min) {
                c->p = save;
                return;
            }
            max = min;
        } else if (c->p < c->end && *c->p == ',') {
            c->p++;
            if (!parse_count(c, &max)) {
                max = -1;
            }
            if (c->err) {
                return;
            }
            if (!has_min) {
                min = 0;
            }
        } else {
            c->p = save; /* a literal '{' follows */
            return;
        }
        if (c->p >= c->end || *c->p != '}') {
            c->p = save;
            return;
        }
        c->p++;
        if (max >= 0 && max < min) {
            c->err = "min repeat greater than max repeat";
            return;
        }
    } else {
        return;
    }
    bool lazy = false;
    if (c->p < c->end && *c->p == '?') {
        lazy = true;
        c->p++;
    }
    if (c->p < c->end && (*c->p == '*' || *c->p == '+' || *c->p == '?')) {
        c->err = "multiple repeat";
        return;
    }
    int body_len = c->len - at;
    int mp_body = c->mp - mp_at;
    if (q == '?') {
        mp_jump(c, mp_body); /* re1.5: Split over the body */
        c->mp += 2;
    } else if (q == '*') {
        mp_jump(c, mp_body + 2); /* re1.5: Split over the body and the Jmp ... */
        mp_jump(c, -(mp_body + 4)); /* ... that goes back to the Split */
        c->mp += 4;
    } else if (q == '+') {
        mp_jump(c, -(mp_body + 2)); /* re1.5: RSplit back to the body */
        c->mp += 2;
    } else {
        /* no counted repeats in re1.5: count what they expand to */
        long copies = min > 0 ? min : 1;
        c->mp += (int)((copies - 1) * mp_body + (max < 0 ? mp_body + 4 : (max - min) * (mp_body + 2)));
    }
    if (c->err) {
        return;
    }
    if (min == 0 && max == -1) {
        make_star(c, at, lazy);
        return;
    }
    if (min == 0 && max == 0) {
        c->len = at;
        return;
    }
    /* X{min,max}: min required copies, then either a star or (max-min) nested optional copies
     * laid out as [SPLIT][X][SPLIT][X]... where every SPLIT's "skip" goes to the very end. */
    int body = at;
    int first_opt = -1;
    if (min == 0) {
        if (!insert_room(c, at, 3)) {
            return;
        }
        c->code[at] = OP_SPLIT;
        first_opt = at;
        body = at + 3;
    }
    for (long i = 1; i < min && !c->err; i++) {
        copy_code(c, body, body + body_len);
    }
    if (max == -1) {
        int cp = c->len;
        copy_code(c, body, body + body_len);
        make_star(c, cp, lazy);
        return;
    }
    long n_opt = max - min - (min == 0 ? 1 : 0);
    if (first_opt < 0 && n_opt > 0) {
        first_opt = c->len;
    }
    for (long i = 0; i < n_opt && !c->err; i++) {
        emit(c, OP_SPLIT);
        emit(c, 0);
        emit(c, 0);
        copy_code(c, body, body + body_len);
    }
    if (c->err || first_opt < 0) {
        return;
    }
    int end = c->len;
    for (int pos = first_opt; pos < end; pos += 3 + body_len) {
        c->code[pos + 1] = lazy ? end - pos : 3;
        c->code[pos + 2] = lazy ? 3 : end - pos;
    }
}

static void parse_concat(comp_t *c) {
    while (c->p < c->end && !c->err) {
        int at = c->len;
        int mp_at = c->mp;
        bool repeatable;
        if (!parse_atom(c, &repeatable)) {
            return;
        }
        if (c->err) {
            return;
        }
        if (c->p < c->end && (*c->p == '*' || *c->p == '+' || *c->p == '?' || *c->p == '{')) {
            if (!repeatable && *c->p != '{') {
                c->err = "nothing to repeat";
                return;
            }
            if (repeatable) {
                parse_quant(c, at, mp_at);
            }
        }
    }
}

/* Alternatives: [SPLIT a1 rest][a1][JMP end][SPLIT a2 rest2][a2][JMP end]...[an]. While parsing,
 * each JMP's operand links to the previous JMP (0 = none); they are patched once the end is known.
 * Later alternatives are inserted after earlier JMPs, so JMP positions never move. */
static void parse_alt(comp_t *c) {
    int at = c->len;
    int mp_start = c->mp;
    parse_concat(c);
    int last_jmp = -1;
    while (!c->err && c->p < c->end && *c->p == '|') {
        c->p++;
        /* re1.5: a Split at the start jumps over all so far and this alternative's Jmp; that Jmp
         * jumps over the next alternative */
        mp_jump(c, c->mp - mp_start + 2);
        c->mp += 4;
        int mp_alt = c->mp;
        if (!insert_room(c, at, 3)) {
            return;
        }
        int jmp = c->len;
        emit(c, OP_JMP);
        emit(c, last_jmp);
        last_jmp = jmp;
        int rest = c->len;
        c->code[at] = OP_SPLIT;
        c->code[at + 1] = 3;
        c->code[at + 2] = rest - at;
        at = rest;
        parse_concat(c);
        mp_jump(c, c->mp - mp_alt);
    }
    if (c->err) {
        return;
    }
    while (last_jmp >= 0) {
        int prev = c->code[last_jmp + 1];
        c->code[last_jmp + 1] = c->len - last_jmp;
        last_jmp = prev;
    }
}

re_prog_t *re_compile(const char *pat, size_t len, bool is_bytes, const re_alloc_t *a, const char **err) {
    comp_t c;
    memset(&c, 0, sizeof(c));
    c.p = (const unsigned char *)pat;
    c.end = c.p + len;
    c.is_bytes = is_bytes;
    emit(&c, OP_SAVE);
    emit(&c, 0);
    parse_alt(&c);
    if (!c.err && c.p < c.end) {
        c.err = *c.p == ')' ? "unbalanced parenthesis" : "syntax error";
    }
    emit(&c, OP_SAVE);
    emit(&c, 1);
    emit(&c, OP_MATCH);
    if (c.err) {
        free(c.code);
        *err = c.err;
        return NULL;
    }
    re_prog_t *prog = a->alloc(sizeof(re_prog_t) + (size_t)c.len * sizeof(int32_t));
    if (prog == NULL) {
        free(c.code);
        *err = "out of memory";
        return NULL;
    }
    prog->n_groups = c.n_groups;
    prog->n_regs = c.n_regs;
    prog->is_bytes = is_bytes;
    prog->len = c.len;
    memcpy(prog->code, c.code, (size_t)c.len * sizeof(int32_t));
    free(c.code);
    return prog;
}

int re_group_count(const re_prog_t *prog) { return prog->n_groups; }

/* ---- VM ---- */

enum { ST_BRANCH, ST_CAP, ST_REG };
typedef struct {
    int kind;
    int idx; /* pc for BRANCH, slot/reg for undo */
    long val; /* pos for BRANCH, old value for undo */
} st_entry_t;

typedef struct {
    const unsigned char *s;
    size_t len;
    bool is_bytes;
} subj_t;

static inline uint32_t char_at(const subj_t *sj, size_t pos, int *n) {
    if (sj->is_bytes) {
        *n = 1;
        return sj->s[pos];
    }
    return decode_utf8(sj->s + pos, sj->s + sj->len, n);
}

static inline bool is_word(uint32_t ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
}
static inline bool is_space(uint32_t ch) { return ch == ' ' || (ch >= '\t' && ch <= '\r'); }
static inline bool is_digit(uint32_t ch) { return ch >= '0' && ch <= '9'; }

static bool class_match(const int32_t *cl, uint32_t ch) {
    int n = cl[1];
    bool negate = cl[2] != 0;
    bool hit = false;
    for (int i = 0; i < n && !hit; i++) {
        int32_t lo = cl[3 + 2 * i], hi = cl[4 + 2 * i];
        switch (lo) {
            case CL_DIGIT: hit = is_digit(ch); break;
            case CL_NDIGIT: hit = !is_digit(ch); break;
            case CL_WORD: hit = is_word(ch) && (ch < 0x80 || true); break;
            case CL_NWORD: hit = !is_word(ch); break;
            case CL_SPACE: hit = is_space(ch); break;
            case CL_NSPACE: hit = !is_space(ch); break;
            default: hit = (int64_t)ch >= lo && (int64_t)ch <= hi; break;
        }
    }
    return hit != negate;
}

static bool word_boundary(const subj_t *sj, size_t pos) {
    bool before = false, after = false;
    if (pos > 0) {
        size_t p = pos - 1;
        if (!sj->is_bytes) {
            while (p > 0 && (sj->s[p] & 0xC0) == 0x80) {
                p--;
            }
        }
        int n;
        before = is_word(char_at(sj, p, &n));
    }
    if (pos < sj->len) {
        int n;
        after = is_word(char_at(sj, pos, &n));
    }
    return before != after;
}

typedef struct {
    st_entry_t *st;
    size_t sp;
    size_t cap;
    unsigned long steps;
} vm_stack_t;

static int push(vm_stack_t *vs, int kind, int idx, long val) {
    if (vs->sp == vs->cap) {
        if (vs->cap >= MAX_STACK) {
            return RE_ERR_LIMIT;
        }
        size_t ncap = vs->cap ? vs->cap * 2 : 256;
        st_entry_t *n = realloc(vs->st, ncap * sizeof(st_entry_t));
        if (n == NULL) {
            return RE_ERR_MEMORY;
        }
        vs->st = n;
        vs->cap = ncap;
    }
    vs->st[vs->sp].kind = kind;
    vs->st[vs->sp].idx = idx;
    vs->st[vs->sp].val = val;
    vs->sp++;
    return RE_OK;
}

static re_result_t run_at(const re_prog_t *prog, const subj_t *sj, size_t start, bool fullmatch, const re_alloc_t *a,
    vm_stack_t *vs, long *caps, long *regs) {
    const int32_t *code = prog->code;
    int n_caps = 2 * (prog->n_groups + 1);
    for (int i = 0; i < n_caps; i++) {
        caps[i] = -1;
    }
    for (int i = 0; i < prog->n_regs; i++) {
        regs[i] = -1;
    }
    vs->sp = 0;
    int pc = 0;
    size_t pos = start;
    int rc;
    for (;;) {
        if ((++vs->steps & 0xFFFF) == 0 && a->interrupted != NULL && a->interrupted()) {
            return RE_ERR_INTERRUPTED;
        }
        int n;
        switch (code[pc]) {
            case OP_CHAR:
                if (pos < sj->len && char_at(sj, pos, &n) == (uint32_t)code[pc + 1]) {
                    pos += (size_t)n;
                    pc += 2;
                    continue;
                }
                goto fail;
            case OP_ANY:
                if (pos < sj->len && char_at(sj, pos, &n) != '\n') {
                    pos += (size_t)n;
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_CLASS:
                if (pos < sj->len && class_match(&code[pc], char_at(sj, pos, &n))) {
                    pos += (size_t)n;
                    pc += 3 + 2 * code[pc + 1];
                    continue;
                }
                goto fail;
            case OP_SPLIT:
                if ((rc = push(vs, ST_BRANCH, pc + code[pc + 2], (long)pos)) != RE_OK) {
                    return rc;
                }
                pc += code[pc + 1];
                continue;
            case OP_JMP:
                pc += code[pc + 1];
                continue;
            case OP_SAVE:
                if ((rc = push(vs, ST_CAP, code[pc + 1], caps[code[pc + 1]])) != RE_OK) {
                    return rc;
                }
                caps[code[pc + 1]] = (long)pos;
                pc += 2;
                continue;
            case OP_LOOPSET:
                if ((rc = push(vs, ST_REG, code[pc + 1], regs[code[pc + 1]])) != RE_OK) {
                    return rc;
                }
                regs[code[pc + 1]] = (long)pos;
                pc += 2;
                continue;
            case OP_LOOPCHK:
                if (regs[code[pc + 1]] == (long)pos) {
                    return RE_ERR_LIMIT; /* MicroPython's re1.5 recurses for ever here */
                }
                pc += 3;
                continue;
            case OP_BOL:
                if (pos == 0) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_EOL:
                if (pos == sj->len || (pos + 1 == sj->len && sj->s[pos] == '\n')) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_WORDB:
                if (word_boundary(sj, pos)) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_NWORDB:
                if (!word_boundary(sj, pos)) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_BEGIN:
                if (pos == 0) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_END:
                if (pos == sj->len) {
                    pc += 1;
                    continue;
                }
                goto fail;
            case OP_MATCH:
                if (fullmatch && pos != sj->len) {
                    goto fail;
                }
                return RE_OK;
            default:
                return RE_ERR_MEMORY; /* corrupt program: never happens */
        }
    fail:
        for (;;) {
            if (vs->sp == 0) {
                return RE_NOMATCH;
            }
            st_entry_t *e = &vs->st[--vs->sp];
            if (e->kind == ST_CAP) {
                caps[e->idx] = e->val;
            } else if (e->kind == ST_REG) {
                regs[e->idx] = e->val;
            } else {
                pc = e->idx;
                pos = (size_t)e->val;
                break;
            }
        }
    }
}

re_result_t re_exec(const re_prog_t *prog, const char *s, size_t len, size_t start, bool search, bool fullmatch,
    const re_alloc_t *a, long *caps) {
    subj_t sj = {(const unsigned char *)s, len, prog->is_bytes};
    vm_stack_t vs = {NULL, 0, 0, 0};
    long regs_small[16];
    long *regs = prog->n_regs <= 16 ? regs_small : malloc((size_t)prog->n_regs * sizeof(long));
    if (regs == NULL) {
        return RE_ERR_MEMORY;
    }
    re_result_t rc = RE_NOMATCH;
    size_t pos = start;
    for (;;) {
        rc = run_at(prog, &sj, pos, fullmatch, a, &vs, caps, regs);
        if (rc != RE_NOMATCH || !search || pos >= len) {
            break;
        }
        pos++;
        if (!prog->is_bytes) {
            while (pos < len && (sj.s[pos] & 0xC0) == 0x80) {
                pos++;
            }
        }
    }
    if (regs != regs_small) {
        free(regs);
    }
    free(vs.st);
    return rc;
}
