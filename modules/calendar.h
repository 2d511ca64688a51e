/* modules/calendar.h: proleptic Gregorian calendar maths on the board's epoch (2000-01-01), shared
 * by time (localtime/mktime), os.stat (FAT dates) and the FAT clock (the RTC as a date).
 * Invariant: exact for any day, before the epoch included (floor division throughout). */
#ifndef MODULES_CALENDAR_H
#define MODULES_CALENDAR_H

#include <stdint.h>

/* Days since 2000-01-01 of a date (month 1..12; any day, normalised). */
int64_t cal_days_from_civil(int64_t y, int64_t m, int64_t d);
/* The date of a day counted from 2000-01-01. */
void cal_civil_from_days(int64_t days, int64_t *y, int *m, int *d);
/* a / b rounded towards minus infinity (b != 0). */
int64_t cal_floor_div(int64_t a, int64_t b);
/* a - floor(a / b) * b, without the product (so without overflow for any a) */
int64_t cal_floor_mod(int64_t a, int64_t b);

#endif
