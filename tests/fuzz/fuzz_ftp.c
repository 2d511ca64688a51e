/* tests/fuzz/fuzz_ftp.c: libFuzzer over the FTP session (services/ftp_proto.c) on a RAM /flash.
 * The input is split at 0x00 0xFF into command bytes and, between them, data for whatever
 * transfer the commands set up; every transfer is driven to an end (ok, lost or idle by the input). */
#include <stdint.h>
#include <string.h>

#include "services/ftp_proto.h"
#include "storage/vfs.h"

#define SECTORS 384

static uint8_t disk[SECTORS * 512];
static uint8_t pristine[SECTORS * 512];
static bdev_t bd;
static ftp_session_t S;

static void io_reply(void *ctx, const char *t, size_t n) {
    if (n == 0 || t[n - 1] != '\n') {
        __builtin_trap(); /* every reply is whole lines */
    }
}
static int io_passive(void *ctx, uint8_t ip[4], int *port) {
    memset(ip, 0, 4);
    *port = 2024;
    return 0;
}
static void io_transfer(void *ctx) {}
static const ftp_io_t io = {io_reply, io_passive, io_transfer, NULL, NULL, NULL, NULL};

static void drive(const uint8_t *data, size_t len) {
    if (!ftp_xfer_active(&S)) {
        return;
    }
    if (ftp_xfer_is_upload(&S)) {
        if (len > 0 && ftp_data_consume(&S, data, len) < 0) {
            return;
        }
    } else {
        uint8_t buf[700];
        for (int i = 0; i < 64; i++) {
            ssize_t n = ftp_data_produce(&S, buf, len % sizeof(buf) + 1);
            if (n <= 0) {
                break;
            }
        }
    }
    if (ftp_xfer_active(&S)) {
        ftp_data_end(&S, len % 3 == 0 ? FTP_END_OK : len % 3 == 1 ? FTP_END_LOST : FTP_END_IDLE);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int ready;
    if (!ready) {
        bdev_mem_init(&bd, disk, SECTORS);
        vfs_reset();
        vfs_mkfs_bdev(&bd, true);
        vfs_mount(&bd, "/flash", 0);
        vfs_mkdir("/flash/lib");
        vfs_umount_all();
        memcpy(pristine, disk, sizeof(disk));
        ready = 1;
    }
    memcpy(disk, pristine, sizeof(disk));
    vfs_reset();
    vfs_mount(&bd, "/flash", 0);
    ftp_start(&S, "micro", "python", &io);
    static const char login[] = "USER micro\r\nPASS python\r\n";
    if (size > 0 && data[0] & 1) {
        ftp_input(&S, (const uint8_t *)login, sizeof(login) - 1);
    }
    size_t start = 0;
    for (size_t i = 0; i + 1 < size; i++) {
        if (data[i] == 0x00 && data[i + 1] == 0xFF) {
            ftp_input(&S, data + start, i - start);
            size_t j = i + 2;
            while (j + 1 < size && !(data[j] == 0x00 && data[j + 1] == 0xFF)) {
                j++;
            }
            if (j + 1 >= size) {
                j = size;
            }
            drive(data + i + 2, j - (i + 2));
            start = j + 2 < size ? j + 2 : size;
            i = start - 1;
        }
    }
    if (start < size) {
        ftp_input(&S, data + start, size - start);
        drive(data, 0);
    }
    ftp_end(&S);
    vfs_umount_all();
    return 0;
}
