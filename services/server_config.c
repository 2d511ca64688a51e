/* services/server_config.c: the one instance of the servers' settings, with the defaults, and the
 * idle timeout both servers apply to their sessions. */
#include "services/server_config.h"

server_config_t server_config = {"micro", "python", SERVER_TIMEOUT_DEFAULT, true};

static uint64_t server_timeout_us(void) { return (uint64_t)server_config.timeout_s * 1000000u; }

bool server_idle_expired(uint64_t last_activity) { return el_now_us() - last_activity >= server_timeout_us(); }

void server_idle_arm(int *timer, uint64_t last_activity, el_timer_cb_t cb) {
    if (*timer != 0) {
        el_timer_cancel(*timer);
    }
    *timer = el_timer_at(last_activity + server_timeout_us(), cb, NULL);
}
