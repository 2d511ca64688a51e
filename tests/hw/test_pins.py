"""machine.Pin, its irqs and Signal on a board with wires (spec §5 Pin, IRQ objects): pins seen
through wires, pulls, open drain, priorities, the heap locked in handlers, a failing handler,
micropython.schedule, and every bad argument."""
import pytest


def test_pin_to_pin_over_a_wire(rig):
    out = rig.run(
        "from machine import Pin\n"
        "a = Pin('GP17', Pin.OUT, value=1)\n"
        "b = Pin('GP12', Pin.IN)\n"
        "print(b(), b.value())\n"
        "a(0); print(b())\n"
        "a.toggle(); print(b(), a.value())\n"
        # open drain with the input's pull-up: released reads high, driven reads low
        "b.init(Pin.IN, Pin.PULL_UP); a.init(Pin.OPEN_DRAIN, value=1); print(b())\n"
        "a(0); print(b())\n"
        # GP22 has no wire: GP12's level does not reach it
        "c = Pin('GP22', Pin.IN, Pin.PULL_DOWN); a(1); print(c())\n"
        "print(Pin('GP12') is b, Pin(b) is b, Pin.board.GP12 is b)\n")
    assert out == "1 1\n0\n1 1\n1\n0\n0\nTrue True True\n"


def test_repr_alt_list_and_getters(rig):
    out = rig.run(
        "from machine import Pin\n"
        "p = Pin('GP16', mode=Pin.ALT, pull=Pin.PULL_UP, drive=Pin.HIGH_POWER, alt=5)\n"
        "print(p)\n"
        "print(p.alt_list())\n"
        "print(Pin('GP2').alt_list())\n"
        "p.init(Pin.OUT, None, drive=Pin.LOW_POWER)\n"
        "print(p, p.mode() == Pin.OUT, p.pull(), p.drive() == Pin.LOW_POWER, p.id())\n")
    assert out == ("Pin('GP16', mode=Pin.ALT, pull=Pin.PULL_UP, drive=Pin.HIGH_POWER, alt=5)\n"
                   "[('UART1_TX', 5), ('SPI0_MOSI', 7), ('SD0_CLK', 8)]\n"
                   "[('UART0_RX', 3), ('UART1_RX', 6), ('ADC0_CH0', -1)]\n"
                   "Pin('GP16', mode=Pin.OUT, pull=None, drive=Pin.LOW_POWER, alt=-1) True None True GP16\n")


@pytest.mark.parametrize("code, err", [
    ("Pin('GP26')", "ValueError: invalid pin name"),
    ("Pin('A0', Pin.OUT)", "ValueError: invalid pin name"),
    ("Pin(12)", "TypeError"),
    ("Pin('GP5', mode=99)", "ValueError: invalid argument(s) value"),
    ("Pin('GP5', Pin.IN, pull=Pin.OUT)", "ValueError: invalid argument(s) value"),
    ("Pin('GP5', Pin.OUT, drive=Pin.IN)", "ValueError: invalid argument(s) value"),
    ("Pin('GP5', Pin.IN, alt=3)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16', Pin.ALT, alt=6)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16', Pin.ALT, alt=16)", "ValueError: invalid argument(s) value"),
    ("Pin('GP5').mode(Pin.PULL_UP)", "ValueError: invalid argument(s) value"),
    ("Pin('GP5').id('GP6')", "TypeError"),
    ("Pin('GP16').irq(trigger=Pin.IRQ_RISING, priority=0)", "ValueError: invalid argument(s) value: priority must be 1..7"),
    ("Pin('GP16').irq(trigger=Pin.IRQ_RISING, priority=8)", "ValueError: invalid argument(s) value: priority must be 1..7"),
    ("Pin('GP16').irq(trigger=5)", "ValueError: invalid argument(s) value: trigger"),
    ("Pin('GP16').irq()", "ValueError: invalid argument(s) value: trigger is required"),
    ("import machine; Pin('GP16').irq(trigger=1, wake=machine.SLEEP)", "can't wake the board from sleep"),
    ("import machine; Pin('GP16').irq(trigger=1, wake=machine.DEEPSLEEP)", "can't wake the board from sleep"),
    ("Pin('GP16').irq(trigger=1, wake=8)", "ValueError: invalid argument(s) value: wake"),
])
def test_bad_arguments(rig, code, err):
    out = rig.run("from machine import Pin\n" + code + "\n")
    assert "Traceback" in out and err in out, out
    # the board goes on
    assert rig.run("print(1 + 1)\n") == "2\n"


def test_irq_edges_flags_and_manual_call(rig):
    out = rig.run(
        "from machine import Pin\n"
        "import time\n"
        "src = Pin('GP16', Pin.OUT, value=0)\n"
        "dst = Pin('GP13', Pin.IN, Pin.PULL_DOWN)\n"
        "seen = [0] * 8; n = [0]\n"  # the handler can't allocate: the list is made beforehand
        "def h(p):\n"
        "    seen[n[0]] = irq.flags(); n[0] += 1\n"
        "irq = dst.irq(trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING, handler=h)\n"
        "src(1); time.sleep_ms(1); src(0); time.sleep_ms(1)\n"
        "irq()\n"
        "irq.disable(); src(1); time.sleep_ms(1); irq.enable(); src(0); time.sleep_ms(1)\n"
        "print(seen[:n[0]])\n")
    assert out == "[2, 1, 0, 1]\n"


def test_irq_priorities(rig):
    # two lines pend while irqs are masked: the higher priority runs first
    out = rig.run(
        "from machine import Pin\n"
        "import machine\n"
        "order = []\n"
        "a = Pin('GP17', Pin.OUT, value=0); a_in = Pin('GP12', Pin.IN)\n"
        "b = Pin('GP16', Pin.OUT, value=0); b_in = Pin('GP13', Pin.IN)\n"
        "a_in.irq(trigger=Pin.IRQ_RISING, priority=2, handler=lambda p: order.append('low'))\n"
        "b_in.irq(trigger=Pin.IRQ_RISING, priority=7, handler=lambda p: order.append('high'))\n"
        "s = machine.disable_irq(); a(1); b(1); print(order); machine.enable_irq(s)\n"
        "machine.idle(); print(order)\n")
    assert out == "[]\n['high', 'low']\n"


def test_handler_runs_with_the_heap_locked_and_a_failing_one_is_disabled(rig):
    out = rig.run(
        "from machine import Pin\n"
        "import time\n"
        "src = Pin('GP16', Pin.OUT, value=0); dst = Pin('GP13', Pin.IN)\n"
        "n = [0]\n"
        "def h(p):\n"
        "    n[0] += 1\n"
        "    x = [1, 2, 3]\n"
        "irq = dst.irq(trigger=Pin.IRQ_RISING, handler=h)\n"
        "src(1); time.sleep_ms(1); src(0); src(1); time.sleep_ms(1)\n"
        "print('calls', n[0])\n")
    assert out.startswith("Uncaught exception in callback handler\nTraceback (most recent call last):\n")
    assert "MemoryError" in out
    assert out.endswith("calls 1\n"), out  # disabled after the first failure


def test_failing_handler_flashes_the_led(rig):
    # the LED (GP25) toggles every 50 ms for 1.2 s after the failure, sampled every 10 ms of
    # virtual time; the heartbeat is off so only the error signal drives it
    out = rig.run(
        "from machine import Pin\n"
        "import time, wipy\n"
        "wipy.heartbeat(False)\n"
        "led = Pin('GP25')\n"
        "src = Pin('GP16', Pin.OUT, value=0); dst = Pin('GP13', Pin.IN)\n"
        "def h(p):\n"
        "    raise ValueError('boom')\n"
        "dst.irq(trigger=Pin.IRQ_RISING, handler=h)\n"
        "src(1); time.sleep_ms(1)\n"
        "t0 = time.ticks_ms(); last = led(); edges = []\n"
        "for i in range(200):\n"
        "    time.sleep_ms(10)\n"
        "    if led() != last:\n"
        "        last = led(); edges.append(time.ticks_diff(time.ticks_ms(), t0) // 10 * 10)\n"
        "print(len(edges), edges[:3], last)\n")
    # raising allocates the exception: with the heap locked that is a MemoryError, as on the board
    assert out.startswith("Uncaught exception in callback handler\nTraceback (most recent call last):\n")
    assert out.endswith("23 [50, 100, 150] 0\n"), out


def test_schedule_runs_outside_the_handler(rig):
    out = rig.run(
        "from machine import Pin\n"
        "import micropython, time\n"
        "src = Pin('GP16', Pin.OUT, value=0); dst = Pin('GP13', Pin.IN)\n"
        "got = []\n"
        "def later(arg):\n"
        "    got.append([arg] * 2)\n"  # allocates: not in a handler any more
        "def h(p):\n"
        "    micropython.schedule(later, 7)\n"
        "dst.irq(trigger=Pin.IRQ_RISING, handler=h)\n"
        "src(1); time.sleep_ms(1)\n"
        "print(got)\n"
        "for i in range(8): micropython.schedule(later, i)\n"
        "try:\n"
        "    micropython.schedule(later, 9)\n"
        "except RuntimeError as e:\n"
        "    print(e)\n"
        "time.sleep_ms(1); print(len(got))\n")
    assert out == "[[7, 7]]\nschedule queue full\n9\n"


def test_signal(rig):
    out = rig.run(
        "from machine import Pin, Signal\n"
        "s = Signal('GP17', Pin.OUT, invert=True)\n"
        "r = Pin('GP12', Pin.IN)\n"
        "s.on(); print(r(), s())\n"
        "s.off(); print(r(), s.value())\n"
        "s2 = Signal(r)\n"
        "print(s2())\n")
    assert out == "0 1\n1 0\n1\n"


def test_irqs_are_disabled_at_soft_reset(rig):
    rig.run("from machine import Pin\n"
            "Pin('GP16', Pin.OUT, value=0)\n"
            "Pin('GP13', Pin.IN).irq(trigger=Pin.IRQ_RISING, handler=lambda p: print('irq'))\n")
    rig.raw.soft_reset()
    out = rig.run("from machine import Pin\nimport time\n"
                  "print(Pin('GP16'))\n"  # pins are back to inputs
                  "Pin('GP16', Pin.OUT, value=1); time.sleep_ms(1); print('done')\n")
    assert out == "Pin('GP16', mode=Pin.IN, pull=None, drive=Pin.MED_POWER, alt=-1)\ndone\n"
