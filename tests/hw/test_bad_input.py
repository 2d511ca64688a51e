"""Bad input everywhere (issue 9's test list), beyond tests/hw/test_pins.py's table: pin names,
modes, pulls, drives and alt indices through every method that takes them, irq triggers,
priorities and wake levels, a handler that is not callable firing on a real edge, Signal's pin;
each is a clear exception and the board goes on."""
import pytest


@pytest.mark.parametrize("code, err", [
    ("Pin('')", "ValueError: invalid pin name"),
    ("Pin('gp16')", "ValueError: invalid pin name"),
    ("Pin('GP16 ')", "ValueError: invalid pin name"),
    ("Pin(None)", "TypeError: a pin is a 'GPn' string or a Pin"),
    ("Pin.board.GP99", "AttributeError"),
    ("Pin('GP16').pull(5)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16').drive(7)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16').mode(-1)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16').init(Pin.ALT, alt=4)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16', Pin.ALT_OPEN_DRAIN, alt=99)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16', Pin.OUT, alt=0)", "ValueError: invalid argument(s) value"),
    ("Pin('GP16', Pin.IN, Pin.PULL_UP, Pin.OUT)", "TypeError"),
    ("Pin('GP16', foo=1)", "TypeError: unexpected keyword argument 'foo'"),
    ("Pin('GP16').value(1, 2)", "TypeError"),
    ("Pin('GP16')(1, 2)", "TypeError"),
    ("Pin('GP16').irq(trigger=1, priority='high')", "TypeError"),
    ("Pin('GP16').irq(trigger=1, priority=-1)", "ValueError: invalid argument(s) value: priority must be 1..7"),
    ("Pin('GP16').irq(trigger=Pin.IRQ_LOW_LEVEL | Pin.IRQ_HIGH_LEVEL)", "ValueError: invalid argument(s) value: trigger"),
    ("Pin('GP16').irq(trigger=0)", "ValueError: invalid argument(s) value: trigger"),
    ("import machine; Pin('GP16').irq(trigger=1, wake=machine.SLEEP | machine.DEEPSLEEP)", "can't wake the board from sleep"),
    ("import machine; Pin('GP25').irq(trigger=1, wake=machine.DEEPSLEEP)", "can't wake the board from sleep"),
    ("from machine import Signal; Signal('GP99')", "ValueError: invalid pin name"),
    ("from machine import Signal; Signal()", "TypeError"),
    ("from machine import Signal; Signal('GP16', Pin.OUT, invert=True, pull=77)", "ValueError: invalid argument(s) value"),
])
def test_bad_pin_arguments(rig, code, err):
    out = rig.run("from machine import Pin\n" + code + "\n")
    assert "Traceback" in out and err in out, out
    assert rig.run("print(1 + 1)\n") == "2\n"


def test_a_wake_pin_takes_both_levels(rig):
    out = rig.run("import machine\nfrom machine import Pin\n"
                  "Pin('GP17').irq(trigger=Pin.IRQ_RISING, wake=machine.SLEEP | machine.DEEPSLEEP)\n"
                  "print('ok')\n")
    assert out == "ok\n"


def test_a_handler_that_is_not_callable(rig):
    # accepted as MicroPython accepts it; when the edge comes, the call fails like a raising handler:
    # the message and traceback, the irq disabled, the board going on
    out = rig.run("from machine import Pin\nimport time\n"
                  "src = Pin('GP16', Pin.OUT, value=0)\n"
                  "irq = Pin('GP13', Pin.IN).irq(trigger=Pin.IRQ_RISING, handler=5)\n"
                  "src(1)\ntime.sleep_ms(1)\nsrc(0)\nsrc(1)\ntime.sleep_ms(1)\n"
                  "print('after')\n")
    assert out.count("Uncaught exception in callback handler") == 1, out
    assert "TypeError" in out and out.endswith("after\n"), out
    assert rig.run("print(1 + 1)\n") == "2\n"
