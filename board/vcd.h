/* board/vcd.h: a Value Change Dump writer (IEEE 1364-2005 §18) in plain C: signals registered by
 * name and width, value changes stamped in simulated nanoseconds (timescale 1 ns), written through
 * an injected sink (the host owns the file). GTKWave and `sigrok-cli -I vcd` read what it writes.
 * Invariant: each signal's current value is kept whether or not a dump is running, so a dump
 * started at any time opens with every signal's true value; stamps never go backwards. */
#ifndef BOARD_VCD_H
#define BOARD_VCD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VCD_MAX_SIGNALS 160
#define VCD_NAME_MAX 32
#define VCD_BUF_SIZE 65536

/* The four states of a bit; a vector signal takes X or Z for all its bits at once. */
#define VCD_0 '0'
#define VCD_1 '1'
#define VCD_X 'x'
#define VCD_Z 'z'

/* Receives the dump's bytes; returns false on a write error (the dump then stops). */
typedef bool (*vcd_sink_fn)(void *ctx, const char *data, size_t len);

typedef struct {
    char scope[VCD_NAME_MAX];
    char name[VCD_NAME_MAX];
    uint8_t width; /* 1..64 bits; 0 for a real-valued signal */
    char state;    /* VCD_X / VCD_Z when the value is unknown / undriven, else 0 */
    uint64_t value;
    double real;
} vcd_signal_t;

typedef struct {
    vcd_signal_t sig[VCD_MAX_SIGNALS];
    int count;
    vcd_sink_fn sink; /* NULL: no dump running */
    void *sink_ctx;
    bool failed;      /* the sink refused bytes: the dump ended */
    uint64_t last_t;  /* last stamp written */
    bool stamped;     /* a stamp has been written for this dump */
    uint64_t changes; /* value changes written in this dump */
    size_t len;
    char buf[VCD_BUF_SIZE];
} vcd_t;

void vcd_init(vcd_t *v);

/* Registers a signal (width 1..64 bits, or 0 for a real); returns its id, or -1 when the table is
 * full, the name is empty/too long/taken, or the width is out of range. Signals registered while a
 * dump runs appear from the next dump on. Initial state: X. */
int vcd_add(vcd_t *v, const char *scope, const char *name, unsigned width);
int vcd_find(const vcd_t *v, const char *name);

/* Value changes at time t (ns). vcd_set takes the low `width` bits; vcd_set_state a bit state
 * (VCD_0/1/X/Z; 0 and 1 set every bit of a vector to that value); vcd_set_real a real signal.
 * A change to the current value writes nothing. */
void vcd_set(vcd_t *v, int id, uint64_t t, uint64_t value);
void vcd_set_state(vcd_t *v, int id, uint64_t t, char state);
void vcd_set_real(vcd_t *v, int id, uint64_t t, double value);

/* Starts a dump at time t: the header (with `comment` when not NULL) and every signal's value.
 * Returns false if one is already running or the sink failed. */
bool vcd_start(vcd_t *v, vcd_sink_fn sink, void *ctx, uint64_t t, const char *comment);
/* Continues a dump that another process began in the same file (a board reset restarts the
 * program): no header; at time t every signal's value is written, as changes. The signals must
 * have been registered in the same order. Returns false if one is running or the sink failed. */
bool vcd_resume(vcd_t *v, vcd_sink_fn sink, void *ctx, uint64_t t);
/* Ends the dump at time t (a final stamp so viewers show the last interval) and flushes. Returns
 * false when the sink failed at some point of this dump. */
bool vcd_stop(vcd_t *v, uint64_t t);
bool vcd_running(const vcd_t *v);
/* Hands what is buffered to the sink. */
void vcd_flush(vcd_t *v);

#endif
