/* tests/unit/ftp_proto_test.c: the FTP session (spec §11) over a RAM /flash volume, reply for reply
 * byte for byte before and after login, the transfers driven by hand (listings, downloads, uploads
 * that fail and leave the volume as it was), and paths that try to climb out of the volumes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "services/ftp_proto.h"
#include "storage/vfs.h"

#define SECTORS 384

static uint8_t disk[SECTORS * 512];
static bdev_t bd;
static char out[65536];
static size_t out_len;
static int transfers;
static ftp_io_t io;
static ftp_session_t S;

static void io_reply(void *ctx, const char *t, size_t n) {
    assert_true(out_len + n < sizeof(out));
    memcpy(out + out_len, t, n);
    out_len += n;
    out[out_len] = '\0';
}

static int io_passive(void *ctx, uint8_t ip[4], int *port) {
    ip[0] = 127, ip[1] = 0, ip[2] = 0, ip[3] = 1;
    *port = 2024;
    return 0;
}

static void io_transfer(void *ctx) { transfers++; }

static int setup(void **state) {
    memset(disk, 0, sizeof(disk));
    assert_int_equal(bdev_mem_init(&bd, disk, SECTORS), 0);
    vfs_reset();
    assert_int_equal(vfs_mkfs_bdev(&bd, true), 0);
    assert_int_equal(vfs_mount(&bd, "/flash", 0), 0);
    assert_int_equal(vfs_mkdir("/flash/lib"), 0);
    vfs_file_t f;
    assert_int_equal(vfs_open(&f, "/flash/main.py", VFS_O_WRONLY | VFS_O_CREAT), 0);
    assert_int_equal(vfs_write(&f, "print(1)\r\n", 10), 10);
    assert_int_equal(vfs_close(&f), 0);
    io = (ftp_io_t){io_reply, io_passive, io_transfer, NULL, NULL, NULL, NULL};
    out_len = 0;
    transfers = 0;
    ftp_start(&S, "micro", "python", &io);
    return 0;
}

static int teardown(void **state) {
    ftp_end(&S);
    vfs_umount_all();
    return 0;
}

/* Sends one command line; returns what came back (and forgets it). */
static const char *cmd(const char *line) {
    out_len = 0;
    out[0] = '\0';
    ftp_input(&S, (const uint8_t *)line, strlen(line));
    ftp_input(&S, (const uint8_t *)"\r\n", 2);
    return out;
}

static void login(void) {
    out_len = 0;
    assert_string_equal(cmd("USER micro"), "331 User name okay, need password.\r\n");
    assert_string_equal(cmd("PASS python"), "230 User logged in.\r\n");
}

/* Runs the transfer set up by the last command to its end; returns the bytes produced. */
static size_t drain(char *buf, size_t cap) {
    size_t got = 0;
    for (;;) {
        ssize_t n = ftp_data_produce(&S, (uint8_t *)buf + got, cap - got > 7 ? 7 : cap - got); /* small pieces */
        assert_true(n >= 0);
        if (n == 0) {
            break;
        }
        got += (size_t)n;
        assert_true(got < cap);
    }
    buf[got] = '\0';
    out_len = 0;
    ftp_data_end(&S, FTP_END_OK);
    return got;
}

static void test_greeting_and_before_login(void **state) {
    out_len = 0;
    ftp_start(&S, "micro", "python", &io);
    assert_string_equal(out, "220 MicroPython FTP Server\r\n");
    static const char *const gated[] = {"SYST", "PWD", "XPWD", "CWD /flash", "CDUP", "TYPE I", "PASV", "EPSV",
        "PORT 127,0,0,1,4,1", "LIST", "NLST", "MLSD", "MLST /", "RETR main.py", "STOR x", "APPE x", "REST 0",
        "SIZE x", "MDTM x", "DELE x", "RMD x", "MKD x", "RNFR x", "RNTO y", "NOOP", "OPTS UTF8 ON", "XYZZY"};
    for (size_t i = 0; i < sizeof(gated) / sizeof(gated[0]); i++) {
        assert_string_equal(cmd(gated[i]), "530 Please log in with USER and PASS.\r\n");
    }
    assert_string_equal(cmd("FEAT"), "211-Features:\r\n SIZE\r\n MDTM\r\n UTF8\r\n EPSV\r\n PASV\r\n"
                                     " MLST type*;size*;modify*;\r\n REST STREAM\r\n211 End\r\n");
    assert_string_equal(cmd("PASS python"), "530 Login incorrect.\r\n");
    assert_string_equal(cmd("USER micro"), "331 User name okay, need password.\r\n");
    assert_string_equal(cmd("PASS wrong"), "530 Login incorrect.\r\n");
    assert_string_equal(cmd("USER other"), "331 User name okay, need password.\r\n");
    assert_string_equal(cmd("PASS python"), "530 Login incorrect.\r\n");
    assert_string_equal(cmd("USER micro"), "331 User name okay, need password.\r\n");
    assert_string_equal(cmd("PASS python"), "230 User logged in.\r\n");
    assert_string_equal(cmd("quit"), "221 Goodbye.\r\n");
    assert_true(S.closed);
}

static void test_simple_replies(void **state) {
    login();
    assert_string_equal(cmd("SYST"), "215 UNIX Type: L8\r\n");
    assert_string_equal(cmd("PWD"), "257 \"/\"\r\n");
    assert_string_equal(cmd("CWD flash"), "250 Directory changed to \"/flash\".\r\n");
    assert_string_equal(cmd("XPWD"), "257 \"/flash\"\r\n");
    assert_string_equal(cmd("CWD lib"), "250 Directory changed to \"/flash/lib\".\r\n");
    assert_string_equal(cmd("CDUP"), "250 Directory changed to \"/flash\".\r\n");
    assert_string_equal(cmd("CWD nope"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("CWD main.py"), "550 Not a directory.\r\n");
    assert_string_equal(cmd("CWD ../../../.."), "250 Directory changed to \"/\".\r\n");
    assert_string_equal(cmd("CWD /flash"), "250 Directory changed to \"/flash\".\r\n");
    assert_string_equal(cmd("TYPE I"), "200 Type set to I.\r\n");
    assert_string_equal(cmd("TYPE a"), "200 Type set to A.\r\n");
    assert_string_equal(cmd("TYPE L 8"), "200 Type set to L 8.\r\n");
    assert_string_equal(cmd("TYPE E"), "504 Type not supported.\r\n");
    assert_string_equal(cmd("MODE S"), "200 Mode set to S.\r\n");
    assert_string_equal(cmd("STRU F"), "200 Structure set to F.\r\n");
    assert_string_equal(cmd("PASV"), "227 Entering Passive Mode (127,0,0,1,7,232)\r\n");
    assert_string_equal(cmd("EPSV"), "229 Entering Extended Passive Mode (|||2024|)\r\n");
    assert_string_equal(cmd("PORT 127,0,0,1,4,1"), "502 Active mode not supported, use PASV or EPSV.\r\n");
    assert_string_equal(cmd("EPRT |1|127.0.0.1|1025|"), "502 Active mode not supported, use PASV or EPSV.\r\n");
    assert_string_equal(cmd("SIZE main.py"), "213 10\r\n");
    assert_string_equal(cmd("SIZE lib"), "550 Is a directory.\r\n");
    assert_string_equal(cmd("SIZE nope"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("MDTM main.py"), "213 20000101000000\r\n");
    assert_string_equal(cmd("MLST main.py"),
        "250-Listing /flash/main.py\r\n type=file;size=10;modify=20000101000000; /flash/main.py\r\n250 End.\r\n");
    assert_string_equal(cmd("MLST /"), "250-Listing /\r\n type=dir;modify=20000101000000; /\r\n250 End.\r\n");
    assert_string_equal(cmd("MKD new dir"), "257 \"/flash/new dir\" created\r\n");
    assert_string_equal(cmd("MKD new dir"), "550 File exists.\r\n");
    assert_string_equal(cmd("MKD /x"), "550 Permission denied.\r\n");
    assert_string_equal(cmd("RMD new dir"), "250 Directory removed.\r\n");
    assert_string_equal(cmd("RMD new dir"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("RMD lib/../main.py"), "550 Not a directory.\r\n");
    assert_string_equal(cmd("RNTO x"), "503 RNFR first.\r\n");
    assert_string_equal(cmd("RNFR nope"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("RNFR main.py"), "350 Ready for RNTO.\r\n");
    assert_string_equal(cmd("RNTO lib/m\xc3\xa4in two.py"), "250 Rename successful.\r\n");
    assert_string_equal(cmd("SIZE /flash/lib/m\xc3\xa4in two.py"), "213 10\r\n");
    assert_string_equal(cmd("DELE lib/m\xc3\xa4in two.py"), "250 File deleted.\r\n");
    assert_string_equal(cmd("DELE lib/m\xc3\xa4in two.py"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("DELE lib"), "550 Is a directory.\r\n");
    assert_string_equal(cmd("REST 12"), "350 Restarting at 12.\r\n");
    assert_string_equal(cmd("REST x"), "501 Bad restart position.\r\n");
    assert_string_equal(cmd("NOOP"), "200 OK.\r\n");
    assert_string_equal(cmd("OPTS UTF8 ON"), "200 UTF8 mode is always on.\r\n");
    assert_string_equal(cmd("OPTS MLST type;size;"), "200 MLST OPTS type;size;modify;\r\n");
    assert_string_equal(cmd("OPTS FOO"), "501 Option not understood.\r\n");
    assert_string_equal(cmd("ABOR"), "225 No transfer to abort.\r\n");
    assert_string_equal(cmd("SITE CHMOD 777 x"), "502 Command not implemented.\r\n");
    assert_string_equal(cmd("XYZZY"), "502 Command not implemented.\r\n");
    assert_string_equal(cmd("RETR"), "501 Missing argument.\r\n");
    assert_string_equal(cmd("CWD"), "501 Missing argument.\r\n");
    out_len = 0;
    ftp_input(&S, (const uint8_t *)"RETR a\0b\r\n", 10);
    assert_string_equal(out, "501 Syntax error in command.\r\n");
    char longline[FTP_LINE_MAX + 20];
    memset(longline, 'A', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = '\0';
    assert_string_equal(cmd(longline), "500 Command line too long.\r\n");
    assert_string_equal(cmd("NOOP"), "200 OK.\r\n"); /* the next line is whole again */
}

static void test_listings(void **state) {
    login();
    char buf[8192];
    assert_string_equal(cmd("LIST"), "425 Use PASV or EPSV first.\r\n");
    cmd("PASV");
    assert_string_equal(cmd("LIST"), "150 Opening data connection.\r\n");
    assert_int_equal(transfers, 1);
    drain(buf, sizeof(buf));
    assert_string_equal(buf, "drwxrwxr-x 1 root root          0 Jan  1 00:00 flash\r\n");
    assert_string_equal(out, "226 Transfer complete.\r\n");
    assert_string_equal(cmd("LIST"), "425 Use PASV or EPSV first.\r\n"); /* one PASV per transfer */
    cmd("EPSV");
    assert_string_equal(cmd("LIST -la /flash"), "150 Opening data connection.\r\n");
    drain(buf, sizeof(buf));
    assert_string_equal(buf, "drwxrwxr-x 1 root root          0 Jan  1 00:00 lib\r\n"
                             "-rw-rw-r-- 1 root root         10 Jan  1 00:00 main.py\r\n");
    cmd("PASV");
    assert_string_equal(cmd("NLST /flash"), "150 Opening data connection.\r\n");
    drain(buf, sizeof(buf));
    assert_string_equal(buf, "lib\r\nmain.py\r\n");
    cmd("PASV");
    assert_string_equal(cmd("MLSD /flash"), "150 Opening data connection.\r\n");
    drain(buf, sizeof(buf));
    assert_string_equal(buf, "type=dir;modify=20000101000000; lib\r\ntype=file;size=10;modify=20000101000000; main.py\r\n");
    cmd("PASV");
    assert_string_equal(cmd("LIST /flash/main.py"), "150 Opening data connection.\r\n");
    drain(buf, sizeof(buf));
    assert_string_equal(buf, "-rw-rw-r-- 1 root root         10 Jan  1 00:00 main.py\r\n");
    cmd("PASV");
    assert_string_equal(cmd("MLSD /flash/main.py"), "501 Not a directory.\r\n");
    assert_string_equal(cmd("LIST /nope"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("NLST /flash/nope"), "550 No such file or directory.\r\n");
}

static void test_retr_and_rest(void **state) {
    login();
    char buf[256];
    cmd("CWD /flash");
    cmd("PASV");
    assert_string_equal(cmd("RETR nope"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("RETR main.py"), "150 Opening data connection.\r\n");
    assert_int_equal(drain(buf, sizeof(buf)), 10);
    assert_string_equal(buf, "print(1)\r\n");
    assert_string_equal(out, "226 Transfer complete.\r\n");
    cmd("REST 6");
    cmd("PASV");
    cmd("RETR main.py");
    assert_int_equal(drain(buf, sizeof(buf)), 4);
    assert_string_equal(buf, "1)\r\n");
    /* a download whose client goes away */
    cmd("PASV");
    cmd("RETR main.py");
    out_len = 0;
    ftp_data_end(&S, FTP_END_LOST);
    assert_string_equal(out, "426 Data connection lost; transfer aborted.\r\n");
    assert_false(ftp_xfer_active(&S));
    cmd("PASV");
    cmd("RETR main.py");
    out_len = 0;
    ftp_data_end(&S, FTP_END_IDLE);
    assert_string_equal(out, "426 Data connection idle for 5 s; transfer aborted.\r\n");
    cmd("PASV");
    cmd("LIST");
    assert_string_equal(cmd("ABOR"), "426 Transfer aborted.\r\n226 Abort successful.\r\n");
}

static size_t file_size(const char *path) {
    vfs_stat_t st;
    if (vfs_stat(path, &st) < 0) {
        return (size_t)-1;
    }
    return st.size;
}

static void upload(const char *verb_path, const void *data, size_t len, ftp_end_t how) {
    cmd("PASV");
    assert_string_equal(cmd(verb_path), "150 Opening data connection.\r\n");
    assert_true(ftp_xfer_is_upload(&S));
    const uint8_t *p = data;
    for (size_t i = 0; i < len; i += 1000) {
        assert_int_equal(ftp_data_consume(&S, p + i, len - i < 1000 ? len - i : 1000), 0);
    }
    out_len = 0;
    ftp_data_end(&S, how);
}

static void test_stor_appe(void **state) {
    login();
    cmd("CWD /flash");
    static uint8_t data[120000];
    for (size_t i = 0; i < sizeof(data); i++) {
        data[i] = (uint8_t)(i * 7);
    }
    upload("STOR big file.bin", data, 5000, FTP_END_OK);
    assert_string_equal(out, "226 Transfer complete.\r\n");
    assert_int_equal(file_size("/flash/big file.bin"), 5000);
    assert_int_equal(file_size("/flash/.big file.bin.part"), (size_t)-1);
    /* replaced: the old content stays until the new one is complete */
    upload("STOR big file.bin", data, 3000, FTP_END_LOST);
    assert_string_equal(out, "426 Data connection lost; transfer aborted.\r\n");
    assert_int_equal(file_size("/flash/big file.bin"), 5000);
    assert_int_equal(file_size("/flash/.big file.bin.part"), (size_t)-1);
    upload("STOR big file.bin", data, 2000, FTP_END_OK);
    assert_int_equal(file_size("/flash/big file.bin"), 2000);
    /* APPE: cut back on failure, extended on success */
    upload("APPE big file.bin", data, 1000, FTP_END_LOST);
    assert_int_equal(file_size("/flash/big file.bin"), 2000);
    upload("APPE big file.bin", data, 1000, FTP_END_OK);
    assert_string_equal(out, "226 Transfer complete.\r\n");
    assert_int_equal(file_size("/flash/big file.bin"), 3000);
    upload("APPE fresh.txt", data, 10, FTP_END_IDLE);
    assert_string_equal(out, "426 Data connection idle for 5 s; transfer aborted.\r\n");
    assert_int_equal(file_size("/flash/fresh.txt"), (size_t)-1);
    /* REST + STOR writes in place from the offset */
    cmd("REST 1000");
    upload("STOR big file.bin", data, 10, FTP_END_OK);
    assert_int_equal(file_size("/flash/big file.bin"), 3000);
    cmd("REST 9999");
    cmd("PASV");
    assert_string_equal(cmd("STOR big file.bin"), "550 Restart position past the end of the file.\r\n");
    /* the volume fills up: 451, and nothing of it is left */
    cmd("PASV");
    assert_string_equal(cmd("STOR full.bin"), "150 Opening data connection.\r\n");
    int r = 0;
    for (size_t i = 0; i < sizeof(data) * 2 && r == 0; i += 1000) {
        out_len = 0;
        r = ftp_data_consume(&S, data + (i % sizeof(data)), 1000);
    }
    assert_true(r < 0);
    assert_string_equal(out, "451 Write error: No space left on device.\r\n");
    assert_false(ftp_xfer_active(&S));
    assert_int_equal(file_size("/flash/full.bin"), (size_t)-1);
    assert_int_equal(file_size("/flash/.full.bin.part"), (size_t)-1);
    assert_int_equal(file_size("/flash/big file.bin"), 3000);
    /* replacing a file when there is no room for both: the old one makes room */
    upload("STOR twice.bin", data, 100000, FTP_END_OK);
    upload("STOR twice.bin", data + 1, 100000, FTP_END_OK);
    assert_string_equal(out, "226 Transfer complete.\r\n");
    assert_int_equal(file_size("/flash/twice.bin"), 100000);
    vfs_file_t f;
    uint8_t back[16];
    assert_int_equal(vfs_open(&f, "/flash/twice.bin", VFS_O_RDONLY), 0);
    assert_int_equal(vfs_read(&f, back, sizeof(back)), sizeof(back));
    vfs_close(&f);
    assert_memory_equal(back, data + 1, sizeof(back));
    assert_string_equal(cmd("DELE twice.bin"), "250 File deleted.\r\n");
    /* a folder can't be overwritten, a missing folder can't be written into */
    cmd("PASV");
    assert_string_equal(cmd("STOR lib"), "550 Is a directory.\r\n");
    assert_string_equal(cmd("STOR /flash/none/x"), "550 No such file or directory.\r\n");
    assert_string_equal(cmd("STOR /x"), "550 Permission denied.\r\n");
    /* QUIT in the middle of an upload */
    upload("STOR q.txt", data, 10, FTP_END_OK);
    cmd("PASV");
    cmd("STOR q2.txt");
    ftp_data_consume(&S, data, 10);
    assert_string_equal(cmd("QUIT"), "221 Goodbye.\r\n");
    assert_int_equal(file_size("/flash/q2.txt"), (size_t)-1);
    assert_int_equal(file_size("/flash/q.txt"), 10);
}

static int sp_state; /* 0 idle, 1 writing */
static size_t sp_bytes;

static int sp_begin(void *ctx, const char *path) {
    if (strcmp(path, "/flash/sys/mcuimg.bin") != 0) {
        return 1;
    }
    sp_state = 1;
    sp_bytes = 0;
    return 0;
}

static int sp_write(void *ctx, const void *d, size_t n) {
    sp_bytes += n;
    return 0;
}

static int sp_end(void *ctx, bool ok, char *msg, size_t cap) {
    sp_state = 0;
    if (ok && sp_bytes < 32) {
        snprintf(msg, cap, "Firmware image refused: too short.");
        return -22;
    }
    return 0;
}

static void test_special(void **state) {
    io.special_begin = sp_begin;
    io.special_write = sp_write;
    io.special_end = sp_end;
    login();
    vfs_mkdir("/flash/sys");
    static uint8_t data[100];
    upload("STOR /flash/sys/mcuimg.bin", data, 100, FTP_END_OK);
    assert_string_equal(out, "226 Transfer complete.\r\n");
    assert_int_equal(sp_bytes, 100);
    assert_int_equal(file_size("/flash/sys/mcuimg.bin"), (size_t)-1);
    upload("STOR /flash/sys/mcuimg.bin", data, 10, FTP_END_OK);
    assert_string_equal(out, "451 Firmware image refused: too short.\r\n");
    upload("STOR /flash/sys/mcuimg.bin", data, 10, FTP_END_LOST);
    assert_int_equal(sp_state, 0);
    upload("STOR /flash/sys/other.bin", data, 10, FTP_END_OK);
    assert_int_equal(file_size("/flash/sys/other.bin"), 10);
}

/* Random paths built from hostile pieces: the cwd always stays a normalised path inside "/",
 * and nothing is ever created outside /flash. */
static void test_crafted_paths(void **state) {
    login();
    static const char *const pieces[] = {"..", ".", "/", "//", "flash", "lib", "sys", "etc", "passwd", "...",
        " ", "a b", "\xc3\xa4\xe2\x82\xac", "\xff\xfe", "%2e%2e", "\\..\\", "~", "*", "?", "\x01", "-la", "flash/..",
        "/../..", "0123456789abcdef0123456789abcdef"};
    const size_t np = sizeof(pieces) / sizeof(pieces[0]);
    srand(12345);
    for (int iter = 0; iter < 10000; iter++) {
        char path[700] = "";
        int n = 1 + rand() % 12;
        for (int k = 0; k < n; k++) {
            strncat(path, pieces[(size_t)rand() % np], sizeof(path) - strlen(path) - 1);
            if (rand() % 2) {
                strncat(path, "/", sizeof(path) - strlen(path) - 1);
            }
        }
        static const char *const verbs[] = {"CWD ", "MKD ", "SIZE ", "DELE ", "RMD ", "MLST "};
        char line[800];
        snprintf(line, sizeof(line), "%s%s", verbs[iter % 6], path);
        const char *r = cmd(line);
        assert_true(strlen(r) >= 5 && (r[3] == ' ' || r[3] == '-'));
        assert_true(S.cwd[0] == '/');
        assert_true(strcmp(S.cwd, "/") == 0 || strncmp(S.cwd, "/flash", 6) == 0);
        assert_true(strstr(S.cwd, "/..") == NULL && strstr(S.cwd, "//") == NULL);
        if (strncmp(r, "257", 3) == 0) {
            assert_true(strncmp(r, "257 \"/flash/", 12) == 0);
        }
    }
    /* the volume is still sound and only /flash exists at the root */
    vfs_dir_t d;
    vfs_dirent_t e;
    assert_int_equal(vfs_opendir(&d, "/"), 0);
    assert_int_equal(vfs_readdir(&d, &e), 1);
    assert_string_equal(e.name, "flash");
    assert_int_equal(vfs_readdir(&d, &e), 0);
    vfs_closedir(&d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_greeting_and_before_login, setup, teardown),
        cmocka_unit_test_setup_teardown(test_simple_replies, setup, teardown),
        cmocka_unit_test_setup_teardown(test_listings, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retr_and_rest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stor_appe, setup, teardown),
        cmocka_unit_test_setup_teardown(test_special, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crafted_paths, setup, teardown),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    int total = (int)(sizeof(tests) / sizeof(tests[0]));
    printf("%d passed, %d failed\n", total - failed, failed);
    return failed != 0;
}
