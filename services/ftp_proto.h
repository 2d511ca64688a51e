/* services/ftp_proto.h: the FTP session of the WiPy (spec §11) as a pure state machine over the
 * VFS: command bytes go in, replies come out through a callback, and a transfer's bytes are
 * pulled (downloads, listings) or pushed (uploads) by whoever owns the data connection. No
 * sockets here, so every reply is testable (cmocka) and the parser fuzzable.
 * Invariants: every path goes through vfs_normalize against the session's cwd (so ".." stops at
 * "/" and only mounted volumes are reachable); an upload that does not end well leaves nothing
 * half-written: a new file is removed, an append cut back, and a replaced file stays intact
 * unless there was no room for both (then the old one made room and is gone). */
#ifndef SERVICES_FTP_PROTO_H
#define SERVICES_FTP_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "storage/vfs.h"

#define FTP_LINE_MAX 512 /* a command line longer than this is refused whole */
#define FTP_CRED_MAX 32

typedef struct ftp_io {
    /* bytes for the command connection */
    void (*reply)(void *ctx, const char *text, size_t len);
    /* PASV/EPSV: make the passive data port ready; 0 with the address and port, or -errno */
    int (*passive)(void *ctx, uint8_t ip[4], int *port);
    /* a transfer was set up: move its bytes once the data connection is there */
    void (*transfer)(void *ctx);
    /* Uploads the hidden store takes instead of the FAT volume (firmware, certificates); may be
     * NULL. begin: 1 = not such a path (goes to the volume), 0 = taken, <0 = -errno (550).
     * end(ok=false) discards. end(ok=true) returns 0, or <0 with a one-line reason in msg (451). */
    int (*special_begin)(void *ctx, const char *path);
    int (*special_write)(void *ctx, const void *data, size_t len);
    int (*special_end)(void *ctx, bool ok, char *msg, size_t cap);
    void *ctx;
} ftp_io_t;

typedef enum { FTP_X_NONE, FTP_X_LIST, FTP_X_NLST, FTP_X_MLSD, FTP_X_RETR, FTP_X_STOR, FTP_X_SPECIAL } ftp_xfer_t;
typedef enum { FTP_END_OK, FTP_END_LOST, FTP_END_IDLE } ftp_end_t;

typedef struct ftp_session {
    const ftp_io_t *io;
    const char *want_user, *want_pass; /* compared at PASS time */
    char user[FTP_CRED_MAX + 1];
    bool user_given, user_too_long, logged_in, closed;
    char cwd[VFS_PATH_MAX + 1];
    char rnfr[VFS_PATH_MAX + 1];
    bool rnfr_set;
    uint32_t rest;
    bool passive; /* PASV/EPSV answered since the last transfer */
    char line[FTP_LINE_MAX + 1];
    size_t line_len;
    bool line_overflow;
    /* the transfer in progress */
    ftp_xfer_t xfer;
    vfs_file_t file;
    vfs_dir_t dir;
    bool file_open, dir_open, single; /* single: listing one file, not a directory */
    vfs_dirent_t ent;                 /* single: the entry to list */
    char xpath[VFS_PATH_MAX + 1];     /* the file or directory being transferred */
    char tmppath[VFS_PATH_MAX + 1];   /* STOR's temporary file ("" when writing xpath itself) */
    bool existed;                     /* APPE/REST: the file existed, at orig_size bytes */
    uint32_t orig_size;
    char out[FTP_LINE_MAX + 900]; /* a listing line being sent */
    size_t out_len, out_pos;
} ftp_session_t;

/* Starts a session: sends the 220 greeting. user/pass stay referenced (network.Server's). */
void ftp_start(ftp_session_t *s, const char *user, const char *pass, const ftp_io_t *io);
/* Feeds bytes from the command connection; lines end at '\n' (a '\r' before it is dropped). */
void ftp_input(ftp_session_t *s, const uint8_t *data, size_t len);
/* The session is over (client gone, server stopped): ends a transfer with nothing half-written. */
void ftp_end(ftp_session_t *s);

/* The transfer, driven by the data connection's owner. */
bool ftp_xfer_active(const ftp_session_t *s);
bool ftp_xfer_is_upload(const ftp_session_t *s);
/* Downloads and listings: > 0 bytes put in buf, 0 = all sent, < 0 = failed (already replied). */
ssize_t ftp_data_produce(ftp_session_t *s, uint8_t *buf, size_t cap);
/* Uploads: 0 = stored, < 0 = failed (already replied; close the data connection). */
int ftp_data_consume(ftp_session_t *s, const uint8_t *data, size_t len);
/* The data connection is closed: all sent / client's end of data (OK), reset (LOST), idle. */
void ftp_data_end(ftp_session_t *s, ftp_end_t how);
/* The server's idle timeout for the command connection: 221 and the session is closed. */
void ftp_idle_timeout(ftp_session_t *s);

#endif
