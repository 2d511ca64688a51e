/* firmware/bootloader.c: the WiPy's bootloader on the host (spec §12). The executable the user
 * runs is the bootloader and the factory firmware at once: when it differs from the stored factory
 * image it was "flashed over the cable" and becomes the factory image (boot info reset). A freshly
 * uploaded image (status "check") is verified against its MD5 trailer; a bad one is deleted and the
 * boot info falls back to the previous image. The boot info is rewritten atomically (hstore), so a
 * kill at any instant leaves the old or the new choice, each naming a whole image or the factory. */
#include "firmware/bootloader.h"

#include <errno.h>
#include <mbedtls/md5.h>
#include <mbedtls/version.h>
#include <stdio.h>
#include <string.h>

#include "host/host_fs.h"
#include "services/ota.h"

#if MBEDTLS_VERSION_MAJOR < 3
#define BL_MD5_START mbedtls_md5_starts_ret
#define BL_MD5_UPDATE mbedtls_md5_update_ret
#define BL_MD5_FINISH mbedtls_md5_finish_ret
#else
#define BL_MD5_START mbedtls_md5_starts
#define BL_MD5_UPDATE mbedtls_md5_update
#define BL_MD5_FINISH mbedtls_md5_finish
#endif

#define BL_CHUNK 65536

int bootloader_file_md5(const char *path, uint64_t len, char hex[33]) {
    int fd = host_file_open(path, HOST_O_READ);
    if (fd < 0) {
        return fd;
    }
    static uint8_t buf[BL_CHUNK];
    mbedtls_md5_context c;
    mbedtls_md5_init(&c);
    BL_MD5_START(&c);
    uint64_t left = len;
    int r = 0;
    while (left > 0) {
        ssize_t n = host_file_read(fd, buf, left < BL_CHUNK ? (size_t)left : BL_CHUNK);
        if (n == -EINTR) {
            continue;
        }
        if (n <= 0) {
            r = n < 0 ? (int)n : -EIO;
            break;
        }
        BL_MD5_UPDATE(&c, buf, (size_t)n);
        left -= (uint64_t)n;
    }
    host_file_close(fd);
    uint8_t sum[16];
    BL_MD5_FINISH(&c, sum);
    mbedtls_md5_free(&c);
    for (int i = 0; i < 16; i++) {
        snprintf(hex + 2 * i, 3, "%02x", sum[i]);
    }
    return r;
}

/* The last 32 bytes of a file (an image's MD5 trailer) and its size. */
static int bl_trailer(const char *path, char out[33], uint64_t *size) {
    host_stat_t st;
    int r = host_stat(path, &st);
    if (r < 0) {
        return r;
    }
    if (!st.is_file || st.size <= OTA_MD5_HEX) {
        return -EINVAL;
    }
    int fd = host_file_open(path, HOST_O_READ);
    if (fd < 0) {
        return fd;
    }
    r = host_file_seek(fd, (int64_t)st.size - OTA_MD5_HEX, 0) < 0 ? -EIO : 0;
    if (r == 0 && host_file_read(fd, out, OTA_MD5_HEX) != OTA_MD5_HEX) {
        r = -EIO;
    }
    host_file_close(fd);
    out[OTA_MD5_HEX] = '\0';
    *size = st.size;
    return r;
}

/* A slot holds an image whose body matches its MD5 trailer. */
static bool bl_image_ok(const hstore_t *hs, int slot) {
    char path[320], want[33], got[33];
    uint64_t size;
    if (hstore_path(hs, ota_slot_key[slot], path, sizeof(path)) < 0 || bl_trailer(path, want, &size) < 0) {
        return false;
    }
    return bootloader_file_md5(path, size - OTA_MD5_HEX, got) == 0 && strcmp(got, want) == 0;
}

/* The factory slot becomes self + its MD5 (written whole, then renamed in). */
static int bl_flash_factory(const hstore_t *hs, const char *self, const char *md5) {
    hstore_writer_t w;
    int r = hstore_begin(hs, ota_slot_key[OTA_SLOT_FACTORY], &w);
    if (r < 0) {
        return r;
    }
    int fd = host_file_open(self, HOST_O_READ);
    if (fd < 0) {
        hstore_abort(&w);
        return fd;
    }
    static uint8_t buf[BL_CHUNK];
    for (;;) {
        ssize_t n = host_file_read(fd, buf, sizeof(buf));
        if (n == -EINTR) {
            continue;
        }
        if (n <= 0) {
            r = (int)n;
            break;
        }
        if ((r = hstore_append(&w, buf, (size_t)n)) < 0) {
            break;
        }
    }
    host_file_close(fd);
    if (r == 0) {
        r = hstore_append(&w, md5, OTA_MD5_HEX);
    }
    if (r < 0) {
        hstore_abort(&w);
        return r;
    }
    return hstore_commit(&w);
}

int bootloader_run(const hstore_t *hs, const char *self, safe_boot_t safe, char *note, size_t cap) {
    note[0] = '\0';
    host_stat_t st;
    char self_md5[33];
    int r = host_stat(self, &st);
    if (r == 0) {
        r = bootloader_file_md5(self, st.size, self_md5);
    }
    if (r < 0) {
        snprintf(note, cap, "wipy bootloader: can't read the firmware '%s': %s", self, strerror(-r));
        return -1;
    }
    char path[320], fact_md5[33];
    uint64_t size;
    hstore_path(hs, ota_slot_key[OTA_SLOT_FACTORY], path, sizeof(path));
    if (bl_trailer(path, fact_md5, &size) < 0 || strcmp(fact_md5, self_md5) != 0) {
        /* flashed over the cable: this build is the factory image from now on */
        r = bl_flash_factory(hs, self, self_md5);
        if (r == 0) {
            ota_bootinfo_t def = {OTA_SLOT_FACTORY, OTA_STATUS_READY, OTA_SLOT_FACTORY, 0};
            r = ota_bootinfo_write(hs, &def);
        }
        if (r < 0) {
            snprintf(note, cap, "wipy bootloader: can't store the factory image: %s", strerror(-r));
            return -1;
        }
    }
    ota_bootinfo_t bi;
    ota_bootinfo_read(hs, &bi);
    if (bi.status == OTA_STATUS_CHECK) {
        if (bi.active != OTA_SLOT_FACTORY && !bl_image_ok(hs, bi.active)) {
            hstore_delete(hs, ota_slot_key[bi.active]);
            snprintf(note, cap, "wipy bootloader: the image in update slot %d failed its MD5 check; deleted, "
                "booting %s", bi.active, bi.previous == OTA_SLOT_FACTORY ? "the factory image" :
                bi.previous == OTA_SLOT_UPDATE1 ? "update slot 1" : "update slot 2");
            bi.active = bi.previous;
            bi.previous = OTA_SLOT_FACTORY;
        }
        bi.status = OTA_STATUS_READY;
        r = ota_bootinfo_write(hs, &bi);
        if (r < 0) {
            snprintf(note, cap, "wipy bootloader: can't write the boot info: %s", strerror(-r));
            return -1;
        }
    }
    int slot = safe == SAFE_BOOT_FACTORY ? OTA_SLOT_FACTORY : safe == SAFE_BOOT_PREVIOUS ? bi.previous : bi.active;
    if (slot != OTA_SLOT_FACTORY && hstore_size(hs, ota_slot_key[slot]) <= OTA_MD5_HEX) {
        slot = OTA_SLOT_FACTORY; /* nothing there (deleted by hand): the factory image always is */
    }
    return slot;
}
