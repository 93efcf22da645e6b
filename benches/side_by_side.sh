#!/usr/bin/env bash
# The same scripts through aapsh (release build) and the reference pwsh, in one run: wall time,
# peak memory and the ratio pwsh/aapsh (above 1: aapsh is faster), with each shell's output
# (first characters) to show both computed the same thing. Prints a Markdown table.
#
#   benches/side_by_side.sh
#
# The reference pwsh is the one AAPSH_REFERENCE_PWSH names, else `pwsh` on the PATH (PowerShell
# 7.6.10). Needs GNU time (/usr/bin/time). One run per script: on a loaded machine, compare within
# a row.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
pwsh=${AAPSH_REFERENCE_PWSH:-$(command -v pwsh || echo pwsh)}
aapsh=${AAPSH_BIN:-$repo/target/release/aapsh}
[ -x "$aapsh" ] || (cd "$repo" && cargo build --release --quiet)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME="$work"

measure() { # command... -> "seconds peakMB"
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || true
  read -r secs kb <"$work/time" || true
  echo "$secs $((kb / 1024))"
}

row() { # label script
  local label=$1 script=$2 p a pout aout ratio
  p=$(measure "$pwsh" -NoProfile -NonInteractive -Command "$script")
  pout=$(tr '\n' ' ' <"$work/out" | cut -c1-30)
  a=$(measure "$aapsh" -NoProfile -NonInteractive -Store "$work/store.json" -Command "$script")
  aout=$(tr '\n' ' ' <"$work/out" | cut -c1-30)
  read -r ps pm <<<"$p"
  read -r as am <<<"$a"
  ratio=$(awk -v p="$ps" -v a="$as" 'BEGIN { if (a < 0.005) a = 0.005; printf "%.1f", p / a }')
  printf '| %s | %s s, %s MB | %s s, %s MB | %s× | `%s` / `%s` |\n' \
    "$label" "$ps" "$pm" "$as" "$am" "$ratio" "$pout" "$aout"
}

objects='1..100000 | ForEach-Object { [pscustomobject]@{ N = ($_ * 7919) % 100003; G = $_ % 10 } }'
echo "| script | pwsh 7.6.10 | aapsh | pwsh/aapsh | output (pwsh / aapsh) |"
echo "|---|---|---|---|---|"
row 'start-up (`exit`)' 'exit'
row 'loop, 1M iterations' '$s = 0; foreach ($i in 1..1000000) { $s += $i }; $s'
row 'pipeline of 200k items' '1..200000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum | ForEach-Object Sum'
row 'Sort-Object, 100k objects' "\$o = $objects; (\$o | Sort-Object N | Select-Object -First 1).N"
row 'Group-Object, 100k objects' "\$o = $objects; (\$o | Group-Object G).Count"
row 'Format-Table, 10k objects' '(1..10000 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = "user$_"; On = $true } } | Format-Table | Out-String).Length'
row 'ConvertTo-Json, 10k objects' '(1..10000 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = "user$_" } } | ConvertTo-Json).Length'
row 'StringBuilder 100k appends, -match' '$sb = [System.Text.StringBuilder]::new(); foreach ($i in 1..100000) { [void]$sb.Append("line $i`n") }; ($sb.ToString() -split "`n" | Where-Object { $_ -match "7$" }).Count'
row '-replace and -split, 10 MB string' '$s = "abc,def;" * 1250000; ($s -replace "def", "xyz").Length; ($s -split "[,;]").Count'
row 'Export-Csv and Import-Csv, 100k rows' '1..100000 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = "u$_" } } | Export-Csv big.csv; (Import-Csv big.csv | Measure-Object).Count'
