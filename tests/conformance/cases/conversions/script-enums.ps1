# Enums defined in the script (about_Enum): values, casts, flags, underlying types, members,
# printing, parameters, switch, and the parse-time checks on the definition.
# ==== basic-values
enum Color { Red; Green = 5; Blue }
[Color]::Red; [Color]::Blue; [Color]::Blue.value__; [int][Color]::Green
# ==== type-names
enum Color { Red; Green }
[Color]::Red.GetType().Name; [Color]::Red.GetType().FullName; [Color]::Red.GetType().BaseType.FullName
# ==== type-literal-output
enum Color { Red; Green }
[Color]
# ==== getnames-getvalues
enum Color { Red; Green = 5; Blue }
[enum]::GetNames([Color]) -join ','
[enum]::GetValues([Color])
# ==== cast-from-string
enum Color { Red; Green = 5; Blue }
[Color]'green'; [Color]'BLUE'; [Color]' Red '
# ==== cast-from-number
enum Color { Red; Green = 5; Blue }
[Color]5; [Color]'6'; [Color]0
# ==== cast-undefined-number
enum Color { Red; Green = 5; Blue }
[Color]7
'after'
# ==== cast-bad-name
enum Color { Red; Green }
[Color]'Purple'
'after'
# ==== static-missing-member
enum Color { Red; Green }
$null -eq [Color]::Purple
# ==== compare
enum Level { Low; Medium; High }
[Level]::Low -lt [Level]::High; [Level]::Medium -eq 'medium'; [Level]::High -eq 2; [Level]::High -gt 1
# ==== sort-values
enum Level { Low; Medium; High }
[Level]::High, [Level]::Low, [Level]::Medium | Sort-Object
# ==== to-string
enum Level { Low; Medium; High }
[Level]::High.ToString(); "level: $([Level]::Medium)"; [string][Level]::Low + '!'
# ==== tostring-format
enum Level { Low; Medium; High }
[Level]::High.ToString('D'); [Level]::High.ToString('G'); '{0}' -f [Level]::Medium
# ==== arithmetic
enum Level { Low; Medium; High }
[Level]::Medium + 1; ([Level]::Medium + 1).GetType().Name
# ==== variable-typed
enum Level { Low; Medium; High }
[Level]$l = 'High'; $l; $l = 0; $l; $l.GetType().Name
# ==== variable-typed-bad
enum Level { Low; Medium; High }
[Level]$l = 'High'
$l = 'Extreme'
$l
# ==== flags-basic
[Flags()] enum Perm { None = 0; Read = 1; Write = 2; Exec = 4 }
[Perm]'Read, Write'; [int][Perm]'Read,Exec'; [Perm]7; [Perm]0
# ==== flags-band-bor
[Flags()] enum Perm { None = 0; Read = 1; Write = 2; Exec = 4 }
$p = [Perm]::Read -bor [Perm]::Write; $p; ($p -band [Perm]::Write) -eq [Perm]::Write; $p.HasFlag([Perm]::Exec)
# ==== flags-unnamed-bits
[Flags()] enum Perm { Read = 1; Write = 2 }
[Perm]9
# ==== flags-attribute-name
[System.FlagsAttribute()] enum Perm { A = 1; B = 2 }
[Perm]3
# ==== not-flags-combined
enum Two { A = 1; B = 2 }
[Two]'A,B'
# ==== underlying-byte
enum Small : byte { A; B = 200 }
[Small]::B.value__.GetType().Name; [Small]::B.value__; [enum]::GetUnderlyingType([Small]).Name
# ==== underlying-long
enum Big : long { A = 5000000000 }
[Big]::A.value__; [Big]::A.value__.GetType().Name
# ==== underlying-byte-overflow
enum Small : byte { A = 300 }
'y'
# ==== underlying-bad-type
enum E : string { A }
'y'
# ==== value-expression
enum E { A = 1 + 2; B = 0x10; C = -1; D }
[enum]::GetValues([E]) | ForEach-Object { "$_=$($_.value__)" }
# ==== value-shift
[Flags()] enum E { A = 1 -shl 0; B = 1 -shl 1; C = 1 -shl 4 }
[int][E]::C; [E]'A,B,C'
# ==== value-references-member
enum E { A = 3; B = [E]::A }
'y'
# ==== value-variable
$x = 3
enum E { A = $x }
'y'
# ==== value-string
enum E { A = 'x' }
'y'
# ==== duplicate-member
enum E { A; B; a }
'y'
# ==== missing-name
enum { A }
'y'
# ==== missing-brace
enum E A
'y'
# ==== members-on-one-line
enum E { A
B; C
D = 10 }
[enum]::GetNames([E]) -join ','
# ==== empty-enum
enum E { }
[enum]::GetNames([E]).Count; [E]0
# ==== member-bad-name
enum E { 1A }
'y'
# ==== comma-separated
enum E { A, B }
'y'
# ==== defined-before-use
[Later]::X
enum Later { X }
# ==== use-in-function-param
enum Level { Low; Medium; High }
function Set-Level([Level]$Level) { "level=$Level type=$($Level.GetType().Name)" }
Set-Level -Level medium; Set-Level 2
# ==== function-param-bad
enum Level { Low; Medium; High }
function Set-Level([Level]$Level) { "level=$Level" }
Set-Level -Level Extreme
'after'
# ==== advanced-function-param
enum Level { Low; Medium; High }
function Set-Level { [CmdletBinding()] param([Parameter(Mandatory)][Level]$Level) $Level }
Set-Level -Level high
Set-Level -Level wrong
# ==== script-param
param([Level]$Level = 'Low')
enum Level { Low; High }
$Level
# ==== switch-on-enum
enum Level { Low; Medium; High }
foreach ($l in [enum]::GetValues([Level])) {
    switch ($l) {
        ([Level]::Low) { 'is low' }
        'Medium' { 'is medium' }
        default { "other $_" }
    }
}
# ==== hashtable-key
enum Level { Low; High }
$h = @{ [Level]::Low = 'l' }
$h[[Level]::Low]
# ==== table-output
enum Level { Low; High }
[pscustomobject]@{Name = 'a'; Level = [Level]::High}
# ==== table-output-many
enum Level { Low; High }
1..2 | ForEach-Object { [pscustomobject]@{Id = $_; Level = [Level]$($_ - 1)} } | Format-Table
# ==== list-output
enum Level { Low; High }
[Level]::High | Format-List
# ==== array-of-enums
enum Level { Low; High }
[Level[]]$a = 'Low', 'High', 1; $a; $a.GetType().Name
# ==== isdefined-parse
enum Level { Low; High }
[enum]::IsDefined([Level], 'High'); [enum]::IsDefined([Level], 5); [enum]::Parse([Level], 'high', $true)
# ==== get-member
enum Level { Low; High }
[Level]::Low | Get-Member -MemberType Property
# ==== redefine
enum E { A }
enum E { B }
[enum]::GetNames([E]) -join ','
# ==== in-operator
enum Level { Low; High }
[Level]::Low -in 'Low', 'Other'; 'High' -in [enum]::GetNames([Level])
# ==== psobject-type-names
enum Level { Low }
[Level]::Low.PSObject.TypeNames -join ','
