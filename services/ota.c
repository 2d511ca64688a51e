/* services/ota.c: boot info and the uploads that go to the hidden store. A firmware upload is
 * streamed into the inactive update slot's temporary file; only a complete upload is committed
 * (renamed over the slot) and only then is the boot info rewritten to point at it, so a kill at
 * any instant leaves either the old boot info (the old image runs) or the new one with its image
 * whole. Certificates replace their blob the same way. */
#include "services/ota.h"

#include <errno.h>
#include <mbedtls/ecp.h>
#include <mbedtls/pk.h>
#include <mbedtls/sha256.h>
#include <stdio.h>
#include <string.h>

#include "host/host_fs.h"
#include "services/ftp.h"
#include "storage/cert_store.h"

#if MBEDTLS_VERSION_MAJOR < 3
#define OTA_SHA256_START mbedtls_sha256_starts_ret
#define OTA_SHA256_UPDATE mbedtls_sha256_update_ret
#define OTA_SHA256_FINISH mbedtls_sha256_finish_ret
#else
#define OTA_SHA256_START mbedtls_sha256_starts
#define OTA_SHA256_UPDATE mbedtls_sha256_update
#define OTA_SHA256_FINISH mbedtls_sha256_finish
#endif

#define OTA_SIG_MAGIC "WIPYSIG1"
#define OTA_SIG_MAGIC_LEN 8
#define OTA_SIG_MAX 80 /* a DER ECDSA P-256 signature is at most 72 bytes */

const char *const ota_slot_key[OTA_SLOTS] = {"factimg.bin", "updtimg1.bin", "updtimg2.bin"};

#define OTA_IMAGE_PATH "/flash/sys/mcuimg.bin"

static struct {
    const hstore_t *hs;
    hstore_writer_t w;
    bool writing, firmware;
    int slot;
    bool need_sig, have_key;
    mbedtls_pk_context key;
} ota;

int ota_require_signature(const char *pem_path, bool required, char *msg, size_t cap) {
    ota.need_sig = required;
    if (pem_path == NULL) {
        return 0;
    }
    mbedtls_pk_init(&ota.key);
    int r = mbedtls_pk_parse_public_keyfile(&ota.key, pem_path);
    if (r != 0) {
        snprintf(msg, cap, "--ota-key: can't read a public key (PEM or DER) from '%s'", pem_path);
        return -1;
    }
    if (mbedtls_pk_get_type(&ota.key) != MBEDTLS_PK_ECKEY ||
        mbedtls_pk_ec(ota.key)->grp.id != MBEDTLS_ECP_DP_SECP256R1) {
        snprintf(msg, cap, "--ota-key: '%s' is not an ECDSA P-256 public key", pem_path);
        mbedtls_pk_free(&ota.key);
        return -1;
    }
    ota.have_key = true;
    return 0;
}

/* Reads n bytes at off of a host file; 0 or a negative errno. */
static int ota_pread(int fd, uint64_t off, void *buf, size_t n) {
    if (host_file_seek(fd, (int64_t)off, 0) < 0) {
        return -EIO;
    }
    size_t got = 0;
    while (got < n) {
        ssize_t k = host_file_read(fd, (uint8_t *)buf + got, n - got);
        if (k == -EINTR) {
            continue;
        }
        if (k <= 0) {
            return k < 0 ? (int)k : -EIO;
        }
        got += (size_t)k;
    }
    return 0;
}

/* The uploaded image (not yet committed) carries a valid signature of its executable. */
static bool ota_signature_ok(const char *path, uint64_t size, char *msg, size_t cap) {
    if (!ota.have_key) {
        snprintf(msg, cap, "OTA image refused: the board listens beyond loopback and has no --ota-key to check "
            "images with.");
        return false;
    }
    const char *why = "it carries no signature";
    int fd = host_file_open(path, HOST_O_READ);
    if (fd < 0) {
        snprintf(msg, cap, "OTA image refused: it can't be read back.");
        return false;
    }
    bool ok = false;
    uint8_t tail[2 + OTA_SIG_MAGIC_LEN], sig[OTA_SIG_MAX];
    uint64_t end = size - OTA_MD5_HEX; /* the signature block ends where the MD5 trailer starts */
    if (end >= sizeof(tail) && ota_pread(fd, end - sizeof(tail), tail, sizeof(tail)) == 0 &&
        memcmp(tail + 2, OTA_SIG_MAGIC, OTA_SIG_MAGIC_LEN) == 0) {
        size_t slen = (size_t)tail[0] << 8 | tail[1];
        uint64_t body = end - sizeof(tail) - slen;
        why = "its signature block is malformed";
        if (slen > 0 && slen <= OTA_SIG_MAX && end >= sizeof(tail) + slen &&
            ota_pread(fd, body, sig, slen) == 0) {
            mbedtls_sha256_context c;
            mbedtls_sha256_init(&c);
            OTA_SHA256_START(&c, 0);
            static uint8_t buf[65536];
            uint64_t off = 0;
            int r = host_file_seek(fd, 0, 0) < 0 ? -EIO : 0;
            while (r == 0 && off < body) {
                size_t n = body - off < sizeof(buf) ? (size_t)(body - off) : sizeof(buf);
                ssize_t k = host_file_read(fd, buf, n);
                if (k <= 0) {
                    r = -EIO;
                    break;
                }
                OTA_SHA256_UPDATE(&c, buf, (size_t)k);
                off += (uint64_t)k;
            }
            uint8_t hash[32];
            OTA_SHA256_FINISH(&c, hash);
            mbedtls_sha256_free(&c);
            why = "its signature does not match the --ota-key key";
            ok = r == 0 && mbedtls_pk_verify(&ota.key, MBEDTLS_MD_SHA256, hash, sizeof(hash), sig, slen) == 0;
        }
    }
    host_file_close(fd);
    if (!ok) {
        snprintf(msg, cap, "OTA image refused: %s.", why);
    }
    return ok;
}

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
    /* the certificates' paths are the ones ssl reads (storage/cert_store.h) */
    const char *key = cert_store_key(path);
    if (key != NULL || strcmp(path, OTA_IMAGE_PATH) == 0) {
        if (ota.hs == NULL) {
            return -EACCES;
        }
        if (ota.writing) {
            hstore_abort(&ota.w);
        }
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
    if (ota.firmware && ota.need_sig && !ota_signature_ok(ota.w.tmp, ota.w.len, msg, cap)) {
        hstore_abort(&ota.w);
        return -EACCES;
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
