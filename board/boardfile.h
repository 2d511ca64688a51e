/* board/boardfile.h: the board file (`--board FILE`), JSON in the shape of Wokwi's diagram.json:
 * "parts" (the WiPy, push buttons, LEDs, potentiometers, voltage sources) and "connections"
 * (["wipy:GP12", "wipy:GP17"], ["btn1:1", "wipy:GP10"], ["btn1:2", "wipy:GND"], ...), plus sections
 * that later peripherals read ("i2c", "spi", "sd", "wlan", "uart"), kept as JSON text. Parsing takes the text (the
 * caller reads the file) and either applies all of it or nothing.
 * Invariant: on error, one line naming the file, the line or key, and what is wrong. */
#ifndef BOARD_BOARDFILE_H
#define BOARD_BOARDFILE_H

#include <stddef.h>

/* Checks and applies a board file's text (wires and parts on the board). Returns 0, or -1 with a
 * one-line message (no newline) in err. `name` is the file's name for messages. */
int boardfile_apply(const char *name, const char *text, size_t len, char *err, size_t err_len);
/* A reserved section ("i2c", "spi", "sd", "wlan", "uart") of the last applied file as compact JSON, or NULL. */
const char *boardfile_section(const char *key);

#endif
