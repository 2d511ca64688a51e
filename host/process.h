/* host/process.h: the process around the interpreter: the thread it runs on (a big stack) and the
 * signals from outside that end the board, delivered as an event-loop callback (never run inside a
 * signal handler). */
#ifndef HOST_PROCESS_H
#define HOST_PROCESS_H

#include <stddef.h>

/* Runs fn(arg) on a new thread with a stack of stack_size bytes and waits for it; SIGINT (Ctrl-C in
 * script mode) goes to that thread, so its blocking reads return EINTR. Returns 0 once fn has run,
 * or -1 without running it when no such thread can be made (the caller runs it itself). */
int host_run_on_big_stack(void (*fn)(void *), void *arg, size_t stack_size);

/* From now on SIGTERM, SIGHUP, SIGINT and SIGQUIT don't end the process: each is noted by its handler
 * (one byte into a pipe) and on_stop(signal number) runs from the event loop, where the caller
 * writes out what it holds and exits. Returns 0 or a negative errno (no pipe, no event-loop slot). */
int host_on_stop_signals(void (*on_stop)(int sig));
/* The signal's name for a message: "SIGTERM", ... */
const char *host_signal_name(int sig);

#endif
