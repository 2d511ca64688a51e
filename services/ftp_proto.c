/* services/ftp_proto.c: the FTP command parser, the replies of spec §11 and the transfers' file
 * side (listings formatted line by line, downloads read in pieces, uploads written through a
 * temporary file or cut back on failure). Pure: the VFS is the only thing it touches.
 * Invariant: a transfer is set up only after 150 was sent, and ends with exactly one of 226,
 * 426 or 451; every reply is "<code> <text>\r\n" (211 FEAT and 250 MLST are multi-line). */
#include "services/ftp_proto.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const ftp_months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
    "Oct", "Nov", "Dec"};

static void reply(ftp_session_t *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void reply(ftp_session_t *s, const char *fmt, ...) {
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf) - 2, fmt, ap);
    va_end(ap);
    if (n < 0) {
        return;
    }
    if ((size_t)n > sizeof(buf) - 3) {
        n = (int)(sizeof(buf) - 3);
    }
    buf[n++] = '\r';
    buf[n++] = '\n';
    s->io->reply(s->io->ctx, buf, (size_t)n);
}

/* One short reason per errno for 550/451 texts (strerror's wording varies between libcs). */
static const char *ftp_reason(int err) {
    switch (err < 0 ? -err : err) {
    case ENOENT: return "No such file or directory";
    case EEXIST: return "File exists";
    case ENOTDIR: return "Not a directory";
    case EISDIR: return "Is a directory";
    case ENOTEMPTY: return "Directory not empty";
    case ENOSPC: return "No space left on device";
    case ENAMETOOLONG: return "File name too long";
    case EBUSY: return "File is in use";
    case EACCES: case EPERM: case EROFS: return "Permission denied";
    case EINVAL: return "Invalid name";
    default: return "Input/output error";
    }
}

/* ---- paths ---- */

/* The argument as an absolute path; false (and a 550 sent) when it can't be one. */
static bool ftp_path(ftp_session_t *s, const char *arg, char *out) {
    int r = vfs_normalize(s->cwd, arg, out, VFS_PATH_MAX + 1);
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return false;
    }
    return true;
}

/* ---- listings ---- */

static void fmt_mtime14(char *out, const fat_time_t *t) {
    snprintf(out, 15, "%04u%02u%02u%02u%02u%02u", (unsigned)t->year % 10000u, (unsigned)t->month % 100u,
        (unsigned)t->day % 100u, (unsigned)t->hour % 100u, (unsigned)t->min % 100u, (unsigned)t->sec % 100u);
}

static size_t fmt_entry(ftp_xfer_t kind, const vfs_dirent_t *e, char *out, size_t cap) {
    int n;
    if (kind == FTP_X_NLST) {
        n = snprintf(out, cap, "%s\r\n", e->name);
    } else if (kind == FTP_X_MLSD) {
        char mt[15];
        fmt_mtime14(mt, &e->st.mtime);
        if (e->st.is_dir) {
            n = snprintf(out, cap, "type=dir;modify=%s; %s\r\n", mt, e->name);
        } else {
            n = snprintf(out, cap, "type=file;size=%u;modify=%s; %s\r\n", (unsigned)e->st.size, mt, e->name);
        }
    } else {
        const fat_time_t *t = &e->st.mtime;
        unsigned m = t->month >= 1 && t->month <= 12 ? t->month - 1u : 0u;
        n = snprintf(out, cap, "%s 1 root root %10u %s %2u %02u:%02u %s\r\n",
            e->st.is_dir ? "drwxrwxr-x" : "-rw-rw-r--", (unsigned)e->st.size, ftp_months[m],
            (unsigned)t->day % 100u, (unsigned)t->hour % 100u, (unsigned)t->min % 100u, e->name);
    }
    if (n < 0) {
        return 0;
    }
    return (size_t)n < cap ? (size_t)n : cap - 1;
}

/* ---- transfers ---- */

static void xfer_close_handles(ftp_session_t *s) {
    if (s->file_open) {
        vfs_close(&s->file);
        s->file_open = false;
    }
    if (s->dir_open) {
        vfs_closedir(&s->dir);
        s->dir_open = false;
    }
}

/* Undoes an unfinished upload: the temporary file removed, or the file cut back / removed. */
static void upload_undo(ftp_session_t *s) {
    if (s->xfer == FTP_X_SPECIAL) {
        if (s->io->special_end != NULL) {
            s->io->special_end(s->io->ctx, false, NULL, 0);
        }
        return;
    }
    if (s->tmppath[0] != '\0') {
        xfer_close_handles(s);
        vfs_remove(s->tmppath);
        return;
    }
    if (s->existed && s->file_open) {
        vfs_truncate(&s->file, s->orig_size);
        xfer_close_handles(s);
        return;
    }
    xfer_close_handles(s);
    if (!s->existed) {
        vfs_remove(s->xpath);
    }
}

static void xfer_finish(ftp_session_t *s) {
    xfer_close_handles(s);
    s->xfer = FTP_X_NONE;
    s->out_len = s->out_pos = 0;
    s->tmppath[0] = '\0';
}

/* A failed transfer: the volume put back, then one reply. */
static void xfer_fail(ftp_session_t *s, const char *line) {
    if (s->xfer == FTP_X_STOR || s->xfer == FTP_X_SPECIAL) {
        upload_undo(s);
    }
    xfer_finish(s);
    reply(s, "%s", line);
}

bool ftp_xfer_active(const ftp_session_t *s) { return s->xfer != FTP_X_NONE; }

bool ftp_xfer_is_upload(const ftp_session_t *s) { return s->xfer == FTP_X_STOR || s->xfer == FTP_X_SPECIAL; }

ssize_t ftp_data_produce(ftp_session_t *s, uint8_t *buf, size_t cap) {
    if (s->xfer == FTP_X_RETR) {
        ssize_t n = vfs_read(&s->file, buf, cap);
        if (n < 0) {
            char line[80];
            snprintf(line, sizeof(line), "451 Read error: %s.", ftp_reason((int)n));
            xfer_fail(s, line);
        }
        return n;
    }
    if (s->xfer != FTP_X_LIST && s->xfer != FTP_X_NLST && s->xfer != FTP_X_MLSD) {
        return 0;
    }
    size_t got = 0;
    while (got < cap) {
        if (s->out_pos < s->out_len) {
            size_t k = s->out_len - s->out_pos;
            if (k > cap - got) {
                k = cap - got;
            }
            memcpy(buf + got, s->out + s->out_pos, k);
            s->out_pos += k;
            got += k;
            continue;
        }
        s->out_len = s->out_pos = 0;
        if (s->single) {
            s->single = false;
            s->out_len = fmt_entry(s->xfer, &s->ent, s->out, sizeof(s->out));
            continue;
        }
        if (!s->dir_open) {
            break;
        }
        int r = vfs_readdir(&s->dir, &s->ent);
        if (r <= 0) {
            vfs_closedir(&s->dir);
            s->dir_open = false;
            if (r < 0) {
                char line[80];
                snprintf(line, sizeof(line), "451 Read error: %s.", ftp_reason(r));
                xfer_fail(s, line);
                return -1;
            }
            break;
        }
        s->out_len = fmt_entry(s->xfer, &s->ent, s->out, sizeof(s->out));
    }
    return (ssize_t)got;
}

int ftp_data_consume(ftp_session_t *s, const uint8_t *data, size_t len) {
    int r = 0;
    if (s->xfer == FTP_X_SPECIAL) {
        r = s->io->special_write(s->io->ctx, data, len);
    } else if (s->xfer == FTP_X_STOR) {
        ssize_t n = vfs_write(&s->file, data, len);
        if ((n == -ENOSPC || (n >= 0 && (size_t)n < len)) && s->tmppath[0] != '\0' && s->existed) {
            /* no room for the new file beside the old one: the old one makes room (it would be
             * replaced anyway; only a failure of this upload now loses it) */
            size_t done = n < 0 ? 0 : (size_t)n;
            if (vfs_remove(s->xpath) == 0) {
                s->existed = false;
                ssize_t m = vfs_write(&s->file, data + done, len - done);
                n = m < 0 ? m : (ssize_t)(done + (size_t)m);
            }
        }
        r = n < 0 ? (int)n : (size_t)n < len ? -ENOSPC : 0;
    } else {
        return -EINVAL;
    }
    if (r < 0) {
        char line[80];
        snprintf(line, sizeof(line), "451 Write error: %s.", ftp_reason(r));
        xfer_fail(s, line);
    }
    return r;
}

/* The client sent all of an upload: make it visible. */
static void upload_commit(ftp_session_t *s) {
    char msg[160];
    int r = 0;
    msg[0] = '\0';
    if (s->xfer == FTP_X_SPECIAL) {
        r = s->io->special_end(s->io->ctx, true, msg, sizeof(msg));
        s->xfer = FTP_X_NONE;
    } else {
        r = vfs_close(&s->file);
        s->file_open = false;
        if (r == 0 && s->tmppath[0] != '\0') {
            r = vfs_remove(s->xpath);
            if (r == -ENOENT) {
                r = 0;
            }
            if (r == 0) {
                r = vfs_rename(s->tmppath, s->xpath);
            }
        }
        if (r < 0 && s->tmppath[0] != '\0') {
            vfs_remove(s->tmppath);
        }
    }
    xfer_finish(s);
    if (r < 0) {
        if (msg[0] != '\0') {
            reply(s, "451 %s", msg);
        } else {
            reply(s, "451 Write error: %s.", ftp_reason(r));
        }
        return;
    }
    reply(s, "226 Transfer complete.");
}

void ftp_data_end(ftp_session_t *s, ftp_end_t how) {
    if (s->xfer == FTP_X_NONE) {
        return;
    }
    if (how == FTP_END_IDLE) {
        xfer_fail(s, "426 Data connection idle for 5 s; transfer aborted.");
    } else if (how == FTP_END_LOST) {
        xfer_fail(s, "426 Data connection lost; transfer aborted.");
    } else if (ftp_xfer_is_upload(s)) {
        upload_commit(s);
    } else {
        xfer_finish(s);
        reply(s, "226 Transfer complete.");
    }
}

/* The common start of every transfer: PASV first, then 150. */
static bool xfer_ready(ftp_session_t *s) {
    if (s->xfer != FTP_X_NONE) {
        reply(s, "425 A transfer is already in progress.");
        return false;
    }
    if (!s->passive) {
        reply(s, "425 Use PASV or EPSV first.");
        return false;
    }
    return true;
}

static void xfer_go(ftp_session_t *s, ftp_xfer_t kind) {
    s->xfer = kind;
    s->passive = false;
    s->rest = 0;
    reply(s, "150 Opening data connection.");
    s->io->transfer(s->io->ctx);
}

/* The name at the end of a path (for listing a single file). */
static const char *base_name(const char *path) {
    const char *b = strrchr(path, '/');
    return b != NULL ? b + 1 : path;
}

static void cmd_list(ftp_session_t *s, ftp_xfer_t kind, const char *arg) {
    if (!xfer_ready(s)) {
        return;
    }
    /* "LIST -la [path]": ls options are skipped (clients send them; there's nothing to vary) */
    while (kind == FTP_X_LIST && arg[0] == '-') {
        while (*arg != '\0' && *arg != ' ') {
            arg++;
        }
        while (*arg == ' ') {
            arg++;
        }
    }
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg[0] != '\0' ? arg : ".", path)) {
        return;
    }
    vfs_stat_t st;
    int r = strcmp(path, "/") == 0 ? 0 : vfs_stat(path, &st);
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    if (r == 0 && strcmp(path, "/") != 0 && !st.is_dir) {
        if (kind == FTP_X_MLSD) {
            reply(s, "501 Not a directory.");
            return;
        }
        memset(&s->ent, 0, sizeof(s->ent));
        snprintf(s->ent.name, sizeof(s->ent.name), "%s", base_name(path));
        s->ent.st = st;
        s->single = true;
    } else {
        r = vfs_opendir(&s->dir, path);
        if (r < 0) {
            reply(s, "550 %s.", ftp_reason(r));
            return;
        }
        s->dir_open = true;
        s->single = false;
    }
    snprintf(s->xpath, sizeof(s->xpath), "%s", path);
    s->out_len = s->out_pos = 0;
    xfer_go(s, kind);
}

static void cmd_retr(ftp_session_t *s, const char *arg) {
    if (!xfer_ready(s)) {
        return;
    }
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    int r = vfs_open(&s->file, path, VFS_O_RDONLY);
    if (r == 0 && s->rest > 0 && vfs_seek(&s->file, s->rest, 0) < 0) {
        vfs_close(&s->file);
        r = -EINVAL;
    }
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    s->file_open = true;
    snprintf(s->xpath, sizeof(s->xpath), "%s", path);
    xfer_go(s, FTP_X_RETR);
}

/* STOR (append=false) and APPE. A plain STOR writes a temporary file beside the target and
 * renames it at the end; APPE and STOR after REST write the file itself and cut it back. */
static void cmd_stor(ftp_session_t *s, const char *arg, bool append) {
    if (!xfer_ready(s)) {
        return;
    }
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    snprintf(s->xpath, sizeof(s->xpath), "%s", path);
    s->tmppath[0] = '\0';
    if (s->io->special_begin != NULL && !append && s->rest == 0) {
        int r = s->io->special_begin(s->io->ctx, path);
        if (r == 0) {
            xfer_go(s, FTP_X_SPECIAL);
            return;
        }
        if (r < 0) {
            reply(s, "550 %s.", ftp_reason(r));
            return;
        }
    }
    vfs_stat_t st;
    int r = vfs_stat(path, &st);
    if (r == 0 && st.is_dir) {
        reply(s, "550 %s.", ftp_reason(EISDIR));
        return;
    }
    s->existed = r == 0;
    s->orig_size = r == 0 ? st.size : 0;
    if (!append && s->rest == 0) {
        /* the temporary name: ".<name>.part" in the same folder */
        const char *b = base_name(path);
        int n = snprintf(s->tmppath, sizeof(s->tmppath), "%.*s.%s.part", (int)(b - path), path, b);
        if (n < 0 || (size_t)n >= sizeof(s->tmppath)) {
            s->tmppath[0] = '\0';
            reply(s, "550 %s.", ftp_reason(ENAMETOOLONG));
            return;
        }
        r = vfs_open(&s->file, s->tmppath, VFS_O_WRONLY | VFS_O_CREAT | VFS_O_TRUNC);
        if (r < 0) {
            s->tmppath[0] = '\0';
        }
    } else {
        r = vfs_open(&s->file, path, VFS_O_WRONLY | VFS_O_CREAT);
        if (r == 0) {
            int64_t at = append ? (int64_t)s->orig_size : (int64_t)s->rest;
            if (at > (int64_t)s->orig_size) {
                vfs_close(&s->file);
                if (!s->existed) {
                    vfs_remove(path);
                }
                reply(s, "550 Restart position past the end of the file.");
                return;
            }
            vfs_seek(&s->file, at, 0);
        }
    }
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    s->file_open = true;
    xfer_go(s, FTP_X_STOR);
}

/* ---- the other commands ---- */

static void cmd_pasv(ftp_session_t *s, bool extended) {
    uint8_t ip[4];
    int port = 0;
    int r = s->io->passive(s->io->ctx, ip, &port);
    if (r < 0) {
        reply(s, "425 Can't open data connection.");
        return;
    }
    s->passive = true;
    if (extended) {
        reply(s, "229 Entering Extended Passive Mode (|||%d|)", port);
    } else {
        reply(s, "227 Entering Passive Mode (%u,%u,%u,%u,%d,%d)", ip[0], ip[1], ip[2], ip[3], port >> 8, port & 255);
    }
}

static void cmd_cwd(ftp_session_t *s, const char *arg) {
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    vfs_stat_t st;
    if (strcmp(path, "/") != 0) {
        int r = vfs_stat(path, &st);
        if (r < 0 || !st.is_dir) {
            reply(s, "550 %s.", ftp_reason(r < 0 ? r : -ENOTDIR));
            return;
        }
    }
    memcpy(s->cwd, path, sizeof(s->cwd));
    reply(s, "250 Directory changed to \"%s\".", s->cwd);
}

static void cmd_stat_file(ftp_session_t *s, const char *arg, bool mdtm) {
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    vfs_stat_t st;
    int r = strcmp(path, "/") == 0 ? -EISDIR : vfs_stat(path, &st);
    if (r == 0 && st.is_dir) {
        r = -EISDIR;
    }
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    if (mdtm) {
        char mt[15];
        fmt_mtime14(mt, &st.mtime);
        reply(s, "213 %s", mt);
    } else {
        reply(s, "213 %u", (unsigned)st.size);
    }
}

static void cmd_mlst(ftp_session_t *s, const char *arg) {
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg[0] != '\0' ? arg : ".", path)) {
        return;
    }
    vfs_dirent_t e;
    memset(&e, 0, sizeof(e));
    if (strcmp(path, "/") == 0) {
        e.st.is_dir = true;
        e.st.mtime = (fat_time_t){2000, 1, 1, 0, 0, 0};
    } else {
        int r = vfs_stat(path, &e.st);
        if (r < 0) {
            reply(s, "550 %s.", ftp_reason(r));
            return;
        }
    }
    snprintf(e.name, sizeof(e.name), "%s", path);
    char line[FTP_LINE_MAX + 200];
    fmt_entry(FTP_X_MLSD, &e, line, sizeof(line));
    reply(s, "250-Listing %s\r\n %.*s\r\n250 End.", path, (int)strlen(line) - 2, line);
}

static void cmd_name_op(ftp_session_t *s, const char *verb, const char *arg) {
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    int r;
    if (strcmp(verb, "DELE") == 0) {
        vfs_stat_t st;
        r = vfs_stat(path, &st);
        if (r == 0 && st.is_dir) {
            r = -EISDIR;
        }
        if (r == 0) {
            r = vfs_remove(path);
        }
        if (r == 0) {
            reply(s, "250 File deleted.");
            return;
        }
    } else if (strcmp(verb, "RMD") == 0 || strcmp(verb, "XRMD") == 0) {
        r = vfs_rmdir(path);
        if (r == 0) {
            /* the cwd inside the removed folder can't stay there */
            reply(s, "250 Directory removed.");
            return;
        }
    } else { /* MKD, XMKD */
        r = vfs_mkdir(path);
        if (r == 0) {
            reply(s, "257 \"%s\" created", path);
            return;
        }
    }
    reply(s, "550 %s.", ftp_reason(r));
}

static void cmd_rnto(ftp_session_t *s, const char *arg) {
    if (!s->rnfr_set) {
        reply(s, "503 RNFR first.");
        return;
    }
    s->rnfr_set = false;
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    int r = vfs_rename(s->rnfr, path);
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    reply(s, "250 Rename successful.");
}

static void cmd_rnfr(ftp_session_t *s, const char *arg) {
    char path[VFS_PATH_MAX + 1];
    if (!ftp_path(s, arg, path)) {
        return;
    }
    vfs_stat_t st;
    int r = vfs_stat(path, &st);
    if (r < 0) {
        reply(s, "550 %s.", ftp_reason(r));
        return;
    }
    memcpy(s->rnfr, path, sizeof(s->rnfr));
    s->rnfr_set = true;
    reply(s, "350 Ready for RNTO.");
}

static void cmd_rest(ftp_session_t *s, const char *arg) {
    uint64_t v = 0;
    const char *p = arg;
    if (*p == '\0') {
        reply(s, "501 Bad restart position.");
        return;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        v = v * 10u + (uint64_t)(*p - '0');
        if (v > 0xffffffffu) {
            break;
        }
    }
    if (*p != '\0') {
        reply(s, "501 Bad restart position.");
        return;
    }
    s->rest = (uint32_t)v;
    reply(s, "350 Restarting at %u.", (unsigned)s->rest);
}

static void cmd_type(ftp_session_t *s, const char *arg) {
    char t = arg[0] >= 'a' && arg[0] <= 'z' ? (char)(arg[0] - 32) : arg[0];
    if ((t == 'A' || t == 'I') && (arg[1] == '\0' || (t == 'A' && strcmp(arg + 1, " N") == 0))) {
        reply(s, "200 Type set to %c.", t);
    } else if ((t == 'L') && strcmp(arg + 1, " 8") == 0) {
        reply(s, "200 Type set to L 8.");
    } else {
        reply(s, "504 Type not supported.");
    }
}

static void cmd_opts(ftp_session_t *s, const char *arg) {
    if (strcasecmp(arg, "UTF8 ON") == 0 || strcasecmp(arg, "UTF8") == 0) {
        reply(s, "200 UTF8 mode is always on.");
    } else if (strncasecmp(arg, "MLST", 4) == 0 && (arg[4] == ' ' || arg[4] == '\0')) {
        reply(s, "200 MLST OPTS type;size;modify;");
    } else {
        reply(s, "501 Option not understood.");
    }
}

static void cmd_pass(ftp_session_t *s, const char *arg) {
    bool ok = s->user_given && !s->user_too_long && strlen(arg) <= FTP_CRED_MAX &&
              strcmp(s->user, s->want_user) == 0 && strcmp(arg, s->want_pass) == 0;
    s->user_given = false;
    if (ok) {
        s->logged_in = true;
        reply(s, "230 User logged in.");
    } else {
        s->logged_in = false;
        reply(s, "530 Login incorrect.");
    }
}

/* Verbs that take an argument; a missing one is a 501. */
static bool needs_arg(const char *v) {
    static const char *const with_arg[] = {"CWD", "XCWD", "RETR", "STOR", "APPE", "SIZE", "MDTM", "DELE", "RMD",
        "XRMD", "MKD", "XMKD", "RNFR", "RNTO", "REST", "TYPE", "USER", "OPTS", "MODE", "STRU"};
    for (size_t i = 0; i < sizeof(with_arg) / sizeof(with_arg[0]); i++) {
        if (strcmp(v, with_arg[i]) == 0) {
            return true;
        }
    }
    return false;
}

static void ftp_command(ftp_session_t *s, char *line, size_t len) {
    if (memchr(line, '\0', len) != NULL) {
        reply(s, "501 Syntax error in command.");
        return;
    }
    char verb[8];
    size_t i = 0;
    while (i < len && line[i] != ' ' && i < sizeof(verb) - 1) {
        char c = line[i];
        verb[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
        i++;
    }
    verb[i] = '\0';
    if (i < len && line[i] != ' ') {
        reply(s, "502 Command not implemented.");
        return;
    }
    const char *arg = i < len ? line + i + 1 : "";
    if (strcmp(verb, "QUIT") == 0) {
        if (s->xfer != FTP_X_NONE && ftp_xfer_is_upload(s)) {
            upload_undo(s);
        }
        xfer_finish(s);
        reply(s, "221 Goodbye.");
        s->closed = true;
        return;
    }
    if (strcmp(verb, "FEAT") == 0) {
        reply(s, "211-Features:\r\n SIZE\r\n MDTM\r\n UTF8\r\n EPSV\r\n PASV\r\n MLST type*;size*;modify*;\r\n"
                 " REST STREAM\r\n211 End");
        return;
    }
    if (arg[0] == '\0' && needs_arg(verb)) {
        reply(s, "501 Missing argument.");
        return;
    }
    if (strcmp(verb, "USER") == 0) {
        size_t n = strlen(arg);
        s->user_too_long = n > FTP_CRED_MAX;
        snprintf(s->user, sizeof(s->user), "%s", arg);
        s->user_given = true;
        s->logged_in = false;
        reply(s, "331 User name okay, need password.");
        return;
    }
    if (strcmp(verb, "PASS") == 0) {
        cmd_pass(s, arg);
        return;
    }
    if (!s->logged_in) {
        reply(s, "530 Please log in with USER and PASS.");
        return;
    }
    if (strcmp(verb, "SYST") == 0) {
        reply(s, "215 UNIX Type: L8");
    } else if (strcmp(verb, "PWD") == 0 || strcmp(verb, "XPWD") == 0) {
        reply(s, "257 \"%s\"", s->cwd);
    } else if (strcmp(verb, "CWD") == 0 || strcmp(verb, "XCWD") == 0) {
        cmd_cwd(s, arg);
    } else if (strcmp(verb, "CDUP") == 0 || strcmp(verb, "XCUP") == 0) {
        cmd_cwd(s, "..");
    } else if (strcmp(verb, "TYPE") == 0) {
        cmd_type(s, arg);
    } else if (strcmp(verb, "MODE") == 0) {
        reply(s, (arg[0] == 'S' || arg[0] == 's') && arg[1] == '\0' ? "200 Mode set to S." : "504 Mode not supported.");
    } else if (strcmp(verb, "STRU") == 0) {
        reply(s, (arg[0] == 'F' || arg[0] == 'f') && arg[1] == '\0' ? "200 Structure set to F." : "504 Structure not supported.");
    } else if (strcmp(verb, "PASV") == 0) {
        cmd_pasv(s, false);
    } else if (strcmp(verb, "EPSV") == 0) {
        if (strcasecmp(arg, "ALL") == 0) {
            reply(s, "200 EPSV ALL accepted.");
        } else {
            cmd_pasv(s, true);
        }
    } else if (strcmp(verb, "PORT") == 0 || strcmp(verb, "EPRT") == 0) {
        reply(s, "502 Active mode not supported, use PASV or EPSV.");
    } else if (strcmp(verb, "LIST") == 0) {
        cmd_list(s, FTP_X_LIST, arg);
    } else if (strcmp(verb, "NLST") == 0) {
        cmd_list(s, FTP_X_NLST, arg);
    } else if (strcmp(verb, "MLSD") == 0) {
        cmd_list(s, FTP_X_MLSD, arg);
    } else if (strcmp(verb, "MLST") == 0) {
        cmd_mlst(s, arg);
    } else if (strcmp(verb, "RETR") == 0) {
        cmd_retr(s, arg);
        s->rest = 0; /* a restart position serves one transfer, even one refused */
    } else if (strcmp(verb, "STOR") == 0) {
        cmd_stor(s, arg, false);
        s->rest = 0;
    } else if (strcmp(verb, "APPE") == 0) {
        cmd_stor(s, arg, true);
        s->rest = 0;
    } else if (strcmp(verb, "REST") == 0) {
        cmd_rest(s, arg);
    } else if (strcmp(verb, "SIZE") == 0) {
        cmd_stat_file(s, arg, false);
    } else if (strcmp(verb, "MDTM") == 0) {
        cmd_stat_file(s, arg, true);
    } else if (strcmp(verb, "DELE") == 0 || strcmp(verb, "RMD") == 0 || strcmp(verb, "XRMD") == 0 ||
               strcmp(verb, "MKD") == 0 || strcmp(verb, "XMKD") == 0) {
        cmd_name_op(s, verb, arg);
    } else if (strcmp(verb, "RNFR") == 0) {
        cmd_rnfr(s, arg);
    } else if (strcmp(verb, "RNTO") == 0) {
        cmd_rnto(s, arg);
    } else if (strcmp(verb, "NOOP") == 0) {
        reply(s, "200 OK.");
    } else if (strcmp(verb, "OPTS") == 0) {
        cmd_opts(s, arg);
    } else if (strcmp(verb, "ABOR") == 0) {
        if (s->xfer != FTP_X_NONE) {
            xfer_fail(s, "426 Transfer aborted.");
            reply(s, "226 Abort successful.");
        } else {
            reply(s, "225 No transfer to abort.");
        }
    } else {
        reply(s, "502 Command not implemented.");
    }
}

void ftp_start(ftp_session_t *s, const char *user, const char *pass, const ftp_io_t *io) {
    memset(s, 0, sizeof(*s));
    s->io = io;
    s->want_user = user;
    s->want_pass = pass;
    s->file.mount = -1;
    strcpy(s->cwd, "/");
    reply(s, "220 MicroPython FTP Server");
}

void ftp_input(ftp_session_t *s, const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len && !s->closed; i++) {
        uint8_t c = data[i];
        if (c != '\n') {
            if (s->line_len < FTP_LINE_MAX) {
                s->line[s->line_len++] = (char)c;
            } else {
                s->line_overflow = true;
            }
            continue;
        }
        size_t n = s->line_len;
        if (n > 0 && s->line[n - 1] == '\r') {
            n--;
        }
        s->line[n] = '\0';
        bool overflow = s->line_overflow;
        s->line_len = 0;
        s->line_overflow = false;
        if (overflow) {
            reply(s, "500 Command line too long.");
        } else {
            ftp_command(s, s->line, n);
        }
    }
}

void ftp_end(ftp_session_t *s) {
    if (ftp_xfer_is_upload(s)) {
        upload_undo(s);
    }
    xfer_finish(s);
    s->closed = true;
}

void ftp_idle_timeout(ftp_session_t *s) {
    ftp_end(s);
    reply(s, "221 Idle timeout; closing the connection.");
}
