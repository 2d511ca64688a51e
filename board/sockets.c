/* board/sockets.c: the count of board/sockets.h. */
#include "board/sockets.h"

static int sockets_used;

bool sockets_take(void) {
    if (sockets_used >= SOCKETS_MAX) {
        return false;
    }
    sockets_used++;
    return true;
}

void sockets_give(void) {
    if (sockets_used > 0) {
        sockets_used--;
    }
}

int sockets_in_use(void) { return sockets_used; }
