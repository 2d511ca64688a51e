/* storage/cert_store.h: where the board's certificates live (spec §13, seed): the three upload
 * paths /flash/cert/ca.pem, cert.pem and private.key are blobs of the hidden store, never files of
 * the FAT volume. FTP (uploads) and ssl (wrap_socket's paths) share this mapping.
 * Invariant: a path maps to a key only if it is exactly one of the three paths. */
#ifndef STORAGE_CERT_STORE_H
#define STORAGE_CERT_STORE_H

#include "storage/hidden_store.h"

/* The hidden-store key of a certificate path ("ca.pem", "cert.pem", "private.key"), or NULL. */
const char *cert_store_key(const char *path);
/* The hidden store the board runs with (board mode sets it at power-on); NULL in script mode. */
void cert_store_set(const hstore_t *hs);
const hstore_t *cert_store_get(void);

#endif
