/* services/server_config.c: the one instance of the servers' settings, with the defaults. */
#include "services/server_config.h"

server_config_t server_config = {"micro", "python", SERVER_TIMEOUT_DEFAULT, true};
