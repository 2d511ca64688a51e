/* modules/machine_i2c.c: machine.I2C (spec §5 I2C, seed "Additional details for machine.I2C") over
 * board/i2c.h: one controller, id 0, one static object; the current keywords (freq, scl, sda) and
 * the WiPy's legacy ones (mode=I2C.MASTER, baudrate, pins=(SDA, SCL)); only pins with the I2C
 * function in pins.csv. Nobody answering is OSError(EIO); a deinitialised I2C is OSError(EPERM).
 * Invariant: every transfer ends with a STOP unless the caller asked for stop=False. */
#include "modules/machine_periph.h"

#include <errno.h>
#include <string.h>

#include "board/i2c.h"
#include "board/pin.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/machine_pin.h"

#define I2C_MASTER 0
#define I2C_DEFAULT_FREQ 100000

typedef struct {
    obj_base_t base;
} machine_i2c_obj_t;

static const machine_i2c_obj_t machine_i2c_obj = {{&machine_i2c_type}};

static void check_enabled(void) {
    if (!i2c_ctrl_enabled()) {
        raise_os_error(EPERM);
    }
}

/* A pin argument ('GPn' or a Pin) that can carry SCL / SDA. */
static int pin_arg(obj_t o, bool scl) {
    int p = machine_pin_index(o);
    if (i2c_pin_alt(p, scl) < 0) {
        raise_msg(&type_ValueError, scl ? "invalid SCL pin" : "invalid SDA pin");
    }
    return p;
}

/* init(mode=I2C.MASTER, *, baudrate=100000, pins=(SDA, SCL), freq=, scl=, sda=) */
static void i2c_apply(size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_mode, 0, ROM_INT(I2C_MASTER)},
        {QSTR_baudrate, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_pins, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_freq, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_scl, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_sda, ARG_KW_ONLY, OBJ_NULL},
    };
    arg_val_t v[6];
    arg_parse_all(n_args, args, n_kw, kw, 6, specs, v);
    if (obj_get_int(v[0].o) != I2C_MASTER) {
        raise_msg(&type_ValueError, "invalid I2C mode");
    }
    int_t freq = I2C_DEFAULT_FREQ;
    if (v[1].o != OBJ_NULL && v[3].o != OBJ_NULL) {
        raise_msg(&type_ValueError, "give freq or baudrate, not both");
    }
    if (v[1].o != OBJ_NULL || v[3].o != OBJ_NULL) {
        freq = obj_get_int(v[1].o != OBJ_NULL ? v[1].o : v[3].o);
        if (freq <= 0) {
            raise_msg(&type_ValueError, "invalid baudrate");
        }
    }
    int scl = pin_by_name("GP23", 4), sda = pin_by_name("GP13", 4);
    if (v[2].o != OBJ_NULL && v[2].o != OBJ_NONE) {
        if (v[4].o != OBJ_NULL || v[5].o != OBJ_NULL) {
            raise_msg(&type_ValueError, "give pins or scl/sda, not both");
        }
        obj_t *items;
        size_t n;
        obj_get_array(v[2].o, &n, &items);
        if (n != 2) {
            raise_msg(&type_ValueError, "pins must be (SDA, SCL)");
        }
        sda = pin_arg(items[0], false);
        scl = pin_arg(items[1], true);
    }
    if (v[4].o != OBJ_NULL) {
        scl = pin_arg(v[4].o, true);
    }
    if (v[5].o != OBJ_NULL) {
        sda = pin_arg(v[5].o, false);
    }
    i2c_ctrl_init((uint32_t)(freq > 4000000 ? 4000000 : freq), scl, sda);
}

static obj_t i2c_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args > 0) {
        if (obj_get_int(args[0]) != 0) {
            raise_os_error(ENODEV);
        }
        n_args--;
        args++;
    }
    i2c_apply(n_args, args, n_kw, args + n_args);
    return OBJ_FROM_PTR(&machine_i2c_obj);
}

static obj_t i2c_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    i2c_apply(n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(i2c_init_obj, init, 1, 2, i2c_init_fn);

static obj_t i2c_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    i2c_ctrl_deinit();
    return OBJ_NONE;
}
static DEFINE_FUN(i2c_deinit_obj, deinit, 1, 1, i2c_deinit_fn);

static obj_t i2c_scan_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    check_enabled();
    obj_t list = list_new(0, NULL);
    for (int a = 0x08; a <= 0x77; a++) {
        if (i2c_probe((uint8_t)a)) {
            list_append(list, small_int_new(a));
        }
    }
    return list;
}
static DEFINE_FUN(i2c_scan_obj, scan, 1, 1, i2c_scan_fn);

static uint8_t addr_arg(obj_t o) {
    int_t a = obj_get_int(o);
    if (a < 0 || a > 0x7f) {
        raise_msg(&type_ValueError, "invalid I2C address");
    }
    return (uint8_t)a;
}

static void do_read(uint8_t addr, uint8_t *buf, size_t n, bool stop) {
    if (i2c_read(addr, buf, n, stop) < 0) {
        raise_os_error(EIO);
    }
}

/* readfrom(addr, nbytes, stop=True) */
static obj_t i2c_readfrom_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    check_enabled();
    uint8_t addr = addr_arg(args[1]);
    int_t n = obj_get_int(args[2]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative length");
    }
    vstr_t v;
    vstr_init(&v, (size_t)n);
    do_read(addr, (uint8_t *)v.buf, (size_t)n, n_args < 4 || rt_is_true(args[3]));
    v.len = (size_t)n;
    return bytes_new_from_vstr(&v);
}
static DEFINE_FUN(i2c_readfrom_obj, readfrom, 3, 4, i2c_readfrom_fn);

static void buf_arg(obj_t o, buffer_info_t *bi, int flags) { rt_get_buffer_or_raise(o, bi, flags); }

/* readfrom_into(addr, buf, stop=True) -> bytes read */
static obj_t i2c_readfrom_into_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    check_enabled();
    uint8_t addr = addr_arg(args[1]);
    buffer_info_t bi;
    buf_arg(args[2], &bi, BUFFER_WRITE);
    do_read(addr, bi.buf, bi.len, n_args < 4 || rt_is_true(args[3]));
    return small_int_new((int_t)bi.len);
}
static DEFINE_FUN(i2c_readfrom_into_obj, readfrom_into, 3, 4, i2c_readfrom_into_fn);

/* writeto(addr, buf, *, stop=True) -> bytes the device acknowledged */
static obj_t i2c_writeto_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t specs[] = {
        {QSTR_addr, ARG_REQUIRED, OBJ_NULL},
        {QSTR_buf, ARG_REQUIRED, OBJ_NULL},
        {QSTR_stop, ARG_KIND_BOOL, ROM_PTR(&true_obj)},
    };
    arg_val_t v[3];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 3, specs, v);
    check_enabled();
    uint8_t addr = addr_arg(v[0].o);
    buffer_info_t bi;
    buf_arg(v[1].o, &bi, BUFFER_READ);
    int n = i2c_write(addr, bi.buf, bi.len, v[2].b);
    if (n < 0) {
        raise_os_error(EIO);
    }
    return small_int_new(n);
}
static DEFINE_FUN_KW(i2c_writeto_obj, writeto, 3, 4, i2c_writeto_fn);

/* The memory address as big-endian bytes; addrsize 8, 16, 24 or 32. */
static size_t memaddr_bytes(obj_t memaddr, obj_t addrsize, uint8_t out[4]) {
    int_t size = addrsize == OBJ_NULL ? 8 : obj_get_int(addrsize);
    if (size != 8 && size != 16 && size != 24 && size != 32) {
        raise_msg(&type_ValueError, "addrsize must be 8, 16, 24 or 32");
    }
    uint_t m = (uint_t)obj_get_int(memaddr);
    size_t n = (size_t)size / 8;
    for (size_t i = 0; i < n; i++) {
        out[i] = (uint8_t)(m >> (8 * (n - 1 - i)));
    }
    return n;
}

/* The three *_mem methods: (self, addr, memaddr, n_or_buf, *, addrsize=8). Positional-only calls
 * skip the keyword parser (readfrom_mem in a loop is the hot path). */
static void mem_args(size_t n_args, size_t n_kw, const obj_t *args, obj_t *out4) {
    if (n_kw == 0 && n_args == 4) {
        out4[0] = args[1];
        out4[1] = args[2];
        out4[2] = args[3];
        out4[3] = OBJ_NULL;
        return;
    }
    static const arg_spec_t specs[] = {
        {QSTR_addr, ARG_REQUIRED, OBJ_NULL},
        {QSTR_memaddr, ARG_REQUIRED, OBJ_NULL},
        {QSTR_buf, ARG_REQUIRED, OBJ_NULL},
        {QSTR_addrsize, ARG_KW_ONLY, OBJ_NULL},
    };
    arg_val_t v[4];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, 4, specs, v);
    for (int i = 0; i < 4; i++) {
        out4[i] = v[i].o;
    }
}

static void mem_read(obj_t *a, uint8_t *buf, size_t n) {
    check_enabled();
    uint8_t addr = addr_arg(a[0]);
    uint8_t ma[4];
    size_t mlen = memaddr_bytes(a[1], a[3], ma);
    if (i2c_write(addr, ma, mlen, false) != (int)mlen) {
        i2c_stop();
        raise_os_error(EIO);
    }
    do_read(addr, buf, n, true);
}

static obj_t i2c_readfrom_mem_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    mem_args(n_args, n_kw, args, a);
    int_t n = obj_get_int(a[2]);
    if (n < 0) {
        raise_msg(&type_ValueError, "negative length");
    }
    vstr_t v;
    vstr_init(&v, (size_t)n);
    mem_read(a, (uint8_t *)v.buf, (size_t)n);
    v.len = (size_t)n;
    return bytes_new_from_vstr(&v);
}
static DEFINE_FUN_KW(i2c_readfrom_mem_obj, readfrom_mem, 4, 4, i2c_readfrom_mem_fn);

static obj_t i2c_readfrom_mem_into_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    mem_args(n_args, n_kw, args, a);
    buffer_info_t bi;
    buf_arg(a[2], &bi, BUFFER_WRITE);
    mem_read(a, bi.buf, bi.len);
    return small_int_new((int_t)bi.len);
}
static DEFINE_FUN_KW(i2c_readfrom_mem_into_obj, readfrom_mem_into, 4, 4, i2c_readfrom_mem_into_fn);

/* writeto_mem(addr, memaddr, buf, *, addrsize=8) -> bytes of buf written */
static obj_t i2c_writeto_mem_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t a[4];
    mem_args(n_args, n_kw, args, a);
    buffer_info_t bi;
    buf_arg(a[2], &bi, BUFFER_READ);
    check_enabled();
    uint8_t addr = addr_arg(a[0]);
    uint8_t ma[4];
    size_t mlen = memaddr_bytes(a[1], a[3], ma);
    int n = i2c_write_mem(addr, ma, mlen, bi.buf, bi.len);
    if (n < 0) {
        raise_os_error(EIO);
    }
    return small_int_new(n);
}
static DEFINE_FUN_KW(i2c_writeto_mem_obj, writeto_mem, 4, 4, i2c_writeto_mem_fn);

static void i2c_print(const print_t *p, obj_t o, print_kind_t kind) {
    if (!i2c_ctrl_enabled()) {
        print_fmt(p, "I2C(0)");
    } else {
        print_fmt(p, "I2C(0, I2C.MASTER, baudrate=%u)", (unsigned)i2c_ctrl_freq());
    }
}

static const map_elem_t i2c_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&i2c_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&i2c_deinit_obj)},
    {ROM_QSTR(QSTR_scan), ROM_PTR(&i2c_scan_obj)},
    {ROM_QSTR(QSTR_readfrom), ROM_PTR(&i2c_readfrom_obj)},
    {ROM_QSTR(QSTR_readfrom_into), ROM_PTR(&i2c_readfrom_into_obj)},
    {ROM_QSTR(QSTR_writeto), ROM_PTR(&i2c_writeto_obj)},
    {ROM_QSTR(QSTR_readfrom_mem), ROM_PTR(&i2c_readfrom_mem_obj)},
    {ROM_QSTR(QSTR_readfrom_mem_into), ROM_PTR(&i2c_readfrom_mem_into_obj)},
    {ROM_QSTR(QSTR_writeto_mem), ROM_PTR(&i2c_writeto_mem_obj)},
    {ROM_QSTR(QSTR_MASTER), ROM_INT(I2C_MASTER)},
};
static DEFINE_CONST_DICT(i2c_locals_dict, i2c_locals_table);
const type_t machine_i2c_type = {.base = {&type_type}, .name = QSTR_I2C, .print = i2c_print,
    .make_new = i2c_make_new, .locals_dict = &i2c_locals_dict};
