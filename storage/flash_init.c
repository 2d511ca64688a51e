/* /flash first boot: the WiPy formats a /flash without a FAT and creates main.py, sys/, lib/,
 * cert/ and boot.py (in that order, so a fresh listdir shows them so), recreating any that are
 * missing at every boot. Invariant: existing files are never touched, only missing ones made. */
#include "storage/flash_init.h"

#include <errno.h>
#include <string.h>

#include "storage/vfs.h"

static const char flash_main_py[] = "# main.py -- put your code here!\r\n";
static const char flash_boot_py[] = "# boot.py -- run on boot to configure USB and filesystem\r\n"
                                    "# Put app code in main.py\r\n"
                                    "import os, machine\r\n"
                                    "os.dupterm(machine.UART(0, 115200))\r\n";

static const struct {
    const char *name;
    const char *content; /* NULL: a directory */
} flash_items[] = {
    {"main.py", flash_main_py},
    {"sys", NULL},
    {"lib", NULL},
    {"cert", NULL},
    {"boot.py", flash_boot_py},
};

static int flash_make_file(fat_vol_t *v, const char *name, const char *content) {
    fat_file_t f;
    int r = fat_open(v, &f, name, FAT_O_WRITE | FAT_O_CREAT | FAT_O_EXCL);
    if (r)
        return r;
    size_t len = strlen(content);
    ssize_t w = fat_write(&f, content, len);
    int c = fat_close(&f);
    if (w != (ssize_t)len) {
        fat_remove(v, name);
        return w < 0 ? (int)w : -ENOSPC;
    }
    return c;
}

int flash_init(fat_vol_t *v, const bdev_t *bd, bool *formatted) {
    if (formatted)
        *formatted = false;
    int r = fat_mount(v, bd, 0);
    if (r == -ENODEV || r == -EIO) {
        if ((r = fat_mkfs_flash(bd)))
            return r;
        if (formatted)
            *formatted = true;
        r = fat_mount(v, bd, 0);
    }
    if (r)
        return r;
    for (size_t i = 0; i < sizeof flash_items / sizeof flash_items[0]; i++) {
        fat_stat_t st;
        r = fat_stat(v, flash_items[i].name, &st);
        if (r == 0)
            continue;
        if (r != -ENOENT)
            break;
        r = flash_items[i].content ? flash_make_file(v, flash_items[i].name, flash_items[i].content)
                                   : fat_mkdir(v, flash_items[i].name);
        if (r)
            break;
    }
    if (r == 0)
        r = fat_sync(v);
    return r;
}

int flash_mount(const bdev_t *bd, bool *formatted) {
    static fat_vol_t v;
    int r = flash_init(&v, bd, formatted);
    int u = v.mounted ? fat_unmount(&v) : 0;
    if (r)
        return r;
    if (u)
        return u;
    if ((r = vfs_mount(bd, "/flash", 0)))
        return r;
    return vfs_chdir("/flash");
}
