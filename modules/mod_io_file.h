/* modules/mod_io_file.h: what the os module needs from the file objects of open() (mod_io_file.c),
 * and the readinto() argument rule every stream shares.
 * Invariant: a file object on a VFS volume is in the open list from open() until it is closed. */
#ifndef MODULES_MOD_IO_FILE_H
#define MODULES_MOD_IO_FILE_H

#include <stddef.h>

#include "core/obj.h"

/* Closes every file object still open on a VFS volume (soft reset, before the heap goes). */
void io_file_close_all_vfs(void);
/* How many file objects are open on VFS volumes. */
size_t io_file_vfs_open_count(void);

/* The target of a stream's readinto(buf[, nbytes]) (args[1], args[2]): a writable buffer, its
 * length capped by nbytes when given and not negative. Shared by files and machine.UART. */
void io_readinto_target(size_t n_args, const obj_t *args, buffer_info_t *bi);

#endif
