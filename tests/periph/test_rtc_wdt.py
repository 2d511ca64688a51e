"""machine.RTC and machine.WDT (spec §5) under the virtual clock: the power-on value, datetimes,
the alarm (left, repeat, cancel, irq handler, waking sleep and deepsleep), the RTC across soft and
hard resets, deepsleep and a restart of the process on the same state directory, time.time() and
localtime() reading it; the watchdog's argument errors, its single instance, feeding, and its
expiry as a hard reset with WDT_RESET at the same virtual time on every run."""
from conftest import RIG
from harness import Session


def test_rtc_basics(rig):
    out = rig.run("from machine import RTC\nimport time\n"
                  "def t(f):\n"
                  "    try:\n"
                  "        f()\n"
                  "    except Exception as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "r = RTC()\n"
                  "print(r, r.now(), time.time(), time.localtime())\n"
                  "r.init((2024, 2, 29, 23, 59, 58, 500000))\n"
                  "time.sleep_ms(1500)\n"
                  "print(r.now(), time.localtime()[:6])\n"
                  "r = RTC(datetime=(2016, 12, 31))\n"
                  "print(r.now()[:6], time.time())\n"
                  "t(lambda: RTC(1))\n"
                  "t(lambda: r.init((2015, 13, 1)))\n"
                  "t(lambda: r.init((2015, 1)))\n"
                  "t(lambda: r.init((1999, 1, 1)))\n"
                  "t(lambda: r.alarm(1, 100))\n"
                  "t(lambda: r.alarm(time=-5))\n"
                  "t(lambda: r.alarm(time=(2016, 12, 30)))\n"
                  "t(lambda: r.alarm_left(1))\n"
                  "t(lambda: r.irq(trigger=2))\n"
                  "r.deinit()\n"
                  "print(r.now())\n")
    assert out == ("<RTC> (2015, 1, 1, 0, 0, 0, 0, None) 473385600 (2015, 1, 1, 0, 0, 0, 3, 1)\n"
                   "(2024, 3, 1, 0, 0, 0, 0, None) (2024, 3, 1, 0, 0, 0)\n"
                   "(2016, 12, 31, 0, 0, 0) 536457600\n"
                   "OSError [Errno 19] ENODEV\n"
                   "ValueError datetime field out of range\n"
                   "ValueError a datetime is (year, month, day[, hour[, minute[, second[, us[, tz]]]]])\n"
                   "ValueError datetime field out of range\n"
                   "OSError [Errno 19] ENODEV\n"
                   "ValueError the alarm must be in the future\n"
                   "ValueError the alarm must be in the future\n"
                   "OSError [Errno 19] ENODEV\n"
                   "ValueError invalid argument(s) value: trigger\n"
                   "(2015, 1, 1, 0, 0, 0, 0, None)\n")


def test_rtc_alarm_and_irq(rig):
    # handlers run with the heap locked (as on the board): they only count
    out = rig.run("from machine import RTC\nimport machine, time\n"
                  "r = RTC(datetime=(2015, 8, 29, 9, 0, 0))\n"
                  "hits = [0]\n"
                  "def h(o):\n"
                  "    hits[0] += 1\n"
                  "r.irq(trigger=RTC.ALARM0, handler=h)\n"
                  "r.alarm(time=2000)\n"
                  "time.sleep_ms(1000)\n"
                  "print(r.alarm_left(), hits)\n"
                  "time.sleep_ms(1000)\n"
                  "print(r.alarm_left(), hits)\n"
                  "r.alarm(0, 1000, repeat=True)\n"
                  "time.sleep_ms(3500)\n"
                  "print(r.alarm_left(), hits)\n"
                  "r.alarm_cancel()\n"
                  "time.sleep_ms(2000)\n"
                  "print(r.alarm_left(), hits)\n"
                  "r.alarm(time=(2015, 8, 29, 9, 0, 45))\n"
                  "print(r.alarm_left())\n"
                  "r.irq(trigger=RTC.ALARM0, handler=h, wake=machine.SLEEP)\n"
                  "r.alarm(time=300)\n"
                  "machine.sleep()\n"
                  "print(machine.wake_reason() == machine.RTC_WAKE, hits, r.now()[5:7])\n")
    assert out == ("1000 [0]\n"
                   "0 [1]\n"
                   "500 [4]\n"
                   "0 [4]\n"
                   "37500\n"
                   "True [5] (7, 800000)\n")


def test_rtc_survives_resets(make_board, tmp_path):
    b = make_board(args=["--board", RIG, "--clock", "virtual"], state=tmp_path / "st")
    s = Session(b)
    raw = s.raw
    assert s.run("from machine import RTC\nRTC(datetime=(2030, 6, 1, 12, 0, 0))\n") == ""
    raw.soft_reset()
    assert s.run("import time\nprint(time.localtime()[:5])\n") == "(2030, 6, 1, 12, 0)\n"
    # a hard reset (machine.reset) keeps it too
    raw.io.write(b"import machine\nmachine.reset()\n\x04")
    raw.io.read_until(b"OK")
    b.wait_telnet_line()
    s = Session(b)
    raw = s.raw
    assert s.run("import time, machine\nprint(time.localtime()[:5], machine.reset_cause())\n") == \
        "(2030, 6, 1, 12, 0) 1\n"
    # deepsleep woken by the RTC alarm: a reset with DEEPSLEEP_RESET / RTC_WAKE, the time gone on
    raw.io.write(b"import machine\nr = machine.RTC()\nr.init((2030, 6, 1, 12, 0, 0))\n"
                 b"r.irq(trigger=r.ALARM0, wake=machine.DEEPSLEEP)\nr.alarm(time=5000)\nmachine.deepsleep()\n\x04")
    raw.io.read_until(b"OK")
    b.wait_telnet_line()
    s = Session(b)
    assert s.run("import time, machine\nprint(time.localtime()[:6], machine.reset_cause() == machine.DEEPSLEEP_RESET, "
                 "machine.wake_reason() == machine.RTC_WAKE)\n") == "(2030, 6, 1, 12, 0, 5) True True\n"
    s.close()
    b.kill()
    # the process started again on the same state directory: the RTC goes on where it was
    b = make_board(args=["--board", RIG, "--clock", "virtual"], state=tmp_path / "st")
    s = Session(b)
    assert s.run("import time\nprint(time.localtime()[:4])\n") == "(2030, 6, 1, 12)\n"
    s.close()


def test_wdt(make_board):
    b = make_board(args=["--board", RIG, "--clock", "virtual"])
    s = Session(b)
    raw = s.raw
    out = s.run("from machine import WDT\nimport time, machine\n"
                "def t(f):\n"
                "    try:\n"
                "        f()\n"
                "    except Exception as e:\n"
                "        print(type(e).__name__, e)\n"
                "t(lambda: WDT(1))\n"
                "t(lambda: WDT(0, 999))\n"
                "t(lambda: WDT(timeout=-1))\n"
                "w = WDT(timeout=1000)\n"
                "print(w, machine.reset_cause())\n"
                "t(lambda: WDT(0, timeout=2000))\n"
                "for i in range(5):\n"
                "    time.sleep_ms(900)\n"
                "    w.feed()\n"
                "print('fed', time.ticks_ms())\n")
    lines = out.splitlines()
    assert lines[:5] == ["OSError [Errno 19] ENODEV", "ValueError WDT timeout must be at least 1000 ms",
                         "ValueError WDT timeout must be at least 1000 ms", "<WDT> 0", "OSError [Errno 1] EPERM"]
    assert lines[5].startswith("fed ")
    # a soft reset does not stop it: not fed any more, it resets the board 1000 ms after the last feed
    raw.soft_reset()
    raw.io.write(b"import time\ntime.sleep_ms(5000)\nprint('not reached')\n\x04")
    raw.io.read_until(b"OK")
    b.wait_telnet_line()
    s = Session(b)
    out = s.run("import machine\nprint(machine.reset_cause() == machine.WDT_RESET)\n"
                "w = machine.WDT(timeout=1000)\nprint(w)\n")
    assert out == "True\n<WDT>\n"
    s.close()
