/* firmware/board_sd.c: the card in the SD slot at power-on: the board file's "sd" section
 * ({"image": "sd.img" | null, "size": "8m", "write_protect": false}; a relative image is in the
 * state directory; "size" makes a missing image as a new, FAT-formatted card) or --sd IMAGE, and
 * the slot's state kept across resets in STATE/sd-slot (a card the outside took out stays out).
 * Invariant: a made image appears under its name only once complete (made aside, then renamed). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "board/boardfile.h"
#include "board/sd_card.h"
#include "firmware/board.h"
#include "firmware/cli_size.h"
#include "host/host_fs.h"
#include "storage/blockdev.h"
#include "storage/fat.h"

#define SD_PATH_MAX 4096

static struct {
    bool given; /* the board file has an "sd" section with an image */
    char image[SD_PATH_MAX];
    uint64_t size; /* bytes for a new card; 0: the image must exist */
    bool write_protect;
} sd_conf;
static char sd_slot_file[SD_PATH_MAX];

int board_sd_apply(const char *board_file) {
    memset(&sd_conf, 0, sizeof(sd_conf));
    const char *text = boardfile_section("sd");
    if (text == NULL) {
        return 0;
    }
    json_t *o = json_loads(text, 0, NULL);
    const char *bad = NULL;
    if (!json_is_object(o)) {
        bad = "\"sd\" must be an object like {\"image\": \"sd.img\", \"size\": \"8m\"}";
    } else {
        const char *key;
        json_t *v;
        json_object_foreach(o, key, v) {
            if (strcmp(key, "image") != 0 && strcmp(key, "size") != 0 && strcmp(key, "write_protect") != 0) {
                bad = "sd: unknown key (known: image, size, write_protect)";
            }
        }
        json_t *img = json_object_get(o, "image");
        json_t *size = json_object_get(o, "size");
        json_t *wp = json_object_get(o, "write_protect");
        if (img != NULL && !json_is_null(img) &&
            (!json_is_string(img) || json_string_length(img) == 0 || json_string_length(img) >= SD_IMAGE_MAX)) {
            bad = "sd.image: a file name (relative ones are in the state directory), or null for an empty slot";
        } else if (wp != NULL && !json_is_boolean(wp)) {
            bad = "sd.write_protect: true or false";
        } else if (size != NULL) {
            uint64_t n = json_is_integer(size) && json_integer_value(size) > 0 ? (uint64_t)json_integer_value(size)
                         : json_is_string(size)                                ? cli_parse_size(json_string_value(size))
                                                                               : 0;
            if (n % SD_BLOCK != 0 || n < (uint64_t)SD_MIN_BLOCKS * SD_BLOCK || n / SD_BLOCK > UINT32_MAX) {
                bad = "sd.size: the size of a new card, whole 512-byte blocks from 64k (e.g. \"8m\" or 8388608)";
            }
            sd_conf.size = n;
        }
        if (bad == NULL && json_is_string(img)) {
            sd_conf.given = true;
            snprintf(sd_conf.image, sizeof(sd_conf.image), "%s", json_string_value(img));
            sd_conf.write_protect = json_is_true(wp);
        }
    }
    json_decref(o);
    if (bad != NULL) {
        fprintf(stderr, "wipy: %s: %s\n", board_file, bad);
        return -1;
    }
    return 0;
}

/* A new card of `bytes` with a FAT file system, made aside and renamed to path. */
static int board_sd_make(const char *path, uint64_t bytes) {
    char tmp[SD_PATH_MAX + 8];
    snprintf(tmp, sizeof(tmp), "%s.new", path);
    host_remove(tmp);
    bdev_t bd;
    int r = bdev_file_open(&bd, tmp, false, true, (uint32_t)(bytes / SD_BLOCK));
    if (r == 0) {
        r = fat_mkfs(&bd, NULL);
        int s = bdev_sync(&bd);
        bdev_close(&bd);
        r = r != 0 ? r : s;
    }
    if (r == 0) {
        r = host_rename(tmp, path);
    }
    if (r != 0) {
        host_remove(tmp);
    }
    return r;
}

/* The slot's state for the next reset: the image and its tab, or nothing. */
static void board_sd_save_slot(void) {
    if (sd_slot_file[0] == '\0') {
        return;
    }
    char text[SD_IMAGE_MAX + 16];
    int n = sd_card_present() ? snprintf(text, sizeof(text), "%d %s", sd_card_readonly() ? 1 : 0, sd_card_image())
                              : snprintf(text, sizeof(text), "-");
    char tmp[SD_PATH_MAX + 8];
    snprintf(tmp, sizeof(tmp), "%s.new", sd_slot_file);
    int fd = host_file_open(tmp, HOST_O_WRITE | HOST_O_CREAT | HOST_O_TRUNC);
    if (fd < 0 || host_file_write(fd, text, (size_t)n) != n || host_rename(tmp, sd_slot_file) != 0) {
        fprintf(stderr, "wipy: can't save the SD slot's state in %s\n", sd_slot_file);
    }
    if (fd >= 0) {
        host_file_close(fd);
    }
}

/* After a reset, the slot as the last program left it: true if the file said so. */
static bool board_sd_restore_slot(void) {
    size_t len;
    char *text = host_read_file(sd_slot_file, &len);
    if (text == NULL) {
        return false;
    }
    bool done = true;
    if (len >= 3 && (text[0] == '0' || text[0] == '1') && text[1] == ' ') {
        char err[SD_PATH_MAX + 160];
        if (sd_card_insert(text + 2, text[0] == '1', err, sizeof(err)) != 0) {
            fprintf(stderr, "wipy: the SD card of before the reset: %s; the slot is empty\n", err);
        }
    } else if (!(len == 1 && text[0] == '-')) {
        done = false; /* not ours: start as at power-on */
    }
    free(text);
    return done;
}

int board_sd_start(const char *state_dir, const char *sd_opt, bool after_reset) {
    snprintf(sd_slot_file, sizeof(sd_slot_file), "%s/sd-slot", state_dir);
    sd_card_on_change(NULL);
    if (sd_card_present()) {
        sd_card_remove();
    }
    if (!(after_reset && board_sd_restore_slot())) {
        char path[SD_PATH_MAX];
        bool wp = false;
        if (sd_opt != NULL) {
            snprintf(path, sizeof(path), "%s", sd_opt);
        } else if (sd_conf.given) {
            bool rel = sd_conf.image[0] != '/';
            if (snprintf(path, sizeof(path), "%s%s%s", rel ? state_dir : "", rel ? "/" : "", sd_conf.image) >=
                (int)sizeof(path)) {
                fprintf(stderr, "wipy: the SD card image's path is too long\n");
                return 2;
            }
            wp = sd_conf.write_protect;
            host_stat_t st;
            if (sd_conf.size != 0 && host_stat(path, &st) == -ENOENT) {
                int r = board_sd_make(path, sd_conf.size);
                if (r != 0) {
                    fprintf(stderr, "wipy: can't make the SD card image '%s': %s\n", path, strerror(-r));
                    return 2;
                }
            }
        } else {
            path[0] = '\0';
        }
        char err[SD_PATH_MAX + 160];
        if (path[0] != '\0' && sd_card_insert(path, wp, err, sizeof(err)) != 0) {
            fprintf(stderr, "wipy: %s%s\n", err, sd_opt != NULL ? " (--sd)" : " (the board file's \"sd\")");
            return 2;
        }
    }
    board_sd_save_slot();
    sd_card_on_change(board_sd_save_slot);
    return 0;
}
