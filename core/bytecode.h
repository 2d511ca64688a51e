/* core/bytecode.h: the compiler -> VM contract: opcodes, instruction encoding, code objects.
 * An instruction is one 32-bit word: opcode in the low 8 bits, operand in the high 24 bits
 * (BC_ARG). Ops marked [cache] are followed by one extra word the VM rewrites (a map slot hint).
 * Jump operands are absolute word offsets into the code. Stack effects are given as before -> after.
 * Invariant: everything a code object references (consts, code words, names) is on the GC heap,
 * or, for the frozen modules' code (core/frozen.h), static data referring to static qstrs only. */
#ifndef CORE_BYTECODE_H
#define CORE_BYTECODE_H

#include "core/obj.h"

#define BC_OP(w) ((w)&0xffu)
#define BC_ARG(w) ((w) >> 8)
#define BC_MAKE(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define BC_ARG_MAX 0xffffffu
/* CALL_* operand: positional count in the low 12 bits, keyword count above. */
#define BC_CALL_ARG(npos, nkw) ((uint32_t)(npos) | ((uint32_t)(nkw) << 12))

/* X-macro: name, stack effect note. */
#define BC_OPCODES(X)                                                                              \
    X(NOP)                 /* */                                                                   \
    X(LOAD_CONST)          /* -> consts[arg] */                                                    \
    X(LOAD_SMALL_INT)      /* -> int (arg is a signed 24-bit value) */                             \
    X(LOAD_NONE)                                                                                   \
    X(LOAD_TRUE)                                                                                   \
    X(LOAD_FALSE)                                                                                  \
    X(LOAD_NULL)           /* -> OBJ_NULL (placeholder: "no self" for CALL_METHOD) */              \
    X(LOAD_FAST)           /* -> locals[arg] (NameError if unbound) */                             \
    X(STORE_FAST)          /* v -> */                                                              \
    X(DELETE_FAST)                                                                                 \
    X(LOAD_DEREF)          /* -> cell(locals[arg]).value */                                        \
    X(STORE_DEREF)                                                                                 \
    X(DELETE_DEREF)                                                                                \
    X(LOAD_CLOSURE)        /* -> the cell object in locals[arg] */                                 \
    X(LOAD_NAME)           /* -> locals dict / globals / builtins [arg = qstr] */                  \
    X(STORE_NAME)                                                                                  \
    X(DELETE_NAME)                                                                                 \
    X(LOAD_GLOBAL)         /* -> globals / builtins [cache] */                                     \
    X(STORE_GLOBAL)        /* [cache] */                                                           \
    X(DELETE_GLOBAL)                                                                               \
    X(LOAD_ATTR)           /* o -> o.attr [cache] */                                                       \
    X(STORE_ATTR)          /* v o -> [cache] */                                                            \
    X(DELETE_ATTR)         /* o -> */                                                              \
    X(LOAD_METHOD)         /* o -> fun self_or_NULL */                                             \
    X(LOAD_SUPER_METHOD)   /* super cls self -> fun self_or_NULL: super().attr, no super object */ \
    X(LOAD_SUBSCR)         /* o i -> o[i] */                                                       \
    X(STORE_SUBSCR)        /* v o i -> */                                                          \
    X(DELETE_SUBSCR)       /* o i -> */                                                            \
    X(BUILD_SLICE)         /* a b [c] -> slice (arg 2 or 3) */                                     \
    X(POP_TOP)                                                                                     \
    X(ROT_TWO)             /* a b -> b a */                                                        \
    X(ROT_THREE)           /* a b c -> c a b */                                                    \
    X(DUP_TOP)                                                                                     \
    X(DUP_TOP_TWO)                                                                                 \
    X(UNARY_OP)            /* v -> op v   (arg: unary_op_t) */                                     \
    X(UNARY_NOT)                                                                                   \
    X(BINARY_OP)           /* a b -> a op b (arg: binary_op_t, generic) */                        \
    X(BIN_ADD)             /* small-int fast paths; arg: binary_op_t for the slow path */          \
    X(BIN_SUB)                                                                                     \
    X(BIN_MUL)                                                                                     \
    X(BIN_FLOORDIV)                                                                                \
    X(BIN_MOD)                                                                                     \
    X(BIN_AND)                                                                                     \
    X(BIN_OR)                                                                                      \
    X(BIN_XOR)                                                                                     \
    X(BIN_LSHIFT)                                                                                  \
    X(BIN_RSHIFT)                                                                                  \
    X(CMP_LT)                                                                                      \
    X(CMP_LE)                                                                                      \
    X(CMP_GT)                                                                                      \
    X(CMP_GE)                                                                                      \
    X(CMP_EQ)                                                                                      \
    X(CMP_NE)                                                                                      \
    X(CMP_IS)                                                                                      \
    X(CMP_IS_NOT)                                                                                  \
    X(CMP_IN)                                                                                      \
    X(CMP_NOT_IN)                                                                                  \
    X(JUMP)                                                                                        \
    X(POP_JUMP_IF_FALSE)                                                                           \
    X(POP_JUMP_IF_TRUE)                                                                            \
    X(JUMP_IF_FALSE_OR_POP)                                                                        \
    X(JUMP_IF_TRUE_OR_POP)                                                                         \
    X(GET_ITER)            /* o -> iter */                                                         \
    X(FOR_ITER)            /* iter -> iter next  | (exhausted) -> ; jump arg */                   \
    X(GET_ITER_STACK)      /* o -> buf: the iterator in ITER_BUF_WORDS slots (a for statement) */  \
    X(FOR_ITER_STACK)      /* buf -> buf next | (exhausted) -> ; jump arg */                       \
    X(POP_ITER_STACK)      /* buf -> ; arg 1: buf v -> v (a return leaving the loop) */            \
    X(GET_ITER_RANGE)      /* r a [b [c]] -> buf: for x in range(...), no range object; arg n */   \
    X(BUILD_TUPLE)         /* n items -> tuple */                                                  \
    X(BUILD_LIST)                                                                                  \
    X(BUILD_SET)                                                                                   \
    X(BUILD_MAP)           /* -> {} (arg: size hint) */                                            \
    X(STORE_MAP)           /* d v k -> d */                                                        \
    X(LIST_APPEND)         /* v -> ; appends to sp[-arg] */                                        \
    X(SET_ADD)                                                                                     \
    X(MAP_ADD)             /* v k -> ; sp[-arg][k] = v */                                          \
    X(LIST_EXTEND)         /* l it -> l */                                                         \
    X(SET_UPDATE)          /* s it -> s */                                                         \
    X(DICT_UPDATE)         /* d m -> d  (arg 1: function-call merge, duplicate keys are errors) */ \
    X(LIST_TO_TUPLE)                                                                               \
    X(UNPACK_SEQUENCE)     /* seq -> item[n-1] .. item[0] (item 0 on top) */                       \
    X(UNPACK_EX)           /* seq -> ...; arg: before | after << 12 */                             \
    X(CALL_FUNCTION)       /* f args kwpairs -> r ; arg BC_CALL_ARG */                             \
    X(CALL_METHOD)         /* f self_or_NULL args kwpairs -> r */                                  \
    X(CALL_FUNCTION_EX)    /* f poslist kwdict_or_NULL -> r */                                     \
    X(RETURN_VALUE)                                                                                \
    X(MAKE_FUNCTION)       /* [defaults] [kwdefaults] [closure] -> f; arg: const | flags << 16 */ \
    X(RAISE)               /* arg 0: re-raise current; 1: exc; 2: exc cause */                     \
    X(RERAISE)             /* exc -> (raises without adding a traceback entry) */                  \
    X(SETUP_EXCEPT)        /* pushes a handler block: on exception jump to arg with exc pushed */ \
    X(POP_BLOCK)                                                                                   \
    X(JUMP_IF_NOT_EXC_MATCH) /* exc type -> ; jump arg if exc doesn't match */                     \
    X(SETUP_WITH)          /* ctx -> exit self enter_result, and a handler block (arg) */          \
    X(WITH_CLEANUP)        /* exit self -> ; calls exit(None, None, None) */                       \
    X(WITH_EXCEPT)         /* exit self exc -> ; suppressed: jump arg, else re-raise */            \
    X(YIELD_VALUE)         /* v -> sent */                                                         \
    X(YIELD_FROM)          /* iter sent -> result */                                               \
    X(GET_YIELD_FROM_ITER) /* o -> iter(o); arg 1 (await): o itself if a coroutine, else o.__await__() if any */ \
    X(IMPORT_NAME)         /* level fromlist -> module; arg qstr */                                \
    X(IMPORT_FROM)         /* m -> m value; arg qstr */                                            \
    X(IMPORT_STAR)         /* m -> */                                                              \
    X(LOAD_BUILD_CLASS)                                                                            \
    X(LOAD_ASSERTION_ERROR)                                                                        \
    X(FORMAT_VALUE)        /* v [spec] -> str; arg: conv(0 none,1 str,2 repr,3 ascii) | 4 if spec */\
    X(BUILD_STRING)        /* n strs -> str */                                                     \
    X(PRINT_EXPR)          /* v -> ; REPL: prints repr(v) unless None */                    \
    X(JUMP_IF_NOT_LT)      /* a b -> ; jump arg unless a < b (fused compare + branch) */       \
    X(JUMP_IF_NOT_LE)                                                                              \
    X(JUMP_IF_NOT_GT)                                                                              \
    X(JUMP_IF_NOT_GE)                                                                              \
    X(JUMP_IF_NOT_EQ)                                                                              \
    X(JUMP_IF_NOT_NE)

typedef enum {
#define BC_ENUM(name) OP_##name,
    BC_OPCODES(BC_ENUM)
#undef BC_ENUM
        OP_NUM
} bc_opcode_t;

/* MAKE_FUNCTION flags (operand bits 16..23) */
#define MKFUN_DEFAULTS 0x01
#define MKFUN_KWDEFAULTS 0x02
#define MKFUN_CLOSURE 0x04

/* code object flags */
#define CODE_VARARGS 0x01
#define CODE_VARKW 0x02
#define CODE_GENERATOR 0x04
#define CODE_CLASS_BODY 0x08 /* runs with a namespace dict as locals */
#define CODE_MODULE 0x10

typedef struct code_obj {
    obj_base_t base;      /* &code_type */
    qstr name;            /* function name ("<module>", "<lambda>", ...) */
    qstr filename;
    uint16_t flags;       /* CODE_* */
    uint16_t n_pos_args;  /* positional parameters, including positional-only */
    uint16_t n_posonly;
    uint16_t n_kwonly;
    uint16_t n_locals;    /* fast local slots: params, locals, cells, free vars, temporaries */
    uint16_t stack_size;  /* value stack words */
    uint16_t n_blocks;    /* maximum depth of the handler-block stack */
    uint16_t n_cells;     /* locals that hold a cell (indices in cell_idx) */
    uint16_t free_start;  /* free variables occupy locals[free_start .. free_start+n_free) */
    uint16_t n_free;
    qstr *arg_names;      /* n_pos_args + n_kwonly names (for keyword binding) */
    uint16_t *cell_idx;   /* n_cells local indices */
    uint32_t *code;
    size_t code_len;      /* in words */
    obj_t *consts;
    size_t n_consts;
    uint32_t *lines;      /* pairs (code offset, line), ascending offsets */
    size_t n_lines;
} code_obj_t;

/* Source line of the instruction at word offset `off`. */
size_t code_line_of(const code_obj_t *code, size_t off);
/* Disassembly for debugging (WIPY_DIS=1). */
void vm_dump_code(const code_obj_t *code);
const char *bc_op_name(unsigned op);

#endif
