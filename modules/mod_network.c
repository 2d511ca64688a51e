/* modules/mod_network.c: the network module: Server (spec §7) controlling the telnet and FTP
 * servers' credentials, timeout and running state. Settings live in services/server_config.c, so
 * they survive a soft reset. WLAN is modules/mod_wlan.c. */
#include <string.h>

#include "core/obj.h"
#include "core/runtime.h"
#include "services/ftp.h"
#include "services/server_config.h"
#include "services/telnet.h"

typedef struct {
    obj_base_t base;
} server_obj_t;

static const type_t server_type;
static const server_obj_t server_obj = {{&server_type}};

static void copy_cred(char *dst, obj_t src) {
    size_t len;
    const char *s = str_get_data(src, &len);
    if (!obj_is_str(src)) {
        raise_msg(&type_TypeError, "login must be a tuple of two strings");
    }
    if (len > SERVER_CRED_MAX) {
        raise_msg(&type_ValueError, "user and password must be at most 32 characters long");
    }
    memcpy(dst, s, len);
    dst[len] = '\0';
}

static void server_apply(size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw) {
    static const arg_spec_t specs[] = {
        {QSTR_id, 0, ROM_INT(0)},
        {QSTR_login, ARG_KW_ONLY, OBJ_NULL},
        {QSTR_timeout, ARG_KW_ONLY, OBJ_NULL},
    };
    arg_val_t v[3];
    arg_parse_all(n_args, args, n_kw, kw, 3, specs, v);
    if (v[0].o != small_int_new(0)) {
        raise_os_error(19 /* ENODEV */);
    }
    /* what is not given goes back to the defaults, as on the WiPy (not to the last setting) */
    char user[SERVER_CRED_MAX + 1] = SERVER_USER_DEFAULT, pass[SERVER_CRED_MAX + 1] = SERVER_PASS_DEFAULT;
    int timeout = SERVER_TIMEOUT_DEFAULT;
    if (v[1].o != OBJ_NULL) {
        obj_t *cred;
        obj_get_array_fixed(v[1].o, 2, &cred);
        copy_cred(user, cred[0]);
        copy_cred(pass, cred[1]);
    }
    if (v[2].o != OBJ_NULL) {
        int_t t = obj_get_int(v[2].o);
        if (t < SERVER_TIMEOUT_MIN) {
            raise_msg(&type_ValueError, "timeout must be at least 5 seconds");
        }
        timeout = t > 0x7fffffff ? 0x7fffffff : (int)t;
    }
    memcpy(server_config.user, user, sizeof(user));
    memcpy(server_config.pass, pass, sizeof(pass));
    server_config.timeout_s = timeout;
    server_config.enabled = true;
    int err = telnet_restart();
    if (err == 0) {
        err = ftp_server_restart();
    }
    if (err != 0) {
        raise_os_error(err);
    }
}

static obj_t server_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    server_apply(n_args, args, n_kw, args + n_args);
    return OBJ_FROM_PTR(&server_obj);
}

static obj_t server_init(size_t n_args, size_t n_kw, const obj_t *args) {
    server_apply(n_args - 1, args + 1, n_kw, args + n_args);
    return OBJ_NONE;
}
DEFINE_FUN_KW(server_init_obj, init, 1, 2, server_init);

static obj_t server_deinit(size_t n_args, size_t n_kw, const obj_t *args) {
    server_config.enabled = false;
    telnet_stop();
    ftp_server_stop();
    return OBJ_NONE;
}
DEFINE_FUN(server_deinit_obj, deinit, 1, 1, server_deinit);

static obj_t server_timeout(size_t n_args, size_t n_kw, const obj_t *args) {
    if (n_args == 1) {
        return small_int_new(server_config.timeout_s);
    }
    int_t t = obj_get_int(args[1]);
    if (t < SERVER_TIMEOUT_MIN) {
        raise_msg(&type_ValueError, "timeout must be at least 5 seconds");
    }
    server_config.timeout_s = t > 0x7fffffff ? 0x7fffffff : (int)t;
    return OBJ_NONE;
}
DEFINE_FUN(server_timeout_obj, timeout, 1, 2, server_timeout);

static obj_t server_isrunning(size_t n_args, size_t n_kw, const obj_t *args) {
    return obj_bool(server_config.enabled && telnet_is_running());
}
DEFINE_FUN(server_isrunning_obj, isrunning, 1, 1, server_isrunning);

static const map_elem_t server_locals_table[] = {
    {ROM_QSTR(QSTR_init), ROM_PTR(&server_init_obj)},
    {ROM_QSTR(QSTR_deinit), ROM_PTR(&server_deinit_obj)},
    {ROM_QSTR(QSTR_timeout), ROM_PTR(&server_timeout_obj)},
    {ROM_QSTR(QSTR_isrunning), ROM_PTR(&server_isrunning_obj)},
};
static DEFINE_CONST_DICT(server_locals_dict, server_locals_table);
static const type_t server_type = {
    .base = {&type_type}, .name = QSTR_Server, .make_new = server_make_new, .locals_dict = &server_locals_dict};

extern const type_t wlan_type; /* mod_wlan.c */

static const map_elem_t network_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_network)},
    {ROM_QSTR(QSTR_Server), ROM_PTR(&server_type)},
    {ROM_QSTR(QSTR_WLAN), ROM_PTR(&wlan_type)},
};
static DEFINE_CONST_DICT(network_globals, network_globals_table);
const module_obj_t network_module = {{&module_type}, &network_globals};
REGISTER_MODULE(QSTR_network, network_module);
