/* board/clock.h: the board's one clock, in simulated nanoseconds since power-on, and its timers.
 * Real mode follows a host clock given at init (board/ calls no OS); virtual mode advances only by
 * a cost per VM step (clock_vm_steps) and by jumps to the next deadline when the board waits.
 * Invariants: time never goes backwards; a timer's callback runs once, at or after its deadline,
 * with clock_now_ns() >= deadline; timers due at the same time run in the order they were armed. */
#ifndef BOARD_CLOCK_H
#define BOARD_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define CLOCK_NEVER UINT64_MAX
#define CLOCK_DEFAULT_STEP_NS 4000u /* a VM step (loop iteration or call) on the 80 MHz board */

typedef enum { CLOCK_REAL, CLOCK_VIRTUAL } clock_mode_t;

/* Host monotonic time in ns (only read in real mode; may be NULL in virtual mode). */
typedef uint64_t (*clock_host_fn_t)(void);

/* Starts the clock at 0 (power-on) with no timer armed. */
void clock_init(clock_mode_t mode, uint32_t step_ns, clock_host_fn_t host_ns);
clock_mode_t clock_mode(void);
uint32_t clock_step_ns(void);
uint64_t clock_now_ns(void);
static inline uint64_t clock_now_us(void) { return clock_now_ns() / 1000u; }
static inline uint64_t clock_now_ms(void) { return clock_now_ns() / 1000000u; }

/* The VM executed n steps: virtual time advances n * step_ns (no-op in real mode). Runs due timers. */
void clock_vm_steps(uint32_t n);
/* The hardware was busy for ns (a bus transfer, issue 10): the board's time moves on by ns at no
 * host cost. Virtual mode advances; real mode runs that much ahead of the host from now on. Due
 * timers run at the VM's next steps, not here. */
void clock_spend_ns(uint64_t ns);

/* Timers. A background timer (the heartbeat) never makes virtual time jump while the board waits
 * only for outside input; a foreground one (a Python deadline, a peripheral) does. The struct is
 * owned by the caller and must stay alive while armed. */
typedef struct clock_timer clock_timer_t;
typedef void (*clock_timer_fn_t)(clock_timer_t *t, void *ctx);
struct clock_timer {
    uint64_t when_ns;
    clock_timer_fn_t fn;
    void *ctx;
    bool background;
    bool armed;
    uint64_t seq; /* arming order, for ties */
    clock_timer_t *next;
};
void clock_timer_init(clock_timer_t *t, clock_timer_fn_t fn, void *ctx, bool background); /* not while armed */
void clock_timer_at(clock_timer_t *t, uint64_t when_ns); /* (re)arms; a past time fires at the next run */
void clock_timer_after(clock_timer_t *t, uint64_t delay_ns);
void clock_timer_cancel(clock_timer_t *t);
static inline bool clock_timer_armed(const clock_timer_t *t) { return t->armed; }

/* The earliest armed deadline (background ones included or not); CLOCK_NEVER if none. */
uint64_t clock_next_deadline(bool include_background);
/* Runs every timer due at the current time (callbacks may arm timers; those due now run too).
 * Returns how many ran. */
int clock_run_due(void);

/* Waiting. clock_wait_ns tells the host how long (host ns) it may block before the board has
 * something to do when it waits until `until_ns` (CLOCK_NEVER: only outside input awaited):
 * real mode: time left to min(until, next deadline); virtual mode: 0 when it can jump (a deadline
 * exists), CLOCK_NEVER when time must stand still. */
uint64_t clock_wait_ns(uint64_t until_ns);
/* Virtual mode: jumps to min(until_ns, next deadline) (foreground timers only when until_ns is
 * CLOCK_NEVER) and runs what is due. Real mode: runs what is due. Returns true if time moved. */
bool clock_wait_step(uint64_t until_ns);
/* Advances by delta_ns running every timer on the way, background ones included (the outside's
 * "advance the virtual clock"; in real mode only runs what is due). */
void clock_advance(uint64_t delta_ns);

#endif
