/* core/gc.h: the garbage collector's control interface (allocation itself is declared in obj.h).
 * Mark-sweep over one fixed block; roots are the C stack (scanned conservatively), rt_state and
 * registered root ranges; every word of a live block is scanned as a possible pointer. */
#ifndef CORE_GC_H
#define CORE_GC_H

#include "core/obj.h"

void gc_init(void *start, size_t size, void *stack_top);
void gc_deinit(void); /* runs pending finalisers */
void gc_collect(void);
void gc_add_root(void *start, size_t n_words); /* extra root range outside the heap */
void gc_enable(bool on);
bool gc_is_enabled(void);
void gc_lock(void);   /* micropython.heap_lock: allocation raises MemoryError */
void gc_unlock(void);
bool gc_is_locked(void);
int gc_lock_depth(void);           /* heap_lock nesting: a REPL restores it after running code */
void gc_set_lock_depth(int depth);
size_t gc_mem_free(void);
size_t gc_mem_alloc(void);
void gc_set_threshold(int_t bytes); /* -1 disables */
int_t gc_get_threshold(void);
size_t gc_nbytes(const void *ptr); /* usable size of a block */
void gc_dump_info(const print_t *p); /* micropython.mem_info() */

#endif
