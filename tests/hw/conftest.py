"""Harness of the simulated-hardware suite (issue 9): the shared board harness (tests/harness.py)
with its make_board / make_session fixtures and `rig`: a board on boards/cc3200-test-rig.json
under the virtual clock with a logged-in raw REPL over telnet (Session: run(code))."""
import harness  # noqa: F401  (the tests use harness.Board, harness.friendly_exec, ...)
from harness import BARE, RIG, SCALE, T, Session, make_board, make_session, rig  # noqa: F401
