/* host/net.c: the TCP helpers of host/net.h. Every socket is non-blocking and close-on-exec;
 * SIGPIPE is never raised (MSG_NOSIGNAL), so a client that vanishes is just an error return. */
#include "host/net.h"

#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void set_nonblocking(int fd) {
    int fl = fcntl(fd, F_GETFL, 0);
    fcntl(fd, F_SETFL, fl | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
}

int net_listen_tcp(const char *addr, int port) {
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof(sa));
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
        errno = EINVAL;
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0 || listen(fd, 4) < 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    set_nonblocking(fd);
    return fd;
}

int net_local_port(int fd) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    if (getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
        return -1;
    }
    return ntohs(sa.sin_port);
}

int net_local_ip(int fd, unsigned char ip[4]) {
    struct sockaddr_in sa;
    socklen_t len = sizeof(sa);
    if (getsockname(fd, (struct sockaddr *)&sa, &len) < 0 || sa.sin_family != AF_INET) {
        return -1;
    }
    memcpy(ip, &sa.sin_addr, 4);
    return 0;
}

int net_accept(int lfd) {
    int fd = accept(lfd, NULL, NULL);
    if (fd < 0) {
        return -1;
    }
    set_nonblocking(fd);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    return fd;
}

ssize_t net_send(int fd, const void *buf, size_t len) {
    ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        return 0;
    }
    return n;
}

ssize_t net_recv(int fd, void *buf, size_t len) {
    ssize_t n = recv(fd, buf, len, 0);
    if (n > 0) {
        /* Acknowledge at once: a REPL often has nothing to answer yet (the raw REPL doesn't echo),
         * and a client using Nagle's algorithm (telnetlib, so pyboard.py) would otherwise wait for
         * the delayed ACK, ~40 ms, before sending its next piece. Linux clears this after use. */
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one));
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
        errno = EAGAIN;
    }
    return n;
}

int net_peer_gone(int fd) {
    char c;
    ssize_t n = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}
void net_adopt(int fd) { set_nonblocking(fd); }

void net_close(int fd) {
    if (fd >= 0) {
        close(fd);
    }
}

bool net_readable(int fd) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    return poll(&p, 1, 0) > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0;
}
