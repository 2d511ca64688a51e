/* host/net.h: TCP helpers over POSIX sockets for the board's servers: non-blocking listening and
 * accepted sockets on the host's loopback (or --bind) address. */
#ifndef HOST_NET_H
#define HOST_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Listens on addr:port (IPv4 dotted quad); returns the fd or -1 with errno set. */
int net_listen_tcp(const char *addr, int port);
/* The port a listening socket got (for port 0). */
int net_local_port(int fd);
/* The IPv4 address a connected or listening socket has on this side (for the FTP PASV reply). */
int net_local_ip(int fd, unsigned char ip[4]);
/* Accepts one connection (non-blocking fd) or returns -1 (errno EAGAIN when none is waiting). */
int net_accept(int lfd);
/* Non-blocking send/recv: bytes moved, 0 for "would block" (send) / peer closed (recv), -1 error. */
ssize_t net_send(int fd, const void *buf, size_t len);
ssize_t net_recv(int fd, void *buf, size_t len);
/* True when the peer has closed (or reset) a connection whose unread bytes, if any, are kept. */
int net_peer_gone(int fd);
void net_close(int fd);
/* True if a recv on fd would not block now (data, a hang-up or an error waiting). */
bool net_readable(int fd);
/* A socket handed over across a board reset (host_keep_on_reexec, host_fs.h), taken back by the
 * new program: non-blocking and close-on-exec again. */
void net_adopt(int fd);

#endif
