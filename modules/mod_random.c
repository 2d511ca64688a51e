/* modules/mod_random.c: the random module of MicroPython without floats: seed, getrandbits,
 * randrange, randint, choice. The generator is a 64-bit xorshift* whose state lives here; seed()
 * or seed(None) take a seed from the host's entropy, seed(n) takes an integer only.
 * Invariant: the state is never zero (xorshift would stay at zero forever). */
#include "core/obj.h"
#include "core/runtime.h"
#include "host/host_fs.h"

static uint64_t random_state = 0x9e3779b97f4a7c15ull;

static void random_set_seed(uint64_t s) {
    /* spread the seed (splitmix64 step) so that small seeds give unrelated sequences */
    s += 0x9e3779b97f4a7c15ull;
    s = (s ^ (s >> 30)) * 0xbf58476d1ce4e5b9ull;
    s = (s ^ (s >> 27)) * 0x94d049bb133111ebull;
    s ^= s >> 31;
    random_state = s != 0 ? s : 1;
}

static uint32_t random_next32(void) {
    uint64_t x = random_state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    random_state = x;
    return (uint32_t)((x * 0x2545f4914f6cdd1dull) >> 32);
}

/* A uniform integer in [0, n) for n > 0, by rejection over the smallest covering width. */
static uint64_t random_below(uint64_t n) {
    unsigned bits = 0;
    while (bits < 64 && (1ull << bits) < n) {
        bits++;
    }
    for (;;) {
        uint64_t v = ((uint64_t)random_next32() << 32) | random_next32();
        v = bits == 0 ? 0 : v >> (64 - bits);
        if (v < n) {
            return v;
        }
    }
}

static obj_t random_seed(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 0 || args[0] == OBJ_NONE) {
        uint64_t s;
        if (host_random(&s, sizeof(s)) != 0) {
            raise_msg(&type_ValueError, "no default seed");
        }
        random_set_seed(s);
    } else {
        if (!obj_is_int(args[0])) {
            raise_fmt(&type_TypeError, "seed must be an integer, not %s", rt_type_name(args[0]));
        }
        random_set_seed((uint64_t)obj_get_ll(args[0]));
    }
    return OBJ_NONE;
}
static DEFINE_FUN(random_seed_obj, seed, 0, 1, random_seed);

static obj_t random_getrandbits(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t n = obj_get_int(args[0]);
    if (n < 0 || n > 32) {
        raise_msg(&type_ValueError, "getrandbits takes 0 to 32 bits");
    }
    return n == 0 ? small_int_new(0) : int_from_uint(random_next32() >> (32 - n));
}
static DEFINE_FUN(random_getrandbits_obj, getrandbits, 1, 1, random_getrandbits);

/* start + step * k for a random k with start + step * k in the range; ValueError when empty. */
static obj_t random_range_pick(int_t start, int_t stop, int_t step) {
    if (step == 0) {
        raise_msg(&type_ValueError, "zero step for randrange()");
    }
    int_t span;
    if (__builtin_sub_overflow(step > 0 ? stop : start, step > 0 ? start : stop, &span) || step == INT64_MIN) {
        raise_msg(&type_ValueError, "range too large for randrange()");
    }
    int_t st = step > 0 ? step : -step;
    int_t n = span <= 0 ? 0 : span / st + (span % st != 0);
    if (n <= 0) {
        raise_msg(&type_ValueError, "empty range for randrange()");
    }
    return int_from_ll((long long)start + (long long)step * (long long)random_below((uint64_t)n));
}

static obj_t random_randrange(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t a = obj_get_int(args[0]);
    if (n_args == 1) {
        return random_range_pick(0, a, 1);
    }
    return random_range_pick(a, obj_get_int(args[1]), n_args > 2 ? obj_get_int(args[2]) : 1);
}
static DEFINE_FUN(random_randrange_obj, randrange, 1, 3, random_randrange);

static obj_t random_randint(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t a = obj_get_int(args[0]), b = obj_get_int(args[1]);
    if (b < a) {
        raise_msg(&type_ValueError, "empty range for randint()");
    }
    return random_range_pick(a, b + 1, 1);
}
static DEFINE_FUN(random_randint_obj, randint, 2, 2, random_randint);

static obj_t random_choice(size_t n_args, size_t n_kw, const obj_t *args) {
    obj_t len = rt_len_maybe(args[0]);
    if (len == OBJ_NULL) {
        raise_fmt(&type_TypeError, "object of type '%s' has no len()", rt_type_name(args[0]));
    }
    int_t n = obj_get_int(len);
    if (n == 0) {
        raise_msg(&type_IndexError, "can't choose from an empty sequence");
    }
    return rt_subscr_load(args[0], small_int_new((int_t)random_below((uint64_t)n)));
}
static DEFINE_FUN(random_choice_obj, choice, 1, 1, random_choice);

static const map_elem_t random_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_random)},
    {ROM_QSTR(QSTR_seed), ROM_PTR(&random_seed_obj)},
    {ROM_QSTR(QSTR_getrandbits), ROM_PTR(&random_getrandbits_obj)},
    {ROM_QSTR(QSTR_randrange), ROM_PTR(&random_randrange_obj)},
    {ROM_QSTR(QSTR_randint), ROM_PTR(&random_randint_obj)},
    {ROM_QSTR(QSTR_choice), ROM_PTR(&random_choice_obj)},
};
static DEFINE_CONST_DICT(random_globals, random_globals_table);
const module_obj_t random_module = {{&module_type}, &random_globals};
REGISTER_MODULE(QSTR_random, random_module);
