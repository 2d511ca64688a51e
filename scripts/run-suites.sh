#!/usr/bin/env bash
# Runs every test suite (make targets named in mk/*.mk) against one build directory and
# totals their "N passed, N failed" closing lines into one final line. Exit 1 if any suite fails.
build=$1; shift
total_pass=0; total_fail=0; total_skip=0; bad=()
for suite in "$@"; do
  echo "=== $suite"
  out=$(mktemp)
  make --no-print-directory BUILD="$build" "$suite" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
  p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+'); p=${p:-0}
  f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+'); f=${f:-0}
  s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+'); s=${s:-0}
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
  if [ "$rc" -ne 0 ] || [ -z "$line" ] || [ "$f" -ne 0 ]; then bad+=("$suite"); fi
  rm -f "$out"
done
[ ${#bad[@]} -gt 0 ] && echo "failing suites: ${bad[*]}"
[ ${#bad[@]} -gt 0 ] && [ "$total_fail" -eq 0 ] && total_fail=${#bad[@]}
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ ${#bad[@]} -eq 0 ]
