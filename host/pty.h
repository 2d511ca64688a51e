/* host/pty.h: a pseudo-terminal that stands for a board UART's serial cable: the board keeps the
 * master side, serial tools (screen, picocom, pyserial) open the slave, /dev/pts/N. The slave is
 * raw from the start (no echo, no line discipline, 8 bits), and inotify says when a tool opens or
 * closes it, so nothing polls. Invariant: output is written only while a tool has the slave open,
 * and what a tool left unread when it closed is discarded, so the next tool starts clean. */
#ifndef HOST_PTY_H
#define HOST_PTY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define HPTY_PATH_MAX 64

typedef struct {
    int master; /* non-blocking, close-on-exec; -1: closed */
    int notify; /* inotify descriptor watching the slave's opens and closes */
    char path[HPTY_PATH_MAX];
} hpty_t;

/* Makes a raw pty; 0, or a negative errno (p->master stays -1). */
int hpty_open(hpty_t *p);
/* Takes back a master handed over across a reset (host_keep_on_reexec): 0 or a negative errno. */
int hpty_adopt(hpty_t *p, int master);
/* Whether a tool has the slave open now. */
bool hpty_peer_open(const hpty_t *p);
/* Consumes the pending open/close notifications (call when p->notify is readable). */
void hpty_take_notes(hpty_t *p);
/* Forgets the output no tool read (after the last tool closed the slave). */
void hpty_discard_unread(hpty_t *p);
/* Non-blocking I/O on the master: bytes moved; 0 when it would block; -1 when no tool has the
 * slave open (read: the tool is gone) or on an error. */
ssize_t hpty_read(hpty_t *p, void *buf, size_t len);
ssize_t hpty_write(hpty_t *p, const void *buf, size_t len);
void hpty_close(hpty_t *p);

#endif
