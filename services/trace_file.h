/* services/trace_file.h: the board's trace (board/trace.h) written to a host file, for `--vcd FILE`
 * and the control interface's trace.start/trace.stop. At most one file at a time; it is flushed
 * every 200 ms of host time while the dump runs, and complete once stopped. */
#ifndef SERVICES_TRACE_FILE_H
#define SERVICES_TRACE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Opens (truncates) path and starts the dump. Returns 0, or -1 with a message in err. */
int trace_file_start(const char *path, char *err, size_t errlen);
/* Ends the dump and closes the file; false (message in err) if none ran or writing failed. */
bool trace_file_stop(char *err, size_t errlen);
const char *trace_file_path(void); /* the running dump's file, NULL if none */
/* Across a board reset (the program executes itself again): trace_file_handover flushes the dump,
 * lets its file survive the exec and returns the descriptor (-1 if no dump runs) and the trace
 * time; the next program continues the same file with trace_file_resume. */
int trace_file_handover(uint64_t *time_ns);
int trace_file_resume(int fd, uint64_t time_ns, const char *path, char *err, size_t errlen);
/* The dump ended by itself (the file could not be written): tells who asked, once. */
typedef void (*trace_file_end_fn)(const char *path, const char *why);
void trace_file_on_end(trace_file_end_fn fn);

#endif
