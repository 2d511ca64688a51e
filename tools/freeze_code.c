/* tools/freeze_code.c: the build-time compiler of the frozen modules (modules/frozen/NAME.py).
 * It compiles each module with the interpreter's own compiler and writes its code objects out as
 * C data (build/gen/frozen_code.c): bytecode, constants, names and line tables that live in the
 * executable, outside the GC heap, as MicroPython's frozen .mpy live in the board's flash.
 * Invariant: the data refers only to static qstrs and static objects; a name that is not a static
 * qstr (scripts/genqstr.py --frozen missed it) fails the build, naming it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/obj_type.h"
#include "core/qstr.h"
#include "core/runtime.h"
#include "core/vm.h"

static FILE *out;
static unsigned n_objs; /* every emitted object gets the name fz_<n> */

static void fail(const char *what, const char *detail) {
    fprintf(stderr, "freeze_code: %s%s\n", what, detail);
    exit(1);
}

static void emit_bytes(const char *data, size_t len) {
    fputc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c == '"' || c == '\\') {
            fprintf(out, "\\%c", c);
        } else if (c >= 32 && c < 127 && c != '?') {
            fputc(c, out);
        } else {
            fprintf(out, "\\%03o", c);
        }
    }
    fputc('"', out);
}

static unsigned emit_code(const code_obj_t *code);

/* Emits the definition a constant needs (if any) and writes its initialiser text into buf. */
static void emit_const(obj_t o, char *buf, size_t size) {
    if (obj_is_small_int(o)) {
        snprintf(buf, size, "ROM_INT(%lld)", (long long)small_int_value(o));
    } else if (obj_is_qstr(o)) {
        snprintf(buf, size, "ROM_QSTR(%u)", (unsigned)obj_qstr_value(o));
    } else if (o == OBJ_NONE || o == OBJ_TRUE || o == OBJ_FALSE || o == OBJ_ELLIPSIS) {
        snprintf(buf, size, "%s", o == OBJ_NONE ? "OBJ_NONE" : o == OBJ_TRUE ? "OBJ_TRUE" : o == OBJ_FALSE ? "OBJ_FALSE" : "OBJ_ELLIPSIS");
    } else if (obj_is_type(o, &code_type)) {
        snprintf(buf, size, "ROM_PTR(&fz_%u)", emit_code(OBJ_TO_PTR(o)));
    } else if (obj_is_type(o, &str_type) || obj_is_type(o, &bytes_type)) {
        const str_obj_t *s = OBJ_TO_PTR(o);
        bool is_str = obj_is_type(o, &str_type);
        unsigned n = n_objs++;
        fprintf(out, "static str_obj_t fz_%u = {{&%s}, (size_t)%#zxull, %zu, %zu, (const uint8_t *)", n,
            is_str ? "str_type" : "bytes_type", is_str ? qstr_compute_hash(s->data, s->len) : (size_t)0, s->len,
            s->char_len);
        emit_bytes((const char *)s->data, s->len);
        fprintf(out, "};\n");
        snprintf(buf, size, "ROM_PTR(&fz_%u)", n);
    } else if (obj_is_type(o, &tuple_type)) {
        const tuple_obj_t *t = OBJ_TO_PTR(o);
        char (*items)[64] = calloc(t->len + 1, sizeof *items);
        for (size_t i = 0; i < t->len; i++) {
            emit_const(t->items[i], items[i], sizeof items[i]);
        }
        unsigned n = n_objs++;
        fprintf(out, "static struct { obj_base_t base; size_t len; obj_t items[%zu]; } fz_%u = {{&tuple_type}, %zu, {", t->len + 1, n, t->len);
        for (size_t i = 0; i < t->len; i++) {
            fprintf(out, "%s, ", items[i]);
        }
        fprintf(out, "}};\n");
        free(items);
        snprintf(buf, size, "ROM_PTR(&fz_%u)", n);
    } else {
        fail("a constant of a type that can't be frozen: ", qstr_str(obj_type(o)->name));
    }
}

static void emit_words(const char *ctype, unsigned n, const char *suffix, const void *data, size_t count, size_t width) {
    fprintf(out, "static %s fz_%u_%s[] = {", ctype, n, suffix);
    for (size_t i = 0; i < count; i++) {
        unsigned long v = width == 4 ? ((const uint32_t *)data)[i] : ((const uint16_t *)data)[i];
        fprintf(out, "%s%s%lu", i ? "," : "", i % 16 ? " " : "\n    ", v);
    }
    fprintf(out, "};\n");
}

/* Emits a code object (its constants first); returns its number. */
static unsigned emit_code(const code_obj_t *code) {
    char (*consts)[64] = calloc(code->n_consts + 1, sizeof *consts);
    for (size_t i = 0; i < code->n_consts; i++) {
        emit_const(code->consts[i], consts[i], sizeof consts[i]);
    }
    unsigned n = n_objs++;
    size_t n_args = (size_t)code->n_pos_args + code->n_kwonly;
    emit_words("uint32_t", n, "code", code->code, code->code_len, 4);
    if (code->n_consts) {
        fprintf(out, "static obj_t fz_%u_consts[] = {", n);
        for (size_t i = 0; i < code->n_consts; i++) {
            fprintf(out, "%s%s%s", i ? "," : "", i % 4 ? " " : "\n    ", consts[i]);
        }
        fprintf(out, "};\n");
    }
    if (n_args) {
        emit_words("qstr", n, "args", code->arg_names, n_args, 4);
    }
    if (code->n_cells) {
        emit_words("uint16_t", n, "cells", code->cell_idx, code->n_cells, 2);
    }
    if (code->n_lines) {
        emit_words("uint32_t", n, "lines", code->lines, 2 * code->n_lines, 4);
    }
    char args[32] = "NULL", cells[32] = "NULL", cst[32] = "NULL", lines[32] = "NULL";
    if (n_args) {
        snprintf(args, sizeof args, "fz_%u_args", n);
    }
    if (code->n_cells) {
        snprintf(cells, sizeof cells, "fz_%u_cells", n);
    }
    if (code->n_consts) {
        snprintf(cst, sizeof cst, "fz_%u_consts", n);
    }
    if (code->n_lines) {
        snprintf(lines, sizeof lines, "fz_%u_lines", n);
    }
    fprintf(out,
        "static code_obj_t fz_%u = {{&code_type}, %u, %u, %u, %u, %u, %u, %u, %u, %u, %u, %u, %u,\n"
        "    %s, %s, fz_%u_code, %zu, %s, %zu, %s, %zu};\n",
        n, (unsigned)code->name, (unsigned)code->filename, code->flags, code->n_pos_args, code->n_posonly,
        code->n_kwonly, code->n_locals, code->stack_size, code->n_blocks, code->n_cells, code->free_start,
        code->n_free, args, cells, n, code->code_len, cst, code->n_consts, lines, code->n_lines);
    free(consts);
    return n;
}

/* Compiles one module's source and emits its code; returns the number of its module code. */
static unsigned freeze_module(const char *path, const char *src, size_t len) {
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t fun = rt_compile(src, len, qstr_from_str(base), INPUT_FILE, rt_state.main_globals);
        nlr_pop();
        return emit_code(((const fun_bc_obj_t *)OBJ_TO_PTR(fun))->code);
    }
    exc_print(&print_stderr, nlr.value);
    fail("can't compile ", path);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: freeze_code OUT.c [MODULE.py ...]\n");
        return 2;
    }
    int top;
    rt_config_t cfg = {(size_t)16 << 20, &top, (size_t)4 << 20};
    rt_init(&cfg);
    size_t n_mods = (size_t)argc - 2;
    unsigned *roots = calloc(n_mods + 1, sizeof *roots);
    char *body = NULL;
    size_t body_len = 0;
    out = open_memstream(&body, &body_len);
    for (size_t m = 0; m < n_mods; m++) {
        const char *path = argv[m + 2];
        FILE *f = fopen(path, "rb");
        if (f == NULL) {
            fail("can't read ", path);
        }
        char *src = NULL;
        size_t len = 0, cap = 0;
        for (int c; (c = fgetc(f)) != EOF;) {
            if (len + 1 >= cap) {
                cap = cap ? cap * 2 : 4096;
                src = realloc(src, cap);
            }
            src[len++] = (char)c;
        }
        fclose(f);
        roots[m] = freeze_module(path, src, len);
        free(src);
    }
    fclose(out);
    /* every qstr the code refers to must be static: runtime ones don't exist in the firmware */
    for (qstr q = QSTR_NUM_STATIC; q < qstr_count(); q++) {
        fprintf(stderr, "freeze_code: '%s' is not a static qstr\n", qstr_str(q));
    }
    if (qstr_count() > QSTR_NUM_STATIC) {
        fail("names missing from the static qstrs (scripts/genqstr.py --frozen)", "");
    }
    FILE *o = fopen(argv[1], "w");
    if (o == NULL) {
        fail("can't write ", argv[1]);
    }
    fprintf(o, "/* Generated by tools/freeze_code.c from modules/frozen/: do not edit. */\n"
               "#include \"core/frozen.h\"\n#include \"core/obj_type.h\"\n\n");
    fwrite(body, 1, body_len, o);
    fprintf(o, "\nconst frozen_code_t frozen_code_table[] = {\n");
    for (size_t m = 0; m < n_mods; m++) {
        const char *path = argv[m + 2];
        const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
        size_t bl = strlen(base) > 3 ? strlen(base) - 3 : strlen(base);
        fprintf(o, "    {\"%.*s\", &fz_%u},\n", (int)bl, base, roots[m]);
    }
    fprintf(o, "    {NULL, NULL},\n};\n");
    fclose(o);
    free(body);
    free(roots);
    rt_deinit();
    return 0;
}
