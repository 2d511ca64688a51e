/* board/sd_card.h: the WiPy's SD slot: the CC3200's SD host (on or off, its CLK/CMD/DAT0 pins) and
 * the card in the slot, an image file on the host read and written in 512-byte blocks. The outside
 * inserts and removes cards (board file, --sd, the control interface); the firmware only reads and
 * writes blocks. Writes go straight to the image (no cache here), so a killed process loses nothing
 * written before it. Invariant: every access outside [0, blocks) or with no card is -EIO. */
#ifndef BOARD_SD_CARD_H
#define BOARD_SD_CARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SD_BLOCK 512u
#define SD_MIN_BLOCKS 128u /* 64 KiB: smaller images are refused as cards */
#define SD_IMAGE_MAX 1024  /* longest image path kept */

/* ---- the card ---- */

/* Puts the card whose image is `path` in the slot, its write-protect tab set if asked (a file we
 * may not write is write-protected too). 0, or a negative errno with one line (no newline) in err: no such file,
 * not a regular file, not a whole number of blocks or under SD_MIN_BLOCKS, a card already in. */
int sd_card_insert(const char *path, bool write_protect, char *err, size_t errlen);
/* Takes the card out (the image is closed); -ENODEV when the slot is empty. */
int sd_card_remove(void);
bool sd_card_present(void);
bool sd_card_readonly(void);
uint32_t sd_card_blocks(void);
const char *sd_card_image(void); /* "" when the slot is empty */
/* Changes at every insertion and removal: a mount made on one card never touches the next. */
uint32_t sd_card_generation(void);
uint64_t sd_card_reads(void);  /* blocks read since power-on */
uint64_t sd_card_writes(void); /* blocks written since power-on */

/* n blocks at lba. -EIO (no card, out of range, host error), -EROFS (write-protected). */
int sd_card_read(uint32_t lba, uint32_t n, uint8_t *buf);
int sd_card_write(uint32_t lba, uint32_t n, const uint8_t *buf);
int sd_card_sync(void); /* written through to the host's disk (fdatasync) */

/* Told after every insertion and removal (the firmware keeps the slot's state across resets). */
void sd_card_on_change(void (*fn)(void));

/* ---- the host controller ---- */

/* The pin that can carry the SD function (0 CLK, 1 CMD, 2 DAT0), as its alt index, or -1. */
int sd_host_pin_alt(int pin, int fn);
/* Turns the controller on with its pins in their SD alt function (pull-ups on), or off with the
 * pins released. */
void sd_host_init(int clk, int cmd, int dat0);
void sd_host_deinit(void);
bool sd_host_enabled(void);

#endif
