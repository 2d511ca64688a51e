/* firmware/bootloader.h: what runs at every hard reset (power-on, machine.reset(), WDT) before the
 * firmware (spec §12): records a build "flashed over the cable" as the factory image, checks a
 * freshly uploaded image's MD5 (falling back, and deleting it, when it is bad), then picks the
 * image to run: the active one, or the safe-boot choice (board/safe_boot.h watches GP28 for it). */
#ifndef FIRMWARE_BOOTLOADER_H
#define FIRMWARE_BOOTLOADER_H

#include <stddef.h>
#include <stdint.h>

#include "board/safe_boot.h"
#include "storage/hidden_store.h"

/* self: the executable of this process (the bootloader and factory firmware). Returns the slot to
 * run (0: the factory image, i.e. this process goes on booting), or -1 with a one-line reason in
 * msg when the board can't boot. Lines worth showing (a fallback) are put in note ("" if none). */
int bootloader_run(const hstore_t *hs, const char *self, safe_boot_t safe, char *note, size_t cap);

/* The MD5 of the first len bytes of a file as 32 lowercase hex digits; 0 or a negative errno. */
int bootloader_file_md5(const char *path, uint64_t len, char hex[33]);

#endif
