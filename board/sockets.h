/* board/sockets.h: the network processor's socket table. The WiPy has 8 sockets in all, shared by
 * the user's sockets and the board's own servers (telnet, FTP): each one takes a slot while it is
 * open. Invariant: 0 <= in use <= SOCKETS_MAX; every successful take is matched by one give. */
#ifndef BOARD_SOCKETS_H
#define BOARD_SOCKETS_H

#include <stdbool.h>

#define SOCKETS_MAX 8

bool sockets_take(void); /* false when all SOCKETS_MAX are in use */
void sockets_give(void);
int sockets_in_use(void);

#endif
