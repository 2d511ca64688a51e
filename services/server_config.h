/* services/server_config.h: the settings network.Server controls, shared by the telnet and FTP
 * servers (spec §7): credentials, idle timeout, and whether the servers run. They survive a soft
 * reset; a hard reset (a new process) starts from the defaults. */
#ifndef SERVICES_SERVER_CONFIG_H
#define SERVICES_SERVER_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

#include "host/event_loop.h"

#define SERVER_CRED_MAX 32
#define SERVER_TIMEOUT_DEFAULT 300
#define SERVER_USER_DEFAULT "micro"
#define SERVER_PASS_DEFAULT "python"
#define SERVER_TIMEOUT_MIN 5

typedef struct {
    char user[SERVER_CRED_MAX + 1];
    char pass[SERVER_CRED_MAX + 1];
    int timeout_s;
    bool enabled;
} server_config_t;

extern server_config_t server_config; /* defaults: micro / python, 300 s, enabled */

/* A session's idle timeout, shared by telnet and FTP: whether a session last active at
 * last_activity (µs, el_now_us) has been idle for the server timeout, and (re)arming *timer (0: none)
 * to call cb when it would be. */
bool server_idle_expired(uint64_t last_activity);
void server_idle_arm(int *timer, uint64_t last_activity, el_timer_cb_t cb);

#endif
