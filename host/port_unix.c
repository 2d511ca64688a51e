/* host/port_unix.c: core/port.h for script mode on Linux: buffered stdout (flushed at newlines
 * on a terminal, when full, before reading input or writing stderr, and at exit), stdin bytes,
 * the monotonic clock, Ctrl-C (SIGINT sets a flag that port_poll turns into KeyboardInterrupt, and
 * writes a byte to a pipe that a blocking read of stdin also waits on, so none is lost just before
 * the read), and a fatal exit (files for import are modules/fs_route.c over host/files.c).
 * Invariant: bytes reach fd 1 and fd 2 in the order the program wrote them. */
#include "host/port_unix.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "core/port.h"
#include "core/runtime.h"

#define PORT_OUT_SIZE 4096

static char port_out[PORT_OUT_SIZE];
static size_t port_out_len;
static bool port_out_tty;
static volatile sig_atomic_t port_sigint_flag;
static int port_sigint_pipe[2] = {-1, -1}; /* the handler's wake-up for a blocking stdin read */
static bool port_last_cr; /* the last byte written was '\r' (raw-mode newline cooking) */
static const port_hooks_t *port_hooks;

void (*port_script_service)(void);

void port_set_hooks(const port_hooks_t *hooks) { port_hooks = hooks; }
const port_hooks_t *port_get_hooks(void) { return port_hooks; }

static void port_write_fd(int fd, const char *s, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, s, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; /* a closed pipe: drop the output */
        }
        s += n;
        len -= (size_t)n;
    }
}

void port_flush(void) {
    if (port_out_len > 0) {
        port_write_fd(1, port_out, port_out_len);
        port_out_len = 0;
    }
}

static void port_out_byte(char c) {
    if (port_out_len == PORT_OUT_SIZE) {
        port_flush();
    }
    port_out[port_out_len++] = c;
}

void port_write(const char *s, size_t len) {
    if (port_hooks != NULL) {
        port_hooks->write(s, len);
        return;
    }
    bool raw = terminal_is_raw();
    if (!raw && len > PORT_OUT_SIZE / 2) {
        port_flush();
        port_write_fd(1, s, len);
        return;
    }
    bool nl = false;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            if (raw && !port_last_cr) {
                port_out_byte('\r');
            }
            nl = true;
        }
        port_last_cr = s[i] == '\r';
        port_out_byte(s[i]);
    }
    if (raw || (nl && port_out_tty)) {
        port_flush();
    }
}

void port_write_err(const char *s, size_t len) {
    if (port_hooks != NULL) {
        port_hooks->write(s, len);
        return;
    }
    port_flush();
    if (!terminal_is_raw()) {
        port_write_fd(2, s, len);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n' && (i == 0 || s[i - 1] != '\r')) {
            port_write_fd(2, s + start, i - start);
            port_write_fd(2, "\r", 1);
            start = i;
        }
    }
    port_write_fd(2, s + start, len - start);
}

int port_read_byte(void) {
    if (port_hooks != NULL) {
        return port_hooks->read_byte();
    }
    port_flush();
    port_poll(); /* a Ctrl-C that came just before takes precedence over the input */
    rt_check_pending();
    for (;;) {
        /* stdin and the SIGINT pipe in one wait: a Ctrl-C between the check above and the read
         * would otherwise leave the read blocked */
        struct pollfd p[2] = {{0, POLLIN, 0}, {port_sigint_pipe[0], POLLIN, 0}};
        if (poll(p, port_sigint_pipe[0] >= 0 ? 2 : 1, -1) < 0 && errno != EINTR) {
            return -1;
        }
        if (port_sigint_pipe[0] >= 0 && (p[1].revents & POLLIN)) {
            char drain[16];
            while (read(port_sigint_pipe[0], drain, sizeof(drain)) > 0) {
            }
        }
        port_poll();
        rt_check_pending();
        if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL))) {
            continue;
        }
        unsigned char c;
        ssize_t n = read(0, &c, 1);
        if (n == 1) {
            return c;
        }
        if (n == 0) {
            return -1;
        }
        if (errno != EINTR && errno != EAGAIN) {
            return -1;
        }
    }
}

bool port_read_line(vstr_t *out) {
    if (port_hooks != NULL) {
        return port_hooks->read_line(out);
    }
    int c;
    bool any = false;
    while ((c = port_read_byte()) >= 0) {
        any = true;
        if (c == '\n') {
            break;
        }
        if (c != '\r') {
            vstr_add_byte(out, (uint8_t)c);
        }
    }
    return any;
}

int port_stdio_ready(int fd, int events) {
    if (fd != 0) {
        return events & POLLOUT;
    }
    if (port_hooks != NULL && port_hooks->input_ready != NULL) {
        return port_hooks->input_ready() ? (events & POLLIN) : 0;
    }
    struct pollfd p = {0, (short)(events & POLLIN), 0};
    return poll(&p, 1, 0) > 0 ? p.revents : 0;
}

uint64_t port_ticks_us(void) {
    if (port_hooks != NULL && port_hooks->ticks_us != NULL) {
        return port_hooks->ticks_us();
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void port_poll(void) {
    if (UNLIKELY(port_sigint_flag)) {
        port_sigint_flag = 0;
        rt_keyboard_interrupt();
    }
    if (port_hooks != NULL) {
        port_hooks->poll();
    } else if (port_script_service != NULL) {
        port_script_service();
    }
}

static void port_sigint(int sig) {
    if (port_sigint_flag) {
        /* a second Ctrl-C before the first was handled (stuck in C code): die the usual way */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
        return;
    }
    port_sigint_flag = 1; /* port_poll (VM, delays, blocking reads) raises it */
    if (port_sigint_pipe[1] >= 0) {
        int saved = errno;
        if (write(port_sigint_pipe[1], "", 1) < 0) {
            /* full: a wake-up is pending already */
        }
        errno = saved;
    }
}

void port_unix_init(void) {
    if (pipe2(port_sigint_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        port_sigint_pipe[0] = port_sigint_pipe[1] = -1; /* reads then rely on EINTR alone */
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = port_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocking read returns EINTR */
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    port_out_tty = isatty(1);
    atexit(port_flush);
}

bool port_stdin_is_tty(void) { return isatty(0); }

NORETURN void port_fatal(const char *msg) {
    if (port_hooks != NULL && port_hooks->fatal != NULL) {
        port_hooks->fatal(msg);
    }
    port_flush();
    terminal_raw_off();
    port_write_fd(2, "FATAL: ", 7);
    port_write_fd(2, msg, strlen(msg));
    port_write_fd(2, "\n", 1);
    _exit(1);
}
