/* firmware/cli_size.h: sizes given on the command line ("-X heapsize=64k", "--heap 1m"), shared by
 * script mode and board mode so both accept exactly the same spellings. */
#ifndef FIRMWARE_CLI_SIZE_H
#define FIRMWARE_CLI_SIZE_H

#include <stddef.h>

/* "N", "Nw" (words), "Nk", "Nm" (any case); 0 for anything else or above 16 GiB. */
size_t cli_parse_size(const char *s);

#endif
