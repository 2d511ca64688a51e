/* services/telnet_proto.h: the telnet session of the WiPy (spec §10) as a pure state machine:
 * bytes from the client go in, bytes for the client and bytes for the REPL come out through
 * callbacks. No sockets here, so every byte of the login dialogue is testable on its own.
 * IAC sequences are consumed (never reach the REPL), NUL is dropped, '\n' after '\r' is dropped. */
#ifndef SERVICES_TELNET_PROTO_H
#define SERVICES_TELNET_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TN_MAX_CRED 32
#define TN_MAX_TRIES 3

typedef enum { TN_USER, TN_PASS, TN_LOGGED_IN, TN_CLOSED } tn_state_t;

typedef struct {
    void (*to_client)(void *ctx, const uint8_t *data, size_t len);
    void (*to_repl)(void *ctx, const uint8_t *data, size_t len); /* after login */
    void *ctx;
} tn_io_t;

typedef struct {
    tn_state_t state;
    int failures;
    char user[TN_MAX_CRED + 1];
    size_t user_len;
    char pass[TN_MAX_CRED + 1];
    size_t pass_len;
    bool too_long;   /* the line being typed went past TN_MAX_CRED */
    int iac;         /* IAC parser state */
    bool last_cr;    /* previous data byte was '\r' */
    const char *want_user;
    const char *want_pass;
    const char *banner; /* "MicroPython ... WiPy with CC3200" (without line end) */
} tn_session_t;

/* Starts a session: sends the banner, the negotiation and "Login as: ". */
void tn_start(tn_session_t *s, const char *banner, const char *user, const char *pass, const tn_io_t *io);
/* Feeds bytes from the client. */
void tn_input(tn_session_t *s, const uint8_t *data, size_t len, const tn_io_t *io);

#endif
