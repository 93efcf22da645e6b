#!/usr/bin/env bash
# Peak memory and time of the streaming scripts of docs/performance.md, aapsh (release build)
# side by side with the reference pwsh, in one run, on 3M- and 30M-line files.
#
#   benches/streaming.sh                 both file sizes
#   LINES="3000000" benches/streaming.sh one size
#   SLOW_MAX_LINES=3000000 benches/streaming.sh   the Where-Object scans and the CSV round trip
#                                                 (minutes on 30M lines in pwsh) only up to that size
#   PWSH_MAX_LINES=3000000 benches/streaming.sh   pwsh only up to that size (aapsh alone above)
#
# Needs GNU time (/usr/bin/time) for the peak resident set size (max RSS of the process tree
# it waits for). The reference pwsh is the one AAPSH_REFERENCE_PWSH names, else `pwsh` on the
# PATH. Prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
pwsh=${AAPSH_REFERENCE_PWSH:-$(command -v pwsh || echo pwsh)}
aapsh=${AAPSH_BIN:-$repo/target/release/aapsh}
[ -x "$aapsh" ] || (cd "$repo" && cargo build --release --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

measure() { # shell command -> "seconds peakMB"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  read -r secs kb <"$work/time" || true
  echo "$secs $((kb / 1024))"
}

row() { # label script [lines]
  local label=$1 script=$2 lines=${3:-0} p a pout
  if [ "$lines" -le "${PWSH_MAX_LINES:-$lines}" ]; then
    p=$(measure "$pwsh" -NoProfile -NonInteractive -Command "$script")
    pout=$(tr '\n' ' ' <"$work/out" | cut -c1-40)
  else
    p="— —"
    pout="not run"
  fi
  a=$(measure "$aapsh" -NoProfile -NonInteractive -Command "$script")
  local aout; aout=$(tr '\n' ' ' <"$work/out" | cut -c1-40)
  read -r ps pm <<<"$p"
  read -r as am <<<"$a"
  printf '| %s | %s s, %s MB | %s s, %s MB | `%s` / `%s` |\n' "$label" "$ps" "$pm" "$as" "$am" "$pout" "$aout"
}

echo "| script | pwsh 7.6.10 | aapsh | output (pwsh / aapsh) |"
echo "|---|---|---|---|"
row '`1..50000000 | Select-Object -First 2`' '1..50000000 | Select-Object -First 2'
row '`foreach ($i in 1..200000000) { if ($i -gt 3) { break } }`' 'foreach ($i in 1..200000000) { if ($i -gt 3) { break } }; $i'
for lines in ${LINES:-3000000 30000000}; do
  seq 1 "$lines" >big.txt
  size=$(( $(stat -c %s big.txt) / 1048576 ))
  last=$((lines - 1))
  row "\`Get-Content big.txt -TotalCount 2\` ($lines lines, $size MB)" 'Get-Content big.txt -TotalCount 2' "$lines"
  row "\`Get-Content big.txt | Select-Object -First 2\` ($lines lines)" 'Get-Content big.txt | Select-Object -First 2' "$lines"
  row "\`Get-Content big.txt -Tail 2\` ($lines lines)" 'Get-Content big.txt -Tail 2' "$lines"
  # File to file: the writers write as lines arrive, so memory stays flat whatever the size.
  row "\`Get-Content big.txt | Set-Content out.txt\` ($lines lines)" 'Get-Content big.txt | Set-Content out.txt; (Get-Item out.txt).Length' "$lines"
  row "\`Get-Content big.txt > out.txt\` ($lines lines)" 'Get-Content big.txt > out.txt; (Get-Item out.txt).Length' "$lines"
  if [ "$lines" -le "${SLOW_MAX_LINES:-$lines}" ]; then
    row "\`Get-Content big.txt | Where-Object { \$_ -eq '$last' }\` ($lines lines)" "Get-Content big.txt | Where-Object { \$_ -eq '$last' }" "$lines"
    row "\`Get-Content big.txt | Where-Object { \$_ -like '*7' } | Set-Content out.txt\` ($lines lines)" "Get-Content big.txt | Where-Object { \$_ -like '*7' } | Set-Content out.txt; (Get-Item out.txt).Length" "$lines"
    { echo N; cat big.txt; } >big.csv
    row "\`Import-Csv big.csv | Export-Csv out.csv\` ($lines rows)" 'Import-Csv big.csv | Export-Csv out.csv; (Get-Item out.csv).Length' "$lines"
    rm -f big.csv
  fi
  rm -f out.txt out.csv
done
