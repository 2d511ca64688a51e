/* board/clock.c: the simulated clock and its timer list (board/clock.h). Timers sit in one list
 * sorted by (deadline, arming order); the head is the next deadline, cached for the VM's cheap
 * check. Real mode reads the injected host clock and never lets time go backwards. */
#include "board/clock.h"

#include <stddef.h>

static clock_mode_t mode;
static uint32_t step_ns = CLOCK_DEFAULT_STEP_NS;
static clock_host_fn_t host_ns;
static uint64_t host_origin;
static uint64_t now_ns;      /* virtual time, or the last real reading */
static clock_timer_t *timers; /* sorted */
static uint64_t seq_next;
static uint64_t head_when = CLOCK_NEVER;
static bool running; /* inside clock_run_due: no recursion */

void clock_init(clock_mode_t m, uint32_t step, clock_host_fn_t host) {
    mode = m;
    step_ns = step;
    host_ns = host;
    host_origin = host != NULL ? host() : 0;
    now_ns = 0;
    timers = NULL;
    head_when = CLOCK_NEVER;
    seq_next = 0;
    running = false;
}

clock_mode_t clock_mode(void) { return mode; }
uint32_t clock_step_ns(void) { return step_ns; }

uint64_t clock_now_ns(void) {
    if (mode == CLOCK_REAL && host_ns != NULL) {
        uint64_t t = host_ns() - host_origin;
        if (t > now_ns) {
            now_ns = t;
        }
    }
    return now_ns;
}

void clock_timer_init(clock_timer_t *t, clock_timer_fn_t fn, void *ctx, bool background) {
    t->when_ns = 0;
    t->fn = fn;
    t->ctx = ctx;
    t->background = background;
    t->armed = false;
    t->seq = 0;
    t->next = NULL;
}

static void unlink_timer(clock_timer_t *t) {
    for (clock_timer_t **pp = &timers; *pp != NULL; pp = &(*pp)->next) {
        if (*pp == t) {
            *pp = t->next;
            break;
        }
    }
    t->next = NULL;
    t->armed = false;
    head_when = timers != NULL ? timers->when_ns : CLOCK_NEVER;
}

void clock_timer_cancel(clock_timer_t *t) {
    if (t->armed) {
        unlink_timer(t);
    }
}

void clock_timer_at(clock_timer_t *t, uint64_t when) {
    clock_timer_cancel(t);
    t->when_ns = when;
    t->seq = seq_next++;
    t->armed = true;
    clock_timer_t **pp = &timers;
    while (*pp != NULL && (*pp)->when_ns <= when) {
        pp = &(*pp)->next;
    }
    t->next = *pp;
    *pp = t;
    head_when = timers->when_ns;
}

void clock_timer_after(clock_timer_t *t, uint64_t delay) {
    uint64_t now = clock_now_ns();
    clock_timer_at(t, delay > CLOCK_NEVER - now ? CLOCK_NEVER - 1 : now + delay);
}

uint64_t clock_next_deadline(bool include_background) {
    for (clock_timer_t *t = timers; t != NULL; t = t->next) {
        if (include_background || !t->background) {
            return t->when_ns;
        }
    }
    return CLOCK_NEVER;
}

int clock_run_due(void) {
    if (running) {
        return 0;
    }
    running = true;
    int ran = 0;
    uint64_t now = clock_now_ns();
    while (timers != NULL && timers->when_ns <= now) {
        clock_timer_t *t = timers;
        unlink_timer(t);
        t->fn(t, t->ctx);
        ran++;
    }
    running = false;
    return ran;
}

void clock_vm_steps(uint32_t n) {
    if (mode == CLOCK_VIRTUAL) {
        now_ns += (uint64_t)n * step_ns;
    }
    if (head_when <= now_ns || (mode == CLOCK_REAL && head_when != CLOCK_NEVER && head_when <= clock_now_ns())) {
        clock_run_due();
    }
}

void clock_spend_ns(uint64_t ns) {
    if (mode == CLOCK_REAL && host_ns != NULL) {
        host_origin -= ns; /* unsigned: wraps harmlessly, host_ns() - host_origin stays right */
    }
    now_ns += ns;
}

uint64_t clock_wait_ns(uint64_t until) {
    uint64_t now = clock_now_ns();
    uint64_t next = clock_next_deadline(mode == CLOCK_REAL || until != CLOCK_NEVER);
    uint64_t target = next < until ? next : until;
    if (mode == CLOCK_VIRTUAL) {
        return target == CLOCK_NEVER ? CLOCK_NEVER : 0;
    }
    if (target == CLOCK_NEVER) {
        return CLOCK_NEVER;
    }
    return target > now ? target - now : 0;
}

/* Moves virtual time to `to` (never backwards) running the timers on the way in order. */
static void jump_to(uint64_t to) {
    while (timers != NULL && timers->when_ns <= to) {
        if (timers->when_ns > now_ns) {
            now_ns = timers->when_ns;
        }
        clock_run_due();
    }
    if (to > now_ns) {
        now_ns = to;
    }
}

bool clock_wait_step(uint64_t until) {
    uint64_t before = clock_now_ns();
    if (mode == CLOCK_VIRTUAL) {
        uint64_t next = clock_next_deadline(until != CLOCK_NEVER);
        uint64_t target = next < until ? next : until;
        if (target != CLOCK_NEVER && target > now_ns) {
            jump_to(target);
        }
    }
    clock_run_due();
    return clock_now_ns() != before;
}

void clock_advance(uint64_t delta) {
    if (mode == CLOCK_VIRTUAL) {
        jump_to(delta > CLOCK_NEVER - 1 - now_ns ? CLOCK_NEVER - 1 : now_ns + delta);
    }
    clock_run_due();
}
