/* host/process.c: the interpreter's thread (a big stack whose bounds it knows; Ctrl-C's SIGINT
 * routed to it) and the signals that stop the board, through a self-pipe watched by the event loop.
 * Invariant: a signal handler here only writes one byte to a non-blocking pipe (async-signal-safe);
 * everything else runs later from the loop, outside any handler. */
#include "host/process.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "host/event_loop.h"

typedef struct {
    void (*fn)(void *);
    void *arg;
} big_stack_job_t;

static void *big_stack_thread(void *p) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    big_stack_job_t *job = (big_stack_job_t *)p;
    job->fn(job->arg);
    return NULL;
}

int host_run_on_big_stack(void (*fn)(void *), void *arg, size_t stack_size) {
    big_stack_job_t job = {fn, arg};
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) {
        return -1;
    }
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set, NULL); /* the new thread unblocks it for itself */
    pthread_t th;
    int r = -1;
    if (pthread_attr_setstacksize(&attr, stack_size) == 0 && pthread_create(&th, &attr, big_stack_thread, &job) == 0) {
        pthread_join(th, NULL);
        r = 0;
    } else {
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    }
    pthread_attr_destroy(&attr);
    return r;
}

static const int stop_signals[] = {SIGTERM, SIGHUP, SIGINT, SIGQUIT};
static int stop_pipe[2] = {-1, -1};
static void (*stop_cb)(int sig);
static volatile sig_atomic_t stop_pending; /* signals not yet taken by the loop */

static void stop_handler(int sig) {
    if (++stop_pending >= 3) {
        /* the loop has not run through two of them (stuck in C code): end the usual way */
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (write(stop_pipe[1], &b, 1) < 0) {
        /* the pipe is full: a stop is pending already */
    }
    errno = saved;
}

static void stop_readable(int fd, int events, void *arg) {
    (void)events;
    (void)arg;
    unsigned char b;
    stop_pending = 0;
    if (read(fd, &b, 1) == 1 && stop_cb != NULL) {
        stop_cb(b);
    }
}

int host_on_stop_signals(void (*on_stop)(int sig)) {
    stop_cb = on_stop;
    if (stop_pipe[0] < 0 && pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
        return -errno;
    }
    if (!el_watch(stop_pipe[0], EL_READ, stop_readable, NULL)) {
        return -EMFILE;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = stop_handler;
    sigfillset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (size_t i = 0; i < sizeof(stop_signals) / sizeof(stop_signals[0]); i++) {
        if (sigaction(stop_signals[i], &sa, NULL) != 0) {
            return -errno;
        }
    }
    return 0;
}

const char *host_signal_name(int sig) {
    switch (sig) {
    case SIGTERM:
        return "SIGTERM";
    case SIGHUP:
        return "SIGHUP";
    case SIGINT:
        return "SIGINT";
    case SIGQUIT:
        return "SIGQUIT";
    default:
        return "a signal";
    }
}
