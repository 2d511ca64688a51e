/* host/terminal.c: the terminal's raw mode for the friendly REPL (no echo, no line discipline,
 * no signal keys, no output processing: the REPL draws every byte itself).
 * Also the raw byte I/O of stdin/stdout that the board uses as its UART0 wire.
 * Invariant: the original settings are restored by terminal_raw_off and at exit. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <termios.h>
#include <unistd.h>

#include "host/port_unix.h"

static struct termios terminal_saved;
static bool terminal_saved_ok;
static bool terminal_raw;

bool terminal_is_raw(void) { return terminal_raw; }

void terminal_raw_off(void) {
    if (terminal_raw) {
        tcsetattr(0, TCSADRAIN, &terminal_saved);
        terminal_raw = false;
    }
}

/* A board killed from outside (SIGTERM, SIGHUP, SIGQUIT) must not leave the user's terminal raw:
 * restore it (tcsetattr is async-signal-safe), then die of the signal as before. */
static void terminal_on_fatal_signal(int sig) {
    if (terminal_raw) {
        tcsetattr(0, TCSANOW, &terminal_saved);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Only where nothing else handles the signal (board mode stops cleanly on it: host/process.h). */
static void catch_if_default(int sig) {
    struct sigaction old;
    if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_DFL) {
        signal(sig, terminal_on_fatal_signal);
    }
}

bool terminal_raw_on(void) {
    if (terminal_raw) {
        return true;
    }
    if (!isatty(0)) {
        return false;
    }
    if (!terminal_saved_ok) {
        if (tcgetattr(0, &terminal_saved) != 0) {
            return false;
        }
        terminal_saved_ok = true;
        atexit(terminal_raw_off);
        catch_if_default(SIGTERM);
        catch_if_default(SIGHUP);
        catch_if_default(SIGQUIT);
    }
    struct termios t = terminal_saved;
    t.c_iflag &= ~(tcflag_t)(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ICANON | IEXTEN | ISIG);
    t.c_cflag |= CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSADRAIN, &t) != 0) {
        return false;
    }
    terminal_raw = true;
    return true;
}

ssize_t terminal_read(void *buf, size_t n) {
    ssize_t got;
    do {
        got = read(0, buf, n);
    } while (got < 0 && errno == EINTR);
    return got;
}

void terminal_write(const void *buf, size_t n) {
    const char *p = (const char *)buf;
    while (n > 0) {
        ssize_t w = write(1, p, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            return; /* stdout closed: the wire is cut, the board goes on */
        }
        p += w;
        n -= (size_t)w;
    }
}
