/* board/irq.c: the interrupt controller of board/irq.h as three small tables and a count of
 * pending enabled lines, so irq_any() is one comparison. */
#include "board/irq.h"

static uint8_t prio[IRQ_LINES];
static bool enabled[IRQ_LINES];
static bool pending[IRQ_LINES];
static int n_pending; /* pending and enabled */
static bool masked;
static uint32_t pends;

static bool line_ok(int line) { return line >= 0 && line < IRQ_LINES; }

void irq_reset_all(void) {
    for (int i = 0; i < IRQ_LINES; i++) {
        prio[i] = IRQ_PRIORITY_MIN;
        enabled[i] = false;
        pending[i] = false;
    }
    n_pending = 0;
    masked = false;
}

static void recount(void) {
    n_pending = 0;
    for (int i = 0; i < IRQ_LINES; i++) {
        n_pending += pending[i] && enabled[i];
    }
}

void irq_configure(int line, int priority, bool en) {
    if (!line_ok(line)) {
        return;
    }
    if (priority < IRQ_PRIORITY_MIN) {
        priority = IRQ_PRIORITY_MIN;
    }
    if (priority > IRQ_PRIORITY_MAX) {
        priority = IRQ_PRIORITY_MAX;
    }
    prio[line] = (uint8_t)priority;
    irq_enable(line, en);
}

void irq_enable(int line, bool en) {
    if (!line_ok(line)) {
        return;
    }
    enabled[line] = en;
    if (!en) {
        pending[line] = false; /* a disabled line forgets what it saw */
    }
    recount();
}

bool irq_enabled(int line) { return line_ok(line) && enabled[line]; }
int irq_priority(int line) { return line_ok(line) ? prio[line] : 0; }

void irq_pend(int line) {
    if (!line_ok(line) || !enabled[line]) {
        return;
    }
    pends++;
    if (!pending[line]) {
        pending[line] = true;
        n_pending++;
    }
}

void irq_unpend(int line) {
    if (line_ok(line) && pending[line]) {
        pending[line] = false;
        recount();
    }
}

bool irq_pending(int line) { return line_ok(line) && pending[line]; }
bool irq_any(void) { return n_pending > 0 && !masked; }

int irq_take(int above) {
    if (masked || n_pending == 0) {
        return -1;
    }
    int best = -1;
    for (int i = 0; i < IRQ_LINES; i++) {
        if (pending[i] && enabled[i] && prio[i] > above && (best < 0 || prio[i] > prio[best])) {
            best = i;
        }
    }
    if (best >= 0) {
        pending[best] = false;
        n_pending--;
    }
    return best;
}

uint32_t irq_mask(void) {
    uint32_t state = masked ? 0 : 1;
    masked = true;
    return state;
}

void irq_unmask(uint32_t state) { masked = state == 0; }
uint32_t irq_pend_count(void) { return pends; }
