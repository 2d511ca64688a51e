"""machine.ADC (spec §5 ADC): channels on GP2..GP5, 0..4095 for 0..1.4 V set from outside (the
control interface's pin.drive with volts, and the rig's voltage source on GP3), more than 1.8 V
on an analog pin refused and counted as damage, argument errors, ENODEV and EPERM."""
from conftest import RIG
from harness import ControlError


def test_adc(make_session):
    s = make_session(["--board", RIG, "--clock", "virtual", "--control", "127.0.0.1:0"])
    c = s.board.control_client()
    out = s.run("from machine import ADC\n"
                "def t(f):\n"
                "    try:\n"
                "        f()\n"
                "    except Exception as e:\n"
                "        print(type(e).__name__, e)\n"
                "adc = ADC()\n"
                "ch = [adc.channel(i) for i in range(4)]\n"
                "print(adc, ch[1], ch[1](), adc.channel(pin='GP5'))\n")
    assert out == "ADC(0, bits=12) ADCChannel(1, pin=GP3) 3803 ADCChannel(3, pin=GP5)\n"  # 1.3 V
    c.volts("GP5", 0.7)
    c.volts("GP2", 1.4)
    c.volts("GP4", 0.0)
    out = s.run("print(ch[3](), ch[0].value(), ch[2]())\n")
    assert out == "2048 4095 0\n"
    try:
        c.volts("GP4", 2.0)
        raise AssertionError("2 V on an analog pin was taken")
    except ControlError as e:
        assert "1800" in str(e) or "1.8" in str(e), e
    assert c.status()["damage"] == 1
    out = s.run("print(ch[2]())\n"
                "t(lambda: ADC(1))\n"
                "t(lambda: ADC(bits=10))\n"
                "t(lambda: adc.channel(4))\n"
                "t(lambda: adc.channel(0, pin='GP3'))\n"
                "t(lambda: adc.channel(pin='GP6'))\n"
                "ch[3].deinit()\n"
                "print(ch[3])\n"
                "t(ch[3])\n"
                "adc.deinit()\n"
                "print(adc)\n"
                "t(ch[1].value)\n"
                "t(lambda: adc.channel(1))\n"
                "adc.init()\n"
                "print(ch[1]())\n")
    assert out == ("0\n"
                   "OSError [Errno 19] ENODEV\n"
                   "ValueError invalid argument(s) value: the ADC has 12 bits\n"
                   "ValueError invalid argument(s) value: channels are 0..3\n"
                   "ValueError invalid argument(s) value: not the channel's pin\n"
                   "ValueError invalid argument(s) value: not the channel's pin\n"
                   "ADCChannel(3)\n"
                   "OSError [Errno 1] EPERM\n"
                   "ADC(0)\n"
                   "OSError [Errno 1] EPERM\n"
                   "OSError [Errno 1] EPERM\n"
                   "3803\n")
    c.close()
