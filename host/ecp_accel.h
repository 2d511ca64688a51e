/* host/ecp_accel.h: P-256 scalar multiplication for mbedTLS done by the host's OpenSSL libcrypto
 * (host/ecp_accel.c). Invariant: results are mbedTLS's own (checked against it at first use);
 * other curves, odd inputs, or a failed check go to mbedTLS's code unchanged. */
#ifndef HOST_ECP_ACCEL_H
#define HOST_ECP_ACCEL_H

#include <stdbool.h>

/* Sets the accelerator up (once) and says whether it is in use. Calling it also links it in. */
bool ecp_accel_active(void);

#endif
