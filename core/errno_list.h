/* core/errno_list.h: the errno values the WiPy knows (spec §3), as an X-macro list: the single
 * source for OSError's messages (errno_names.c) and the errno module. Values are Linux's (which
 * the board's lwIP shares). */
#define ERRNO_LIST(X)                                                                          \
    X(1, EPERM) X(2, ENOENT) X(5, EIO) X(9, EBADF) X(11, EAGAIN) X(12, ENOMEM) X(13, EACCES)  \
    X(16, EBUSY) X(17, EEXIST) X(18, EXDEV) X(19, ENODEV) X(20, ENOTDIR) X(21, EISDIR)         \
    X(22, EINVAL) X(28, ENOSPC) X(30, EROFS) X(36, ENAMETOOLONG) X(39, ENOTEMPTY)              \
    X(95, EOPNOTSUPP) X(98, EADDRINUSE)                                                        \
    X(103, ECONNABORTED) X(104, ECONNRESET) X(105, ENOBUFS) X(107, ENOTCONN)                  \
    X(110, ETIMEDOUT) X(111, ECONNREFUSED) X(113, EHOSTUNREACH) X(114, EALREADY)              \
    X(115, EINPROGRESS)
