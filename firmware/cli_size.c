/* firmware/cli_size.c: parsing of command-line sizes (see cli_size.h). */
#include "firmware/cli_size.h"

#include <stdlib.h>

size_t cli_parse_size(const char *s) {
    char *end;
    unsigned long long n = strtoull(s, &end, 0);
    if (end == s || *s == '-') {
        return 0;
    }
    if (*end == 'w' || *end == 'W') {
        n *= sizeof(void *);
        end++;
    } else if (*end == 'k' || *end == 'K') {
        n <<= 10;
        end++;
    } else if (*end == 'm' || *end == 'M') {
        n <<= 20;
        end++;
    }
    if (*end != '\0' || n > ((unsigned long long)1 << 34)) {
        return 0;
    }
    return (size_t)n;
}
