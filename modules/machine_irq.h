/* modules/machine_irq.h: the `irq` objects of every interrupt source (spec §5 "IRQ objects") over
 * board/irq.h, the service that runs their Python handlers (most urgent first, heap locked, a
 * handler that raises is disabled with a message and the LED's error signal), and
 * micropython.schedule's queue. One irq object per line, static; handlers live in a GC root.
 * Invariant: handlers run only from machine_irq_service, never inside another of equal priority. */
#ifndef MODULES_MACHINE_IRQ_H
#define MODULES_MACHINE_IRQ_H

#include <stdbool.h>

#include "core/obj.h"

/* What a source does with its irq: apply validated settings, report flags, acknowledge a run. */
typedef struct {
    int trigger;    /* source's trigger bits */
    int priority;   /* 1..7 */
    obj_t handler;  /* callable or None */
    int wake;       /* machine.IDLE/SLEEP/DEEPSLEEP bits */
} machine_irq_args_t;
typedef struct {
    /* Validates and applies (ValueError on bad values); the line is enabled afterwards iff wake
     * includes IDLE (the board running). */
    void (*apply)(obj_t parent, const machine_irq_args_t *a);
    unsigned (*flags)(obj_t parent);
    void (*ack)(obj_t parent);        /* after the handler ran for a hardware event */
    void (*enable)(obj_t parent, bool on);
} machine_irq_source_t;

/* obj.irq(trigger, priority=1, handler=None, wake=IDLE): parses, applies, returns the line's irq
 * object. `default_trigger` is used when none is given (-1: trigger is required). */
obj_t machine_irq_make(int line, obj_t parent, const machine_irq_source_t *src, int default_trigger,
    size_t n_args, const obj_t *args, size_t n_kw, const obj_t *kw);

/* Runs pending handlers (from the poll hook and the waits) and then scheduled callbacks. */
void machine_irq_service(void);
/* Runs the handler of `line` now as for a hardware event (a pin that woke the board from sleep). */
void machine_irq_run(int line);
/* True if machine_irq_service has something to do now. */
bool machine_irq_work(void);
/* Every boot (after rt_init): all irqs off, handlers forgotten, schedule queue empty; `ready`
 * false before rt_deinit so nothing runs while the heap is gone. */
void machine_irq_boot(bool ready);

/* micropython.schedule(fn, arg): RuntimeError when the queue (8) is full. */
void machine_schedule(obj_t fn, obj_t arg);

#endif
