/* modules/stream.h: the native stream protocol shared by sockets, TLS sockets and select.poll, and
 * the read/readinto/readline/write methods every such stream gets from it. A type opts in by
 * pointing type->protocol at a stream_p_t whose `kind` is QSTR_stream.
 * Invariant: read/write return bytes moved (0 from read = end of stream) or a negative errno,
 * -EAGAIN meaning "would block" (only for a stream that is non-blocking or timed out). */
#ifndef MODULES_STREAM_H
#define MODULES_STREAM_H

#include <stddef.h>
#include <sys/types.h>

#include "core/obj.h"

/* poll bits, as select's POLL* constants and MicroPython's ioctl(3, ...) */
#define STREAM_POLL_RD 0x01
#define STREAM_POLL_WR 0x04
#define STREAM_POLL_ERR 0x08
#define STREAM_POLL_HUP 0x10
#define STREAM_POLL_NVAL 0x20
/* ioctl requests of Python stream objects (io.IOBase subclasses), MicroPython's numbers */
#define STREAM_IOCTL_POLL 3
#define STREAM_IOCTL_CLOSE 4
#define STREAM_IOCTL_GET_FILENO 10

typedef struct {
    uint16_t kind; /* QSTR_stream */
    ssize_t (*read)(obj_t self, void *buf, size_t len);
    ssize_t (*write)(obj_t self, const void *buf, size_t len);
    /* Readiness now: the STREAM_POLL_* bits of `events` that hold, plus ERR/HUP/NVAL. May raise. */
    int (*poll)(obj_t self, int events);
    /* The host descriptor whose readiness the events depend on, and the events to wait for there
     * (*events updated), or -1: then a waiter asks poll() again every millisecond. */
    int (*wait_fd)(obj_t self, int *events);
} stream_p_t;

/* The protocol of o's type, or NULL if it has none. */
const stream_p_t *stream_get(obj_t o);

/* Raises OSError for a negative errno from a stream call. */
NORETURN void stream_raise(ssize_t err);

/* Everything left in stream o: its read() result, or, for a Python stream with only readinto (an
 * io.IOBase subclass), bytes gathered a byte per readinto call until it gives 0 or None; a readinto count
 * outside 0..len is OSError(EIO). */
obj_t stream_read_to_end(obj_t o);

/* The methods (args[0] is the stream), for the types' method tables. */
extern const native_fun_obj_t stream_read_obj, stream_readinto_obj, stream_readline_obj, stream_write_obj;

#endif
