/* board/i2c_boardfile.h: the board file's "i2c" section into devices on the I2C bus
 * (board/i2c_boardfile.c). Invariant: all of the section or nothing is attached. */
#ifndef BOARD_I2C_BOARDFILE_H
#define BOARD_I2C_BOARDFILE_H

#include <stddef.h>

/* json: the section's compact JSON (boardfile_section("i2c")), or NULL for none. 0, or -1 with a
 * one-line message (no newline) in err. Replaces whatever was on the bus. */
int i2c_boardfile_apply(const char *json, char *err, size_t err_len);

#endif
