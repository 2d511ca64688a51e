/* modules/mod_io_file.h: what the os module needs from the file objects of open() (mod_io_file.c),
 * and the readinto() argument rule every stream shares.
 * Invariant: a file object on a VFS volume is in the open list from open() until it is closed. */
#ifndef MODULES_MOD_IO_FILE_H
#define MODULES_MOD_IO_FILE_H

#include <stddef.h>

#include "core/obj.h"
#include "storage/fat.h"

/* Closes every file object still open on a VFS volume (soft reset, before the heap goes). */
void io_file_close_all_vfs(void);
/* Closes the files the collector freed while open on a volume over a Python block device (their
 * close must call Python, which the collector can't); every file-system entry point calls it. */
void io_file_run_deferred(void);
/* A volume is going away with its device: its files are dropped without writing (closed). */
void io_file_drop_vol(const fat_vol_t *vol);
/* open() on a volume directly (vfs.VfsFat.open): rel is volume-relative; owner is kept alive. */
obj_t io_file_open_vol(fat_vol_t *vol, const char *rel, obj_t mode, obj_t owner);
/* How many file objects are open on VFS volumes. */
size_t io_file_vfs_open_count(void);

/* The target of a stream's readinto(buf[, nbytes]) (args[1], args[2]): a writable buffer, its
 * length capped by nbytes when given and not negative. Shared by files and machine.UART. */
void io_readinto_target(size_t n_args, const obj_t *args, buffer_info_t *bi);

#endif
