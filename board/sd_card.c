/* board/sd_card.c: the SD slot of board/sd_card.h: the card (an image file opened through host/,
 * blocks read and written with pread/pwrite at once, fdatasync on sync) and the SD host's state.
 * Invariant: `fd` >= 0 exactly while a card is in the slot, and `blocks` is then the image's size
 * in whole blocks (>= SD_MIN_BLOCKS); the generation changes whenever the card does. */
#include "board/sd_card.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "board/pin.h"
#include "host/host_fs.h"

static struct {
    int fd; /* -1: empty slot */
    bool readonly;
    uint32_t blocks;
    uint32_t generation;
    uint64_t reads, writes;
    char image[SD_IMAGE_MAX + 1];
    void (*on_change)(void);
} card = {.fd = -1};

static struct {
    bool enabled;
    int pins[3];
} host = {false, {-1, -1, -1}};

static const char *const sd_fn_names[3] = {"SD0_CLK", "SD0_CMD", "SD0_DAT0"};

static void sd_changed(void) {
    card.generation++;
    if (card.on_change != NULL) {
        card.on_change();
    }
}

int sd_card_insert(const char *path, bool write_protect, char *err, size_t errlen) {
    if (card.fd >= 0) {
        snprintf(err, errlen, "a card is already in the slot (%s); remove it first", card.image);
        return -EBUSY;
    }
    if (path == NULL || path[0] == '\0' || strlen(path) > SD_IMAGE_MAX) {
        snprintf(err, errlen, "an SD card image is a file name of 1 to %d characters", SD_IMAGE_MAX);
        return -EINVAL;
    }
    bool readonly = write_protect;
    int fd = host_file_open(path, write_protect ? HOST_O_READ : HOST_O_READ | HOST_O_WRITE);
    if (fd == -EACCES || fd == -EROFS || fd == -EPERM) {
        readonly = true; /* a file we may only read: the card's write-protect tab is set */
        fd = host_file_open(path, HOST_O_READ);
    }
    if (fd < 0) {
        snprintf(err, errlen, "can't open the SD card image '%s': %s", path, strerror(-fd));
        return fd;
    }
    int64_t size = host_file_size(fd);
    if (size < 0) {
        host_file_close(fd);
        snprintf(err, errlen, "the SD card image '%s' is not a regular file", path);
        return -ENODEV;
    }
    if (size % SD_BLOCK != 0 || size < (int64_t)SD_MIN_BLOCKS * SD_BLOCK || size / SD_BLOCK > UINT32_MAX) {
        host_file_close(fd);
        snprintf(err, errlen,
            "'%s' is not an SD card image: %lld bytes (a card is a whole number of 512-byte blocks, at least %u KiB)",
            path, (long long)size, SD_MIN_BLOCKS * SD_BLOCK / 1024);
        return -EINVAL;
    }
    card.fd = fd;
    card.readonly = readonly;
    card.blocks = (uint32_t)(size / SD_BLOCK);
    snprintf(card.image, sizeof(card.image), "%s", path);
    sd_changed();
    return 0;
}

int sd_card_remove(void) {
    if (card.fd < 0) {
        return -ENODEV;
    }
    host_file_close(card.fd);
    card.fd = -1;
    card.blocks = 0;
    card.readonly = false;
    card.image[0] = '\0';
    sd_changed();
    return 0;
}

bool sd_card_present(void) {
    return card.fd >= 0;
}
bool sd_card_readonly(void) {
    return card.readonly;
}
uint32_t sd_card_blocks(void) {
    return card.blocks;
}
const char *sd_card_image(void) {
    return card.image;
}
uint32_t sd_card_generation(void) {
    return card.generation;
}
uint64_t sd_card_reads(void) {
    return card.reads;
}
uint64_t sd_card_writes(void) {
    return card.writes;
}
void sd_card_on_change(void (*fn)(void)) {
    card.on_change = fn;
}

static bool sd_range_ok(uint32_t lba, uint32_t n) {
    return card.fd >= 0 && lba <= card.blocks && n <= card.blocks - lba;
}

int sd_card_read(uint32_t lba, uint32_t n, uint8_t *buf) {
    if (!sd_range_ok(lba, n)) {
        return -EIO;
    }
    size_t len = (size_t)n * SD_BLOCK, done = 0;
    uint64_t off = (uint64_t)lba * SD_BLOCK;
    while (done < len) {
        ssize_t r = host_file_pread(card.fd, buf + done, len - done, off + done);
        if (r == -EINTR) {
            continue;
        }
        if (r <= 0) { /* the image shrank under us, or the host failed */
            return -EIO;
        }
        done += (size_t)r;
    }
    card.reads += n;
    return 0;
}

int sd_card_write(uint32_t lba, uint32_t n, const uint8_t *buf) {
    if (!sd_range_ok(lba, n)) {
        return -EIO;
    }
    if (card.readonly) {
        return -EROFS;
    }
    size_t len = (size_t)n * SD_BLOCK, done = 0;
    uint64_t off = (uint64_t)lba * SD_BLOCK;
    while (done < len) {
        ssize_t r = host_file_pwrite(card.fd, buf + done, len - done, off + done);
        if (r == -EINTR) {
            continue;
        }
        if (r <= 0) {
            return -EIO;
        }
        done += (size_t)r;
    }
    card.writes += n;
    return 0;
}

int sd_card_sync(void) {
    if (card.fd < 0) {
        return -EIO;
    }
    if (card.readonly) {
        return 0;
    }
    return host_file_sync(card.fd, true) == 0 ? 0 : -EIO;
}

/* ---- the host controller ---- */

int sd_host_pin_alt(int pin, int fn) {
    return fn >= 0 && fn < 3 ? pin_alt_index(pin, sd_fn_names[fn]) : -1;
}

static void sd_host_release(void) {
    for (int i = 0; i < 3; i++) {
        if (host.pins[i] >= 0) {
            pin_config_t c = {PIN_MODE_IN, PIN_PULL_NONE, PIN_DRIVE_MED, -1};
            pin_configure(host.pins[i], &c);
            host.pins[i] = -1;
        }
    }
}

void sd_host_init(int clk, int cmd, int dat0) {
    sd_host_release();
    int want[3] = {clk, cmd, dat0};
    for (int i = 0; i < 3; i++) {
        host.pins[i] = want[i];
        pin_config_t c = {PIN_MODE_ALT, PIN_PULL_UP, PIN_DRIVE_MED, (int8_t)sd_host_pin_alt(want[i], i)};
        pin_configure(want[i], &c);
    }
    host.enabled = true;
}

void sd_host_deinit(void) {
    sd_host_release();
    host.enabled = false;
}

bool sd_host_enabled(void) {
    return host.enabled;
}
