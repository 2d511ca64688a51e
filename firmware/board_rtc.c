/* firmware/board_rtc.c: the RTC's battery in board mode (spec §5 RTC): its value and alarm are
 * written to the state directory's `rtc` file at every reset and power-off and read back at start,
 * so the RTC outlives soft and hard resets, deepsleep and restarts; a power cycle (or a fresh
 * state directory) starts it at 2015-01-01. Invariant: the file is one line of 4 integers. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "board/rtc.h"
#include "board/wdt.h"
#include "firmware/board.h"
#include "host/host_fs.h"

static char rtc_path[300];

void board_rtc_load(const char *state_dir) {
    rtc_power_on();
    wdt_power_on();
    snprintf(rtc_path, sizeof(rtc_path), "%s/rtc", state_dir);
    size_t len;
    char *text = host_read_file(rtc_path, &len);
    if (text == NULL) {
        return;
    }
    int64_t now;
    uint64_t left, period;
    int repeat;
    if (sscanf(text, "%" SCNd64 " %" SCNu64 " %" SCNu64 " %d", &now, &left, &period, &repeat) == 4) {
        rtc_set_us(now);
        if (left > 0) {
            rtc_alarm_restore(left, period, repeat != 0);
        }
    }
    free(text);
}

void board_rtc_save(bool keep) {
    if (rtc_path[0] == '\0') {
        return;
    }
    if (!keep) {
        host_remove(rtc_path); /* a power cycle: the RTC starts again at its power-on value */
        return;
    }
    char line[96];
    int n = snprintf(line, sizeof(line), "%" PRId64 " %" PRIu64 " %" PRIu64 " %d\n", rtc_now_us(), rtc_alarm_left_ms(),
        rtc_alarm_period_ms(), rtc_alarm_repeat() ? 1 : 0);
    int fd = host_file_open(rtc_path, HOST_O_WRITE | HOST_O_CREAT | HOST_O_TRUNC);
    if (fd >= 0) {
        host_file_write(fd, line, (size_t)n);
        host_file_close(fd);
    }
}
