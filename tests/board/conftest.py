"""Harness of the board-mode suite (spec §1, §8-§10, §12): the shared one (tests/harness.py: Board,
Telnet, RawRepl and the make_board / board / session fixtures); the suite's tests import these
names from here."""
from harness import (BANNER_RE, FIRST_BOOT, FIRST_MAIN, LOGIN_BAD, LOGIN_NEG, LOGIN_OK,  # noqa: F401
                     PASS_NEG, PROMPT, RAW_BANNER, ROOT, SCALE, T, Board, RawRepl, Telnet, board,
                     friendly_exec, make_board, session)
