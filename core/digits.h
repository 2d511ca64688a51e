/* core/digits.h: the one set of digit helpers: the value of a digit character in bases up to 36
 * and of a hex digit, and the digit characters. Invariant: a character that is not a digit gets
 * a value no base accepts (DIGIT_NONE for digit_value, -1 for hex_digit_value). */
#ifndef CORE_DIGITS_H
#define CORE_DIGITS_H

#define DIGIT_NONE 99
#define DIGITS_LOWER "0123456789abcdefghijklmnopqrstuvwxyz"
#define DIGITS_UPPER "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

/* '0'-'9' -> 0-9, 'a'-'z' and 'A'-'Z' -> 10-35, anything else DIGIT_NONE. */
static inline int digit_value(unsigned char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c |= 0x20;
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    return DIGIT_NONE;
}

/* A hex digit's value (either case), or -1. */
static inline int hex_digit_value(unsigned char c) {
    int v = digit_value(c);
    return v < 16 ? v : -1;
}

#endif
