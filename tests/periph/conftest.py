"""Harness of the peripherals suite (issue 10): the shared board harness (tests/harness.py: boards,
raw-REPL sessions, the cc3200 test rig under the virtual clock)."""
import harness  # noqa: F401
from harness import RIG, ROOT, T, make_board, make_session, rig  # noqa: F401
