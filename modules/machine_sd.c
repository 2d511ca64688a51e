/* modules/machine_sd.c: machine.SD (spec §5 SD) over board/sd_card.h: id 0, one static object,
 * pins=(CLK, CMD, DAT0) (default GP10, GP11, GP15; only pins with that SD function), init/deinit,
 * and the block-device protocol (readblocks/writeblocks/ioctl, 512-byte blocks). No card in the
 * slot is OSError(EIO) at init, as is any block access with the controller off or no card.
 * Invariant: the native block device (machine_sd_bdev) is bound to one card generation. */
#include "modules/machine_sd.h"

#include <errno.h>

#include "board/pin.h"
#include "board/sd_card.h"
#include "core/runtime.h"
#include "modules/machine_pin.h"

enum {
    SD_IOCTL_INIT = 1,
    SD_IOCTL_DEINIT = 2,
    SD_IOCTL_SYNC = 3,
    SD_IOCTL_COUNT = 4,
    SD_IOCTL_SIZE = 5,
    SD_IOCTL_ERASE = 6
};

typedef struct {
    obj_base_t base;
} machine_sd_obj_t;

static const machine_sd_obj_t machine_sd_obj = {{&machine_sd_type}};
static const char *const sd_default_pins[3] = {"GP10", "GP11", "GP15"};
static int sd_pins[3] = {-1, -1, -1}; /* the pins of the last init */

/* pins: NULL = the defaults, None = the last ones (the defaults the first time), else a 3-sequence
 * (CLK, CMD, DAT0) of pins that carry those functions. Turns the host on; no card is EIO. */
static void sd_init_pins(obj_t pins) {
    int p[3];
    if (pins == OBJ_NULL || (pins == OBJ_NONE && sd_pins[0] < 0)) {
        for (int i = 0; i < 3; i++) {
            p[i] = pin_by_name(sd_default_pins[i], 4);
        }
    } else if (pins == OBJ_NONE) {
        for (int i = 0; i < 3; i++) {
            p[i] = sd_pins[i];
        }
    } else {
        static const char *const roles[3] = {"CLK", "CMD", "DAT0"};
        obj_t *items;
        size_t n;
        obj_get_array(pins, &n, &items);
        if (n != 3) {
            raise_msg(&type_ValueError, "SD pins must be (CLK, CMD, DAT0)");
        }
        for (int i = 0; i < 3; i++) {
            p[i] = machine_pin_index(items[i]);
            if (sd_host_pin_alt(p[i], i) < 0) {
                raise_fmt(&type_ValueError, "invalid SD %s pin", roles[i]);
            }
        }
    }
    sd_host_init(p[0], p[1], p[2]);
    for (int i = 0; i < 3; i++) {
        sd_pins[i] = p[i];
    }
    if (!sd_card_present()) {
        raise_os_error_why(EIO, "no card in the SD slot");
    }
}

/* SD(id=0, pins=(CLK, CMD, DAT0)) */
static obj_t sd_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_id, 0, ROM_INT(0)}, {QSTR_pins, 0, OBJ_NULL}};
    arg_val_t v[2];
    arg_parse_all(n_args, args, n_kw, args + n_args, 2, specs, v);
    if (!obj_is_int(v[0].o) || obj_get_int(v[0].o) != 0) {
        raise_os_error(ENODEV);
    }
    sd_init_pins(v[1].o);
    return OBJ_FROM_PTR(&machine_sd_obj);
}

/* init(pins=(CLK, CMD, DAT0)) */
static obj_t sd_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {{QSTR_pins, 0, OBJ_NULL}};
    arg_val_t v[1];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 1, specs, v);
    sd_init_pins(v[0].o);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(sd_init_obj, init, 1, 2, sd_init_fn);

static obj_t sd_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    sd_host_deinit();
    return OBJ_NONE;
}
static DEFINE_FUN(sd_deinit_obj, deinit, 1, 1, sd_deinit_fn);

/* The host must be on and a card in, else OSError(EIO). */
static void sd_check_ready(void) {
    if (!sd_host_enabled()) {
        raise_os_error_why(EIO, "the SD controller is off (SD.init() turns it on)");
    }
    if (!sd_card_present()) {
        raise_os_error_why(EIO, "no card in the SD slot");
    }
}

/* readblocks / writeblocks (block_num, buf): whole blocks only; 0 when done, OSError otherwise. */
static obj_t sd_blocks(const obj_t *args, bool write) {
    int_t lba = obj_get_int(args[1]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[2], &bi, write ? BUFFER_READ : BUFFER_WRITE);
    if (bi.len % SD_BLOCK != 0) {
        raise_msg(&type_ValueError, "the buffer must be a whole number of 512-byte blocks");
    }
    sd_check_ready();
    uint32_t n = (uint32_t)(bi.len / SD_BLOCK);
    if (lba < 0 || (uint64_t)lba + n > sd_card_blocks()) {
        raise_os_error_why(EIO, "blocks beyond the card's end");
    }
    int r = write ? sd_card_write((uint32_t)lba, n, bi.buf) : sd_card_read((uint32_t)lba, n, bi.buf);
    if (r < 0) {
        raise_os_error(-r);
    }
    return small_int_new(0);
}

static obj_t sd_readblocks_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return sd_blocks(args, false);
}
static DEFINE_FUN(sd_readblocks_obj, readblocks, 3, 3, sd_readblocks_fn);

static obj_t sd_writeblocks_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    return sd_blocks(args, true);
}
static DEFINE_FUN(sd_writeblocks_obj, writeblocks, 3, 3, sd_writeblocks_fn);

/* ioctl(op, arg): MicroPython's block-device operations; None for the ones it doesn't know. */
static obj_t sd_ioctl_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t op = obj_get_int(args[1]);
    switch (op) {
        case SD_IOCTL_INIT: return small_int_new(sd_host_enabled() && sd_card_present() ? 0 : -EIO);
        case SD_IOCTL_DEINIT:
        case SD_IOCTL_ERASE: return small_int_new(0);
        case SD_IOCTL_SYNC: return small_int_new(sd_card_present() ? sd_card_sync() : 0);
        case SD_IOCTL_COUNT: sd_check_ready(); return int_from_uint(sd_card_blocks());
        case SD_IOCTL_SIZE: return small_int_new(SD_BLOCK);
        default: return OBJ_NONE;
    }
}
static DEFINE_FUN(sd_ioctl_obj, ioctl, 3, 3, sd_ioctl_fn);

static void sd_print(const print_t *p, obj_t o, print_kind_t kind) {
    print_fmt(p, "<SD>");
}

static const map_elem_t sd_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&sd_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&sd_deinit_obj)},
    {ROM_QSTR(QSTR_readblocks), ROM_PTR(&sd_readblocks_obj)},
    {ROM_QSTR(QSTR_writeblocks), ROM_PTR(&sd_writeblocks_obj)},
    {ROM_QSTR(QSTR_ioctl), ROM_PTR(&sd_ioctl_obj)},
};
static DEFINE_CONST_DICT(sd_locals_dict, sd_locals_table);
const type_t machine_sd_type = {
    .base = {&type_type}, .name = QSTR_SD, .print = sd_print, .make_new = sd_make_new, .locals_dict = &sd_locals_dict};

/* ---- the native block device ---- */

static uint32_t sd_bound_generation; /* the card the device was last bound to */

/* The medium: the card the device was bound to, still in the slot. (The controller being off
 * fails only the accesses that reach the card, as on the board, where what the file system has
 * cached is still served after SD.deinit(): MicroPython's cc3200 os.py test relies on it.) */
static int sd_bdev_status(void *ctx) {
    return sd_card_present() && sd_card_generation() == sd_bound_generation ? 0 : -EIO;
}

static int sd_bdev_access(void) {
    return sd_host_enabled() ? sd_bdev_status(NULL) : -EIO;
}

static int sd_bdev_read(void *ctx, uint32_t lba, uint32_t n, uint8_t *buf) {
    int r = sd_bdev_access();
    return r ? r : sd_card_read(lba, n, buf);
}

static int sd_bdev_write(void *ctx, uint32_t lba, uint32_t n, const uint8_t *buf) {
    int r = sd_bdev_access();
    return r ? r : sd_card_write(lba, n, buf);
}

static int sd_bdev_sync(void *ctx) {
    int r = sd_bdev_access();
    return r ? r : sd_card_sync();
}

static uint32_t sd_bdev_count(void *ctx) {
    return sd_bdev_status(ctx) ? 0 : sd_card_blocks();
}
static uint32_t sd_bdev_size(void *ctx) {
    return SD_BLOCK;
}

static const bdev_t sd_bdev = {
    NULL, sd_bdev_read, sd_bdev_write, sd_bdev_sync, sd_bdev_count, sd_bdev_size, NULL, sd_bdev_status};

const bdev_t *machine_sd_bdev(obj_t o) {
    return obj_is_type(o, &machine_sd_type) ? &sd_bdev : NULL;
}

bool machine_sd_bind(void) {
    sd_bound_generation = sd_card_generation();
    return sd_card_readonly();
}
