/* modules/mod_socket.c: the socket module (spec §13): AF_INET TCP and UDP sockets over the host's
 * (host/sock.h), in blocking, timed (whole seconds) or non-blocking mode, with the stream methods
 * of modules/stream.h. Every wait goes through port_poll_fds, so the board's event loop runs and
 * Ctrl-C interrupts it. Each open socket takes one of the board's 8 slots (board/sockets.h); the
 * open ones are listed (weakly: the finaliser removes them) so a WLAN change can close them all. */
#include "modules/mod_socket.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "board/sockets.h"
#include "board/wlan.h"
#include "core/gc.h"
#include "core/port.h"
#include "core/runtime.h"
#include "host/sock.h"
#include "modules/stream.h"

#define AF_INET_ 2
#define SOCK_STREAM_ 1
#define SOCK_DGRAM_ 2
#define SOCK_RAW_ 3
#define IPPROTO_TCP_ 6
#define IPPROTO_UDP_ 17
/* setsockopt levels and options: Linux's numbers, passed to the host as they are */
#define SOL_SOCKET_ 1
#define SO_REUSEADDR_ 2
#define SO_KEEPALIVE_ 9
#define SO_BROADCAST_ 6
#define SO_LINGER_ 13
#define TCP_NODELAY_ 1

typedef struct {
    obj_base_t base;
    int fd;         /* -1: closed */
    uint8_t type;   /* SOCK_STREAM_ / SOCK_DGRAM_ */
    uint8_t proto;
    int timeout_ms; /* -1 blocking, 0 non-blocking */
    bool connect_called; /* connect() was tried (it may still be in progress) */
} socket_obj_t;

static const type_t socket_type;
static socket_obj_t *socket_open_list[SOCKETS_MAX];

bool socket_is(obj_t o) { return obj_is_type(o, &socket_type); }

static socket_obj_t *sock_self(obj_t o) { return obj_check_self(o, &socket_type); }

int socket_fd(obj_t o) { return sock_self(o)->fd; }

int socket_proto(obj_t o) { return sock_self(o)->proto; }

int socket_timeout_ms(obj_t o) { return sock_self(o)->timeout_ms; }

bool socket_connect_called(obj_t o) { return sock_self(o)->connect_called; }

static int sock_fd_open(socket_obj_t *s) {
    if (s->fd < 0) {
        raise_os_error(EBADF);
    }
    return s->fd;
}

static void sock_list(socket_obj_t *s, bool add) {
    for (int i = 0; i < SOCKETS_MAX; i++) {
        if (add ? socket_open_list[i] == NULL : socket_open_list[i] == s) {
            socket_open_list[i] = add ? s : NULL;
            return;
        }
    }
}

static void sock_close(socket_obj_t *s) {
    if (s->fd >= 0) {
        hsock_close(s->fd);
        s->fd = -1;
        sockets_give();
        sock_list(s, false);
    }
}

void socket_close_all(void) {
    for (int i = 0; i < SOCKETS_MAX; i++) {
        if (socket_open_list[i] != NULL) {
            sock_close(socket_open_list[i]);
        }
    }
}

/* A WLAN connect or disconnect closes the user's sockets, as on the board. */
static void sock_wlan_changed(void *ctx) { socket_close_all(); }

__attribute__((constructor)) static void sock_install(void) { wlan_add_listener(sock_wlan_changed, NULL); }

/* A board slot for a new socket: the GC may still hold sockets nobody can reach; collect once
 * before saying there is none. */
static void sock_take_slot(void) {
    if (sockets_take()) {
        return;
    }
    gc_collect();
    if (sockets_take()) {
        return;
    }
    static const char msg[] = "no free socket: the board has 8 in all, the telnet and FTP servers' included";
    obj_t a[2] = {small_int_new(ENOMEM), str_new(msg, sizeof(msg) - 1)};
    rt_raise(exc_new(&type_OSError, 2, a));
}

static obj_t sock_new(int fd, int type, int proto) {
    socket_obj_t *s = gc_alloc(sizeof(socket_obj_t), true);
    s->base.type = &socket_type;
    s->fd = fd;
    s->type = (uint8_t)type;
    s->proto = (uint8_t)proto;
    s->timeout_ms = -1;
    sock_list(s, true);
    return OBJ_FROM_PTR(s);
}

static obj_t socket_make_new(const type_t *type, size_t n_args, size_t n_kw, const obj_t *args) {
    arg_check_num(n_args, n_kw, 0, 4, false);
    int_t af = n_args > 0 ? obj_get_int(args[0]) : AF_INET_;
    int_t st = n_args > 1 ? obj_get_int(args[1]) : SOCK_STREAM_;
    int_t proto = n_args > 2 ? obj_get_int(args[2]) : 0;
    if (af != AF_INET_) {
        raise_os_error(EAFNOSUPPORT);
    }
    if (st != SOCK_STREAM_ && st != SOCK_DGRAM_) {
        raise_os_error(st == SOCK_RAW_ ? EPROTONOSUPPORT : EINVAL);
    }
    if (proto == 0) {
        proto = st == SOCK_STREAM_ ? IPPROTO_TCP_ : IPPROTO_UDP_;
    }
    if ((st == SOCK_STREAM_ && proto != IPPROTO_TCP_ && proto != SOCKET_IPPROTO_SEC) ||
        (st == SOCK_DGRAM_ && proto != IPPROTO_UDP_)) {
        raise_os_error(EPROTONOSUPPORT);
    }
    sock_take_slot();
    int fd = hsock_open(st == SOCK_DGRAM_ ? HSOCK_DGRAM : HSOCK_STREAM);
    if (fd < 0) {
        sockets_give();
        raise_os_error(-fd);
    }
    return sock_new(fd, (int)st, (int)proto);
}

static void socket_finalise(obj_t self) { sock_close(OBJ_TO_PTR(self)); }

/* ---- addresses ---- */

static obj_t addr_tuple(uint32_t ip, int port) {
    char buf[16];
    int n = snprintf(buf, sizeof(buf), "%u.%u.%u.%u", (unsigned)(ip >> 24), (unsigned)(ip >> 16) & 255,
        (unsigned)(ip >> 8) & 255, (unsigned)ip & 255);
    obj_t items[2] = {str_new(buf, (size_t)n), small_int_new(port)};
    return tuple_new(2, items);
}

static uint32_t addr_resolve(obj_t host) {
    size_t len;
    const char *name = str_get_data(host, &len);
    if (len == 0) {
        return 0;
    }
    if (len > 253) {
        raise_os_error(EINVAL);
    }
    char buf[256];
    memcpy(buf, name, len);
    buf[len] = '\0';
    uint32_t ip;
    int r = hsock_resolve(buf, &ip);
    if (r < 0) {
        raise_os_error(-r);
    }
    return ip;
}

/* (host, port) -> host address; `local`: an address to bind to, else one to reach. The simulated
 * WLAN's addresses are the host's loopback (board/wlan.h). */
static void addr_parse(obj_t addr, bool local, uint32_t *ip, int *port) {
    obj_t *items;
    obj_get_array_fixed(addr, 2, &items);
    if (!obj_is_str(items[0])) {
        raise_msg(&type_TypeError, "address must be a (host, port) tuple");
    }
    int_t p = obj_get_int(items[1]);
    if (p < 0 || p > 65535) {
        raise_msg(&type_OverflowError, "port must be 0-65535");
    }
    uint32_t a = addr_resolve(items[0]);
    *ip = local ? wlan_host_bind_addr(a) : wlan_host_dest_addr(a);
    *port = (int)p;
}

/* ---- waiting ---- */

static void sock_wait(obj_t o, int events, bool nonblocking_waits) {
    socket_obj_t *s = sock_self(o);
    int fd = sock_fd_open(s);
    if (s->timeout_ms == 0 && !nonblocking_waits) {
        raise_os_error(EAGAIN);
    }
    uint16_t ev = (uint16_t)events, rev = 0;
    int r = port_poll_fds(&fd, &ev, &rev, 1, s->timeout_ms == 0 ? -1 : s->timeout_ms);
    if (r < 0) {
        raise_os_error(-r);
    }
    if (r == 0) {
        raise_os_error(ETIMEDOUT);
    }
}

void socket_wait(obj_t o, int events) { sock_wait(o, events, false); }

void socket_wait_even_nonblocking(obj_t o, int events) { sock_wait(o, events, true); }

/* ---- stream protocol ---- */

static ssize_t sock_stream_read(obj_t self, void *buf, size_t len) {
    socket_obj_t *s = OBJ_TO_PTR(self);
    for (;;) {
        if (s->fd < 0) {
            return -EBADF;
        }
        ssize_t n = hsock_recv(s->fd, buf, len, 0);
        if (n != -EAGAIN || s->timeout_ms == 0) {
            return n;
        }
        socket_wait(self, STREAM_POLL_RD);
    }
}

static ssize_t sock_stream_write(obj_t self, const void *buf, size_t len) {
    socket_obj_t *s = OBJ_TO_PTR(self);
    for (;;) {
        if (s->fd < 0) {
            return -EBADF;
        }
        ssize_t n = hsock_send(s->fd, buf, len);
        if (n == -ENOTCONN && s->type == SOCK_STREAM_ && s->timeout_ms == 0) {
            return -EAGAIN; /* still connecting */
        }
        if (n != -EAGAIN || s->timeout_ms == 0) {
            return n;
        }
        socket_wait(self, STREAM_POLL_WR);
    }
}

static int sock_stream_poll(obj_t self, int events) {
    socket_obj_t *s = OBJ_TO_PTR(self);
    if (s->fd < 0) {
        return STREAM_POLL_NVAL;
    }
    return hsock_ready(s->fd, events);
}

static int sock_stream_wait_fd(obj_t self, int *events) { return ((socket_obj_t *)OBJ_TO_PTR(self))->fd; }

static const stream_p_t socket_stream_p = {
    QSTR_stream, sock_stream_read, sock_stream_write, sock_stream_poll, sock_stream_wait_fd};

/* ---- methods ---- */

static obj_t socket_close_m(size_t n_args, size_t n_kw, const obj_t *args) {
    sock_close(sock_self(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(socket_close_obj, close, 1, 1, socket_close_m);

static obj_t socket_bind(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    uint32_t ip;
    int port;
    addr_parse(args[1], true, &ip, &port);
    int r = hsock_bind(sock_fd_open(s), ip, port);
    if (r < 0) {
        raise_os_error(-r);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(socket_bind_obj, bind, 2, 2, socket_bind);

static obj_t socket_listen(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    int_t backlog = n_args > 1 ? obj_get_int(args[1]) : 2;
    backlog = backlog < 1 ? 1 : backlog > 16 ? 16 : backlog;
    int r = hsock_listen(sock_fd_open(s), (int)backlog);
    if (r < 0) {
        raise_os_error(-r);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(socket_listen_obj, listen, 1, 2, socket_listen);

static obj_t socket_accept(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    for (;;) {
        uint32_t ip;
        int port;
        int fd = hsock_accept(sock_fd_open(s), &ip, &port);
        if (fd >= 0) {
            if (!sockets_take()) {
                gc_collect();
                if (!sockets_take()) {
                    hsock_close(fd);
                    sock_take_slot(); /* raises the ENOMEM of a 9th socket */
                }
            }
            obj_t items[2] = {sock_new(fd, SOCK_STREAM_, s->proto), addr_tuple(ip, port)};
            return tuple_new(2, items);
        }
        if (fd != -EAGAIN) {
            raise_os_error(-fd);
        }
        socket_wait(args[0], STREAM_POLL_RD);
    }
}
static DEFINE_FUN(socket_accept_obj, accept, 1, 1, socket_accept);

void socket_connect_to(obj_t o, obj_t addr) {
    socket_obj_t *s = sock_self(o);
    uint32_t ip;
    int port;
    addr_parse(addr, false, &ip, &port);
    s->connect_called = true;
    int r = hsock_connect(sock_fd_open(s), ip, port);
    if (r == -EINPROGRESS || r == -EAGAIN) {
        if (s->timeout_ms == 0) {
            raise_os_error(EINPROGRESS);
        }
        socket_wait(o, STREAM_POLL_WR);
        r = hsock_connect_result(s->fd);
    }
    if (r < 0) {
        raise_os_error(-r);
    }
}

static obj_t socket_connect(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_connect_to(args[0], args[1]);
    return OBJ_NONE;
}
static DEFINE_FUN(socket_connect_obj, connect, 2, 2, socket_connect);

static obj_t socket_send(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
    sock_fd_open(s);
    ssize_t n = sock_stream_write(args[0], bi.buf, bi.len);
    if (n < 0) {
        raise_os_error((int)-n);
    }
    return small_int_new((int_t)n);
}
static DEFINE_FUN(socket_send_obj, send, 2, 2, socket_send);

static obj_t socket_sendall(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
    sock_fd_open(s);
    size_t done = 0;
    while (done < bi.len) {
        ssize_t n = sock_stream_write(args[0], (const uint8_t *)bi.buf + done, bi.len - done);
        if (n < 0) {
            raise_os_error((int)-n);
        }
        done += (size_t)n;
    }
    return OBJ_NONE;
}
static DEFINE_FUN(socket_sendall_obj, sendall, 2, 2, socket_sendall);

/* recv and recvfrom: one datagram or what a stream has, waiting as the timeout says. */
static obj_t sock_recv_common(size_t n_args, const obj_t *args, bool from) {
    socket_obj_t *s = sock_self(args[0]);
    int_t len = obj_get_int(args[1]);
    int flags = n_args > 2 ? (int)obj_get_int(args[2]) : 0;
    if (len < 0) {
        raise_os_error(EINVAL);
    }
    vstr_t v;
    vstr_init(&v, (size_t)len + 1);
    uint32_t ip = 0;
    int port = 0;
    for (;;) {
        ssize_t n = hsock_recvfrom(sock_fd_open(s), v.buf, (size_t)len, flags, &ip, &port);
        if (n >= 0) {
            v.len = (size_t)n;
            break;
        }
        if (n != -EAGAIN || (flags & HSOCK_MSG_DONTWAIT)) {
            raise_os_error((int)-n);
        }
        socket_wait(args[0], STREAM_POLL_RD);
    }
    obj_t data = bytes_new(v.buf, v.len);
    if (!from) {
        return data;
    }
    if (s->type == SOCK_STREAM_) {
        hsock_peer(s->fd, &ip, &port);
    }
    obj_t items[2] = {data, addr_tuple(ip, port)};
    return tuple_new(2, items);
}

static obj_t socket_recv(size_t n_args, size_t n_kw, const obj_t *args) { return sock_recv_common(n_args, args, false); }
static DEFINE_FUN(socket_recv_obj, recv, 2, 3, socket_recv);

static obj_t socket_recvfrom(size_t n_args, size_t n_kw, const obj_t *args) { return sock_recv_common(n_args, args, true); }
static DEFINE_FUN(socket_recvfrom_obj, recvfrom, 2, 3, socket_recvfrom);

static obj_t socket_sendto(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    buffer_info_t bi;
    rt_get_buffer_or_raise(args[1], &bi, BUFFER_READ);
    uint32_t ip;
    int port;
    addr_parse(args[2], false, &ip, &port);
    for (;;) {
        ssize_t n = hsock_sendto(sock_fd_open(s), bi.buf, bi.len, ip, port);
        if (n >= 0) {
            return small_int_new((int_t)n);
        }
        if (n != -EAGAIN) {
            raise_os_error((int)-n);
        }
        socket_wait(args[0], STREAM_POLL_WR);
    }
}
static DEFINE_FUN(socket_sendto_obj, sendto, 3, 3, socket_sendto);

static obj_t socket_setsockopt(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    int level = (int)obj_get_int(args[1]);
    int opt = (int)obj_get_int(args[2]);
    int_t iv;
    int r;
    if (obj_get_int_maybe(args[3], &iv)) {
        int v = (int)iv;
        r = hsock_setsockopt(sock_fd_open(s), level, opt, &v, sizeof(v));
    } else {
        buffer_info_t bi;
        rt_get_buffer_or_raise(args[3], &bi, BUFFER_READ);
        r = hsock_setsockopt(sock_fd_open(s), level, opt, bi.buf, bi.len);
    }
    if (r < 0) {
        raise_os_error(-r);
    }
    return OBJ_NONE;
}
static DEFINE_FUN(socket_setsockopt_obj, setsockopt, 4, 4, socket_setsockopt);

static obj_t socket_settimeout(size_t n_args, size_t n_kw, const obj_t *args) {
    socket_obj_t *s = sock_self(args[0]);
    if (args[1] == OBJ_NONE) {
        s->timeout_ms = -1;
        return OBJ_NONE;
    }
    int_t t = obj_get_int(args[1]);
    if (t < 0) {
        raise_msg(&type_ValueError, "timeout must be None or at least 0 seconds");
    }
    s->timeout_ms = t > 0x7fffffff / 1000 ? 0x7fffffff : (int)t * 1000;
    return OBJ_NONE;
}
static DEFINE_FUN(socket_settimeout_obj, settimeout, 2, 2, socket_settimeout);

static obj_t socket_setblocking(size_t n_args, size_t n_kw, const obj_t *args) {
    sock_self(args[0])->timeout_ms = rt_is_true(args[1]) ? -1 : 0;
    return OBJ_NONE;
}
static DEFINE_FUN(socket_setblocking_obj, setblocking, 2, 2, socket_setblocking);

static obj_t socket_makefile(size_t n_args, size_t n_kw, const obj_t *args) {
    sock_self(args[0]);
    return args[0]; /* the socket is its own binary, unbuffered stream, as in MicroPython */
}
static DEFINE_FUN_KW(socket_makefile_obj, makefile, 1, 3, socket_makefile);

static obj_t socket_fileno(size_t n_args, size_t n_kw, const obj_t *args) {
    return small_int_new(sock_self(args[0])->fd);
}
static DEFINE_FUN(socket_fileno_obj, fileno, 1, 1, socket_fileno);

static obj_t socket_getsockname(size_t n_args, size_t n_kw, const obj_t *args) {
    uint32_t ip;
    int port;
    int r = hsock_local(sock_fd_open(sock_self(args[0])), &ip, &port);
    if (r < 0) {
        raise_os_error(-r);
    }
    return addr_tuple(ip, port);
}
static DEFINE_FUN(socket_getsockname_obj, getsockname, 1, 1, socket_getsockname);

static obj_t socket_exit(size_t n_args, size_t n_kw, const obj_t *args) {
    sock_close(sock_self(args[0]));
    return OBJ_NONE;
}
static DEFINE_FUN(socket_exit_obj, __exit__, 1, 4, socket_exit);

static obj_t socket_enter(size_t n_args, size_t n_kw, const obj_t *args) { return args[0]; }
static DEFINE_FUN(socket_enter_obj, __enter__, 1, 1, socket_enter);

static void socket_print(const print_t *p, obj_t o, print_kind_t kind) {
    socket_obj_t *s = OBJ_TO_PTR(o);
    print_fmt(p, "<socket fd=%d type=%d proto=%d>", s->fd, s->type, s->proto);
}

static const map_elem_t socket_locals_table[] = {
    {ROM_QSTR(QSTR_bind), ROM_PTR(&socket_bind_obj)},
    {ROM_QSTR(QSTR_listen), ROM_PTR(&socket_listen_obj)},
    {ROM_QSTR(QSTR_accept), ROM_PTR(&socket_accept_obj)},
    {ROM_QSTR(QSTR_connect), ROM_PTR(&socket_connect_obj)},
    {ROM_QSTR(QSTR_send), ROM_PTR(&socket_send_obj)},
    {ROM_QSTR(QSTR_sendall), ROM_PTR(&socket_sendall_obj)},
    {ROM_QSTR(QSTR_recv), ROM_PTR(&socket_recv_obj)},
    {ROM_QSTR(QSTR_sendto), ROM_PTR(&socket_sendto_obj)},
    {ROM_QSTR(QSTR_recvfrom), ROM_PTR(&socket_recvfrom_obj)},
    {ROM_QSTR(QSTR_setsockopt), ROM_PTR(&socket_setsockopt_obj)},
    {ROM_QSTR(QSTR_settimeout), ROM_PTR(&socket_settimeout_obj)},
    {ROM_QSTR(QSTR_setblocking), ROM_PTR(&socket_setblocking_obj)},
    {ROM_QSTR(QSTR_makefile), ROM_PTR(&socket_makefile_obj)},
    {ROM_QSTR(QSTR_read), ROM_PTR(&stream_read_obj)},
    {ROM_QSTR(QSTR_readinto), ROM_PTR(&stream_readinto_obj)},
    {ROM_QSTR(QSTR_readline), ROM_PTR(&stream_readline_obj)},
    {ROM_QSTR(QSTR_write), ROM_PTR(&stream_write_obj)},
    {ROM_QSTR(QSTR_close), ROM_PTR(&socket_close_obj)},
    {ROM_QSTR(QSTR_fileno), ROM_PTR(&socket_fileno_obj)},
    {ROM_QSTR(QSTR_getsockname), ROM_PTR(&socket_getsockname_obj)},
    {ROM_QSTR(QSTR___enter__), ROM_PTR(&socket_enter_obj)},
    {ROM_QSTR(QSTR___exit__), ROM_PTR(&socket_exit_obj)},
};
static DEFINE_CONST_DICT(socket_locals_dict, socket_locals_table);
static const type_t socket_type = {
    .base = {&type_type},
    .name = QSTR_socket,
    .print = socket_print,
    .make_new = socket_make_new,
    .finalise = socket_finalise,
    .locals_dict = &socket_locals_dict,
    .protocol = &socket_stream_p,
};

/* getaddrinfo(host, port, af=0, type=0, proto=0, flags=0): one IPv4 entry, as the WiPy answers. */
static obj_t socket_getaddrinfo(size_t n_args, size_t n_kw, const obj_t *args) {
    int_t port = obj_get_int(args[1]);
    uint32_t ip = addr_resolve(args[0]);
    int_t st = n_args > 3 && obj_get_int(args[3]) != 0 ? obj_get_int(args[3]) : SOCK_STREAM_;
    obj_t items[5] = {small_int_new(AF_INET_), small_int_new(st), small_int_new(0), ROM_QSTR(QSTR__empty), addr_tuple(ip, (int)port)};
    obj_t entry = tuple_new(5, items);
    return list_new(1, &entry);
}
static DEFINE_FUN(socket_getaddrinfo_obj, getaddrinfo, 2, 6, socket_getaddrinfo);

static const map_elem_t socket_globals_table[] = {
    {ROM_QSTR(QSTR___name__), ROM_QSTR(QSTR_socket)},
    {ROM_QSTR(QSTR_socket), ROM_PTR(&socket_type)},
    {ROM_QSTR(QSTR_getaddrinfo), ROM_PTR(&socket_getaddrinfo_obj)},
    {ROM_QSTR(QSTR_AF_INET), ROM_INT(AF_INET_)},
    {ROM_QSTR(QSTR_SOCK_STREAM), ROM_INT(SOCK_STREAM_)},
    {ROM_QSTR(QSTR_SOCK_DGRAM), ROM_INT(SOCK_DGRAM_)},
    {ROM_QSTR(QSTR_SOCK_RAW), ROM_INT(SOCK_RAW_)},
    {ROM_QSTR(QSTR_IPPROTO_TCP), ROM_INT(IPPROTO_TCP_)},
    {ROM_QSTR(QSTR_IPPROTO_UDP), ROM_INT(IPPROTO_UDP_)},
    {ROM_QSTR(QSTR_IPPROTO_SEC), ROM_INT(SOCKET_IPPROTO_SEC)},
    {ROM_QSTR(QSTR_SOL_SOCKET), ROM_INT(SOL_SOCKET_)},
    {ROM_QSTR(QSTR_SO_REUSEADDR), ROM_INT(SO_REUSEADDR_)},
    {ROM_QSTR(QSTR_SO_KEEPALIVE), ROM_INT(SO_KEEPALIVE_)},
    {ROM_QSTR(QSTR_SO_BROADCAST), ROM_INT(SO_BROADCAST_)},
    {ROM_QSTR(QSTR_SO_LINGER), ROM_INT(SO_LINGER_)},
    {ROM_QSTR(QSTR_TCP_NODELAY), ROM_INT(TCP_NODELAY_)},
    {ROM_QSTR(QSTR_MSG_PEEK), ROM_INT(HSOCK_MSG_PEEK)},
    {ROM_QSTR(QSTR_MSG_DONTWAIT), ROM_INT(HSOCK_MSG_DONTWAIT)},
};
static DEFINE_CONST_DICT(socket_globals, socket_globals_table);
const module_obj_t socket_module = {{&module_type}, &socket_globals};
REGISTER_MODULE(QSTR_socket, socket_module);
