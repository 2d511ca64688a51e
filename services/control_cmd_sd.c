/* services/control_cmd_sd.c: the control interface's commands for the SD card slot (insert an image, remove it)
 * (docs/control-protocol.md): `sd` (the slot's state), `sd.insert` (`image`, `write_protect`),
 * `sd.remove`. Each command checks all of its arguments before it touches the board, so a
 * refused request changes nothing. A card pulled out while mounted makes the volume's next
 * operation OSError(EIO) on the board; the image itself is never left half-written by it. */
#include "services/control_cmd.h"

#include <errno.h>
#include <stdio.h>

#include "board/sd_card.h"

static json_t *sd_json(void) {
    json_t *o = json_object();
    bool in = sd_card_present();
    json_object_set_new(o, "inserted", json_boolean(in));
    json_object_set_new(o, "image", in ? json_string(sd_card_image()) : json_null());
    json_object_set_new(o, "blocks", json_integer(sd_card_blocks()));
    json_object_set_new(o, "write_protect", json_boolean(in && sd_card_readonly()));
    json_object_set_new(o, "controller", json_boolean(sd_host_enabled()));
    json_object_set_new(o, "reads", json_integer((json_int_t)sd_card_reads()));
    json_object_set_new(o, "writes", json_integer((json_int_t)sd_card_writes()));
    return o;
}

static json_t *cmd_sd(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    return sd_json();
}

static json_t *cmd_sd_insert(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    json_t *img = json_object_get(req, "image");
    json_t *wp = json_object_get(req, "write_protect");
    if (!json_is_string(img)) {
        snprintf(err, errlen, "sd.insert wants \"image\": the card's image file (a host path)");
        return NULL;
    }
    if (wp != NULL && !json_is_boolean(wp)) {
        snprintf(err, errlen, "\"write_protect\" must be true or false");
        return NULL;
    }
    if (sd_card_insert(json_string_value(img), json_is_true(wp), err, errlen) != 0) {
        return NULL;
    }
    return sd_json();
}

static json_t *cmd_sd_remove(ctl_client_t *c, json_t *req, char *err, size_t errlen) {
    if (sd_card_remove() == -ENODEV) {
        snprintf(err, errlen, "the SD slot is empty");
        return NULL;
    }
    return sd_json();
}

const ctl_command_t ctl_cmds_sd[] = {
    {"sd", cmd_sd},
    {"sd.insert", cmd_sd_insert},
    {"sd.remove", cmd_sd_remove},
    {NULL, NULL},
};
