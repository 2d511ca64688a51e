/* services/server_config.h: the settings network.Server controls, shared by the telnet and FTP
 * servers (spec §7): credentials, idle timeout, and whether the servers run. They survive a soft
 * reset; a hard reset (a new process) starts from the defaults. */
#ifndef SERVICES_SERVER_CONFIG_H
#define SERVICES_SERVER_CONFIG_H

#include <stdbool.h>

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

#endif
