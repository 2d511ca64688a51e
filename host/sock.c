/* host/sock.c: host/sock.h over POSIX sockets. Every descriptor is non-blocking and close-on-exec
 * from its creation, and sends never raise SIGPIPE (MSG_NOSIGNAL): a vanished peer is an error
 * return (-EPIPE / -ECONNRESET), never a signal. */
#include "host/sock.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in sa_make(uint32_t ip, int port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(ip);
    return sa;
}

static void sa_split(const struct sockaddr_in *sa, uint32_t *ip, int *port) {
    if (ip != NULL) {
        *ip = ntohl(sa->sin_addr.s_addr);
    }
    if (port != NULL) {
        *port = ntohs(sa->sin_port);
    }
}

static int err(void) { return errno == EWOULDBLOCK ? -EAGAIN : -errno; }

int hsock_open(int type) {
    int t = type == HSOCK_DGRAM ? SOCK_DGRAM : SOCK_STREAM;
    int fd = socket(AF_INET, t | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        return err();
    }
    if (t == SOCK_STREAM) {
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    return fd;
}

int hsock_bind(int fd, uint32_t ip, int port) {
    struct sockaddr_in sa = sa_make(ip, port);
    return bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ? err() : 0;
}

int hsock_listen(int fd, int backlog) { return listen(fd, backlog) < 0 ? err() : 0; }

int hsock_accept(int fd, uint32_t *ip, int *port) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    int nfd = accept4(fd, (struct sockaddr *)&sa, &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (nfd < 0) {
        return err();
    }
    int one = 1;
    setsockopt(nfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sa_split(&sa, ip, port);
    return nfd;
}

int hsock_connect(int fd, uint32_t ip, int port) {
    struct sockaddr_in sa = sa_make(ip, port);
    return connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 ? err() : 0;
}

int hsock_connect_result(int fd) {
    int e = 0;
    socklen_t len = sizeof(e);
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len) < 0) {
        return err();
    }
    return -e;
}

ssize_t hsock_send(int fd, const void *buf, size_t len) {
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
    return n < 0 ? err() : n;
}

ssize_t hsock_recv(int fd, void *buf, size_t len, int flags) {
    ssize_t n = recv(fd, buf, len, flags & (MSG_PEEK | MSG_DONTWAIT));
    return n < 0 ? err() : n;
}

ssize_t hsock_sendto(int fd, const void *buf, size_t len, uint32_t ip, int port) {
    struct sockaddr_in sa = sa_make(ip, port);
    ssize_t n = sendto(fd, buf, len, MSG_NOSIGNAL, (struct sockaddr *)&sa, sizeof(sa));
    return n < 0 ? err() : n;
}

ssize_t hsock_recvfrom(int fd, void *buf, size_t len, int flags, uint32_t *ip, int *port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    socklen_t slen = sizeof(sa);
    ssize_t n = recvfrom(fd, buf, len, flags & (MSG_PEEK | MSG_DONTWAIT), (struct sockaddr *)&sa, &slen);
    if (n < 0) {
        return err();
    }
    sa_split(&sa, ip, port);
    return n;
}

int hsock_setsockopt(int fd, int level, int opt, const void *val, size_t len) {
    return setsockopt(fd, level, opt, val, (socklen_t)len) < 0 ? err() : 0;
}

int hsock_local(int fd, uint32_t *ip, int *port) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    if (getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
        return err();
    }
    sa_split(&sa, ip, port);
    return 0;
}

int hsock_peer(int fd, uint32_t *ip, int *port) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    if (getpeername(fd, (struct sockaddr *)&sa, &len) < 0) {
        return err();
    }
    sa_split(&sa, ip, port);
    return 0;
}

int hsock_shutdown(int fd, int how) { return shutdown(fd, how) < 0 ? err() : 0; }

void hsock_close(int fd) {
    if (fd >= 0) {
        close(fd);
    }
}

int hsock_ready(int fd, int events) {
    struct pollfd p = {fd, (short)events, 0};
    if (poll(&p, 1, 0) <= 0) {
        return 0;
    }
    return p.revents;
}

int hsock_resolve(const char *name, uint32_t *ip) {
    struct in_addr a;
    if (inet_pton(AF_INET, name, &a) == 1) {
        *ip = ntohl(a.s_addr);
        return 0;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    int r = getaddrinfo(name, NULL, &hints, &res);
    if (r != 0 || res == NULL) {
        /* the board's resolver fails with a plain errno; the host's EAI codes mean nothing there */
        return r == EAI_SYSTEM ? -errno : -ENOENT;
    }
    *ip = ntohl(((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr);
    freeaddrinfo(res);
    return 0;
}
