#!/bin/sh
# scripts/mkimage.sh EXE OUT: the firmware image of spec §12, EXE followed by the 32 lowercase hex
# digits of EXE's MD5 (no line end). Written beside OUT and renamed, so OUT is whole or absent.
set -e
exe=$1; out=$2
sum=$(md5sum "$exe" | cut -c1-32)
cp "$exe" "$out.tmp"
printf '%s' "$sum" >> "$out.tmp"
mv "$out.tmp" "$out"
