"""The executable's command line (MicroPython unix port compatible) and the friendly REPL.

Script mode: exit codes, -c, -m, a program on stdin, MICROPYPATH, -X heapsize, sys.exit,
tracebacks on stderr, Ctrl-C. REPL: driven through a pseudo-terminal (banner, prompts,
continuation, auto-indent, history, line editing, Ctrl-C, Ctrl-D)."""
import os
import pty
import select
import signal
import subprocess
import time

import pytest


def run(wipy, args, stdin=b"", cwd=None, env=None, timeout=60):  # a bound for hangs, generous for a loaded machine under ASan
    e = dict(os.environ)
    e.pop("MICROPYPATH", None)
    if env:
        e.update(env)
    r = subprocess.run([wipy] + args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=cwd, env=e, timeout=timeout)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def wait_for_line(stream, line, timeout=10):
    """Reads a pipe until it has delivered `line` (bytes, with its newline): the program has reached
    that point. Fails after timeout seconds; returns what came before it."""
    fd = stream.fileno()
    got = b""
    end = time.monotonic() + timeout
    while line not in got:
        left = end - time.monotonic()
        r, _, _ = select.select([fd], [], [], max(left, 0))
        assert r, "%r not seen within %s s; got %r" % (line, timeout, got)
        d = os.read(fd, 4096)
        assert d, "the program ended before %r; got %r" % (line, got)
        got += d
    return got[:got.index(line)]


# ---- script mode ----

def test_c_prints(wipy):
    assert run(wipy, ["-c", "print(1 + 2)"]) == (0, "3\n", "")


def test_file_exit_zero(wipy, tmp_path):
    p = tmp_path / "ok.py"
    p.write_text("print('hello')\n")
    assert run(wipy, [str(p)]) == (0, "hello\n", "")


def test_uncaught_exception_status_and_traceback(wipy, tmp_path):
    p = tmp_path / "bad.py"
    p.write_text("print('before')\ndef f():\n    raise ValueError('boom')\nf()\n")
    rc, out, err = run(wipy, [str(p)])
    assert rc == 1
    assert out == "before\n"
    lines = err.splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "ValueError: boom"
    assert 'line 4, in <module>' in err and 'line 3, in f' in err


def test_sys_exit_codes(wipy):
    assert run(wipy, ["-c", "import sys; sys.exit(3)"])[0] == 3
    assert run(wipy, ["-c", "import sys; sys.exit(0)"])[0] == 0
    assert run(wipy, ["-c", "import sys; sys.exit()"])[0] == 0
    assert run(wipy, ["-c", "raise SystemExit(7)"])[0] == 7


def test_sys_exit_message(wipy):
    rc, out, err = run(wipy, ["-c", "import sys; sys.exit('bye')"])
    assert rc == 1
    assert "bye" in err


def test_c_argv(wipy):
    rc, out, _ = run(wipy, ["-c", "import sys; print(sys.argv)", "a", "b"])
    assert rc == 0 and out == "['-c', 'a', 'b']\n"


def test_file_argv_and_path(wipy, tmp_path):
    p = tmp_path / "args.py"
    p.write_text("import sys\nprint(sys.argv[1:])\nprint(sys.path[0])\n")
    rc, out, _ = run(wipy, [str(p), "x", "y"])
    assert rc == 0
    assert out.splitlines() == ["['x', 'y']", str(tmp_path)]


def test_script_dir_imports(wipy, tmp_path):
    (tmp_path / "helper.py").write_text("NAME = 'helper'\n")
    p = tmp_path / "main.py"
    p.write_text("import helper\nprint(helper.NAME, __name__)\n")
    assert run(wipy, [str(p)], cwd="/") == (0, "helper __main__\n", "")


def test_m_runs_module_as_main(wipy, tmp_path):
    (tmp_path / "mymod.py").write_text("print('mod', __name__)\n")
    rc, out, err = run(wipy, ["-m", "mymod"], cwd=str(tmp_path))
    assert (rc, out) == (0, "mod __main__\n"), err


def test_m_missing_module(wipy, tmp_path):
    rc, out, err = run(wipy, ["-m", "nonexistent_mod_q"], cwd=str(tmp_path))
    assert rc == 1
    assert "ImportError" in err


def test_stdin_program(wipy):
    rc, out, _ = run(wipy, [], stdin=b"x = 6\nprint(x * 7)\n")
    assert (rc, out) == (0, "42\n")


def test_stdin_program_exception(wipy):
    rc, out, err = run(wipy, [], stdin=b"print(1)\n1 // 0\n")
    assert rc == 1 and out == "1\n"
    assert "ZeroDivisionError" in err and '"<stdin>", line 2' in err


def test_micropypath(wipy, tmp_path):
    d1 = tmp_path / "lib1"
    d2 = tmp_path / "lib2"
    d1.mkdir()
    d2.mkdir()
    (d2 / "libmod.py").write_text("V = 'from lib2'\n")
    rc, out, err = run(wipy, ["-c", "import libmod, sys; print(libmod.V); print(sys.path[1:])"],
                       env={"MICROPYPATH": "%s:%s" % (d1, d2)})
    assert rc == 0, err
    assert out.splitlines() == ["from lib2", str([str(d1), str(d2)])]


def test_heapsize_small_gives_memory_error(wipy):
    code = "try:\n    x = bytearray(200000)\n    print('ok')\nexcept MemoryError:\n    print('MemoryError')\n"
    assert run(wipy, ["-X", "heapsize=32k", "-c", code])[1] == "MemoryError\n"
    assert run(wipy, ["-X", "heapsize=1m", "-c", code])[1] == "ok\n"
    assert run(wipy, ["-X", "heapsize=2000000", "-c", code])[1] == "ok\n"


def test_default_heap_is_wipy_sized(wipy):
    rc, out, _ = run(wipy, ["-c", "import gc; t = gc.mem_free() + gc.mem_alloc(); print(60000 < t < 100000)"])
    assert out == "True\n"


def test_unknown_x_option_ignored(wipy):
    assert run(wipy, ["-X", "bogus=1", "-X", "emit=bytecode", "-c", "print('ok')"]) == (0, "ok\n", "")


def test_missing_file(wipy, tmp_path):
    rc, out, err = run(wipy, [str(tmp_path / "nope.py")])
    assert rc == 1 and "nope.py" in err


def test_deep_recursion_is_runtime_error(wipy):
    code = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print(e)\n"
    rc, out, err = run(wipy, ["-c", code])
    assert (rc, out) == (0, "maximum recursion depth exceeded\n"), err


def test_uncaught_recursion(wipy):
    rc, out, err = run(wipy, ["-c", "def f():\n    f()\nf()\n"])
    assert rc == 1
    assert "RuntimeError: maximum recursion depth exceeded" in err


def test_input_from_stdin(wipy, tmp_path):
    p = tmp_path / "inp.py"
    p.write_text("a = input('name? ')\nb = input()\nprint(a + b)\ntry:\n    input()\nexcept EOFError:\n    print('EOF')\n")
    rc, out, _ = run(wipy, [str(p)], stdin=b"ab\ncd\n")
    assert (rc, out) == (0, "name? abcd\nEOF\n")


def test_stderr_print(wipy):
    rc, out, err = run(wipy, ["-c", "import sys\nprint('o')\nprint('e', file=sys.stderr)\nsys.stderr.write('w\\n')"])
    assert (rc, out, err) == (0, "o\n", "e\nw\n")


def test_sigint_raises_keyboard_interrupt(wipy):
    p = subprocess.Popen([wipy, "-c", "import sys\nprint('go', file=sys.stderr)\nwhile True:\n    pass\n"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_line(p.stderr, b"go\n")
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=10)
    assert p.returncode == 1
    assert b"KeyboardInterrupt" in err


def test_keyboard_interrupt_catchable(wipy):
    code = ("import sys\ntry:\n    print('go', file=sys.stderr)\n    while True:\n        pass\n"
            "except KeyboardInterrupt:\n    print('caught')\n")
    p = subprocess.Popen([wipy, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_line(p.stderr, b"go\n")
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=10)
    assert (p.returncode, out) == (0, b"caught\n")


def test_big_output_in_order(wipy):
    rc, out, _ = run(wipy, ["-c", "for i in range(20000):\n    print(i)"])
    assert rc == 0 and out == "".join("%d\n" % i for i in range(20000))


def test_name_main_guard(wipy, tmp_path):
    p = tmp_path / "g.py"
    p.write_text("if __name__ == '__main__':\n    print('main')\n")
    assert run(wipy, [str(p)])[1] == "main\n"


# ---- the friendly REPL over a pty ----

class Repl:
    def __init__(self, wipy):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(wipy, [wipy, "-i"])  # the script-mode REPL (no argument at all: board mode)
        self.out = b""

    def read_until(self, token, timeout=5):
        end = time.time() + timeout
        while token not in self.out and time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    d = os.read(self.fd, 4096)
                except OSError:
                    break
                if not d:
                    break
                self.out += d
        return token in self.out

    def send(self, data, wait_for=None):
        self.out = b""
        os.write(self.fd, data)
        if wait_for is not None:
            assert self.read_until(wait_for), self.out

    def wait(self, timeout=5):
        """The exit status, once the REPL has ended (its terminal closes); None after timeout."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            r, _, _ = select.select([self.fd], [], [], max(left, 0))
            if not r:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                return None
            try:
                d = os.read(self.fd, 4096)
            except OSError:  # EIO: the REPL's side of the terminal is closed
                d = b""
            if not d:
                break
            self.out += d
        return os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


@pytest.fixture
def repl(wipy):
    r = Repl(wipy)
    assert r.read_until(b">>> "), r.out
    yield r
    r.close()


def test_repl_banner(wipy):
    r = Repl(wipy)
    try:
        assert r.read_until(b">>> ")
        text = r.out.decode()
        assert text.startswith("MicroPython v")
        assert "; WiPy with CC3200\r\n" in text
        assert 'Type "help()" for more information.\r\n>>> ' in text
    finally:
        r.close()


def test_repl_expression(repl):
    repl.send(b"6 * 7\r", b">>> ")
    assert b"\r\n42\r\n>>> " in repl.out


def test_repl_none_not_printed(repl):
    repl.send(b"None\r", b">>> ")
    assert repl.out == b"None\r\n>>> "


def test_repl_statement_and_state(repl):
    repl.send(b"x = 5\r", b">>> ")
    repl.send(b"x + 1\r", b">>> ")
    assert b"6\r\n" in repl.out


def test_repl_continuation_and_auto_indent(repl):
    repl.send(b"for i in range(3):\r", b"...     ")  # four spaces pre-filled
    repl.send(b"print(i * 10)\r", b"...     ")
    repl.send(b"\r", b"...     ")
    repl.send(b"\r", b"... ")
    repl.send(b"\r", b">>> ")
    assert b"0\r\n10\r\n20\r\n" in repl.out


def test_repl_backspace_removes_indent(repl):
    repl.send(b"if 1:\r", b"...     ")
    repl.send(b"print('yes')\r", b"...     ")
    repl.send(b"\x7f\x7f\x7f\x7f\r", b">>> ")
    assert b"yes\r\n" in repl.out


def test_repl_exception_then_continues(repl):
    repl.send(b"1 // 0\r", b">>> ")
    assert b"ZeroDivisionError" in repl.out
    repl.send(b"2 + 2\r", b">>> ")
    assert b"4\r\n" in repl.out


def test_repl_history_up_arrow(repl):
    repl.send(b"a = 3\r", b">>> ")
    repl.send(b"a * 11\r", b">>> ")
    repl.send(b"\x1b[A\r", b">>> ")
    assert b"33\r\n" in repl.out
    repl.send(b"\x1b[A\x1b[A\x1b[B\r", b">>> ")
    assert b"33\r\n" in repl.out


def test_repl_line_editing(repl):
    # type "1+3", go left twice, insert "2", Home, insert "(" , End, ")*2"
    repl.send(b"1+3\x1b[D\x1b[D2\x1b[H(\x1b[F)*2\r", b">>> ")
    assert b"\r\n30\r\n" in repl.out  # "(12+3)*2"


def test_repl_delete_key(repl):
    # "99+1", Home, Delete removes the first 9
    repl.send(b"99+1\x1b[H\x1b[3~\r", b">>> ")
    assert b"\r\n10\r\n" in repl.out


def test_repl_ctrl_c_cancels_line(repl):
    repl.send(b"1/0 this is garbage\x03", b">>> ")
    repl.send(b"7\r", b">>> ")
    assert b"7\r\n>>> " in repl.out
    assert b"Error" not in repl.out


def test_repl_ctrl_c_cancels_continuation(repl):
    repl.send(b"def f():\r", b"... ")
    repl.send(b"\x03", b">>> ")
    repl.send(b"8\r", b">>> ")
    assert b"8\r\n" in repl.out


def test_repl_bracket_continuation(repl):
    repl.send(b"(1 +\r", b"... ")
    repl.send(b"2)\r", b">>> ")
    assert b"3\r\n" in repl.out


def test_repl_ctrl_c_interrupts_running_code(repl):
    repl.send(b"exec('print(\\'spin\\' + \\'ning\\')\\nwhile True: pass')\r", b"spinning\r\n")
    repl.send(b"\x03", b">>> ")
    assert b"KeyboardInterrupt" in repl.out
    repl.send(b"5\r", b">>> ")
    assert b"5\r\n" in repl.out


def test_repl_ctrl_d_exits(repl):
    repl.send(b"\x04")
    assert repl.wait() == 0


def test_repl_sys_exit_status(repl):
    repl.send(b"import sys; sys.exit(4)\r")
    assert repl.wait() == 4


def test_repl_help(repl):
    repl.send(b"help()\r", b">>> ")
    assert b"Welcome to MicroPython on the WiPy" in repl.out
    assert b"\r\n" in repl.out


def test_repl_tab_completion(repl):
    repl.send(b"my_long_variable = 12\r", b">>> ")
    repl.send(b"my_lo\t", b"my_long_variable")
    repl.send(b"\r", b">>> ")
    assert b"12\r\n" in repl.out


def test_repl_attribute_completion(repl):
    repl.send(b"import sys\r", b">>> ")
    repl.send(b"sys.plat\t\r", b">>> ")
    assert b"'WiPy'" in repl.out


def test_repl_paste_mode(repl):
    repl.send(b"\x05", b"=== ")
    assert b"paste mode; Ctrl-C to cancel, Ctrl-D to finish" in repl.out
    repl.send(b"def g():\r    return 5\rprint(g() * 2)\r\x04", b">>> ")
    assert b"10\r\n" in repl.out


def test_repl_history_keeps_eight(repl):
    for i in range(10):
        repl.send(b"%d\r" % i, b">>> ")
    repl.send(b"\x1b[A" * 8 + b"\r", b">>> ")
    assert b"\r\n2\r\n" in repl.out
    repl.send(b"\x1b[A" * 12 + b"\r", b">>> ")
    assert b"\r\n3\r\n" in repl.out


def test_m_package_main(wipy, tmp_path):
    pkg = tmp_path / "tool"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "__main__.py").write_text("print('tool main', __name__)\n")
    (pkg / "cmd.py").write_text("import sys\nprint('cmd', __name__, sys.argv)\n")
    assert run(wipy, ["-m", "tool"], cwd=str(tmp_path))[1] == "tool main __main__\n"
    assert run(wipy, ["-m", "tool.cmd", "z"], cwd=str(tmp_path))[1] == "cmd __main__ ['tool.cmd', 'z']\n"


def test_bad_heapsize_option(wipy):
    rc, out, err = run(wipy, ["-X", "heapsize=lots", "-c", "print(1)"])
    assert rc == 1 and out == "" and "usage" in err


def test_heap_too_small_to_start(wipy):
    rc, out, err = run(wipy, ["-X", "heapsize=1k", "-c", "print(1)"])
    assert rc == 1 and "too small" in err


def test_syntax_error_in_script(wipy, tmp_path):
    p = tmp_path / "syn.py"
    p.write_text("x = 1\nif x\n    pass\n")
    rc, out, err = run(wipy, [str(p)])
    assert rc == 1 and "SyntaxError" in err and "line 2" in err


def test_import_error_exit(wipy):
    rc, out, err = run(wipy, ["-c", "import no_such_mod_zz"])
    assert rc == 1
    assert err.splitlines()[-1] == "ImportError: no module named 'no_such_mod_zz'"


def test_stdin_dash(wipy):
    assert run(wipy, ["-"], stdin=b"print('dash')\n")[1] == "dash\n"


def test_output_flushed_before_traceback(wipy):
    p = subprocess.run([wipy, "-c", "print('a')\nraise ValueError('v')"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=20)
    text = p.stdout.decode()
    assert text.index("a\n") < text.index("Traceback")


def test_open_host_file(wipy, tmp_path):
    f = tmp_path / "data.txt"
    f.write_text("line1\nline2\n")
    code = "with open(%r) as f:\n    print(f.readlines())\nwith open(%r, 'a') as f:\n    f.write('x')\n" % (str(f), str(f))
    rc, out, err = run(wipy, ["-c", code])
    assert (rc, out) == (0, "['line1\\n', 'line2\\n']\n"), err
    assert f.read_text() == "line1\nline2\nx"


def test_sigint_during_sleep_and_input(wipy):
    for code in ("import sys, time\nprint('go', file=sys.stderr)\ntime.sleep(30)\n",
                 "import sys\nprint('go', file=sys.stderr)\ninput()\n"):
        p = subprocess.Popen([wipy, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        wait_for_line(p.stderr, b"go\n")
        p.send_signal(signal.SIGINT)
        out, err = p.communicate(timeout=10)
        assert p.returncode == 1, code
        assert b"KeyboardInterrupt" in err, code


def test_repl_external_sigint_at_prompt(repl):
    repl.send(b"12", b"12")
    os.kill(repl.pid, signal.SIGINT)
    assert repl.read_until(b">>> ")
    repl.send(b"3\r", b">>> ")
    assert b"3\r\n>>> " in repl.out
