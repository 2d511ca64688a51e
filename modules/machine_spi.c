/* modules/machine_spi.c: machine.SPI (spec §5 SPI) over board/spi.c: one controller, id 0, one
 * static object; SPI(0, SPI.MASTER, *, baudrate, bits=8|16|32, polarity, phase, firstbit,
 * pins=(CLK, MOSI, MISO)); pins None keeps them, no pins= takes GP14/GP16/GP30. Buffers are whole
 * words of `bits`. A deinitialised SPI is OSError(EPERM), another id OSError(ENODEV).
 * Invariant: every transfer returns the number of bytes moved. */
#include <errno.h>
#include <string.h>

#include "board/pin.h"
#include "board/spi.h"
#include "core/obj_str.h"
#include "core/runtime.h"
#include "modules/machine_periph.h"
#include "modules/machine_pin.h"

#define SPI_MASTER 0
#define SPI_MSB 0
#define SPI_LSB 1

typedef struct {
    obj_base_t base;
} machine_spi_obj_t;

static const machine_spi_obj_t machine_spi_obj = {{&machine_spi_type}};
static const char *const default_pins[SPI_PINS] = {"GP14", "GP16", "GP30"};

static NORETURN void bad_args(void) { raise_msg(&type_ValueError, "invalid argument(s) value"); }

static const arg_spec_t spi_specs[] = {
    {QSTR_mode, 0, ROM_INT(SPI_MASTER)},
    {QSTR_baudrate, ARG_KW_ONLY, ROM_INT(1000000)},
    {QSTR_bits, ARG_KW_ONLY, ROM_INT(8)},
    {QSTR_polarity, ARG_KW_ONLY, ROM_INT(0)},
    {QSTR_phase, ARG_KW_ONLY, ROM_INT(0)},
    {QSTR_firstbit, ARG_KW_ONLY, ROM_INT(SPI_MSB)},
    {QSTR_pins, ARG_KW_ONLY, OBJ_NULL},
};
#define N_SPECS 7

static void spi_apply(const arg_val_t *v) {
    int_t mode = obj_get_int(v[0].o), baud = obj_get_int(v[1].o), bits = obj_get_int(v[2].o);
    int_t pol = obj_get_int(v[3].o), pha = obj_get_int(v[4].o), first = obj_get_int(v[5].o);
    if (mode != SPI_MASTER || baud <= 0 || baud > 40000000 || (bits != 8 && bits != 16 && bits != 32) ||
        (pol != 0 && pol != 1) || (pha != 0 && pha != 1) || (first != SPI_MSB && first != SPI_LSB)) {
        bad_args();
    }
    int pins[SPI_PINS];
    const int *use = pins;
    if (v[6].o == OBJ_NONE) {
        use = NULL;
    } else if (v[6].o == OBJ_NULL) {
        for (int w = 0; w < SPI_PINS; w++) {
            pins[w] = pin_by_name(default_pins[w], strlen(default_pins[w]));
        }
    } else {
        size_t n;
        obj_t *items;
        obj_get_array(v[6].o, &n, &items);
        if (n != SPI_PINS) {
            bad_args();
        }
        for (int w = 0; w < SPI_PINS; w++) {
            pins[w] = machine_pin_index(items[w]);
            if (spi_pin_alt(pins[w], w) < 0) {
                bad_args();
            }
        }
    }
    spi_config_t c = {(uint32_t)baud, (uint8_t)bits, (uint8_t)pol, (uint8_t)pha, (uint8_t)first};
    spi_init(&c, use);
}

static obj_t spi_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    static const arg_spec_t id_spec[] = {{QSTR_id, 0, ROM_INT(0)}};
    /* id is the first positional or id=; the rest are init's */
    obj_t id = ROM_INT(0);
    if (n_args > 0) {
        id = args[0];
        n_args--;
        args++;
    } else {
        for (size_t i = 0; i < n_kw; i++) {
            if (args[2 * i] == ROM_QSTR(QSTR_id)) {
                id = args[2 * i + 1];
            }
        }
    }
    (void)id_spec;
    if (obj_get_int(id) != 0) {
        raise_os_error(ENODEV);
    }
    /* the keywords without id= */
    obj_t kw[2 * N_SPECS];
    size_t nk = 0;
    for (size_t i = 0; i < n_kw && nk < N_SPECS; i++) {
        if (args[n_args + 2 * i] != ROM_QSTR(QSTR_id)) {
            kw[2 * nk] = args[n_args + 2 * i];
            kw[2 * nk + 1] = args[n_args + 2 * i + 1];
            nk++;
        }
    }
    arg_val_t v[N_SPECS];
    arg_parse_all(n_args, args, nk, kw, N_SPECS, spi_specs, v);
    spi_apply(v);
    return OBJ_FROM_PTR(&machine_spi_obj);
}

static obj_t spi_init_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    arg_val_t v[N_SPECS];
    arg_parse_all(n_args - 1, args + 1, n_kw, args + n_args, N_SPECS, spi_specs, v);
    spi_apply(v);
    return OBJ_NONE;
}
static DEFINE_FUN_KW(spi_init_obj, init, 1, 2, spi_init_fn);

static obj_t spi_deinit_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    spi_deinit();
    return OBJ_NONE;
}
static DEFINE_FUN(spi_deinit_obj, deinit, 1, 1, spi_deinit_fn);

/* Checks the SPI is on and n is whole words. */
static void check(size_t n) {
    if (!spi_enabled()) {
        raise_os_error(EPERM);
    }
    spi_config_t c;
    spi_config(&c);
    if (n % (c.bits / 8u) != 0) {
        raise_msg(&type_ValueError, "the buffer must hold whole words of the SPI's bits");
    }
}

static uint8_t fill_arg(size_t n_kw, const obj_t *kw, size_t n_args, const obj_t *args, size_t pos) {
    obj_t w = n_args > pos ? args[pos] : OBJ_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        if (kw[2 * i] == ROM_QSTR(QSTR_write)) {
            w = kw[2 * i + 1];
        } else {
            raise_msg(&type_TypeError, "unexpected keyword argument");
        }
    }
    return w == OBJ_NULL ? 0 : (uint8_t)obj_get_int(w);
}

static obj_t spi_write_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t bi;
    const char *data;
    size_t len;
    if (obj_is_str(args[1])) {
        data = str_get_data(args[1], &len);
    } else {
        rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
        data = bi.buf;
        len = bi.len;
    }
    check(len);
    spi_transfer((const uint8_t *)data, 0, NULL, len);
    return small_int_new((int_t)len);
}
static DEFINE_FUN(spi_write_obj, write, 2, 2, spi_write_fn);

/* read(nbytes, *, write=0x00) */
static obj_t spi_read_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t n = obj_get_int(args[1]);
    if (n < 0) {
        bad_args();
    }
    uint8_t fill = fill_arg(n_kw, args + n_args, n_args, args, 2);
    check((size_t)n);
    vstr_t v;
    vstr_init(&v, (size_t)n);
    spi_transfer(NULL, fill, (uint8_t *)v.buf, (size_t)n);
    v.len = (size_t)n;
    return bytes_new_from_vstr(&v);
}
static DEFINE_FUN_KW(spi_read_obj, read, 2, 3, spi_read_fn);

/* readinto(buf, *, write=0x00) */
static obj_t spi_readinto_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_WRITE);
    uint8_t fill = fill_arg(n_kw, args + n_args, n_args, args, 2);
    check(bi.len);
    spi_transfer(NULL, fill, bi.buf, bi.len);
    return small_int_new((int_t)bi.len);
}
static DEFINE_FUN_KW(spi_readinto_obj, readinto, 2, 3, spi_readinto_fn);

static obj_t spi_write_readinto_fn(size_t n_args, size_t n_kw, const obj_t *args) {
    buffer_info_t w, r;
    rt_get_buffer_or_raise(args[1], &w, BUFFER_READ);
    rt_get_buffer_or_raise(args[2], &r, BUFFER_WRITE);
    if (w.len != r.len) {
        raise_msg(&type_ValueError, "the buffers must have the same length");
    }
    check(w.len);
    spi_transfer(w.buf, 0, r.buf, w.len);
    return small_int_new((int_t)w.len);
}
static DEFINE_FUN(spi_write_readinto_obj, write_readinto, 3, 3, spi_write_readinto_fn);

static void spi_print(const print_t *p, obj_t o, print_kind_t kind) {
    if (!spi_enabled()) {
        print_fmt(p, "SPI(0)");
        return;
    }
    spi_config_t c;
    spi_config(&c);
    print_fmt(p, "SPI(0, SPI.MASTER, baudrate=%u, bits=%u, polarity=%u, phase=%u, firstbit=%s)", (unsigned)c.baudrate,
        (unsigned)c.bits, (unsigned)c.polarity, (unsigned)c.phase, c.firstbit == SPI_MSB ? "SPI.MSB" : "SPI.LSB");
}

static const map_elem_t spi_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&spi_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&spi_deinit_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&spi_write_obj)},
    {ROM_QSTR(QSTR_read), ROM_PTR(&spi_read_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&spi_readinto_obj)},
    {ROM_QSTR(QSTR_write_readinto), ROM_PTR(&spi_write_readinto_obj)},
    {ROM_QSTR(QSTR_MASTER), ROM_INT(SPI_MASTER)},
    {ROM_QSTR(QSTR_MSB), ROM_INT(SPI_MSB)},
    {ROM_QSTR(QSTR_LSB), ROM_INT(SPI_LSB)},
};
static DEFINE_CONST_DICT(spi_locals_dict, spi_locals_table);
const type_t machine_spi_type = {.base = {&type_type}, .name = QSTR_SPI, .print = spi_print,
    .make_new = spi_make_new, .locals_dict = &spi_locals_dict};
