#!/bin/sh
# scripts/mkimage.sh EXE OUT [KEY]: the firmware image of spec §12, EXE followed by the 32 lowercase
# hex digits of the MD5 of what precedes them (no line end). With KEY (an ECDSA P-256 private key,
# PEM), the executable's SHA-256 signature (DER), its length (2 bytes, big endian) and "WIPYSIG1"
# come before the MD5 (what --ota-key checks). Written beside OUT and renamed: OUT is whole or absent.
set -e
exe=$1; out=$2; key=$3
cp "$exe" "$out.tmp"
if [ -n "$key" ]; then
  openssl dgst -sha256 -sign "$key" -binary "$exe" > "$out.sig"
  len=$(stat -c %s "$out.sig")
  cat "$out.sig" >> "$out.tmp"
  printf "\\$(printf %03o $((len / 256)))\\$(printf %03o $((len % 256)))WIPYSIG1" >> "$out.tmp"
  rm -f "$out.sig"
fi
sum=$(md5sum "$out.tmp" | cut -c1-32)
printf '%s' "$sum" >> "$out.tmp"
mv "$out.tmp" "$out"
