/* firmware/board_file.c: `--board FILE`: reads the file from the host and hands its text to
 * board/boardfile.c. A file that can't be read or is wrong: one line on stderr, nothing applied. */
#include <stdio.h>
#include <stdlib.h>

#include "board/boardfile.h"
#include "firmware/board.h"
#include "firmware/board_uart_host.h"
#include "firmware/board_wlan.h"
#include "host/host_fs.h"

int board_file_load(const char *path) {
    size_t len;
    char *text = host_read_file(path, &len);
    if (text == NULL) {
        fprintf(stderr, "wipy: %s: can't read the board file\n", path);
        return -1;
    }
    char err[512];
    int r = boardfile_apply(path, text, len, err, sizeof(err));
    free(text);
    if (r != 0) {
        fprintf(stderr, "wipy: %s\n", err);
        return r;
    }
    r = board_bus_devices_apply(path); /* the "i2c" and "spi" sections' devices (issue 10) */
    r = r != 0 ? r : board_sd_apply(path);  /* the "sd" section's card */
    r = r != 0 ? r : board_uart_host_apply(path); /* the "uart" section: UARTs on the host (issue 10) */
    return r != 0 ? r : board_wlan_apply(path); /* the "wlan" section's networks (issue 12) */
}
