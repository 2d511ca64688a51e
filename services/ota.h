/* services/ota.h: the firmware slots and boot info in the hidden store (spec §12) and the uploads
 * FTP hands to it instead of the FAT volume: /flash/sys/mcuimg.bin (into the update slot that is
 * not active, then the boot info armed) and the certificates /flash/cert/{ca.pem,cert.pem,
 * private.key} (spec §13). The bootloader (firmware/bootloader.c) reads and updates the same boot
 * info. Every write is atomic (hstore: temporary file, fsync, rename): a kill leaves old or new. */
#ifndef SERVICES_OTA_H
#define SERVICES_OTA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "storage/hidden_store.h"

enum { OTA_SLOT_FACTORY = 0, OTA_SLOT_UPDATE1 = 1, OTA_SLOT_UPDATE2 = 2, OTA_SLOTS = 3 };
enum { OTA_STATUS_CHECK = 0, OTA_STATUS_READY = 1 };
#define OTA_MD5_HEX 32 /* an image ends with the MD5 of the rest, 32 lowercase hex digits */

typedef struct {
    uint8_t active, status, previous, pad; /* bootinfo.bin, byte for byte */
} ota_bootinfo_t;

extern const char *const ota_slot_key[OTA_SLOTS]; /* factimg.bin, updtimg1.bin, updtimg2.bin */
#define OTA_BOOTINFO_KEY "bootinfo.bin"

/* The boot info; missing or invalid: the default 00 01 00 00 (factory, ready). */
void ota_bootinfo_read(const hstore_t *hs, ota_bootinfo_t *bi);
int ota_bootinfo_write(const hstore_t *hs, const ota_bootinfo_t *bi);

/* The hidden store FTP uploads go to, and the check of an image's signature when OTA needs one
 * (--ota-key; NULL: MD5 only, as the WiPy). Registers the upload hooks with the FTP server. */
void ota_init(const hstore_t *hs);

/* Authenticity beyond the board (--ota-key): when required (the board listens beyond loopback),
 * a firmware image must carry an ECDSA P-256 signature of its executable made with the private
 * key matching the public key in pem_path (NULL: none, so every image is refused); on loopback
 * (required false) the key is only checked to be usable: the WiPy's MD5-only behaviour stays. The signed
 * layout: executable, DER signature, its length (2 bytes, big endian), "WIPYSIG1", MD5 trailer.
 * Returns 0, or -1 with a one-line reason in msg (a key that can't be read or isn't P-256). */
int ota_require_signature(const char *pem_path, bool required, char *msg, size_t cap);

/* FTP's special-upload hooks (services/ftp_proto.h). */
int ota_upload_begin(void *ctx, const char *path);
int ota_upload_write(void *ctx, const void *data, size_t len);
int ota_upload_end(void *ctx, bool ok, char *msg, size_t cap);

#endif
