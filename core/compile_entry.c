/* core/compile_entry.c: rt_compile / rt_exec_source, the public way from source text to a
 * runnable function object (lexer+parser -> AST arena -> compiler -> fun_bc).
 * Invariant: the AST arena is freed on every path, including SyntaxError and MemoryError. */
#include <stdlib.h>

#include "core/ast.h"
#include "core/bytecode.h"
#include "core/nlr.h"
#include "core/runtime.h"
#include "core/vm.h"

bool rt_dump_bytecode;
int rt_opt_level;

obj_t rt_compile(const char *src, size_t len, qstr filename, input_kind_t kind, obj_t globals) {
    ast_arena_t *arena = ast_arena_new();
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        ast_module_t *mod = parse_source(arena, src, len, filename, (int)kind);
        if (mod->filename == QSTR_NULL) {
            mod->filename = filename;
        }
        obj_t code = compile_module(mod, (int)kind);
        nlr_pop();
        ast_arena_free(arena);
        if (rt_dump_bytecode) {
            vm_dump_code(OBJ_TO_PTR(code));
        }
        return fun_bc_new(OBJ_TO_PTR(code), globals, OBJ_NULL, OBJ_NULL, OBJ_NULL);
    }
    ast_arena_free(arena);
    nlr_jump(nlr.value);
}

obj_t rt_exec_source(const char *src, size_t len, qstr filename, input_kind_t kind, obj_t globals) {
    obj_t fun = rt_compile(src, len, filename, kind, globals);
    return rt_call0(fun);
}
