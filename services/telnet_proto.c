/* services/telnet_proto.c: the telnet login dialogue and input filtering, byte for byte as spec
 * §10 gives them. The IAC parser survives sequences split across reads; the login reads lines
 * ending at '\r' (a line longer than 32 characters can never match, but is read to its end). */
#include "services/telnet_proto.h"

#include <string.h>

#define IAC 255
#define SB 250
#define SE 240
#define WILL 251
#define WONT 252
#define DO 253
#define DONT 254

enum { IAC_DATA, IAC_SEEN, IAC_OPTION, IAC_SUB, IAC_SUB_IAC };

static const uint8_t NEG_LOGIN[] = {IAC, WONT, 1, IAC, WONT, 3, IAC, WILL, 34};
static const uint8_t NEG_PASSWORD[] = {IAC, WILL, 1, IAC, WONT, 3, IAC, WILL, 34};
static const uint8_t NEG_SESSION[] = {IAC, WILL, 1, IAC, WILL, 3, IAC, WONT, 34};

static void send_str(const tn_io_t *io, const char *s) { io->to_client(io->ctx, (const uint8_t *)s, strlen(s)); }

static void ask_user(tn_session_t *s, const tn_io_t *io) {
    io->to_client(io->ctx, NEG_LOGIN, sizeof(NEG_LOGIN));
    send_str(io, "Login as: ");
    s->state = TN_USER;
    s->user_len = 0;
    s->too_long = false;
}

void tn_start(tn_session_t *s, const char *banner, const char *user, const char *pass, const tn_io_t *io) {
    memset(s, 0, sizeof(*s));
    s->want_user = user;
    s->want_pass = pass;
    s->banner = banner;
    send_str(io, banner);
    send_str(io, "\r\n");
    ask_user(s, io);
}

static void line_done(tn_session_t *s, const tn_io_t *io) {
    if (s->state == TN_USER) {
        s->user[s->user_len] = '\0';
        s->state = TN_PASS;
        s->pass_len = 0;
        send_str(io, "Password: ");
        io->to_client(io->ctx, NEG_PASSWORD, sizeof(NEG_PASSWORD));
        return;
    }
    /* TN_PASS */
    s->pass[s->pass_len] = '\0';
    bool ok = !s->too_long && strcmp(s->user, s->want_user) == 0 && strcmp(s->pass, s->want_pass) == 0;
    memset(s->pass, 0, sizeof(s->pass));
    if (ok) {
        io->to_client(io->ctx, NEG_SESSION, sizeof(NEG_SESSION));
        send_str(io, "\r\nLogin succeeded!\r\nType \"help()\" for more information.\r\n");
        s->state = TN_LOGGED_IN;
        return;
    }
    send_str(io, "\r\nInvalid credentials, try again.\r\n");
    if (++s->failures >= TN_MAX_TRIES) {
        s->state = TN_CLOSED;
        return;
    }
    ask_user(s, io);
}

/* One data byte (IAC already removed) during login. */
static void login_byte(tn_session_t *s, uint8_t b, const tn_io_t *io) {
    if (b == '\r') {
        line_done(s, io);
        return;
    }
    if (b == '\n') {
        return;
    }
    char *buf = s->state == TN_USER ? s->user : s->pass;
    size_t *len = s->state == TN_USER ? &s->user_len : &s->pass_len;
    if (b == 0x7f || b == 0x08) {
        if (*len > 0) {
            (*len)--;
        }
        return;
    }
    if (*len < TN_MAX_CRED) {
        buf[(*len)++] = (char)b;
    } else {
        s->too_long = true;
    }
}

void tn_input(tn_session_t *s, const uint8_t *data, size_t len, const tn_io_t *io) {
    uint8_t clean[256];
    size_t n_clean = 0;
    for (size_t i = 0; i < len && s->state != TN_CLOSED; i++) {
        uint8_t b = data[i];
        switch (s->iac) {
            case IAC_SEEN:
                if (b == IAC) {
                    s->iac = IAC_DATA; /* escaped 0xFF data byte */
                    break;
                }
                s->iac = (b == WILL || b == WONT || b == DO || b == DONT) ? IAC_OPTION : b == SB ? IAC_SUB : IAC_DATA;
                continue;
            case IAC_OPTION:
                s->iac = IAC_DATA;
                continue;
            case IAC_SUB:
                if (b == IAC) {
                    s->iac = IAC_SUB_IAC;
                }
                continue;
            case IAC_SUB_IAC:
                s->iac = b == SE ? IAC_DATA : IAC_SUB;
                continue;
            default:
                if (b == IAC) {
                    s->iac = IAC_SEEN;
                    continue;
                }
                break;
        }
        /* b is a data byte */
        if (b == 0) {
            continue;
        }
        if (b == '\n' && s->last_cr) {
            s->last_cr = false;
            continue;
        }
        s->last_cr = b == '\r';
        if (s->state != TN_LOGGED_IN) {
            login_byte(s, b, io);
            continue;
        }
        clean[n_clean++] = b;
        if (n_clean == sizeof(clean)) {
            io->to_repl(io->ctx, clean, n_clean);
            n_clean = 0;
        }
    }
    if (n_clean > 0 && s->state == TN_LOGGED_IN) {
        io->to_repl(io->ctx, clean, n_clean);
    }
}
