/* board/trace.h: the board's one trace: a VCD (board/vcd.h) holding a 1-bit signal per pin (scope
 * "pins", named GPn) and the LED (scope "board"), stamped with the board clock. A model adds its
 * own signal (a bus line, a PWM output) with trace_signal and feeds it with trace_set: that is all
 * it takes. A bus draws its bits on its pins' nets ahead of time with trace_wave (the waves are
 * merged with every other change in time order). Where the bytes go is the caller's sink (the
 * host owns the file). */
#ifndef BOARD_TRACE_H
#define BOARD_TRACE_H

#include <stdbool.h>
#include <stdint.h>

#include "board/vcd.h"

/* Registers the pins and the LED and starts listening to them (idempotent). */
void trace_init(void);
/* A new signal (width 1..64 bits, 0: real); its id, or -1 (see vcd_add). Initial state X. */
int trace_signal(const char *scope, const char *name, unsigned width);
int trace_find(const char *name);
void trace_set(int id, uint64_t value);      /* at the board clock's now */
void trace_set_state(int id, char state);    /* VCD_0/1/X/Z */
void trace_set_real(int id, double value);

bool trace_start(vcd_sink_fn sink, void *ctx, const char *comment);
bool trace_stop(void); /* false if the sink failed during the dump */
/* Across a board reset (the program restarts): the trace's time goes on from `base_ns` (the
 * trace time at the reset) so that one file holds both lives; trace_resume continues that dump. */
void trace_set_base(uint64_t base_ns);
uint64_t trace_now_ns(void); /* base + the board clock */
bool trace_resume(vcd_sink_fn sink, void *ctx);
bool trace_running(void);
void trace_flush(void);
uint64_t trace_changes(void); /* changes written by the running (or last) dump */

/* Bus waveforms (issue 10, board/{uart,i2c,spi}_wave.c). While a dump runs, a bus schedules the
 * levels of its bits at trace times t >= trace_now_ns(): every pin on `pin`'s net shows `level`
 * (0/1, or TRACE_WAVE_RELEASE: the pin's own level again) from t on. A scheduled level is written
 * once the board's time reaches t, before any later change, so a frame on the wire interleaves
 * with everything else; trace_stop writes what is left. Nothing is kept while no dump runs. */
#define TRACE_WAVE_RELEASE (-1)
#define TRACE_WAVE_MAX 8192 /* scheduled levels; past this the earliest are written early */
void trace_wave(int pin, uint64_t t, int level);

#endif
