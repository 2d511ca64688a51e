"""Harness of the peripherals suite (issue 10): the fixtures of tests/hw (boards, raw-REPL
sessions, the cc3200 test rig under the virtual clock), loaded under another name."""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("hw_harness", os.path.join(ROOT, "tests", "hw", "conftest.py"))
hw = importlib.util.module_from_spec(_spec)
sys.modules["hw_harness"] = hw
_spec.loader.exec_module(hw)

make_board = hw.make_board
make_session = hw.make_session
rig = hw.rig
RIG = hw.RIG
T = hw.T
harness = hw.harness
ROOT = ROOT
wipy = hw.harness.wipy
