/* services/ota.c: boot info and the uploads that go to the hidden store. A firmware upload is
 * streamed into the inactive update slot's temporary file; only a complete upload is committed
 * (renamed over the slot) and only then is the boot info rewritten to point at it, so a kill at
 * any instant leaves either the old boot info (the old image runs) or the new one with its image
 * whole. Certificates replace their blob the same way. */
#include "services/ota.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "services/ftp.h"

const char *const ota_slot_key[OTA_SLOTS] = {"factimg.bin", "updtimg1.bin", "updtimg2.bin"};

static const struct {
    const char *path, *key;
} ota_special[] = {
    {"/flash/sys/mcuimg.bin", NULL}, /* NULL: the firmware */
    {"/flash/cert/ca.pem", "ca.pem"},
    {"/flash/cert/cert.pem", "cert.pem"},
    {"/flash/cert/private.key", "private.key"},
};

static struct {
    const hstore_t *hs;
    hstore_writer_t w;
    bool writing, firmware;
    int slot;
} ota;

void ota_bootinfo_read(const hstore_t *hs, ota_bootinfo_t *bi) {
    uint8_t b[4];
    ssize_t n = hstore_get(hs, OTA_BOOTINFO_KEY, b, sizeof(b));
    if (n != 4 || b[0] >= OTA_SLOTS || b[1] > OTA_STATUS_READY || b[2] >= OTA_SLOTS) {
        *bi = (ota_bootinfo_t){OTA_SLOT_FACTORY, OTA_STATUS_READY, OTA_SLOT_FACTORY, 0};
        return;
    }
    *bi = (ota_bootinfo_t){b[0], b[1], b[2], b[3]};
}

int ota_bootinfo_write(const hstore_t *hs, const ota_bootinfo_t *bi) {
    uint8_t b[4] = {bi->active, bi->status, bi->previous, 0};
    return hstore_put(hs, OTA_BOOTINFO_KEY, b, sizeof(b));
}

void ota_init(const hstore_t *hs) {
    ota.hs = hs;
    ftp_server_set_special(ota_upload_begin, ota_upload_write, ota_upload_end);
}

int ota_upload_begin(void *ctx, const char *path) {
    for (size_t i = 0; i < sizeof(ota_special) / sizeof(ota_special[0]); i++) {
        if (strcasecmp(path, ota_special[i].path) != 0) {
            continue;
        }
        if (ota.hs == NULL) {
            return -EACCES;
        }
        if (ota.writing) {
            hstore_abort(&ota.w);
        }
        const char *key = ota_special[i].key;
        ota.firmware = key == NULL;
        if (ota.firmware) {
            ota_bootinfo_t bi;
            ota_bootinfo_read(ota.hs, &bi);
            ota.slot = bi.active == OTA_SLOT_UPDATE1 ? OTA_SLOT_UPDATE2 : OTA_SLOT_UPDATE1;
            key = ota_slot_key[ota.slot];
        }
        int r = hstore_begin(ota.hs, key, &ota.w);
        if (r < 0) {
            return r;
        }
        ota.writing = true;
        return 0;
    }
    return 1;
}

int ota_upload_write(void *ctx, const void *data, size_t len) {
    return ota.writing ? hstore_append(&ota.w, data, len) : -EBADF;
}

int ota_upload_end(void *ctx, bool ok, char *msg, size_t cap) {
    if (!ota.writing) {
        return -EBADF;
    }
    ota.writing = false;
    if (!ok) {
        hstore_abort(&ota.w);
        return 0;
    }
    if (ota.firmware && ota.w.len <= OTA_MD5_HEX) {
        hstore_abort(&ota.w);
        snprintf(msg, cap, "Firmware image refused: %u bytes can't hold an image and its MD5.", (unsigned)ota.w.len);
        return -EINVAL;
    }
    int r = hstore_commit(&ota.w);
    if (r < 0 || !ota.firmware) {
        return r;
    }
    /* the image is whole in its slot: now point the boot info at it (checked at the next reset) */
    ota_bootinfo_t bi;
    ota_bootinfo_read(ota.hs, &bi);
    bi.previous = bi.active;
    bi.active = (uint8_t)ota.slot;
    bi.status = OTA_STATUS_CHECK;
    return ota_bootinfo_write(ota.hs, &bi);
}
