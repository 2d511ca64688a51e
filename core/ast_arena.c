/* core/ast_arena.c: the bump allocator that holds one parse's AST. Memory comes from malloc'd
 * chunks chained together and is released only as a whole (ast_arena_free). Invariant: the
 * total malloc'd by one arena never exceeds AST_ARENA_LIMIT; past it, or when malloc fails,
 * allocation raises MemoryError (the arena stays valid and freeable). */
#include <stdlib.h>

#include "core/ast.h"

#define AST_CHUNK_BYTES (64 * 1024)
#define AST_ARENA_LIMIT ((size_t)64 * 1024 * 1024)
#define AST_ALIGN 16

typedef struct ast_chunk {
    struct ast_chunk *next;
    size_t size; /* usable bytes after the header */
} ast_chunk_t;

struct ast_arena {
    ast_chunk_t *chunks; /* newest first */
    char *cur;           /* bump pointer in chunks */
    char *cur_end;
    size_t total;        /* bytes malloc'd */
};

#define AST_HDR ((sizeof(ast_chunk_t) + AST_ALIGN - 1) & ~(size_t)(AST_ALIGN - 1))

ast_arena_t *ast_arena_new(void) {
    ast_arena_t *a = calloc(1, sizeof(ast_arena_t));
    if (a == NULL) {
        raise_memory_error();
    }
    return a;
}

static char *arena_new_chunk(ast_arena_t *a, size_t need, bool make_current) {
    size_t size = need > AST_CHUNK_BYTES ? need : AST_CHUNK_BYTES;
    if (a->total + size + AST_HDR > AST_ARENA_LIMIT) {
        raise_memory_error();
    }
    ast_chunk_t *c = malloc(AST_HDR + size);
    if (c == NULL) {
        raise_memory_error();
    }
    a->total += AST_HDR + size;
    c->size = size;
    char *data = (char *)c + AST_HDR;
    if (make_current || a->chunks == NULL) {
        c->next = a->chunks;
        a->chunks = c;
        a->cur = data;
        a->cur_end = data + size;
    } else {
        /* a big block: keep the current chunk for small allocations */
        c->next = a->chunks->next;
        a->chunks->next = c;
    }
    return data;
}

void *ast_alloc(ast_arena_t *a, size_t bytes) {
    size_t n = (bytes + AST_ALIGN - 1) & ~(size_t)(AST_ALIGN - 1);
    if (n == 0) {
        n = AST_ALIGN;
    }
    if (n > (size_t)(a->cur_end - a->cur)) {
        if (n > AST_CHUNK_BYTES / 4) {
            char *p = arena_new_chunk(a, n, false);
            memset(p, 0, n);
            return p;
        }
        arena_new_chunk(a, n, true);
    }
    char *p = a->cur;
    a->cur += n;
    memset(p, 0, n);
    return p;
}

void ast_arena_free(ast_arena_t *a) {
    if (a == NULL) {
        return;
    }
    ast_chunk_t *c = a->chunks;
    while (c != NULL) {
        ast_chunk_t *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}
