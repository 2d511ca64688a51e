"""The layer rules of DESIGN.md hold over the whole tree (scripts/check-layers.py), and the check
does catch each kind of violation (a fabricated tree with one of each)."""
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts" / "check-layers.py"


def run(root):
    r = subprocess.run(["/usr/bin/python3", str(CHECK), str(root)], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=60)
    return r.returncode, r.stdout.decode()


def test_the_tree_keeps_its_layers():
    rc, out = run(ROOT)
    assert (rc, out.splitlines()[-1]) == (0, "1 passed, 0 failed"), out


def test_each_kind_of_violation_is_caught(tmp_path):
    files = {
        "core/a.c": '#include "host/x.h"\n',             # core includes nothing else
        "services/b.c": '#include "firmware/repl_io.h"\n',  # a layer above
        "storage/c.c": '#include "core/obj.h"\n',          # plain C includes Python
        "board/d.c": '#include "storage/fat.h"\n',         # a sibling layer
        "modules/e.c": "#include <unistd.h>\n",            # POSIX outside host/
        "firmware/ok.c": '#include "modules/m.h"\n#include "host/net.h"\n#include <stdio.h>\n',
        "host/ok.c": '#include "core/port.h"\n#include <unistd.h>\n',
    }
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    rc, out = run(tmp_path)
    assert rc == 1, out
    flagged = sorted({line.split(":", 1)[0] for line in out.splitlines() if ":" in line and "/" in line.split(":")[0]})
    assert flagged == ["board/d.c", "core/a.c", "modules/e.c", "services/b.c", "storage/c.c"], out
    assert out.splitlines()[-1] == "0 passed, 1 failed"
