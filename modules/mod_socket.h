/* modules/mod_socket.h: what other modules (ssl, select, network) need of socket objects.
 * Invariant: an open socket holds one slot of board/sockets.h and a host descriptor; closing
 * (close(), the GC's finaliser, soft reset) gives both back exactly once. */
#ifndef MODULES_MOD_SOCKET_H
#define MODULES_MOD_SOCKET_H

#include <stdbool.h>

#include "core/obj.h"

#define SOCKET_IPPROTO_SEC 100

bool socket_is(obj_t o);
int socket_fd(obj_t o);         /* -1 once closed */
int socket_proto(obj_t o);      /* the proto it was made with (IPPROTO_SEC for the seed's TLS) */
int socket_timeout_ms(obj_t o); /* -1 blocking, 0 non-blocking, else settimeout()'s limit */
bool socket_connect_called(obj_t o); /* connect() was tried: connected, or a connect in progress */
/* Waits until the socket's descriptor has one of `events` (poll bits), as its timeout allows:
 * OSError(EAGAIN) when non-blocking, OSError(ETIMEDOUT) when the timeout passes, OSError(EBADF)
 * once closed. The board's event loop runs meanwhile; Ctrl-C raises KeyboardInterrupt. */
void socket_wait(obj_t o, int events);
/* The same, but a non-blocking socket waits without a limit (a TLS handshake asked to complete). */
void socket_wait_even_nonblocking(obj_t o, int events);
/* socket.connect(addr) (the ssl module's connect of a wrapped socket calls it). */
void socket_connect_to(obj_t o, obj_t addr);
/* Closes every open user socket (a WLAN connect or disconnect, as on the board). */
void socket_close_all(void);

#endif
