/* modules/mod_hashlib.c: hashlib (spec §14): sha1, sha256 and md5 over mbedTLS, with the WiPy's
 * hardware-engine mode: given block_size (the total length), every chunk but the last must be a
 * multiple of 4 bytes, update() after block_size bytes is OSError(EPERM), and digest() before all
 * block_size bytes arrived is OSError(EPERM). The mbedTLS contexts live inside the GC object. */
#include <errno.h>
#include <mbedtls/md5.h>
#include <mbedtls/sha1.h>
#include <mbedtls/sha256.h>
#include <mbedtls/version.h>

#include "core/digits.h"
#include "core/obj.h"
#include "core/runtime.h"

#if MBEDTLS_VERSION_MAJOR < 3
#define SHA1_START mbedtls_sha1_starts_ret
#define SHA1_UPDATE mbedtls_sha1_update_ret
#define SHA1_FINISH mbedtls_sha1_finish_ret
#define SHA256_START mbedtls_sha256_starts_ret
#define SHA256_UPDATE mbedtls_sha256_update_ret
#define SHA256_FINISH mbedtls_sha256_finish_ret
#define MD5_START mbedtls_md5_starts_ret
#define MD5_UPDATE mbedtls_md5_update_ret
#define MD5_FINISH mbedtls_md5_finish_ret
#else
#define SHA1_START mbedtls_sha1_starts
#define SHA1_UPDATE mbedtls_sha1_update
#define SHA1_FINISH mbedtls_sha1_finish
#define SHA256_START mbedtls_sha256_starts
#define SHA256_UPDATE mbedtls_sha256_update
#define SHA256_FINISH mbedtls_sha256_finish
#define MD5_START mbedtls_md5_starts
#define MD5_UPDATE mbedtls_md5_update
#define MD5_FINISH mbedtls_md5_finish
#endif

typedef enum { ALG_SHA1, ALG_SHA256, ALG_MD5 } hash_alg_t;

typedef struct {
    obj_base_t base;
    hash_alg_t alg;
    bool engine_mode;  /* block_size given: the WiPy's hardware rules apply */
    size_t block_size; /* total length announced (engine mode) */
    size_t fed;        /* bytes fed so far */
    bool final;        /* digest() was taken: MicroPython refuses update() and digest() after it */
    union {
        mbedtls_sha1_context sha1;
        mbedtls_sha256_context sha256;
        mbedtls_md5_context md5;
    } ctx;
} hash_obj_t;

static const type_t sha1_type, sha256_type, md5_type;

static hash_obj_t *hash_self(obj_t self) {
    const type_t *t = obj_type(self);
    return obj_check_self(self, t == &sha256_type ? &sha256_type : t == &md5_type ? &md5_type : &sha1_type);
}

static size_t hash_digest_size(hash_alg_t alg) { return alg == ALG_SHA1 ? 20 : alg == ALG_SHA256 ? 32 : 16; }

static void hash_feed(hash_obj_t *h, const uint8_t *data, size_t len) {
    switch (h->alg) {
        case ALG_SHA1:
            SHA1_UPDATE(&h->ctx.sha1, data, len);
            break;
        case ALG_SHA256:
            SHA256_UPDATE(&h->ctx.sha256, data, len);
            break;
        case ALG_MD5:
            MD5_UPDATE(&h->ctx.md5, data, len);
            break;
    }
    h->fed += len;
}

/* One chunk of data, with the engine-mode rules checked before anything is hashed. */
static void hash_update_checked(hash_obj_t *h, obj_t data) {
    buffer_info_t buf;
    rt_get_buffer_or_raise(data, &buf, BUFFER_READ);
    if (h->final && !h->engine_mode) { /* engine mode: spec section 14's EPERM comes first */
        raise_msg(&type_ValueError, "hash is final");
    }
    if (h->engine_mode) {
        if (h->fed >= h->block_size) {
            raise_os_error_why(EPERM, "update() after all %lu bytes of block_size were fed",
                (unsigned long)h->block_size);
        }
        if (buf.len > h->block_size - h->fed) {
            raise_fmt(&type_ValueError, "data exceeds block_size: %lu of %lu bytes fed, %lu more given",
                (unsigned long)h->fed, (unsigned long)h->block_size, (unsigned long)buf.len);
        }
        bool final = h->fed + buf.len == h->block_size;
        if (!final && buf.len % 4 != 0) {
            raise_msg(&type_ValueError, "every chunk but the last must be a multiple of 4 bytes long");
        }
    }
    hash_feed(h, buf.buf, buf.len);
}

static obj_t hash_make(hash_alg_t alg, const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 2, false);
    hash_obj_t *h = NEW_OBJ(hash_obj_t);
    h->base.type = type;
    h->alg = alg;
    switch (alg) {
        case ALG_SHA1:
            mbedtls_sha1_init(&h->ctx.sha1);
            SHA1_START(&h->ctx.sha1);
            break;
        case ALG_SHA256:
            mbedtls_sha256_init(&h->ctx.sha256);
            SHA256_START(&h->ctx.sha256, 0);
            break;
        case ALG_MD5:
            mbedtls_md5_init(&h->ctx.md5);
            MD5_START(&h->ctx.md5);
            break;
    }
    if (n_args == 2) {
        int_t bs = obj_get_int(args[1]);
        if (bs < 0) {
            raise_msg(&type_ValueError, "block_size must be >= 0");
        }
        h->engine_mode = true;
        h->block_size = (size_t)bs;
    }
    if (n_args >= 1) {
        hash_update_checked(h, args[0]);
    }
    return OBJ_FROM_PTR(h);
}

static obj_t sha1_make(const type_t *t, size_t n, size_t k, const obj_t *a) { return hash_make(ALG_SHA1, t, n, k, a); }
static obj_t sha256_make(const type_t *t, size_t n, size_t k, const obj_t *a) { return hash_make(ALG_SHA256, t, n, k, a); }
static obj_t md5_make(const type_t *t, size_t n, size_t k, const obj_t *a) { return hash_make(ALG_MD5, t, n, k, a); }

static obj_t hash_update(size_t n_args, size_t n_kw, const obj_t *args) {
    hash_update_checked(hash_self(args[0]), args[1]);
    return OBJ_NONE;
}
DEFINE_FUN(hash_update_obj, update, 2, 2, hash_update);

/* The digest of what was fed; afterwards the object is final (MicroPython: ValueError on any
 * further update() or digest()). */
static void hash_final(hash_obj_t *h, uint8_t *out) {
    if (h->final) {
        raise_msg(&type_ValueError, "hash is final");
    }
    if (h->engine_mode && h->fed != h->block_size) {
        raise_os_error_why(EPERM, "digest() before all of block_size was fed: %lu of %lu bytes",
            (unsigned long)h->fed, (unsigned long)h->block_size);
    }
    h->final = true;
    hash_obj_t copy = *h;
    switch (h->alg) {
        case ALG_SHA1:
            SHA1_FINISH(&copy.ctx.sha1, out);
            break;
        case ALG_SHA256:
            SHA256_FINISH(&copy.ctx.sha256, out);
            break;
        case ALG_MD5:
            MD5_FINISH(&copy.ctx.md5, out);
            break;
    }
}

static obj_t hash_digest(size_t n_args, size_t n_kw, const obj_t *args) {
    hash_obj_t *h = hash_self(args[0]);
    uint8_t out[32];
    hash_final(h, out);
    return bytes_new((const char *)out, hash_digest_size(h->alg));
}
DEFINE_FUN(hash_digest_obj, digest, 1, 1, hash_digest);

static obj_t hash_hexdigest(size_t n_args, size_t n_kw, const obj_t *args) {
    hash_obj_t *h = hash_self(args[0]);
    uint8_t out[32];
    char hex[65];
    hash_final(h, out);
    size_t n = hash_digest_size(h->alg);
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = DIGITS_LOWER[out[i] >> 4];
        hex[2 * i + 1] = DIGITS_LOWER[out[i] & 15];
    }
    return str_new(hex, 2 * n);
}
DEFINE_FUN(hash_hexdigest_obj, hexdigest, 1, 1, hash_hexdigest);

static const map_elem_t hash_locals_table[] = {
    {ROM_QSTR(QSTR_update), ROM_PTR(&hash_update_obj)},
    {ROM_QSTR(QSTR_digest), ROM_PTR(&hash_digest_obj)},
    {ROM_QSTR(QSTR_hexdigest), ROM_PTR(&hash_hexdigest_obj)},
};
static DEFINE_CONST_DICT(hash_locals_dict, hash_locals_table);

static const type_t sha1_type = {
    .base = {&type_type}, .name = QSTR_sha1, .make_new = sha1_make, .locals_dict = &hash_locals_dict};
static const type_t sha256_type = {
    .base = {&type_type}, .name = QSTR_sha256, .make_new = sha256_make, .locals_dict = &hash_locals_dict};
static const type_t md5_type = {
    .base = {&type_type}, .name = QSTR_md5, .make_new = md5_make, .locals_dict = &hash_locals_dict};

static const map_elem_t hashlib_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_hashlib)},
    {ROM_QSTR(QSTR_sha1), ROM_PTR(&sha1_type)},
    {ROM_QSTR(QSTR_sha256), ROM_PTR(&sha256_type)},
    {ROM_QSTR(QSTR_md5), ROM_PTR(&md5_type)},
};
static DEFINE_CONST_DICT(hashlib_globals, hashlib_globals_table);
const module_obj_t hashlib_module = {{&module_type}, &hashlib_globals};
REGISTER_MODULE(QSTR_hashlib, hashlib_module);
