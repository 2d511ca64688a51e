/* modules/mod_io_file.h: what the os module needs from the file objects of open() (mod_io_file.c).
 * Invariant: a file object on a VFS volume is in the open list from open() until it is closed. */
#ifndef MODULES_MOD_IO_FILE_H
#define MODULES_MOD_IO_FILE_H

#include <stddef.h>

/* Closes every file object still open on a VFS volume (soft reset, before the heap goes). */
void io_file_close_all_vfs(void);
/* How many file objects are open on VFS volumes. */
size_t io_file_vfs_open_count(void);

#endif
