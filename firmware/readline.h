/* firmware/readline.h: line editing over the port byte stream (port_read_byte / port_write), for
 * the friendly REPL on the terminal now and over telnet later: cursor keys, home/end, backspace,
 * delete, Ctrl-K/Ctrl-U, 8 lines of history, tab completion through a callback.
 * Invariant: the line is plain malloc'd bytes (never Python objects), valid until the next call. */
#ifndef FIRMWARE_READLINE_H
#define FIRMWARE_READLINE_H

#include <stdbool.h>
#include <stddef.h>

#define READLINE_HISTORY 8

/* What readline_read returns besides READLINE_LINE: the control key pressed on an empty line. */
#define READLINE_LINE 0
#define READLINE_CTRL_A 1 /* raw REPL */
#define READLINE_CTRL_B 2 /* friendly REPL (banner) */
#define READLINE_CTRL_C 3 /* line cancelled (any time) */
#define READLINE_CTRL_D 4 /* end of input (or soft reset) */
#define READLINE_CTRL_E 5 /* paste mode */
#define READLINE_TOO_LONG 6 /* Enter on a line that went over READLINE_MAX bytes (not all taken) */

/* The longest line: bytes typed beyond it are refused (a client can't grow it without bound). */
#define READLINE_MAX 16384

/* Completion: given the text before the cursor, sets *out to the completion's extra bytes
 * (malloc'd by the callee; the caller frees) and/or prints the candidates on new lines itself;
 * returns true if it printed (the editor then shows the prompt and line again). */
typedef bool (*readline_complete_fun_t)(const char *text, size_t len, char **out, size_t *out_len);
void readline_set_completer(readline_complete_fun_t fun);

/* Writes prompt, then the prefill (auto-indent) as if typed, and edits until Enter or a control
 * key. On READLINE_LINE, line and len hold the text (no newline), valid until the next call. */
int readline_read(const char *prompt, const char *prefill, const char **line, size_t *len);
/* Adds a line to the history (ignored if empty or equal to the newest entry). */
void readline_push_history(const char *line, size_t len);
void readline_free(void);

#endif
