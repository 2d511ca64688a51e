/* host/random.c: the kernel's randomness (getrandom(2)) for os.urandom.
 * Invariant: fills all n bytes or returns a negative errno. */
#include <errno.h>
#include <sys/random.h>

#include "host/host_fs.h"

int host_random(void *buf, size_t n) {
    unsigned char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -errno;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}
