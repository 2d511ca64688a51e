/* modules/mod_ssl.c: the ssl module (spec §13) on mbedTLS: the seed's wrap_socket(sock, keyfile=,
 * certfile=, server_side=, cert_reqs=, ca_certs=) over a socket made with IPPROTO_SEC, whose
 * certificate paths are the hidden store's (storage/cert_store.h), and today's MicroPython API:
 * wrap_socket(key=, cert=, cadata=, server_hostname=, do_handshake=) and SSLContext
 * (load_cert_chain, load_verify_locations, verify_mode, wrap_socket(server_hostname=)).
 * An SSLSocket runs TLS over any stream: a socket (modules/stream.h, blocking as the socket's own
 * timeout says) or a Python object with readinto/read, write and ioctl; a stream that would block
 * makes read/write return None, and poll follows the direction the handshake waits for.
 * PROTOCOL_DTLS_CLIENT/SERVER contexts run DTLS over a UDP socket (timer, cookies, client_id= and
 * the waits in modules/ssl_dtls.c).
 * Invariants: mbedTLS state lives in malloc'd memory owned by exactly one object and freed by its
 * finaliser; an exception raised inside a BIO callback never unwinds through mbedTLS: it is kept
 * and raised again once mbedTLS has returned. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <mbedtls/ctr_drbg.h>
#include <mbedtls/entropy.h>
#include <mbedtls/error.h>
#include <mbedtls/net_sockets.h>
#include <mbedtls/pk.h>
#include <mbedtls/ssl.h>
#include <mbedtls/version.h>
#include <mbedtls/x509_crt.h>

#include "core/nlr.h"
#include "core/obj.h"
#include "core/obj_str.h"
#include "core/port.h"
#include "core/runtime.h"
#include "host/ecp_accel.h"
#include "host/sock.h"
#include "modules/mod_socket.h"
#include "modules/ssl_dtls.h"
#include "modules/stream.h"
#include "storage/cert_store.h"

#define CERT_NONE 0
#define CERT_OPTIONAL 1
#define CERT_REQUIRED 2
/* protocol constants: CPython's numbers */
#define PROTOCOL_TLSv1 3
#define PROTOCOL_TLSv1_1 4
#define PROTOCOL_TLSv1_2 5
#define PROTOCOL_TLS_CLIENT 16
#define PROTOCOL_TLS_SERVER 17
/* DTLS (CPython has none): over a UDP socket, as MicroPython's tls module offers it */
#define PROTOCOL_DTLS_CLIENT 18
#define PROTOCOL_DTLS_SERVER 19

/* ---- SSLError: an OSError whose (code, name) pair prints as MicroPython's does ---- */

static type_t ssl_error_type;

static void ssl_error_print(const print_t *p, obj_t o, print_kind_t kind) {
    exception_obj_t *e = OBJ_TO_PTR(o);
    tuple_obj_t *args = OBJ_TO_PTR(e->args);
    if (kind == PRINT_STR && args->len == 2) {
        obj_print(p, e->args, PRINT_REPR);
        return;
    }
    type_OSError.print(p, o, kind);
}

__attribute__((constructor)) static void ssl_error_type_init(void) {
    ssl_error_type = type_OSError;
    ssl_error_type.name = QSTR_SSLError;
    ssl_error_type.parent = &type_OSError;
    ssl_error_type.print = ssl_error_print;
}

static const struct {
    int code;
    const char *name;
} ssl_err_names[] = {
    {MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE, "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE"},
    {MBEDTLS_ERR_SSL_CONN_EOF, "MBEDTLS_ERR_SSL_CONN_EOF"},
    {MBEDTLS_ERR_SSL_BAD_CONFIG, "MBEDTLS_ERR_SSL_BAD_CONFIG"},
    {MBEDTLS_ERR_SSL_INVALID_RECORD, "MBEDTLS_ERR_SSL_INVALID_RECORD"},
    {MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO, "MBEDTLS_ERR_SSL_BAD_HS_CLIENT_HELLO"},
    {MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO, "MBEDTLS_ERR_SSL_BAD_HS_SERVER_HELLO"},
    {MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE, "MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE"},
    {MBEDTLS_ERR_SSL_PRIVATE_KEY_REQUIRED, "MBEDTLS_ERR_SSL_PRIVATE_KEY_REQUIRED"},
    {MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN, "MBEDTLS_ERR_SSL_NO_CIPHER_CHOSEN"},
    {MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED, "MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED"},
    {MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE, "MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE"},
    {MBEDTLS_ERR_SSL_INVALID_MAC, "MBEDTLS_ERR_SSL_INVALID_MAC"},
    {MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION, "MBEDTLS_ERR_SSL_BAD_HS_PROTOCOL_VERSION"},
    {MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE, "MBEDTLS_ERR_SSL_UNEXPECTED_MESSAGE"},
    {MBEDTLS_ERR_SSL_ALLOC_FAILED, "MBEDTLS_ERR_SSL_ALLOC_FAILED"},
    {MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED, "MBEDTLS_ERR_SSL_HELLO_VERIFY_REQUIRED"},
    {MBEDTLS_ERR_SSL_TIMEOUT, "MBEDTLS_ERR_SSL_TIMEOUT"},
    {MBEDTLS_ERR_SSL_BAD_INPUT_DATA, "MBEDTLS_ERR_SSL_BAD_INPUT_DATA"},
    {MBEDTLS_ERR_NET_SEND_FAILED, "MBEDTLS_ERR_NET_SEND_FAILED"},
    {MBEDTLS_ERR_NET_RECV_FAILED, "MBEDTLS_ERR_NET_RECV_FAILED"},
    {MBEDTLS_ERR_ERROR_GENERIC_ERROR, "MBEDTLS_ERR_ERROR_GENERIC_ERROR"}, /* a verify_callback said no */
};

static NORETURN void ssl_raise_code(int ret) {
    if (ret > 0) {
        ret = -ret; /* a verify_callback's own result, passed up by mbedTLS as it was */
    }
    const char *name = NULL;
    char buf[160];
    for (size_t i = 0; i < sizeof(ssl_err_names) / sizeof(ssl_err_names[0]); i++) {
        if (ssl_err_names[i].code == ret) {
            name = ssl_err_names[i].name;
        }
    }
    if (name == NULL) {
        mbedtls_strerror(ret, buf, sizeof(buf));
        name = buf;
    }
    obj_t a[2] = {small_int_new(ret), str_new(name, strlen(name))};
    rt_raise(exc_new(&ssl_error_type, 2, a));
}

static NORETURN void ssl_raise_msg(const char *msg) {
    obj_t a = str_new(msg, strlen(msg));
    rt_raise(exc_new(&ssl_error_type, 1, &a));
}

/* ---- the random generator (one for the process, seeded on first use) ---- */

static mbedtls_entropy_context ssl_entropy;
static mbedtls_ctr_drbg_context ssl_drbg;
static bool ssl_drbg_ready;

static void ssl_rng_init(void) {
    if (ssl_drbg_ready) {
        return;
    }
    ecp_accel_active(); /* P-256 through the host's libcrypto (host/ecp_accel.h), checked once */
    mbedtls_entropy_init(&ssl_entropy);
    mbedtls_ctr_drbg_init(&ssl_drbg);
    static const unsigned char pers[] = "virtual wipy";
    int r = mbedtls_ctr_drbg_seed(&ssl_drbg, mbedtls_entropy_func, &ssl_entropy, pers, sizeof(pers) - 1);
    if (r != 0) {
        ssl_raise_code(r);
    }
    ssl_drbg_ready = true;
}

/* ---- certificates and keys: bytes (PEM or DER), or a path (hidden store or file) ---- */

/* The data of a certificate/key argument, as mbedTLS parses it: PEM text gets its terminating
 * NUL counted. The buffer is on the GC heap. */
static const unsigned char *cert_data(obj_t o, size_t *len) {
    size_t n;
    const char *d = str_get_data(o, &n);
    if (n > 10 && memmem(d, n, "-----BEGIN", 10) != NULL) {
        char *c = gc_alloc(n + 1, false);
        memcpy(c, d, n);
        c[n] = '\0';
        *len = n + 1;
        return (const unsigned char *)c;
    }
    *len = n;
    return (const unsigned char *)d;
}

/* The contents of a path given to wrap_socket/load_*: the hidden store for /flash/cert/...
 * (where FTP uploads go), else the file (a certificate path not uploaded yet may be a file). */
static obj_t cert_file(obj_t path) {
    const char *p = str_cstr(path);
    const char *key = cert_store_key(p);
    const hstore_t *hs = cert_store_get();
    if (key != NULL && hs != NULL && hstore_size(hs, key) >= 0) {
        ssize_t size = hstore_size(hs, key);
        char *buf = gc_alloc((size_t)size + 1, false);
        ssize_t got = hstore_get(hs, key, buf, (size_t)size);
        if (got < 0) {
            raise_os_error((int)-got);
        }
        return bytes_new(buf, (size_t)got);
    }
    size_t len;
    char *data = port_read_file(p, &len);
    if (data == NULL && key != NULL && hs != NULL) {
        raise_fmt(&type_OSError, "%s: no such certificate (upload it with FTP)", p);
    }
    if (data == NULL) {
        raise_os_error(ENOENT);
    }
    obj_t b = bytes_new(data, len);
    free(data);
    return b;
}

static obj_t cert_arg(obj_t o) { return obj_is_str(o) ? cert_file(o) : o; }

/* ---- SSLContext ---- */

#define SSL_CIPHERS_MAX 64

typedef struct {
    mbedtls_x509_crt ca, own;
    mbedtls_pk_context key;
    bool has_ca, has_own;
    int ciphers[SSL_CIPHERS_MAX + 1]; /* set_ciphers(): ids ending in 0; ciphers[0] == 0: the defaults */
} ssl_certs_t;

typedef struct {
    obj_base_t base;
    ssl_certs_t *c;  /* malloc'd */
    int protocol;
    int verify_mode;
    obj_t verify_callback; /* None, or called (memoryview of cert DER, depth) for each certificate checked
                              (not checked for being callable: a call's error is the handshake's) */
    obj_t psk_identity, psk_key; /* client: both set, it offers TLS-PSK suites only */
    obj_t server_psk_keys;       /* server: None, or identity -> key through its get() (PSK suites only) */
} sslctx_obj_t;

static const type_t sslctx_type;

static void sslctx_finalise(obj_t self) {
    sslctx_obj_t *x = OBJ_TO_PTR(self);
    if (x->c != NULL) {
        mbedtls_x509_crt_free(&x->c->ca);
        mbedtls_x509_crt_free(&x->c->own);
        mbedtls_pk_free(&x->c->key);
        free(x->c);
        x->c = NULL;
    }
}

static obj_t sslctx_new(int protocol) {
    if (protocol != PROTOCOL_TLS_CLIENT && protocol != PROTOCOL_TLS_SERVER && protocol != PROTOCOL_TLSv1 &&
        protocol != PROTOCOL_TLSv1_1 && protocol != PROTOCOL_TLSv1_2 && protocol != PROTOCOL_DTLS_CLIENT &&
        protocol != PROTOCOL_DTLS_SERVER) {
        raise_msg(&type_ValueError, "unknown protocol");
    }
    sslctx_obj_t *x = gc_alloc(sizeof(sslctx_obj_t), true);
    x->base.type = &sslctx_type;
    x->c = calloc(1, sizeof(ssl_certs_t));
    if (x->c == NULL) {
        raise_memory_error();
    }
    mbedtls_x509_crt_init(&x->c->ca);
    mbedtls_x509_crt_init(&x->c->own);
    mbedtls_pk_init(&x->c->key);
    x->protocol = protocol;
    x->verify_mode = CERT_NONE;
    x->verify_callback = OBJ_NONE;
    x->psk_identity = x->psk_key = x->server_psk_keys = OBJ_NONE;
    return OBJ_FROM_PTR(x);
}

static obj_t sslctx_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 1, 1, false);
    return sslctx_new((int)obj_get_int(args[0]));
}

static sslctx_obj_t *ctx_self(obj_t o) {
    sslctx_obj_t *x = obj_check_self(o, &sslctx_type);
    if (x->c == NULL) {
        raise_os_error(EBADF);
    }
    return x;
}

/* load_cert_chain(cert, key): the key is checked first, as MicroPython does */
static void ctx_load_chain(sslctx_obj_t *x, obj_t cert, obj_t key) {
    size_t klen;
    const unsigned char *kd = cert_data(cert_arg(key), &klen);
    mbedtls_pk_free(&x->c->key);
    mbedtls_pk_init(&x->c->key);
    int r = mbedtls_pk_parse_key(&x->c->key, kd, klen, NULL, 0);
    if (r != 0) {
        raise_msg(&type_ValueError, "invalid key");
    }
    size_t clen;
    const unsigned char *cd = cert_data(cert_arg(cert), &clen);
    mbedtls_x509_crt_free(&x->c->own);
    mbedtls_x509_crt_init(&x->c->own);
    r = mbedtls_x509_crt_parse(&x->c->own, cd, clen);
    if (r != 0) {
        x->c->has_own = false;
        raise_msg(&type_ValueError, "invalid cert");
    }
    x->c->has_own = true;
}

static void ctx_load_ca(sslctx_obj_t *x, obj_t cadata) {
    size_t len;
    const unsigned char *d = cert_data(cert_arg(cadata), &len);
    mbedtls_x509_crt_free(&x->c->ca);
    mbedtls_x509_crt_init(&x->c->ca);
    int r = mbedtls_x509_crt_parse(&x->c->ca, d, len);
    if (r != 0) {
        x->c->has_ca = false;
        raise_msg(&type_ValueError, "invalid cert");
    }
    x->c->has_ca = true;
}

static obj_t sslctx_load_cert_chain(size_t n_args, size_t n_kw, const obj_t *args) {
    ctx_load_chain(ctx_self(args[0]), args[1], args[2]);
    return OBJ_NONE;
}
static DEFINE_FUN(sslctx_load_cert_chain_obj, load_cert_chain, 3, 3, sslctx_load_cert_chain);

static obj_t sslctx_load_verify_locations(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_cafile, 0, ROM_PTR(&none_obj)}, {QSTR_cadata, 0, ROM_PTR(&none_obj)}};
    arg_val_t v[2];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 2, specs, v);
    sslctx_obj_t *x = ctx_self(args[0]);
    if (v[0].o != OBJ_NONE && !obj_is_str(v[0].o)) {
        ctx_load_ca(x, v[0].o); /* tls.SSLContext.load_verify_locations(cadata) */
    } else if (v[0].o != OBJ_NONE) {
        ctx_load_ca(x, cert_file(v[0].o));
    } else if (v[1].o != OBJ_NONE) {
        ctx_load_ca(x, v[1].o);
    } else {
        raise_msg(&type_ValueError, "cafile or cadata must be given");
    }
    return OBJ_NONE;
}
static DEFINE_FUN_KW(sslctx_load_verify_locations_obj, load_verify_locations, 1, 3, sslctx_load_verify_locations);

/* get_ciphers(): the names mbedTLS offers; set_ciphers(names) restricts them (an unknown name
 * is MBEDTLS_ERR_SSL_BAD_CONFIG, as in MicroPython) */
static obj_t sslctx_get_ciphers(size_t n_args, size_t n_kw, const obj_t *args) {
    ctx_self(args[0]);
    obj_t list = list_new(0, NULL);
    for (const int *id = mbedtls_ssl_list_ciphersuites(); *id != 0; id++) {
        const char *name = mbedtls_ssl_get_ciphersuite_name(*id);
        list_append(list, str_new(name, strlen(name)));
    }
    return list;
}
static DEFINE_FUN(sslctx_get_ciphers_obj, get_ciphers, 1, 1, sslctx_get_ciphers);

static obj_t sslctx_set_ciphers(size_t n_args, size_t n_kw, const obj_t *args) {
    sslctx_obj_t *x = ctx_self(args[0]);
    if (!obj_is_type(args[1], &list_type) && !obj_is_type(args[1], &tuple_type)) {
        raise_msg(&type_TypeError, "set_ciphers() takes a list of cipher suite names");
    }
    size_t n;
    obj_t *items;
    obj_get_array(args[1], &n, &items);
    if (n > SSL_CIPHERS_MAX) {
        raise_msg(&type_ValueError, "too many cipher suites");
    }
    int ids[SSL_CIPHERS_MAX + 1];
    for (size_t i = 0; i < n; i++) {
        ids[i] = mbedtls_ssl_get_ciphersuite_id(str_cstr(items[i]));
        if (ids[i] == 0) {
            ssl_raise_code(MBEDTLS_ERR_SSL_BAD_CONFIG);
        }
    }
    ids[n] = 0;
    memcpy(x->c->ciphers, ids, sizeof(ids));
    return OBJ_NONE;
}
static DEFINE_FUN(sslctx_set_ciphers_obj, set_ciphers, 2, 2, sslctx_set_ciphers);

static obj_t sslsock_wrap(obj_t ctx, obj_t sock, bool server, bool handshake, obj_t hostname, obj_t client_id);

static obj_t sslctx_wrap_socket(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_sock, ARG_REQUIRED, OBJ_NULL},
        {QSTR_server_side, ARG_KIND_BOOL, ROM_PTR(&false_obj)},
        {QSTR_do_handshake_on_connect, ARG_KIND_BOOL, ROM_PTR(&true_obj)},
        {QSTR_server_hostname, 0, ROM_PTR(&none_obj)},
        {QSTR_client_id, ARG_KW_ONLY, ROM_PTR(&none_obj)}, /* a DTLS server's: the peer's address */
    };
    arg_val_t v[5];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 5, specs, v);
    sslctx_obj_t *x = ctx_self(args[0]);
    bool server = v[1].b || x->protocol == PROTOCOL_TLS_SERVER || x->protocol == PROTOCOL_DTLS_SERVER;
    if (!server && x->verify_mode == CERT_REQUIRED && v[3].o == OBJ_NONE) {
        raise_msg(&type_ValueError, "CERT_REQUIRED requires server_hostname");
    }
    return sslsock_wrap(args[0], v[0].o, server, v[2].b, v[3].o, v[4].o);
}
static DEFINE_FUN_KW(sslctx_wrap_socket_obj, wrap_socket, 2, 6, sslctx_wrap_socket);

static const map_elem_t sslctx_locals_table[] = {
    {ROM_QSTR(QSTR_load_cert_chain), ROM_PTR(&sslctx_load_cert_chain_obj)},
    {ROM_QSTR(QSTR_load_verify_locations), ROM_PTR(&sslctx_load_verify_locations_obj)},
    {ROM_QSTR(QSTR_wrap_socket), ROM_PTR(&sslctx_wrap_socket_obj)},
    {ROM_QSTR(QSTR_get_ciphers), ROM_PTR(&sslctx_get_ciphers_obj)},
    {ROM_QSTR(QSTR_set_ciphers), ROM_PTR(&sslctx_set_ciphers_obj)},
};
static DEFINE_CONST_DICT(sslctx_locals_dict, sslctx_locals_table);

/* A client's identity and key, once both are set, as mbedTLS will take them (else SSLError) */
static void psk_pair_check(sslctx_obj_t *x) {
    if (x->psk_identity == OBJ_NONE || x->psk_key == OBJ_NONE) {
        return;
    }
    buffer_info_t id, key;
    rt_get_buffer_or_raise(x->psk_identity, &id, BUFFER_READ);
    rt_get_buffer_or_raise(x->psk_key, &key, BUFFER_READ);
    if (key.len == 0 || key.len > MBEDTLS_PSK_MAX_LEN || id.len == 0 || id.len > 0xffff) {
        ssl_raise_code(MBEDTLS_ERR_SSL_BAD_INPUT_DATA);
    }
}

/* The Python-object attributes of a context, by name (NULL: not one of them) */
static obj_t *sslctx_slot(sslctx_obj_t *x, qstr attr) {
    switch (attr) {
        case QSTR_verify_callback:
            return &x->verify_callback;
        case QSTR_psk_identity:
            return &x->psk_identity;
        case QSTR_psk_key:
            return &x->psk_key;
        case QSTR_server_psk_keys:
            return &x->server_psk_keys;
        default:
            return NULL;
    }
}

/* verify_mode, verify_callback and the PSK settings (psk_identity, psk_key, server_psk_keys) are
 * attributes; nothing else can be stored or deleted */
static void sslctx_attr(obj_t self, qstr attr, obj_t *dest) {
    sslctx_obj_t *x = OBJ_TO_PTR(self);
    if (dest[0] == OBJ_NULL) {
        if (attr == QSTR_verify_mode) {
            dest[0] = small_int_new(x->verify_mode);
            return;
        }
        obj_t *slot = sslctx_slot(x, attr);
        if (slot != NULL) {
            dest[0] = *slot;
            return;
        }
        map_elem_t *e = map_lookup(&sslctx_locals_dict.map, ROM_QSTR(attr), MAP_LOOKUP);
        if (e != NULL) {
            dest[0] = e->value;
            dest[1] = self;
        }
        return;
    }
    if (attr == QSTR_verify_mode && dest[1] != OBJ_NULL) {
        int_t m = obj_get_int(dest[1]);
        if (m < CERT_NONE || m > CERT_REQUIRED) {
            raise_msg(&type_ValueError, "verify_mode must be CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED");
        }
        x->verify_mode = (int)m;
        dest[0] = OBJ_NULL;
    }
    obj_t *slot = sslctx_slot(x, attr);
    if (slot != NULL && dest[1] != OBJ_NULL) {
        if ((attr == QSTR_psk_identity || attr == QSTR_psk_key) && dest[1] != OBJ_NONE) {
            buffer_info_t bi;
            rt_get_buffer_or_raise(dest[1], &bi, BUFFER_READ); /* bytes or str */
        }
        *slot = dest[1];
        dest[0] = OBJ_NULL;
        if (attr == QSTR_psk_identity || attr == QSTR_psk_key) {
            psk_pair_check(x);
        }
    }
}

static void sslctx_print(const print_t *p, obj_t o, print_kind_t kind) { print_str(p, "<SSLContext>"); }

static const type_t sslctx_type = {
    .base = {&type_type},
    .name = QSTR_SSLContext,
    .print = sslctx_print,
    .make_new = sslctx_make_new,
    .attr = sslctx_attr,
    .finalise = sslctx_finalise,
    .locals_dict = &sslctx_locals_dict,
};

/* ---- SSLSocket ---- */

#define SSL_PSK_SUITES_MAX 256

typedef struct {
    mbedtls_ssl_config conf;
    mbedtls_ssl_context ssl;
    int psk_suites[SSL_PSK_SUITES_MAX + 1]; /* with PSK: the PSK suites of the context's list, 0-ended */
} ssl_conn_t;

typedef enum { SS_HANDSHAKE, SS_READY, SS_CLOSED, SS_ERROR } ss_state_t;

typedef struct {
    obj_base_t base;
    obj_t ctx;          /* the SSLContext: its certificates outlive this connection */
    obj_t sock;         /* the stream underneath */
    ssl_conn_t *c;      /* malloc'd; NULL once freed */
    obj_t bio_exc;      /* an exception a BIO callback caught, raised once mbedTLS returns */
    int bio_errno;      /* an error of the stream underneath */
    int poll_mask;      /* the direction the last read/write waits for, if it is the other one */
    ss_state_t state;
    bool server;
    bool dtls;          /* datagrams: its reads and writes never block in mbedTLS (modules/ssl_dtls.h) */
    dtls_timer_t timer; /* DTLS's retransmission timer */
} sslsock_obj_t;

static const type_t sslsock_type;

static void conn_free(sslsock_obj_t *s) {
    if (s->c != NULL) {
        mbedtls_ssl_free(&s->c->ssl);
        mbedtls_ssl_config_free(&s->c->conf);
        free(s->c);
        s->c = NULL;
    }
}

static void sslsock_finalise(obj_t self) { conn_free(OBJ_TO_PTR(self)); }

/* A Python stream underneath: its write(bytes) / readinto(bytearray) (or read(n)) methods. These
 * run inside a guard (bio_python) that keeps any exception for later: it must not unwind
 * through mbedTLS. They return what the BIO returns. */
static int py_send(sslsock_obj_t *s, const unsigned char *buf, size_t len) {
    obj_t m[3];
    rt_load_method(s->sock, QSTR_write, m);
    m[2] = bytes_new((const char *)buf, len);
    obj_t r = rt_call_method(1, 0, m);
    if (r == OBJ_NONE) {
        return MBEDTLS_ERR_SSL_WANT_WRITE;
    }
    int_t n;
    if (!obj_get_int_maybe(r, &n) || n < 0 || (size_t)n > len) {
        return MBEDTLS_ERR_NET_SEND_FAILED;
    }
    return (int)n;
}

/* A Python stream is read at most this much at a time: mbedTLS asks for its whole input buffer
 * (~16 KB), too much to allocate on a WiPy-sized heap at every try (TLS gets the rest next time;
 * a DTLS datagram from a Python stream must fit). */
#define PY_RECV_MAX 4096

static int py_recv(sslsock_obj_t *s, unsigned char *buf, size_t len) {
    if (len > PY_RECV_MAX) {
        len = PY_RECV_MAX;
    }
    obj_t m[3];
    rt_load_method_maybe(s->sock, QSTR_readinto, m);
    if (m[0] != OBJ_NULL) {
        obj_t ba = bytearray_new(gc_alloc(len, false), len);
        m[2] = ba;
        obj_t r = rt_call_method(1, 0, m);
        if (r == OBJ_NONE) {
            return MBEDTLS_ERR_SSL_WANT_READ;
        }
        int_t n;
        if (!obj_get_int_maybe(r, &n) || n < 0 || (size_t)n > len) {
            return MBEDTLS_ERR_NET_RECV_FAILED;
        }
        buffer_info_t bi;
        rt_get_buffer_or_raise(ba, &bi, BUFFER_READ);
        memcpy(buf, bi.buf, (size_t)n);
        return (int)n;
    }
    rt_load_method(s->sock, QSTR_read, m);
    m[2] = small_int_new((int_t)len);
    obj_t r = rt_call_method(1, 0, m);
    if (r == OBJ_NONE) {
        return MBEDTLS_ERR_SSL_WANT_READ;
    }
    size_t n;
    const char *d = str_get_data(r, &n);
    if (n > len) {
        return MBEDTLS_ERR_NET_RECV_FAILED;
    }
    memcpy(buf, d, n);
    return (int)n;
}

/* One BIO operation in either direction: the stream protocol of a socket (-EAGAIN is "want"),
 * else the Python methods; an exception is kept in bio_exc, an errno in bio_errno. */
static int bio_io(sslsock_obj_t *s, bool sending, unsigned char *buf, size_t len) {
    const stream_p_t *p = stream_get(s->sock);
    int fail = sending ? MBEDTLS_ERR_NET_SEND_FAILED : MBEDTLS_ERR_NET_RECV_FAILED;
    volatile int r;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        if (p != NULL) {
            ssize_t n = s->dtls && socket_is(s->sock) ? dtls_sock_io(s->sock, sending, buf, len)
                        : sending                     ? p->write(s->sock, buf, len)
                                                      : p->read(s->sock, buf, len);
            if (n == -EAGAIN) {
                r = sending ? MBEDTLS_ERR_SSL_WANT_WRITE : MBEDTLS_ERR_SSL_WANT_READ;
            } else if (n < 0) {
                s->bio_errno = (int)-n;
                r = fail;
            } else {
                r = (int)n;
            }
        } else {
            r = sending ? py_send(s, buf, len) : py_recv(s, buf, len);
        }
        nlr_pop();
        return r;
    }
    s->bio_exc = nlr.value;
    return fail;
}

static int bio_send(void *arg, const unsigned char *buf, size_t len) {
    return bio_io(arg, true, (unsigned char *)buf, len);
}

static int bio_recv(void *arg, unsigned char *buf, size_t len) { return bio_io(arg, false, buf, len); }

/* After an mbedTLS call failed: what the stream underneath raised, or its errno, or the TLS
 * error (a certificate that fails verification says why). The connection is unusable after. */
static NORETURN void sslsock_fail(sslsock_obj_t *s, int ret) {
    s->state = SS_ERROR;
    if (s->bio_exc != OBJ_NULL) {
        obj_t e = s->bio_exc;
        s->bio_exc = OBJ_NULL;
        rt_raise(e);
    }
    if (s->bio_errno != 0) {
        int e = s->bio_errno;
        s->bio_errno = 0;
        raise_os_error(e);
    }
    if (ret == MBEDTLS_ERR_X509_CERT_VERIFY_FAILED && s->c != NULL) {
        char buf[512];
        uint32_t flags = mbedtls_ssl_get_verify_result(&s->c->ssl);
        int n = mbedtls_x509_crt_verify_info(buf, sizeof(buf), "\n", flags);
        if (n > 0) {
            ssl_raise_msg(buf);
        }
    }
    ssl_raise_code(ret);
}

/* One step of the handshake: 0 done, -EAGAIN when the stream would block (poll_mask set as
 * `reading` says: a read waiting to write, or a write waiting to read). */
static int sslsock_handshake_step(sslsock_obj_t *s, bool reading) {
    int r = mbedtls_ssl_handshake(&s->c->ssl);
    if (r == 0) {
        s->state = SS_READY;
        s->poll_mask = 0;
        return 0;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ) {
        s->poll_mask = reading ? 0 : STREAM_POLL_RD;
        return -EAGAIN;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_WRITE) {
        s->poll_mask = reading ? STREAM_POLL_WR : 0;
        return -EAGAIN;
    }
    if (r == MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE) {
        /* mbedTLS 2.28 ends here without telling the client, which would wait for the server's
         * Finished: a fatal handshake_failure as RFC 5246 (7.4.6) says (best effort) */
        mbedtls_ssl_send_alert_message(&s->c->ssl, MBEDTLS_SSL_ALERT_LEVEL_FATAL, MBEDTLS_SSL_ALERT_MSG_HANDSHAKE_FAILURE);
        s->bio_exc = OBJ_NULL;
        s->bio_errno = 0;
    }
    sslsock_fail(s, r);
}

static sslsock_obj_t *ss_open(obj_t o) {
    sslsock_obj_t *s = obj_check_self(o, &sslsock_type);
    if (s->state == SS_CLOSED || s->c == NULL) {
        raise_os_error(EBADF);
    }
    if (s->state == SS_ERROR) {
        raise_os_error(EIO);
    }
    return s;
}

/* DTLS over a socket that may block: waits for what the last try asked for (`dflt` when it asked
 * for its own direction), bounded by the retransmission timer; false: don't wait, say EAGAIN. */
static bool ss_dtls_wait(sslsock_obj_t *s, int dflt, uint64_t since_us, bool complete) {
    if (!s->dtls || !socket_is(s->sock)) {
        return false;
    }
    return dtls_wait(s->sock, s->poll_mask ? s->poll_mask : dflt, &s->timer, since_us, complete);
}

static ssize_t ss_read_once(sslsock_obj_t *s, void *buf, size_t len) {
    if (s->state == SS_HANDSHAKE) {
        int r = sslsock_handshake_step(s, true);
        if (r < 0) {
            return r;
        }
    }
    int r = mbedtls_ssl_read(&s->c->ssl, buf, len);
    if (r >= 0) {
        s->poll_mask = 0;
        return r;
    }
    if (r == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY || r == MBEDTLS_ERR_SSL_CONN_EOF) {
        return 0;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ) {
        s->poll_mask = 0;
        return -EAGAIN;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_WRITE) {
        s->poll_mask = STREAM_POLL_WR;
        return -EAGAIN;
    }
    sslsock_fail(s, r);
}

static ssize_t ss_write_once(sslsock_obj_t *s, const void *buf, size_t len) {
    if (s->state == SS_HANDSHAKE) {
        int r = sslsock_handshake_step(s, false);
        if (r < 0) {
            return r;
        }
    }
    int r = mbedtls_ssl_write(&s->c->ssl, buf, len);
    if (r >= 0) {
        s->poll_mask = 0;
        return r;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_WRITE) {
        s->poll_mask = 0;
        return -EAGAIN;
    }
    if (r == MBEDTLS_ERR_SSL_WANT_READ) {
        s->poll_mask = STREAM_POLL_RD;
        return -EAGAIN;
    }
    sslsock_fail(s, r);
}

/* A read or a write: TLS's stream underneath blocks (or not) by itself; DTLS's waits here. */
static ssize_t ss_stream_read(obj_t self, void *buf, size_t len) {
    sslsock_obj_t *s = ss_open(self);
    uint64_t since = dtls_now_us();
    for (;;) {
        ssize_t r = ss_read_once(s, buf, len);
        if (r != -EAGAIN || !ss_dtls_wait(s, STREAM_POLL_RD, since, false)) {
            return r;
        }
    }
}

static ssize_t ss_stream_write(obj_t self, const void *buf, size_t len) {
    sslsock_obj_t *s = ss_open(self);
    uint64_t since = dtls_now_us();
    for (;;) {
        ssize_t r = ss_write_once(s, buf, len);
        if (r != -EAGAIN || !ss_dtls_wait(s, STREAM_POLL_WR, since, false)) {
            return r;
        }
    }
}

/* The stream underneath asked for `events`: its protocol, or its Python ioctl(3, events). */
static int under_poll(sslsock_obj_t *s, int events) {
    const stream_p_t *p = stream_get(s->sock);
    if (p != NULL) {
        return p->poll(s->sock, events);
    }
    obj_t m[4];
    rt_load_method_maybe(s->sock, QSTR_ioctl, m);
    if (m[0] == OBJ_NULL) {
        return events & (STREAM_POLL_RD | STREAM_POLL_WR);
    }
    m[2] = small_int_new(STREAM_IOCTL_POLL);
    m[3] = small_int_new(events);
    int_t r = obj_get_int(rt_call_method(2, 0, m));
    if (r < 0) {
        raise_os_error((int)-r);
    }
    return (int)r;
}

static int ss_stream_poll(obj_t self, int events) {
    sslsock_obj_t *s = OBJ_TO_PTR(self);
    if (s->state == SS_CLOSED || s->state == SS_ERROR || s->c == NULL) {
        return STREAM_POLL_NVAL;
    }
    if (s->dtls && s->state == SS_HANDSHAKE && dtls_timer_left_ms(&s->timer) == 0) {
        return events & (STREAM_POLL_RD | STREAM_POLL_WR); /* a resend is due: the next read/write makes it */
    }
    int ret = 0;
    if ((events & STREAM_POLL_RD) &&
        (mbedtls_ssl_get_bytes_avail(&s->c->ssl) > 0 || mbedtls_ssl_check_pending(&s->c->ssl))) {
        ret |= STREAM_POLL_RD; /* decrypted data waits here: no need to ask the stream */
        events &= ~STREAM_POLL_RD;
    }
    int asked = 0;
    if (s->poll_mask != 0 && (events & (STREAM_POLL_RD | STREAM_POLL_WR))) {
        asked = events & (STREAM_POLL_RD | STREAM_POLL_WR);
        events = (events & ~asked) | s->poll_mask;
    }
    if (events == 0) {
        return ret;
    }
    int r = under_poll(s, events);
    if (asked != 0 && (r & s->poll_mask)) {
        ret |= asked;
        r &= ~(STREAM_POLL_RD | STREAM_POLL_WR);
    }
    return ret | r;
}

static int ss_stream_wait_fd(obj_t self, int *events) {
    sslsock_obj_t *s = OBJ_TO_PTR(self);
    if (s->dtls && s->state == SS_HANDSHAKE && dtls_timer_left_ms(&s->timer) > 0) {
        return -1; /* no descriptor says when the resend is due: a waiter asks poll() again */
    }
    if (s->poll_mask != 0) {
        *events = s->poll_mask;
    }
    const stream_p_t *p = stream_get(s->sock);
    return p != NULL ? p->wait_fd(s->sock, events) : -1;
}

static const stream_p_t sslsock_stream_p = {
    QSTR_stream, ss_stream_read, ss_stream_write, ss_stream_poll, ss_stream_wait_fd};

/* The handshake to its end: the socket underneath blocks as its own mode says, or, with
 * `complete` (wrap_socket's do_handshake_on_connect, as MicroPython's), waits even when it is
 * non-blocking; EAGAIN if it can't now. */
static void sslsock_handshake(sslsock_obj_t *s, bool complete) {
    uint64_t since = dtls_now_us();
    while (s->state == SS_HANDSHAKE) {
        if (sslsock_handshake_step(s, true) == -EAGAIN) {
            if (s->dtls && socket_is(s->sock)) {
                if (!ss_dtls_wait(s, STREAM_POLL_RD, since, complete)) {
                    raise_os_error(EAGAIN);
                }
                continue;
            }
            if (socket_is(s->sock)) {
                int ev = s->poll_mask ? s->poll_mask : STREAM_POLL_RD;
                if (complete) {
                    socket_wait_even_nonblocking(s->sock, ev);
                } else {
                    socket_wait(s->sock, ev);
                }
                continue;
            }
            raise_os_error(EAGAIN);
        }
    }
}

/* mbedTLS's verify callback: the context's verify_callback(cert, depth); its int result is
 * mbedTLS's (0 goes on); an exception is kept for sslsock_fail as a BIO's is. */
static int ssl_verify_cb(void *arg, mbedtls_x509_crt *crt, int depth, uint32_t *flags) {
    sslsock_obj_t *s = arg;
    volatile int r = MBEDTLS_ERR_X509_FATAL_ERROR;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t cb = ((sslctx_obj_t *)OBJ_TO_PTR(s->ctx))->verify_callback;
        obj_t res = rt_call2(cb, memoryview_new(bytes_new((const char *)crt->raw.p, crt->raw.len)),
            small_int_new(depth));
        r = (int)obj_get_int(res);
        nlr_pop();
    } else {
        s->bio_exc = nlr.value;
    }
    return r;
}

/* mbedTLS's PSK callback on a server: server_psk_keys.get(identity as bytes) gives the key, and
 * None (or anything without a buffer) refuses the identity; an exception is kept as a BIO's is. */
static int ssl_psk_cb(void *arg, mbedtls_ssl_context *ssl, const unsigned char *id, size_t id_len) {
    sslsock_obj_t *s = arg;
    volatile int r = -1;
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t m[3];
        rt_load_method(((sslctx_obj_t *)OBJ_TO_PTR(s->ctx))->server_psk_keys, QSTR_get, m);
        m[2] = bytes_new((const char *)id, id_len);
        obj_t key = rt_call_method(1, 0, m);
        buffer_info_t bi;
        if (key != OBJ_NONE && rt_get_buffer(key, &bi, BUFFER_READ) && bi.len > 0) {
            r = mbedtls_ssl_set_hs_psk(ssl, bi.buf, bi.len);
        }
        nlr_pop();
    } else {
        s->bio_exc = nlr.value;
    }
    return r;
}

/* Only the TLS-PSK suites of the context's list (or of mbedTLS's defaults) from now on: with PSK
 * configured, neither side falls back to certificates. */
static void conf_psk_only(ssl_conn_t *c, const int *from) {
    size_t n = 0;
    for (const int *id = from; *id != 0 && n < SSL_PSK_SUITES_MAX; id++) {
        const mbedtls_ssl_ciphersuite_t *info = mbedtls_ssl_ciphersuite_from_id(*id);
        if (info != NULL && mbedtls_ssl_ciphersuite_uses_psk(info)) {
            c->psk_suites[n++] = *id;
        }
    }
    c->psk_suites[n] = 0;
    mbedtls_ssl_conf_ciphersuites(&c->conf, c->psk_suites);
}

/* The context's PSK settings on a new connection's configuration (0 or an mbedTLS error) */
static int conf_psk(sslsock_obj_t *s, sslctx_obj_t *x, bool server) {
    const int *suites = x->c->ciphers[0] != 0 ? x->c->ciphers : mbedtls_ssl_list_ciphersuites();
    if (server && x->server_psk_keys != OBJ_NONE) {
        mbedtls_ssl_conf_psk_cb(&s->c->conf, ssl_psk_cb, s);
        conf_psk_only(s->c, suites);
    } else if (!server && x->psk_identity != OBJ_NONE && x->psk_key != OBJ_NONE) {
        buffer_info_t id, key;
        rt_get_buffer_or_raise(x->psk_identity, &id, BUFFER_READ);
        rt_get_buffer_or_raise(x->psk_key, &key, BUFFER_READ);
        int r = mbedtls_ssl_conf_psk(&s->c->conf, key.buf, key.len, id.buf, id.len);
        if (r != 0) {
            return r;
        }
        conf_psk_only(s->c, suites);
    }
    return 0;
}

static obj_t sslsock_wrap(obj_t ctx, obj_t sock, bool server, bool handshake, obj_t hostname, obj_t client_id) {
    sslctx_obj_t *x = ctx_self(ctx);
    ssl_rng_init();
    sslsock_obj_t *s = gc_alloc(sizeof(sslsock_obj_t), true);
    s->base.type = &sslsock_type;
    s->ctx = ctx;
    s->sock = sock;
    s->bio_exc = OBJ_NULL;
    s->server = server;
    s->dtls = x->protocol == PROTOCOL_DTLS_CLIENT || x->protocol == PROTOCOL_DTLS_SERVER;
    s->state = SS_HANDSHAKE;
    s->c = calloc(1, sizeof(ssl_conn_t));
    if (s->c == NULL) {
        raise_memory_error();
    }
    mbedtls_ssl_config_init(&s->c->conf);
    mbedtls_ssl_init(&s->c->ssl);
    int r = mbedtls_ssl_config_defaults(&s->c->conf, server ? MBEDTLS_SSL_IS_SERVER : MBEDTLS_SSL_IS_CLIENT,
        s->dtls ? MBEDTLS_SSL_TRANSPORT_DATAGRAM : MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
    if (r == 0 && s->dtls && server) {
        r = dtls_conf_server(&s->c->conf, &ssl_drbg);
    }
    if (r != 0) {
        conn_free(s);
        ssl_raise_code(r);
    }
    mbedtls_ssl_conf_rng(&s->c->conf, mbedtls_ctr_drbg_random, &ssl_drbg);
    /* mbedTLS 2.28 offers the largest curve first, so a peer honouring the client's order picks
     * P-521 for the key exchange, ~10x the work of P-256: offer the fast ones first */
    static const mbedtls_ecp_group_id curves[] = {MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_CURVE25519,
        MBEDTLS_ECP_DP_SECP384R1, MBEDTLS_ECP_DP_SECP521R1, MBEDTLS_ECP_DP_NONE};
    mbedtls_ssl_conf_curves(&s->c->conf, curves);
    mbedtls_ssl_conf_authmode(&s->c->conf, x->verify_mode);
    if (x->verify_callback != OBJ_NONE) {
        mbedtls_ssl_conf_verify(&s->c->conf, ssl_verify_cb, s);
    }
    if (x->c->ciphers[0] != 0) {
        mbedtls_ssl_conf_ciphersuites(&s->c->conf, x->c->ciphers);
    }
    if (x->c->has_ca) {
        mbedtls_ssl_conf_ca_chain(&s->c->conf, &x->c->ca, NULL);
    }
    if (x->c->has_own) {
        r = mbedtls_ssl_conf_own_cert(&s->c->conf, &x->c->own, &x->c->key);
        if (r != 0) {
            conn_free(s);
            ssl_raise_code(r);
        }
    }
    r = conf_psk(s, x, server);
    if (r != 0) {
        conn_free(s);
        ssl_raise_code(r);
    }
    r = mbedtls_ssl_setup(&s->c->ssl, &s->c->conf);
    if (r == 0 && hostname != OBJ_NONE) {
        r = mbedtls_ssl_set_hostname(&s->c->ssl, str_cstr(hostname));
    }
    if (r == 0 && s->dtls) {
        dtls_timer_attach(&s->c->ssl, &s->timer);
        if (server) {
            r = dtls_set_client_id(&s->c->ssl, client_id);
        }
    }
    if (r != 0) {
        conn_free(s);
        ssl_raise_code(r);
    }
    mbedtls_ssl_set_bio(&s->c->ssl, s, bio_send, bio_recv, NULL);
    /* the seed's flow wraps a socket before connect(): the handshake waits for it (a non-blocking
     * connect still in progress is waited for, as MicroPython does) */
    if (handshake && socket_is(sock)) {
        uint32_t ip;
        int fd = socket_fd(sock);
        handshake = fd >= 0 && (socket_connect_called(sock) || hsock_peer(fd, &ip, NULL) == 0);
    }
    if (handshake) {
        sslsock_handshake(s, true);
    }
    return OBJ_FROM_PTR(s);
}

static obj_t sslsock_close(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_obj_t *s = obj_check_self(args[0], &sslsock_type);
    if (s->state == SS_CLOSED) {
        return OBJ_NONE;
    }
    if (s->state == SS_READY && s->c != NULL) {
        /* best effort: a close_notify the peer may read; its failure changes nothing */
        nlr_buf_t nlr;
        if (nlr_push(&nlr) == 0) {
            mbedtls_ssl_close_notify(&s->c->ssl);
            nlr_pop();
        }
        s->bio_exc = OBJ_NULL;
        s->bio_errno = 0;
    }
    s->state = SS_CLOSED;
    conn_free(s);
    obj_t m[4];
    rt_load_method_maybe(s->sock, QSTR_ioctl, m);
    if (m[0] != OBJ_NULL && !socket_is(s->sock)) {
        m[2] = small_int_new(STREAM_IOCTL_CLOSE);
        m[3] = small_int_new(0);
        rt_call_method(2, 0, m);
    } else {
        rt_load_method_maybe(s->sock, QSTR_close, m);
        if (m[0] != OBJ_NULL) {
            rt_call_method(0, 0, m);
        }
    }
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_close_obj, close, 1, 1, sslsock_close);

/* setblocking/settimeout go to the stream underneath */
static obj_t sslsock_pass1(obj_t self, qstr name, obj_t arg) {
    sslsock_obj_t *s = obj_check_self(self, &sslsock_type);
    obj_t m[3];
    rt_load_method(s->sock, name, m);
    m[2] = arg;
    return rt_call_method(1, 0, m);
}

static obj_t sslsock_setblocking(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_pass1(args[0], QSTR_setblocking, args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_setblocking_obj, setblocking, 2, 2, sslsock_setblocking);

static obj_t sslsock_settimeout(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_pass1(args[0], QSTR_settimeout, args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_settimeout_obj, settimeout, 2, 2, sslsock_settimeout);

/* connect(addr): the seed's flow (wrap first, then connect): connect, then the handshake */
static obj_t sslsock_connect(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_obj_t *s = ss_open(args[0]);
    if (!socket_is(s->sock)) {
        raise_msg(&type_TypeError, "connect() needs an SSL socket over a socket");
    }
    socket_connect_to(s->sock, args[1]);
    sslsock_handshake(s, false);
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_connect_obj, connect, 2, 2, sslsock_connect);

/* accept() of a wrapped listening socket: the connection, wrapped the same way, handshake done */
static obj_t sslsock_accept(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_obj_t *s = ss_open(args[0]);
    obj_t m[2];
    rt_load_method(s->sock, QSTR_accept, m);
    obj_t pair = rt_call_method(0, 0, m);
    obj_t *items;
    obj_get_array_fixed(pair, 2, &items);
    obj_t conn = items[0];
    nlr_buf_t nlr;
    if (nlr_push(&nlr) == 0) {
        obj_t w = sslsock_wrap(s->ctx, conn, true, true, OBJ_NONE, OBJ_NONE);
        nlr_pop();
        obj_t out[2] = {w, items[1]};
        return tuple_new(2, out);
    }
    rt_load_method(conn, QSTR_close, m);
    rt_call_method(0, 0, m);
    rt_raise(nlr.value);
}
static DEFINE_FUN(sslsock_accept_obj, accept, 1, 1, sslsock_accept);

static obj_t sslsock_do_handshake(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_handshake(ss_open(args[0]), false);
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_do_handshake_obj, do_handshake, 1, 1, sslsock_do_handshake);

/* send/recv/sendall as the WiPy's SSL sockets (which are sockets) have them */
static obj_t sslsock_send(size_t n_args, size_t n_kw, const obj_t *args) {
    ss_open(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
    ssize_t n = ss_stream_write(args[0], bi.buf, bi.len);
    if (n < 0) {
        stream_raise(n);
    }
    return small_int_new((int_t)n);
}
static DEFINE_FUN(sslsock_send_obj, send, 2, 2, sslsock_send);

static obj_t sslsock_sendall(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t r = stream_write_obj.fun(2, 0, args);
    if (r == OBJ_NONE) {
        raise_os_error(EAGAIN);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(sslsock_sendall_obj, sendall, 2, 2, sslsock_sendall);

static obj_t sslsock_recv(size_t n_args, size_t n_kw, const obj_t *args) {
    ss_open(args[0]);
    int_t len = obj_get_int(args[1]);
    if (len < 0) {
        raise_os_error(EINVAL);
    }
    vstr_t v;
    vstr_init(&v, (size_t)len + 1);
    ssize_t n = ss_stream_read(args[0], v.buf, (size_t)len);
    if (n < 0) {
        stream_raise(n);
    }
    return bytes_new(v.buf, (size_t)n);
}
static DEFINE_FUN(sslsock_recv_obj, recv, 2, 2, sslsock_recv);

static obj_t sslsock_getpeercert(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_obj_t *s = ss_open(args[0]);
    if (n_args < 2 || !rt_is_true(args[1])) {
        return OBJ_NONE; /* only the binary form exists here, as in MicroPython */
    }
    const mbedtls_x509_crt *peer = mbedtls_ssl_get_peer_cert(&s->c->ssl);
    if (peer == NULL) {
        return OBJ_NONE;
    }
    return bytes_new((const char *)peer->raw.p, peer->raw.len);
}
static DEFINE_FUN(sslsock_getpeercert_obj, getpeercert, 1, 2, sslsock_getpeercert);

static obj_t sslsock_cipher(size_t n_args, size_t n_kw, const obj_t *args) {
    sslsock_obj_t *s = ss_open(args[0]);
    const char *c = mbedtls_ssl_get_ciphersuite(&s->c->ssl);
    const char *v = mbedtls_ssl_get_version(&s->c->ssl);
    if (c == NULL) {
        return OBJ_NONE;
    }
    obj_t items[2] = {str_new(c, strlen(c)), str_new(v, strlen(v))};
    return tuple_new(2, items);
}
static DEFINE_FUN(sslsock_cipher_obj, cipher, 1, 1, sslsock_cipher);

/* ioctl(request, arg): poll (3) and close (4), as MicroPython's TLS sockets answer */
static obj_t sslsock_ioctl(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t req = obj_get_int(args[1]);
    int_t arg = obj_get_int(args[2]);
    obj_check_self(args[0], &sslsock_type);
    if (req == STREAM_IOCTL_CLOSE) {
        sslsock_close(1, 0, args);
        return small_int_new(0);
    }
    if (req == STREAM_IOCTL_POLL) {
        return small_int_new(ss_stream_poll(args[0], (int)arg));
    }
    raise_os_error(EINVAL);
}
static DEFINE_FUN(sslsock_ioctl_obj, ioctl, 3, 3, sslsock_ioctl);

static obj_t sslsock_exit(size_t n_args, size_t n_kw, const obj_t *args) { return sslsock_close(1, 0, args); }
static DEFINE_FUN(sslsock_exit_obj, __exit__, 1, 4, sslsock_exit);

static obj_t sslsock_enter(size_t n_args, size_t n_kw, const obj_t *args) { return args[0]; }
static DEFINE_FUN(sslsock_enter_obj, __enter__, 1, 1, sslsock_enter);

static void sslsock_print(const print_t *p, obj_t o, print_kind_t kind) { print_str(p, "<SSLSocket>"); }

static const map_elem_t sslsock_locals_table[] = {
    {ROM_QSTR(QSTR_read), ROM_PTR(&stream_read_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&stream_readinto_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&stream_readline_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&stream_write_obj)},
    {ROM_QSTR(QSTR_send), ROM_PTR(&sslsock_send_obj)},
    {ROM_QSTR(QSTR_sendall), ROM_PTR(&sslsock_sendall_obj)},
    {ROM_QSTR(QSTR_recv), ROM_PTR(&sslsock_recv_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&sslsock_close_obj)},
    {ROM_QSTR(QSTR_setblocking), ROM_PTR(&sslsock_setblocking_obj)},
    {ROM_QSTR(QSTR_settimeout), ROM_PTR(&sslsock_settimeout_obj)},
    {ROM_QSTR(QSTR_connect), ROM_PTR(&sslsock_connect_obj)},
    {ROM_QSTR(QSTR_accept), ROM_PTR(&sslsock_accept_obj)},
    {ROM_QSTR(QSTR_do_handshake), ROM_PTR(&sslsock_do_handshake_obj)},
    {ROM_QSTR(QSTR_getpeercert), ROM_PTR(&sslsock_getpeercert_obj)},
    {ROM_QSTR(QSTR_cipher), ROM_PTR(&sslsock_cipher_obj)},
    {ROM_QSTR(QSTR_ioctl), ROM_PTR(&sslsock_ioctl_obj)},
    {ROM_QSTR(QSTR___enter__), ROM_PTR(&sslsock_enter_obj)},
    {ROM_QSTR(QSTR___exit__), ROM_PTR(&sslsock_exit_obj)},
};
static DEFINE_CONST_DICT(sslsock_locals_dict, sslsock_locals_table);
static const type_t sslsock_type = {
    .base = {&type_type},
    .name = QSTR_SSLSocket,
    .print = sslsock_print,
    .finalise = sslsock_finalise,
    .locals_dict = &sslsock_locals_dict,
    .protocol = &sslsock_stream_p,
};

/* ---- ssl.wrap_socket: the seed's form and MicroPython's ---- */

static obj_t ssl_wrap_socket(size_t n_args, size_t n_kw, const obj_t *args) {
    enum { SOCK, SERVER_SIDE, KEYFILE, CERTFILE, CERT_REQS, SSL_VERSION, CA_CERTS, KEY, CERT, CADATA,
        SERVER_HOSTNAME, DO_HANDSHAKE, N };
    static const arg_spec_t specs[N] = {
        {QSTR_sock, ARG_REQUIRED, OBJ_NULL},
        {QSTR_server_side, ARG_KW_ONLY | ARG_KIND_BOOL, ROM_PTR(&false_obj)},
        {QSTR_keyfile, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_certfile, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_cert_reqs, ARG_KW_ONLY | ARG_KIND_INT, ROM_INT(CERT_NONE)},
        {QSTR_ssl_version, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_ca_certs, ARG_KW_ONLY, ROM_PTR(&none_obj)},
        {QSTR_key, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_cert, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_cadata, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_server_hostname, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_do_handshake, ARG_KW_ONLY, OBJ_NULL},
    };
    arg_val_t v[N];
    arg_parse_all(n_args, args, n_kw, args + n_args, N, specs, v);
    bool modern = v[KEY].o != OBJ_NULL || v[CERT].o != OBJ_NULL || v[CADATA].o != OBJ_NULL ||
                  v[SERVER_HOSTNAME].o != OBJ_NULL || v[DO_HANDSHAKE].o != OBJ_NULL;
    /* the seed's rule, for the seed's form of the call */
    if (!modern && socket_is(v[SOCK].o) && socket_proto(v[SOCK].o) != SOCKET_IPPROTO_SEC) {
        raise_msg(&type_OSError, "ssl.wrap_socket needs a socket made with proto=socket.IPPROTO_SEC: "
                                 "socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SEC)");
    }
    int_t reqs = v[CERT_REQS].i;
    if (reqs < CERT_NONE || reqs > CERT_REQUIRED) {
        raise_msg(&type_ValueError, "cert_reqs must be CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED");
    }
    bool server = v[SERVER_SIDE].b;
    obj_t ctx = sslctx_new(server ? PROTOCOL_TLS_SERVER : PROTOCOL_TLS_CLIENT);
    sslctx_obj_t *x = OBJ_TO_PTR(ctx);
    obj_t key = v[KEY].o != OBJ_NULL ? v[KEY].o : v[KEYFILE].o;
    obj_t cert = v[CERT].o != OBJ_NULL ? v[CERT].o : v[CERTFILE].o;
    if (key == OBJ_NULL) {
        key = OBJ_NONE;
    }
    if (cert == OBJ_NULL) {
        cert = OBJ_NONE;
    }
    if (key != OBJ_NONE || cert != OBJ_NONE) {
        if (key == OBJ_NONE) {
            raise_msg(&type_TypeError, "a certificate needs its key (keyfile= or key=)");
        }
        if (cert == OBJ_NONE && obj_is_str(key)) {
            raise_msg(&type_TypeError, "a key needs its certificate (certfile= or cert=)");
        }
        ctx_load_chain(x, cert, key);
    }
    obj_t ca = v[CADATA].o != OBJ_NULL && v[CADATA].o != OBJ_NONE ? v[CADATA].o : v[CA_CERTS].o;
    if (ca != OBJ_NONE && ca != OBJ_NULL) {
        ctx_load_ca(x, ca);
    } else if (reqs == CERT_REQUIRED) {
        raise_msg(&type_ValueError, "cert_reqs=CERT_REQUIRED needs the CA certificate (ca_certs= or cadata=)");
    }
    x->verify_mode = (int)reqs;
    bool handshake = v[DO_HANDSHAKE].o == OBJ_NULL || rt_is_true(v[DO_HANDSHAKE].o);
    obj_t host = v[SERVER_HOSTNAME].o == OBJ_NULL ? OBJ_NONE : v[SERVER_HOSTNAME].o;
    return sslsock_wrap(ctx, v[SOCK].o, server, handshake, host, OBJ_NONE);
}
static DEFINE_FUN_KW(ssl_wrap_socket_obj, wrap_socket, 1, 1, ssl_wrap_socket);

static str_obj_t ssl_version_obj = {{&str_type}, 0, sizeof(MBEDTLS_VERSION_STRING_FULL) - 1,
    sizeof(MBEDTLS_VERSION_STRING_FULL) - 1, (const uint8_t *)MBEDTLS_VERSION_STRING_FULL};

static const map_elem_t ssl_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_ssl)},
    {ROM_QSTR(QSTR_wrap_socket), ROM_PTR(&ssl_wrap_socket_obj)},
    {ROM_QSTR(QSTR_SSLContext), ROM_PTR(&sslctx_type)},
    {ROM_QSTR(QSTR_SSLSocket), ROM_PTR(&sslsock_type)},
    {ROM_QSTR(QSTR_SSLError), ROM_PTR(&ssl_error_type)},
    {ROM_QSTR(QSTR_CERT_NONE), ROM_INT(CERT_NONE)},
    {ROM_QSTR(QSTR_CERT_OPTIONAL), ROM_INT(CERT_OPTIONAL)},
    {ROM_QSTR(QSTR_CERT_REQUIRED), ROM_INT(CERT_REQUIRED)},
    {ROM_QSTR(QSTR_PROTOCOL_TLSv1), ROM_INT(PROTOCOL_TLSv1)},
    {ROM_QSTR(QSTR_PROTOCOL_TLSv1_1), ROM_INT(PROTOCOL_TLSv1_1)},
    {ROM_QSTR(QSTR_PROTOCOL_TLSv1_2), ROM_INT(PROTOCOL_TLSv1_2)},
    {ROM_QSTR(QSTR_PROTOCOL_TLS_CLIENT), ROM_INT(PROTOCOL_TLS_CLIENT)},
    {ROM_QSTR(QSTR_PROTOCOL_TLS_SERVER), ROM_INT(PROTOCOL_TLS_SERVER)},
    {ROM_QSTR(QSTR_PROTOCOL_DTLS_CLIENT), ROM_INT(PROTOCOL_DTLS_CLIENT)},
    {ROM_QSTR(QSTR_PROTOCOL_DTLS_SERVER), ROM_INT(PROTOCOL_DTLS_SERVER)},
    {ROM_QSTR(QSTR_MBEDTLS_VERSION), ROM_PTR(&ssl_version_obj)},
};
static DEFINE_CONST_DICT(ssl_globals, ssl_globals_table);
const module_obj_t ssl_module = {{&module_type}, &ssl_globals};
REGISTER_MODULE(QSTR_ssl, ssl_module);
/* MicroPython's newer name for the same module */
const module_obj_t tls_module = {{&module_type}, &ssl_globals};
REGISTER_MODULE(QSTR_tls, tls_module);
