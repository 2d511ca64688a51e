/* modules/re_engine.h: the regular-expression engine behind the re module: a pattern compiles
 * to a small program for a backtracking VM with an explicit, bounded stack (no C recursion), so
 * any pattern on any subject either matches, fails, or reports RE_ERR_LIMIT: never a crash.
 * Text is UTF-8 (str) or bytes; positions are byte offsets. Pure C, no Python objects. */
#ifndef MODULES_RE_ENGINE_H
#define MODULES_RE_ENGINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct re_prog re_prog_t;

typedef enum {
    RE_OK = 0,
    RE_NOMATCH = 1,
    RE_ERR_LIMIT = -1,   /* backtracking stack limit reached */
    RE_ERR_MEMORY = -2,
    RE_ERR_INTERRUPTED = -3, /* the interrupted hook said stop (Ctrl-C) */
} re_result_t;

/* Allocation hooks (the module passes GC allocators); free may be a no-op. */
typedef struct {
    void *(*alloc)(size_t bytes); /* zeroed memory or NULL */
    void (*free)(void *p);
    bool (*interrupted)(void); /* polled every few thousand steps; may be NULL */
} re_alloc_t;

/* Compiles pattern (bytes mode when is_bytes). On error returns NULL and sets *err to a message. */
re_prog_t *re_compile(const char *pat, size_t len, bool is_bytes, const re_alloc_t *a, const char **err);
int re_group_count(const re_prog_t *prog); /* capturing groups, not counting group 0 */

/* Tries to match at exactly `start` (anchored) or at the first position >= start (search).
 * caps receives 2*(groups+1) byte offsets, -1 for groups that did not take part.
 * fullmatch requires the match to end at `len`. */
re_result_t re_exec(const re_prog_t *prog, const char *s, size_t len, size_t start, bool search, bool fullmatch,
    const re_alloc_t *a, long *caps);

#endif
