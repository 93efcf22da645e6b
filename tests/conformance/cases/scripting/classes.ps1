# Classes defined in the script (about_Classes): properties, constructors, methods, statics,
# inheritance, casts from hashtables, printing, Get-Member, and the parse-time checks.
# ==== property-defaults
class Server { [string]$Name = 'srv'; [int]$Port = 443; $Tags; [bool]$Enabled }
$s = [Server]::new(); $s.Name; $s.Port; $null -eq $s.Tags; $s.Enabled
# ==== print-table
class Server { [string]$Name; [int]$Port }
[Server]@{Name = 'a'; Port = 80}
# ==== print-list-five
class Server { [string]$Name; [int]$Port; [string]$Os; [bool]$Up; [int]$Cpu }
[Server]@{Name = 'a'; Port = 80; Os = 'linux'; Up = $true; Cpu = 4}
# ==== print-many
class Server { [string]$Name; [int]$Port }
'a', 'b' | ForEach-Object { [Server]@{Name = $_; Port = 1} }
# ==== print-hidden-not-shown
class Server { [string]$Name; hidden [string]$Secret = 'x' }
$s = [Server]::new(); $s.Name = 'n'; $s; $s.Secret
# ==== print-empty-class
class Nothing { }
[Nothing]::new()
'after'
# ==== type-names
class Server { [string]$Name }
$s = [Server]::new(); $s.GetType().Name; $s.GetType().FullName; $s.GetType().BaseType.FullName; $s -is [Server]
# ==== type-literal
class Server { [string]$Name }
[Server]
# ==== property-conversion
class Server { [int]$Port; [string]$Name }
$s = [Server]::new(); $s.Port = '8080'; $s.Port.GetType().Name; $s.Name = 42; $s.Name.GetType().Name
# ==== property-conversion-bad
class Server { [int]$Port }
$s = [Server]::new()
$s.Port = 'abc'
'after'; $s.Port
# ==== property-missing-set
class Server { [int]$Port }
$s = [Server]::new()
$s.Nope = 1
'after'
# ==== property-missing-get
class Server { [int]$Port }
$s = [Server]::new()
$null -eq $s.Nope
# ==== constructor-basic
class Pt { [int]$X; [int]$Y; Pt([int]$x, [int]$y) { $this.X = $x; $this.Y = $y } }
$p = [Pt]::new(1, '2'); "$($p.X),$($p.Y)"; $p.Y.GetType().Name
# ==== constructor-overloads
class Pt {
    [int]$X; [int]$Y
    Pt() { $this.X = -1 }
    Pt([int]$v) { $this.X = $v; $this.Y = $v }
    Pt([int]$x, [int]$y) { $this.X = $x; $this.Y = $y }
}
"$([Pt]::new().X) $([Pt]::new(3).Y) $([Pt]::new(4, 5).Y)"
# ==== constructor-wrong-count
class Pt { [int]$X; Pt([int]$x) { $this.X = $x } }
[Pt]::new(1, 2)
'after'
# ==== constructor-no-default
class Pt { [int]$X; Pt([int]$x) { $this.X = $x } }
[Pt]::new()
'after'
# ==== constructor-bad-arg
class Pt { [int]$X; Pt([int]$x) { $this.X = $x } }
[Pt]::new('abc')
'after'
# ==== constructor-throws
class Pt { Pt() { throw 'bad point' } }
try { [Pt]::new() } catch { "caught: $($_.Exception.Message)" }
# ==== new-object
class Pt { [int]$X; [int]$Y; Pt([int]$x, [int]$y) { $this.X = $x; $this.Y = $y } }
$p = New-Object Pt -ArgumentList 3, 4; $p.Y
$q = New-Object -TypeName Pt 5, 6; $q.X
# ==== new-object-default
class Pt { [int]$X = 9 }
(New-Object Pt).X
# ==== method-basic
class Calc { [int]$Base = 10; [int] Add([int]$n) { return $this.Base + $n } }
$c = [Calc]::new(); $c.Add(5); $c.Add('7')
# ==== method-void
class Counter { [int]$N; [void] Inc() { $this.N++ } }
$c = [Counter]::new(); $c.Inc(); $c.Inc(); $c.N; $r = $c.Inc(); $null -eq $r
# ==== method-output-discarded
class T { [int] F() { 'noise'; Write-Output 'more'; return 5 } }
[T]::new().F()
# ==== method-void-output-discarded
class T { [void] F() { 'noise' } }
[T]::new().F()
'after'
# ==== method-return-conversion
class T { [string] F() { return 42 } [int] G() { return '7' } }
$t = [T]::new(); $t.F().GetType().Name; $t.G().GetType().Name
# ==== method-return-conversion-bad
class T { [int] G() { return 'abc' } }
[T]::new().G()
'after'
# ==== method-untyped-return
class T { F() { return 1 } }
'y'
# ==== method-overloads
class T {
    [string] F() { return 'none' }
    [string] F([int]$a) { return "one $a" }
    [string] F([int]$a, [int]$b) { return "two $a $b" }
}
$t = [T]::new(); $t.F(); $t.F(1); $t.F(1, 2)
# ==== method-wrong-count
class T { [string] F([int]$a) { return "one $a" } }
[T]::new().F(1, 2)
'after'
# ==== method-missing
class T { }
[T]::new().Nope()
'after'
# ==== method-throws
class T { [void] F() { throw 'inside' } }
try { [T]::new().F() } catch { "caught: $_" }
# ==== method-error-record
class T { [void] F() { Write-Error 'soft' } }
[T]::new().F()
'after'
# ==== method-calls-method
class T { [int] Double([int]$x) { return $x * 2 } [int] Quad([int]$x) { return $this.Double($this.Double($x)) } }
[T]::new().Quad(3)
# ==== method-recursion
class M { static [int] Fact([int]$n) { if ($n -le 1) { return 1 } return $n * [M]::Fact($n - 1) } }
[M]::Fact(5)
# ==== method-variable-scope
$outside = 'script'
class T { [string] F() { return "sees $script:outside" } }
[T]::new().F()
# ==== method-local-variables
class T { [int] F() { $sum = 0; foreach ($i in 1..4) { $sum += $i }; return $sum } }
[T]::new().F()
# ==== method-returns-array
class T { [string[]] Names() { return @('a', 'b') } [object] Obj() { return @{k = 1} } }
$t = [T]::new(); $t.Names().GetType().Name; $t.Names() -join ','; $t.Obj().k
# ==== static-property
class Config { static [string]$Env = 'prod'; static [int]$Count }
[Config]::Env; [Config]::Count; [Config]::Env = 'dev'; [Config]::Env
# ==== static-method
class U { static [int] Twice([int]$x) { return $x * 2 } }
[U]::Twice(21); [U]::Twice('4')
# ==== static-counter
class Id { static [int]$Next = 1; [int]$Value; Id() { $this.Value = [Id]::Next; [Id]::Next++ } }
$a = [Id]::new(); $b = [Id]::new(); "$($a.Value) $($b.Value) $([Id]::Next)"
# ==== tostring-override
class Pt { [int]$X; [int]$Y; [string] ToString() { return "($($this.X), $($this.Y))" } }
$p = [Pt]@{X = 1; Y = 2}; "$p"; $p.ToString(); [string]$p
# ==== tostring-default
class Pt { [int]$X }
$p = [Pt]::new(); "$p"; $p.ToString()
# ==== tostring-in-join
class Pt { [int]$X; [string] ToString() { return "P$($this.X)" } }
@([Pt]@{X = 1}, [Pt]@{X = 2}) -join ','
# ==== hashtable-cast
class P { [string]$Name; [int]$Age }
$p = [P]@{Name = 'x'; Age = '42'}; $p.Age.GetType().Name; $p.Name
# ==== hashtable-cast-bad-prop
class P { [string]$Name }
$p = [P]@{Nope = 1}
'after'
# ==== hashtable-cast-bad-value
class P { [int]$Age }
$p = [P]@{Age = 'old'}
'after'
# ==== hashtable-cast-needs-default-ctor
class P { [int]$Age; P([int]$a) { $this.Age = $a } }
$p = [P]@{Age = 1}
'after'
# ==== pscustomobject-to-class
class P { [string]$Name; [int]$Age }
$o = [pscustomobject]@{Name = 'n'; Age = '3'}
$p = [P]$o
$p.Age.GetType().Name
# ==== cast-scalar-ctor
class P { [int]$Age; P([int]$a) { $this.Age = $a } }
([P]5).Age
# ==== cast-string-no-ctor
class P { [int]$Age }
[P]'x'
'after'
# ==== inheritance
class Animal { [string]$Name; [string] Speak() { return '...' } [string] Hello() { return "$($this.Name) says $($this.Speak())" } }
class Dog : Animal { [string] Speak() { return 'Woof' } }
$d = [Dog]@{Name = 'Rex'}; $d.Hello(); $d -is [Animal]; $d.GetType().BaseType.Name
# ==== inheritance-base-ctor
class Animal { [string]$Name; Animal([string]$n) { $this.Name = $n } }
class Dog : Animal { [int]$Legs; Dog([string]$n) : base($n) { $this.Legs = 4 } }
$d = [Dog]::new('Rex'); "$($d.Name) $($d.Legs)"
# ==== inheritance-properties-order
class A { [int]$One = 1 }
class B : A { [int]$Two = 2 }
[B]::new()
# ==== inheritance-defined-later
class B : A { [int]$Two = 2 }
class A { [int]$One = 1 }
[B]::new().One
# ==== inheritance-unknown-base
class C : NoSuchBaseType { }
'y'
# ==== inheritance-base-method-call
class A { [string] Who() { return 'A' } }
class B : A { [string] Who() { return 'B+' + ([A]$this).Who() } }
[B]::new().Who()
# ==== this-in-property-default
class T { [int]$A = 2; [int]$B = 3 }
$t = [T]::new(); $t.A * $t.B
# ==== array-of-instances
class Item { [string]$Name; [int]$Qty }
$items = @([Item]@{Name = 'a'; Qty = 1}, [Item]@{Name = 'b'; Qty = 5})
($items | Measure-Object -Property Qty -Sum).Sum
$items | Where-Object Qty -gt 2 | ForEach-Object Name
$items | Sort-Object Qty -Descending | Select-Object -First 1 -ExpandProperty Name
# ==== select-object
class Item { [string]$Name; [int]$Qty }
[Item]@{Name = 'a'; Qty = 1} | Select-Object Name
# ==== format-list
class Item { [string]$Name; [int]$Qty }
[Item]@{Name = 'a'; Qty = 1} | Format-List
# ==== format-table-explicit
class Item { [string]$Name; [int]$Qty; [string]$Note }
@([Item]@{Name = 'a'; Qty = 1}, [Item]@{Name = 'b'; Qty = 2}) | Format-Table Name, Qty
# ==== get-member
class Item { [string]$Name; [int]$Qty; hidden [int]$H; [void] Bump() { $this.Qty++ } [string] Show([int]$w) { return '' } }
[Item]::new() | Get-Member
# ==== convertto-json
class Item { [string]$Name; [int]$Qty }
[Item]@{Name = 'a'; Qty = 1} | ConvertTo-Json -Compress
# ==== equality-reference
class Item { [string]$Name }
$a = [Item]@{Name = 'x'}; $b = [Item]@{Name = 'x'}; $a -eq $b; $a -eq $a
# ==== reference-semantics
class Item { [int]$N }
$a = [Item]::new(); $b = $a; $b.N = 5; $a.N
# ==== enum-property
enum Kind { Small; Large }
class Box { [Kind]$Kind = 'Large'; [int]$Size }
$b = [Box]::new(); $b.Kind; $b.Kind = 'small'; $b.Kind.GetType().Name; $b
# ==== class-in-function-param
class Item { [string]$Name }
function Show-Item([Item]$i) { "item: $($i.Name)" }
Show-Item ([Item]@{Name = 'z'}); Show-Item @{Name = 'h'}
# ==== typed-list-of-class
class Item { [string]$Name }
$l = [System.Collections.Generic.List[Item]]::new(); $l.Add([Item]@{Name = 'a'}); $l.Count; $l[0].Name
# ==== typed-variable-class
class Item { [string]$Name }
[Item]$i = @{Name = 'q'}; $i.Name; $i.GetType().Name
# ==== property-array-typed
class Bag { [string[]]$Items = @() }
$b = [Bag]::new(); $b.Items += 'x'; $b.Items += 'y'; $b.Items.Count; $b.Items.GetType().Name
# ==== property-hashtable
class Bag { [hashtable]$Data = @{} }
$b = [Bag]::new(); $b.Data['k'] = 'v'; $b.Data.k
# ==== property-default-shared-not
class Bag { [System.Collections.ArrayList]$List = [System.Collections.ArrayList]::new() }
$a = [Bag]::new(); $b = [Bag]::new(); [void]$a.List.Add(1); $b.List.Count
# ==== missing-name
class { }
'y'
# ==== missing-brace
class C
'y'
# ==== method-missing-return
class C { [int] F() { } }
'y'
# ==== method-missing-return-if
class C { [int] F([bool]$b) { if ($b) { return 1 } } }
'y'
# ==== method-return-if-else-ok
class C { [int] F([bool]$b) { if ($b) { return 1 } else { return 2 } } }
[C]::new().F($false)
# ==== method-return-throw-ok
class C { [int] F() { throw 'no' } }
'ok'
# ==== method-return-void-value
class C { [void] F() { return 1 } }
'y'
# ==== property-duplicate
class C { $a; $a }
'y'
# ==== method-duplicate
class C { [int] F([int]$a) { return 1 } [int] F([int]$b) { return 2 } }
'y'
# ==== this-in-static
class C { [int]$X; static [int] F() { return $this.X } }
'y'
# ==== variable-undeclared
class C { [int] F() { return $undeclared } }
'y'
# ==== property-no-terminator
class C { [int]$a [int]$b }
'y'
# ==== class-and-function-use
class Logger {
    [System.Collections.Generic.List[string]]$Lines = [System.Collections.Generic.List[string]]::new()
    [void] Log([string]$m) { $this.Lines.Add("[$($this.Lines.Count)] $m") }
}
$log = [Logger]::new()
function Do-Work($l) { $l.Log('start'); $l.Log('end') }
Do-Work $log
$log.Lines
# ==== admin-report
class UserReport {
    [string]$User
    [string]$Policy
    [bool]$Compliant
    UserReport([string]$u, [string]$p) { $this.User = $u; $this.Policy = $p; $this.Compliant = $p -ne 'None' }
}
$rows = foreach ($pair in @(('alice', 'Std'), ('bob', 'None'))) { [UserReport]::new($pair[0], $pair[1]) }
$rows | Format-Table -AutoSize
$rows | Where-Object { -not $_.Compliant } | ForEach-Object { "fix $($_.User)" }
# ==== psobject-properties
class Item { [string]$Name; [int]$Qty }
([Item]::new()).PSObject.Properties.Name -join ','
# ==== static-member-on-instance
class C { static [int]$S = 3; [int]$I = 1 }
$c = [C]::new(); $null -eq $c.S; [C]::S
# ==== redefine-class
class C { [int]$A = 1 }
class C { [int]$B = 2 }
[C]::new()
