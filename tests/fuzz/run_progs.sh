#!/usr/bin/env bash
# tests/fuzz/run_progs.sh WIPY FIRST_SEED LAST_SEED STEPS: runs each program generator of
# tests/fuzz/prog_*.py for every seed in the range under WIPY (an ASan+UBSan build). A seed passes
# when the program ends with "done STEPS", status 0, and no sanitizer report; otherwise its output
# is kept in build-asan/fuzz-progs/ to replay (same seed, same steps). Ends with "N passed, N failed".
wipy=$(realpath "$1"); first=$2; last=$3; steps=$4
out=$(dirname "$wipy")/fuzz-progs
mkdir -p "$out/cwd"  # the programs call open() with odd names: their files land here
pass=0; fail=0
for prog in "$(realpath tests/fuzz)"/prog_*.py; do
  name=$(basename "$prog" .py)
  for seed in $(seq "$first" "$last"); do
    log="$out/$name-$seed.txt"
    (cd "$out/cwd" && ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
      exec timeout 600 "$wipy" -X heapsize=1m "$prog" "$seed" "$steps") > "$log" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] && [[ "$(tail -n 1 "$log")" == *"done $steps" ]] && \
       ! grep -qE 'ERROR: AddressSanitizer|runtime error:' "$log"; then
      pass=$((pass + 1)); rm -f "$log"
    else
      fail=$((fail + 1)); echo "FAIL $name seed $seed (status $rc): $log"
    fi
  done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
