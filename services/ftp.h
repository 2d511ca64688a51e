/* services/ftp.h: the FTP server of the board (spec §11): one command connection and one passive
 * data connection at a time on the event loop, over the VFS; a second client gets 421. */
#ifndef SERVICES_FTP_H
#define SERVICES_FTP_H

#include <stdbool.h>

#include "services/ftp_proto.h"

/* Starts listening on addr:port with passive data on data_port (0 picks free ports); returns 0
 * or an errno value (e.g. EACCES for port 21 without privileges). */
int ftp_server_start(const char *bind_addr, int port, int data_port);
/* network.Server.init: listens again if stopped (same address and ports); no-op before a start. */
int ftp_server_restart(void);
void ftp_server_stop(void); /* closes the session and the listening sockets */
bool ftp_server_running(void);
/* The ports listened on (0 resolved), kept while network.Server has the server stopped; -1 if
 * the server never started. */
int ftp_server_port(void);
int ftp_server_data_port(void);
/* Soft reset: the volumes are about to be unmounted; a transfer in progress ends (426). */
void ftp_server_abort_transfer(void);
/* The hidden-store uploads (firmware, certificates); NULL callbacks: none. */
void ftp_server_set_special(int (*begin)(void *, const char *), int (*write)(void *, const void *, size_t),
    int (*end)(void *, bool, char *, size_t));

#endif
