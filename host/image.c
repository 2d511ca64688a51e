/* host/image.c: the program's loaded segments (its PT_LOAD ranges, found once with
 * dl_iterate_phdr) and whether an address range lies inside one of them (port_in_image).
 * Invariant: a range said to be inside is mapped for reading for the whole life of the process. */
#include <link.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/port.h"

#define MAX_SEGMENTS 16

static struct {
    uintptr_t start, end;
} segs[MAX_SEGMENTS];
static size_t n_segs;
static bool found;

/* The first object dl_iterate_phdr reports is the program itself. */
static int collect(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum && n_segs < MAX_SEGMENTS; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_LOAD && (ph->p_flags & PF_R)) {
            segs[n_segs].start = info->dlpi_addr + ph->p_vaddr;
            segs[n_segs].end = segs[n_segs].start + ph->p_memsz;
            n_segs++;
        }
    }
    return 1;
}

bool port_in_image(const void *p, size_t n) {
    if (!found) {
        dl_iterate_phdr(collect, NULL);
        found = true;
    }
    uintptr_t a = (uintptr_t)p;
    for (size_t i = 0; i < n_segs; i++) {
        if (a >= segs[i].start && a < segs[i].end && segs[i].end - a >= n) {
            return true;
        }
    }
    return false;
}
