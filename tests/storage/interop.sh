#!/usr/bin/env bash
# Interoperability of storage/fat_*.c with mtools and dosfstools, both ways, on FAT12 (the /flash
# layout and a generic one), FAT16 and FAT32: what fattool writes, mdir/mcopy list and read back
# byte for byte and `fsck.fat -n` finds clean; what mcopy writes into mkfs.fat images, fattool
# reads back byte for byte. Usage: interop.sh FATTOOL WORKDIR. Last line: "N passed, N failed".
T=$1; W=$2
export MTOOLS_SKIP_CHECK=1 LC_ALL=C.UTF-8 MTOOLS_NO_VFAT=0
rm -rf "$W"; mkdir -p "$W/src" "$W/out"
pass=0; fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { local what=$1; shift; if "$@" >"$W/last.log" 2>&1; then ok; else bad "$what"; sed 's/^/    /' "$W/last.log" | head -20; fi; }

# Source files: edge sizes around sectors and clusters, plus a big one.
names=("empty.txt" "one byte.bin" "Sector Exact 512.dat" "513.bin" "cluster 4096.bin" "big file 300k.bin" "ünïcødé ✓.txt" "MixedCase.Py" "lower.py" "UPPER.TXT" "a.b.c.d.e")
sizes=(0 1 512 513 4096 300000 777 1234 55 66 99)
for i in "${!names[@]}"; do head -c "${sizes[$i]}" /dev/urandom > "$W/src/$i"; done

fsck_clean() { # fsck.fat -n must exit 0 and say nothing but its banner and summary
  local out; out=$(fsck.fat -n "$1" 2>&1); local rc=$?
  local extra; extra=$(grep -vE '^fsck\.fat |: [0-9]+ files, [0-9]+/[0-9]+ clusters$|^$' <<<"$out")
  [ $rc -eq 0 ] && [ -z "$extra" ] || { echo "$out"; return 1; }
}

ours_to_mtools() { # kind sectors
  local kind=$1 n=$2 img="$W/ours-$1.img"
  check "create $kind" "$T" "$img" create "$n"
  check "mkfs $kind" "$T" "$img" mkfs "$kind"
  check "fsck empty $kind" fsck_clean "$img"
  check "mkdir $kind" "$T" "$img" mkdir "Sub Directory"
  check "mkdir2 $kind" "$T" "$img" mkdir "Sub Directory/deeper ✓"
  local big=-1; [ "$kind" = flash ] && big=5 # 300 kB does not fit in 192 KiB
  for i in "${!names[@]}"; do
    [ "$i" = "$big" ] && continue
    local dst="${names[$i]}"; [ $((i % 3)) = 1 ] && dst="Sub Directory/deeper ✓/${names[$i]}"
    check "put $kind $dst" "$T" "$img" put "$W/src/$i" "$dst"
  done
  check "fsck after writes $kind" fsck_clean "$img"
  for i in "${!names[@]}"; do
    [ "$i" = "$big" ] && continue
    local dst="${names[$i]}"; [ $((i % 3)) = 1 ] && dst="Sub Directory/deeper ✓/${names[$i]}"
    rm -f "$W/out/x"
    check "mcopy $kind $dst" mcopy -n -i "$img" "::/$dst" "$W/out/x"
    check "same bytes $kind $dst" cmp "$W/src/$i" "$W/out/x"
  done
  check "mdir lists long names $kind" bash -c "mdir -i '$img' ::/ | grep -q 'ünïcødé ✓.txt' && mdir -i '$img' '::/Sub Directory/deeper ✓' | grep -q 'MixedCase.Py'"
  check "mdir shows lower.py $kind" bash -c "mdir -i '$img' ::/lower.py | grep -qi 'lower *py'"
  # rename across directories, delete, overwrite: still clean, the rest intact
  check "mv $kind" "$T" "$img" mv "Sub Directory/deeper ✓" "moved dir"
  check "rm $kind" "$T" "$img" rm "UPPER.TXT"
  check "overwrite $kind" "$T" "$img" put "$W/src/4" "MixedCase.Py"
  check "fsck after changes $kind" fsck_clean "$img"
  rm -f "$W/out/x"
  check "mcopy moved $kind" mcopy -n -i "$img" "::/moved dir/one byte.bin" "$W/out/x"
  check "same moved $kind" cmp "$W/src/1" "$W/out/x"
  check "mcopy overwritten $kind" bash -c "mcopy -n -i '$img' ::/MixedCase.Py - | cmp - '$W/src/4'"
  check "mdir .. of moved dir $kind" bash -c "mcd -i '$img' '::/moved dir' >/dev/null 2>&1; mdir -i '$img' '::/moved dir/..' | grep -q 'moved dir'"
  check "rmdir non-empty refused $kind" bash -c "! '$T' '$img' rmdir 'moved dir'"
}

mtools_to_ours() { # fat-bits kilobytes
  local bits=$1 kb=$2 img="$W/mkfs-$1.img"
  rm -f "$img"
  check "mkfs.fat -F $bits" mkfs.fat -F "$bits" -C "$img" "$kb"
  check "mmd $bits" mmd -i "$img" "::/From mtools" "::/From mtools/nested ✓"
  for i in "${!names[@]}"; do
    local dst="${names[$i]}"; [ $((i % 2)) = 1 ] && dst="From mtools/nested ✓/${names[$i]}"
    check "mcopy in $bits $dst" mcopy -i "$img" "$W/src/$i" "::/$dst"
  done
  for i in "${!names[@]}"; do
    local dst="${names[$i]}"; [ $((i % 2)) = 1 ] && dst="From mtools/nested ✓/${names[$i]}"
    rm -f "$W/out/x"
    check "ours get $bits $dst" "$T" "$img" get "$dst" "$W/out/x"
    check "same bytes ours $bits $dst" cmp "$W/src/$i" "$W/out/x"
  done
  check "ours lists mtools names $bits" bash -c "'$T' '$img' ls | grep -q '^ünïcødé ✓.txt 777' && '$T' '$img' ls 'From mtools/nested ✓' | grep -q '^MixedCase.Py 1234'"
  # and our writes into their image stay clean
  check "ours put into mkfs.fat $bits" "$T" "$img" put "$W/src/3" "From mtools/written by us.bin"
  check "ours mkdir in mkfs.fat $bits" "$T" "$img" mkdir "From mtools/our dir"
  check "ours rm in mkfs.fat $bits" "$T" "$img" rm "empty.txt"
  check "fsck after ours $bits" fsck_clean "$img"
  check "mcopy ours $bits" bash -c "mcopy -n -i '$img' '::/From mtools/written by us.bin' - | cmp - '$W/src/3'"
}

ours_to_mtools flash 384
ours_to_mtools 12 6000
ours_to_mtools 16 40000
ours_to_mtools 32 70000
mtools_to_ours 12 1440
mtools_to_ours 16 20000
mtools_to_ours 32 40000

# The /flash layout as the FAT tools see it: FAT12, one FAT, 512-byte clusters, 349 of them.
img="$W/ours-flash.img"
check "flash layout per fsck" bash -c "fsck.fat -v -n '$img' | grep -q '1 FATs, 12 bit entries' && fsck.fat -v -n '$img' | grep -q '512 bytes per cluster'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
