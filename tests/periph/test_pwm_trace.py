"""PWM in the trace (issue 10): a 1 kHz, 25 % PWM on GP24 (Timer 0 A) recorded to VCD through the
control interface under the virtual clock, measured by sigrok-cli's pwm decoder."""
import re
import shutil
import subprocess

import pytest

from conftest import RIG


@pytest.mark.skipif(shutil.which("sigrok-cli") is None, reason="sigrok-cli is not installed")
def test_pwm_measured_by_sigrok(make_session, tmp_path):
    s = make_session(["--board", RIG, "--clock", "virtual", "--control", "127.0.0.1:0"])
    c = s.board.control_client()
    path = str(tmp_path / "pwm.vcd")
    s.run("from machine import Timer\nimport time\n")
    c.trace_start(path)
    s.run("p = Timer(0, mode=Timer.PWM)\n"
          "ch = p.channel(Timer.A, freq=1000, duty_cycle=2500)\n"
          "time.sleep_ms(20)\n"
          "p.deinit()\n")
    c.trace_stop()
    c.close()
    r = subprocess.run(["sigrok-cli", "-I", "vcd", "-i", path, "-P", "pwm:data=GP24", "-A", "pwm=duty-cycle"],
                       capture_output=True, timeout=60)
    out = r.stdout.decode()
    duties = re.findall(r"(\d+(?:\.\d+)?)%", out)
    assert len(duties) >= 15, (out, r.stderr.decode())
    assert all(abs(float(d) - 25.0) < 0.5 for d in duties), out
    r = subprocess.run(["sigrok-cli", "-I", "vcd", "-i", path, "-P", "pwm:data=GP24", "-A", "pwm=period"],
                       capture_output=True, timeout=60)
    periods = re.findall(r"pwm-1: (\d+(?:\.\d+)?) \u03bcs", r.stdout.decode())
    assert len(periods) >= 15 and all(abs(float(p) - 1000.0) < 1.0 for p in periods), r.stdout.decode()
