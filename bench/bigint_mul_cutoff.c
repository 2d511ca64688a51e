/* bench/bigint_mul_cutoff.c: times bigint_mul at several sizes; build once per -DKARATSUBA_CUTOFF=N
 * to find the Karatsuba crossover:  for c in 16 24 32 48 64 100000; do gcc -O2 -std=gnu11
 *   -DKARATSUBA_CUTOFF=$c -I. -Ibuild/gen bench/bigint_mul_cutoff.c core/bigint.c -o /tmp/m$c; done */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "core/bigint.h"
void *gc_alloc(size_t b, bool f) { (void)f; return calloc(1, b); }
void gc_free(void *p) { free(p); }
__attribute__((noreturn)) void raise_memory_error(void) { abort(); }
static double now(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
int main(void) {
    size_t ns[] = {24, 32, 48, 64, 96, 128, 256, 1024, 4096};
    for (size_t k = 0; k < sizeof ns / sizeof *ns; k++) {
        size_t n = ns[k];
        bigint_t a = {calloc(n, 8), n, false}, b = {calloc(n, 8), n, false}, r = {calloc(2 * n, 8), 0, false};
        for (size_t i = 0; i < n; i++) { a.d[i] = rand() * 7919ull + 1; b.d[i] = rand() * 104729ull + 3; }
        int reps = (int)(20000000 / (n * n)) + 1;
        double t0 = now();
        for (int i = 0; i < reps; i++) bigint_mul(&r, &a, &b);
        double t1 = now();
        printf("n=%zu %.3f us\n", n, (t1 - t0) / reps * 1e6);
    }
    return 0;
}
