"""pytest set-up shared by every suite under tests/ (pytest loads this file before a suite's own
conftest.py): tests/ on sys.path, so that `import harness` (the shared board-process harness,
tests/harness.py) works in every suite; the executable under test ($WIPY, default build/wipy);
and a closing line "N passed, N failed, N skipped" that scripts/run-suites.sh totals."""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402


@pytest.fixture
def wipy():
    return harness.wipy_path()


def pytest_terminal_summary(terminalreporter):
    st = terminalreporter.stats
    n = lambda k: len([r for r in st.get(k, []) if getattr(r, "when", "call") == "call"])
    failed = n("failed") + len(st.get("error", []))
    terminalreporter.write_line("%d passed, %d failed, %d skipped" % (n("passed"), failed, len(st.get("skipped", []))))
