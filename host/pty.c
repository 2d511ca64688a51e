/* host/pty.c: the pseudo-terminals of host/pty.h. Linux reports POLLHUP on a master whose slave
 * was opened and is now closed by everyone, and keeps (and later delivers) whatever the master
 * wrote meanwhile; so the slave is opened once at creation (to make it raw, which leaves the
 * master in that closed state), writes check that a tool is there, and what a departed tool left
 * unread is flushed from the slave side. Invariant: only p->master and p->notify stay open. */
#include "host/pty.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <termios.h>
#include <unistd.h>

/* Opens the slave (never as our controlling terminal), makes it raw if asked, flushes what no
 * tool read, and closes it. */
static int with_slave(const hpty_t *p, bool make_raw) {
    int s = open(p->path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (s < 0) {
        return -errno;
    }
    int r = 0;
    if (make_raw) {
        struct termios t;
        if (tcgetattr(s, &t) == 0) {
            cfmakeraw(&t);
            t.c_cc[VMIN] = 1;
            t.c_cc[VTIME] = 0;
            r = tcsetattr(s, TCSANOW, &t) == 0 ? 0 : -errno;
        } else {
            r = -errno;
        }
    }
    tcflush(s, TCIFLUSH); /* what the master wrote and no tool read */
    close(s);
    return r;
}

static int watch_opens(hpty_t *p) {
    p->notify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (p->notify < 0 || inotify_add_watch(p->notify, p->path, IN_OPEN | IN_CLOSE) < 0) {
        return -errno;
    }
    return 0;
}

int hpty_open(hpty_t *p) {
    p->master = p->notify = -1;
    p->path[0] = '\0';
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (m < 0) {
        return -errno;
    }
    char name[HPTY_PATH_MAX];
    if (grantpt(m) != 0 || unlockpt(m) != 0 || ptsname_r(m, name, sizeof(name)) != 0) {
        int e = errno;
        close(m);
        return -e;
    }
    snprintf(p->path, sizeof(p->path), "%s", name);
    p->master = m;
    int r = with_slave(p, true);
    if (r == 0) {
        r = watch_opens(p);
    }
    if (r != 0) {
        hpty_close(p);
        return r;
    }
    hpty_take_notes(p); /* our own open and close of the slave */
    return 0;
}

int hpty_adopt(hpty_t *p, int master) {
    p->master = p->notify = -1;
    char name[HPTY_PATH_MAX];
    if (ptsname_r(master, name, sizeof(name)) != 0) {
        return -errno;
    }
    snprintf(p->path, sizeof(p->path), "%s", name);
    fcntl(master, F_SETFD, FD_CLOEXEC);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL, 0) | O_NONBLOCK);
    p->master = master;
    int r = watch_opens(p);
    if (r != 0) {
        hpty_close(p);
    }
    return r;
}

bool hpty_peer_open(const hpty_t *p) {
    if (p->master < 0) {
        return false;
    }
    struct pollfd q = {.fd = p->master, .events = 0};
    return poll(&q, 1, 0) >= 0 && (q.revents & (POLLHUP | POLLERR | POLLNVAL)) == 0;
}

void hpty_take_notes(hpty_t *p) {
    char buf[1024] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (p->notify >= 0 && read(p->notify, buf, sizeof(buf)) > 0) {
    }
}

void hpty_discard_unread(hpty_t *p) {
    if (p->master >= 0) {
        with_slave(p, false);
    }
}

ssize_t hpty_read(hpty_t *p, void *buf, size_t len) {
    ssize_t n = read(p->master, buf, len);
    if (n > 0) {
        return n;
    }
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return 0;
    }
    return -1; /* EIO: the last tool closed the slave */
}

ssize_t hpty_write(hpty_t *p, const void *buf, size_t len) {
    if (!hpty_peer_open(p)) {
        return -1;
    }
    ssize_t n = write(p->master, buf, len);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
        return 0;
    }
    return n;
}

void hpty_close(hpty_t *p) {
    if (p->notify >= 0) {
        close(p->notify);
    }
    if (p->master >= 0) {
        close(p->master);
    }
    p->master = p->notify = -1;
}
