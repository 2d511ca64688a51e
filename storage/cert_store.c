/* storage/cert_store.c: the certificate paths of storage/cert_store.h. */
#include "storage/cert_store.h"

#include <string.h>

static const char *const cert_paths[][2] = {
    {"/flash/cert/ca.pem", "ca.pem"},
    {"/flash/cert/cert.pem", "cert.pem"},
    {"/flash/cert/private.key", "private.key"},
};

static const hstore_t *cert_hs;

const char *cert_store_key(const char *path) {
    for (size_t i = 0; i < sizeof(cert_paths) / sizeof(cert_paths[0]); i++) {
        if (strcmp(path, cert_paths[i][0]) == 0) {
            return cert_paths[i][1];
        }
    }
    return NULL;
}

void cert_store_set(const hstore_t *hs) { cert_hs = hs; }

const hstore_t *cert_store_get(void) { return cert_hs; }
