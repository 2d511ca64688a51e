/* host/sock.h: the host's IPv4 TCP and UDP sockets as the board's user sockets (socket module) see
 * them. Every call is non-blocking and returns a value >= 0 or a negative errno (Linux values,
 * which are the board's); waiting is the caller's business (port_poll_fds). Addresses are IPv4 in
 * host byte order. */
#ifndef HOST_SOCK_H
#define HOST_SOCK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define HSOCK_STREAM 1
#define HSOCK_DGRAM 2
#define HSOCK_MSG_PEEK 2     /* recv flags, Linux's values */
#define HSOCK_MSG_DONTWAIT 64

int hsock_open(int type);                                  /* fd */
int hsock_bind(int fd, uint32_t ip, int port);
int hsock_listen(int fd, int backlog);
int hsock_accept(int fd, uint32_t *ip, int *port);         /* new fd; -EAGAIN when none waits */
int hsock_connect(int fd, uint32_t ip, int port);          /* 0, -EINPROGRESS, or an error */
int hsock_connect_result(int fd);                          /* 0 or the pending connect's error */
ssize_t hsock_send(int fd, const void *buf, size_t len);   /* -EAGAIN when it would block */
ssize_t hsock_recv(int fd, void *buf, size_t len, int flags);
ssize_t hsock_sendto(int fd, const void *buf, size_t len, uint32_t ip, int port);
ssize_t hsock_recvfrom(int fd, void *buf, size_t len, int flags, uint32_t *ip, int *port);
int hsock_setsockopt(int fd, int level, int opt, const void *val, size_t len);
int hsock_local(int fd, uint32_t *ip, int *port);
int hsock_peer(int fd, uint32_t *ip, int *port);
int hsock_shutdown(int fd, int how);
void hsock_close(int fd);
/* Readiness now (poll(2) bits: 1 in, 4 out, 8 err, 16 hup, 32 nval) for the bits asked. */
int hsock_ready(int fd, int events);
/* Name to IPv4 address (dotted quads and host names); 0 or a negative errno. */
int hsock_resolve(const char *name, uint32_t *ip);

#endif
