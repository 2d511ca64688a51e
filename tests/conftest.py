"""pytest set-up shared by the suites under tests/ (cli, modules): the executable under test ($WIPY,
default build/wipy) and a closing line "N passed, N failed, N skipped" that scripts/run-suites.sh totals."""
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def wipy():
    return os.environ.get("WIPY", os.path.join(ROOT, "build", "wipy"))


def pytest_terminal_summary(terminalreporter):
    st = terminalreporter.stats
    n = lambda k: len([r for r in st.get(k, []) if getattr(r, "when", "call") == "call"])
    failed = n("failed") + len(st.get("error", []))
    terminalreporter.write_line("%d passed, %d failed, %d skipped" % (n("passed"), failed, len(st.get("skipped", []))))
