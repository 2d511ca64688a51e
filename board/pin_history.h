/* board/pin_history.h: every pin's recent level changes (the last PIN_HISTORY_DEPTH edges, with
 * their simulated times) and its edge count since power-on, for the outside's view of the board.
 * Fed by a pin listener (board/pin.h); reading never changes the board. */
#ifndef BOARD_PIN_HISTORY_H
#define BOARD_PIN_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#define PIN_HISTORY_DEPTH 64

typedef struct {
    uint64_t t_ns;
    uint8_t level;
} pin_edge_t;

/* Starts listening (idempotent); the history is then empty. */
void pin_history_init(void);
/* Copies the last min(max, kept) edges of the pin, oldest first; returns how many. */
size_t pin_history_get(int pin, pin_edge_t *out, size_t max);
uint64_t pin_history_count(int pin); /* edges since init */
uint64_t pin_history_last_ns(int pin); /* time of the last edge, 0 if none */

#endif
