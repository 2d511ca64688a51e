/* firmware/version.c: the firmware version the image reports (os.uname().release, the banner).
 * `make VERSION=x.y.z` compiles this file again with WIPY_VERSION set and links that object ahead
 * of the library's copy, so only this object changes between two images of different versions. */
#include "core/port.h"

#ifndef WIPY_VERSION
#define WIPY_VERSION "1.8.6"
#endif

const char port_version[] = WIPY_VERSION;
