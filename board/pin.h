/* board/pin.h: the 25 user pins and the nets they sit on (spec §4). Each pin has a configuration
 * (mode, pull, drive, alt), the firmware's output latch, a peripheral drive (ALT modes) and an
 * outside drive (a part, a test: a level or a voltage); wires join pins into nets. A net's level
 * is resolved from every driver on it: strong drivers first (two opposite ones = a conflict, which
 * is reported and reads low), then pulls, else it keeps its last level. Listeners hear every
 * level change of every pin, with the simulated time. Invariant: pin_level() is always the level
 * of the last resolution, and a listener is told of each change exactly once, in time order. */
#ifndef BOARD_PIN_H
#define BOARD_PIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIN_COUNT 25
#define PIN_MAX_ALT 5
#define PIN_LED 21        /* index of GP25, the heartbeat LED */
#define PIN_SAFE_BOOT 22  /* index of GP28: the board pulls it down (an outside pull from power-on) */
#define PIN_VDD_MV 3300u  /* a high level's voltage */
#define PIN_GPIO_MAX_MV 3600u
#define PIN_ANALOG_MAX_MV 1800u
#define PIN_HIGH_MIN_MV 1650u /* an outside voltage at or above this reads high */

typedef enum { PIN_I2C_NONE, PIN_I2C_SCL, PIN_I2C_SDA } pin_i2c_role_t;
typedef struct {
    const char *fn; /* "UART0_TX" */
    int8_t index;   /* the alt index, -1 for analog functions */
} pin_alt_t;
typedef struct {
    const char *name; /* "GP12" */
    uint8_t gpio;
    const char *header; /* "L7" */
    int8_t adc_channel; /* -1: none */
    bool wake;          /* can wake the board from sleep/deepsleep */
    pin_i2c_role_t i2c_role;
    uint8_t n_alt;
    pin_alt_t alt[PIN_MAX_ALT];
} pin_info_t;
extern const pin_info_t pin_info[PIN_COUNT];

/* The pin with this name ("GP12", not NUL-terminated), or -1. */
int pin_by_name(const char *name, size_t len);
int pin_by_gpio(int gpio);
/* True if `index` is one of the pin's alt indices (analog ones excluded). */
bool pin_has_alt(int pin, int index);
/* The pin's alt index for the function named fn ("SD0_CLK"), or -1 if it has none. */
int pin_alt_index(int pin, const char *fn);

typedef enum { PIN_MODE_IN, PIN_MODE_OUT, PIN_MODE_OPEN_DRAIN, PIN_MODE_ALT, PIN_MODE_ALT_OPEN_DRAIN } pin_mode_t;
typedef enum { PIN_PULL_NONE, PIN_PULL_UP, PIN_PULL_DOWN } pin_pull_t;
typedef enum { PIN_DRIVE_LOW, PIN_DRIVE_MED, PIN_DRIVE_HIGH } pin_drive_t; /* 2, 4, 6 mA */
typedef struct {
    pin_mode_t mode;
    pin_pull_t pull;
    pin_drive_t drive;
    int8_t alt; /* -1 outside the ALT modes */
} pin_config_t;

/* Reset state: every pin an input without pull, latch 0, no peripheral drive, no IRQ trigger; a
 * floating net keeps its level (0 at power-on). Wires and the outside's drives are the board's
 * and survive (pin_unwire_all, pin_ext_release remove them). Listeners hear levels that change. */
void pin_reset_all(void);
void pin_configure(int pin, const pin_config_t *cfg);
void pin_get_config(int pin, pin_config_t *cfg);

/* The firmware's side */
void pin_write(int pin, int value); /* the output latch (0/1); drives the net in OUT mode, pulls it
                                       low in OPEN_DRAIN mode when 0 */
int pin_latch(int pin);
int pin_level(int pin); /* the net's resolved level, 0 or 1 */
/* A peripheral in an ALT mode drives the pin: 0/1, or -1 to release (ALT_OPEN_DRAIN: 1 = release). */
void pin_alt_drive(int pin, int level);
/* An ADC channel has the pin in analog mode (PIN_ANALOG_MAX_MV applies to outside voltages). */
void pin_set_analog(int pin, bool analog);
bool pin_is_analog(int pin);

/* The outside's side. Results: */
typedef enum { PIN_OK = 0, PIN_ERR_NO_PIN = -1, PIN_ERR_OVERVOLTAGE = -2, PIN_ERR_BAD_LEVEL = -3 } pin_err_t;
pin_err_t pin_ext_drive(int pin, int level);  /* a strong 0/1 from outside (button, test) */
/* A voltage source (mV) on the pin's net: reads high at PIN_HIGH_MIN_MV and above. Above
 * PIN_GPIO_MAX_MV (PIN_ANALOG_MAX_MV on an analog pin) it is refused and counted as damage. */
pin_err_t pin_ext_voltage(int pin, uint32_t mv);
pin_err_t pin_ext_release(int pin);
/* An outside resistor (a part's pull-up or pull-down) on the pin's net; PIN_PULL_NONE removes it. */
pin_err_t pin_ext_pull(int pin, pin_pull_t pull);
bool pin_ext_driven(int pin);
uint32_t pin_voltage_mv(int pin); /* the net's voltage: a source's, else level * PIN_VDD_MV */
uint32_t pin_damage_count(void);
int pin_last_damage_pin(void); /* -1 if none */

/* Wires */
pin_err_t pin_wire(int a, int b); /* joins the two pins' nets */
void pin_unwire_all(void);
int pin_net(int pin);               /* the net's id: the lowest pin index in it */
bool pin_same_net(int a, int b);
bool pin_conflict(int pin);         /* opposite strong drivers on the pin's net now */
uint32_t pin_conflict_count(void);  /* conflicts begun since power-on */

/* Listeners: several observers (trace, control interface, IRQ detection, the LED) hear every
 * change. Callbacks must not register listeners; they may call pin_level/pin_voltage_mv. */
typedef struct pin_listener {
    void (*level)(void *ctx, int pin, int level, uint64_t time_ns);
    void (*conflict)(void *ctx, int pin, bool on, uint64_t time_ns); /* may be NULL */
    void *ctx;
} pin_listener_t;
bool pin_listen(const pin_listener_t *l); /* false when the table (8) is full */
void pin_unlisten(const pin_listener_t *l);

/* IRQ triggers (edge/level): a trigger seen on an enabled pin sets its flags and pends its line
 * in board/irq.h; level triggers pend again after pin_irq_ack while the level holds. */
#define PIN_IRQ_FALLING 1
#define PIN_IRQ_RISING 2
#define PIN_IRQ_LOW_LEVEL 4
#define PIN_IRQ_HIGH_LEVEL 8
void pin_irq_set(int pin, unsigned trigger); /* 0 disables */
unsigned pin_irq_trigger(int pin);
unsigned pin_irq_flags(int pin);       /* what fired since the last pin_irq_ack */
void pin_irq_ack(int pin);             /* the handler ran: clear flags, re-check level triggers */
bool pin_irq_level_active(int pin);    /* a level trigger of the pin holds now */

#endif
