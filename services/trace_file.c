/* services/trace_file.c: one VCD dump into a host file (trace_file.h). The board's trace hands its
 * buffered bytes to sink_write; a host timer flushes every TF_FLUSH_US so the file keeps up with
 * the board even when few changes happen.
 * Invariant: tf.fd >= 0 exactly while the board's trace runs into this file. */
#include "services/trace_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "board/clock.h"
#include "board/trace.h"
#include "host/event_loop.h"
#include "host/host_fs.h"

#define TF_FLUSH_US 200000
#define TF_PATH_MAX 1024

static struct {
    int fd;
    int timer;
    int err; /* the first write error (a negative errno), 0 if none */
    char path[TF_PATH_MAX];
    trace_file_end_fn on_end;
} tf = {.fd = -1};

static bool sink_write(void *ctx, const char *data, size_t len) {
    int fd = (int)(intptr_t)ctx;
    while (len > 0) {
        ssize_t n = host_file_write(fd, data, len);
        if (n == -EINTR) {
            continue;
        }
        if (n <= 0) {
            tf.err = n < 0 ? (int)n : -EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

static void tf_close(void) {
    if (tf.timer != 0) {
        el_timer_cancel(tf.timer);
        tf.timer = 0;
    }
    if (tf.fd >= 0) {
        host_file_close(tf.fd);
        tf.fd = -1;
    }
}

static void on_flush_timer(void *arg) {
    tf.timer = 0;
    if (tf.fd < 0) {
        return;
    }
    trace_flush();
    if (!trace_running()) { /* the file refused bytes: the dump is over */
        char why[128];
        snprintf(why, sizeof(why), "writing the trace failed: %s", strerror(-tf.err));
        trace_stop();
        tf_close();
        if (tf.on_end != NULL) {
            tf.on_end(tf.path, why);
        }
        return;
    }
    tf.timer = el_timer_at(el_now_us() + TF_FLUSH_US, on_flush_timer, NULL);
}

int trace_file_start(const char *path, char *err, size_t errlen) {
    if (tf.fd >= 0 || trace_running()) {
        snprintf(err, errlen, "a trace is already running (into %s); stop it first", tf.fd >= 0 ? tf.path : "?");
        return -1;
    }
    if (path == NULL || path[0] == '\0' || strlen(path) >= TF_PATH_MAX) {
        snprintf(err, errlen, "the trace wants a file name (at most %d bytes)", TF_PATH_MAX - 1);
        return -1;
    }
    int fd = host_file_open(path, HOST_O_WRITE | HOST_O_CREAT | HOST_O_TRUNC);
    if (fd < 0) {
        snprintf(err, errlen, "can't open the trace file '%s': %s", path, strerror(-fd));
        return -1;
    }
    tf.fd = fd;
    tf.err = 0;
    strcpy(tf.path, path);
    char comment[64];
    snprintf(comment, sizeof(comment), "board clock %s", clock_mode() == CLOCK_VIRTUAL ? "virtual" : "real");
    if (!trace_start(sink_write, (void *)(intptr_t)fd, comment)) {
        snprintf(err, errlen, "can't write the trace file '%s': %s", path, strerror(tf.err ? -tf.err : EIO));
        trace_stop();
        tf_close();
        return -1;
    }
    tf.timer = el_timer_at(el_now_us() + TF_FLUSH_US, on_flush_timer, NULL);
    return 0;
}

bool trace_file_stop(char *err, size_t errlen) {
    if (tf.fd < 0) {
        snprintf(err, errlen, "no trace is running");
        return false;
    }
    bool ok = trace_stop();
    tf_close();
    if (!ok) {
        snprintf(err, errlen, "writing the trace file '%s' failed: %s", tf.path, strerror(tf.err ? -tf.err : EIO));
    }
    return ok;
}

int trace_file_handover(uint64_t *time_ns) {
    *time_ns = trace_now_ns();
    if (tf.fd < 0) {
        return -1;
    }
    trace_flush();
    host_keep_on_reexec(tf.fd);
    return tf.fd;
}

int trace_file_resume(int fd, uint64_t time_ns, const char *path, char *err, size_t errlen) {
    trace_set_base(time_ns);
    if (fd < 0) {
        return 0;
    }
    if (!host_fd_open(fd) || strlen(path) >= TF_PATH_MAX) {
        snprintf(err, errlen, "the trace file handed over (descriptor %d) is not open", fd);
        return -1;
    }
    tf.fd = fd;
    tf.err = 0;
    strcpy(tf.path, path);
    if (!trace_resume(sink_write, (void *)(intptr_t)fd)) {
        snprintf(err, errlen, "can't write the trace file '%s': %s", path, strerror(tf.err ? -tf.err : EIO));
        trace_stop();
        tf_close();
        return -1;
    }
    tf.timer = el_timer_at(el_now_us() + TF_FLUSH_US, on_flush_timer, NULL);
    return 0;
}

const char *trace_file_path(void) { return tf.fd >= 0 ? tf.path : NULL; }

void trace_file_on_end(trace_file_end_fn fn) { tf.on_end = fn; }
