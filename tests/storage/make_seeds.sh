#!/usr/bin/env bash
# Seed corpus for fuzz-storage: small FAT12/16/32 images made by mkfs.fat + mtools and by our own
# fattool (long names, nested dirs), in the fuzz target's sector-patch format. Usage: DIR FATTOOL
set -e
out=$1; fattool=$2; tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
printf 'hello world\r\n' > "$tmp/a.txt"; head -c 3000 /dev/zero | tr '\0' 'q' > "$tmp/b.bin"
for spec in "12 384" "16 20000" "32 70000"; do
  set -- $spec
  img="$tmp/m$1.img"
  mkfs.fat -F "$1" -C "$img" $(($2 / 2)) >/dev/null 2>&1 || continue
  mmd -i "$img" ::/sub ::/sub/deeper
  mcopy -i "$img" "$tmp/a.txt" "::/A Long Name With Spaces.txt"
  mcopy -i "$img" "$tmp/b.bin" ::/sub/short.bin
  mcopy -i "$img" "$tmp/a.txt" "::/sub/deeper/ünï.txt"
  /usr/bin/python3 "$(dirname "$0")/img2patch.py" "$img" "$out/mtools-fat$1"
done
img="$tmp/own.img"
"$fattool" "$img" create 384 && "$fattool" "$img" mkfs flash
"$fattool" "$img" mkdir lib && "$fattool" "$img" mkdir "lib/Long Directory Name"
"$fattool" "$img" put "$tmp/a.txt" main.py && "$fattool" "$img" put "$tmp/b.bin" "lib/Long Directory Name/data file.bin"
/usr/bin/python3 "$(dirname "$0")/img2patch.py" "$img" "$out/own-flash"
