# Static methods of the numeric types, Boolean, Char, Math and Convert: Parse and TryParse with
# .NET's rules and messages, character classes, typed Math results, Convert with a base.
# ==== int-parse-errors
[int]::Parse("4x2")
[int]::Parse("99999999999")
[int]::Parse("")
[int]::Parse($null)
[byte]::Parse("300")
# ==== int-parse-styles
[int]::Parse(" -7 "); [int]::Parse("+7"); [long]::Parse("1,000")
# ==== double-parse
[double]::Parse("1,000.5"); [double]::Parse(" 1e3 "); [int]::Parse("1e3"); [double]::Parse("abc")
# ==== bool-parse
[bool]::Parse("yes")
[bool]::Parse(" TRUE "); [convert]::ToBoolean("false")
[convert]::ToBoolean("yes")
# ==== tryparse-ref
$r = 0; [int]::TryParse("12", [ref]$r); $r
[bool]::TryParse("nope", [ref]$r); $r
[double]::TryParse("2.5", [ref]$r); $r
[int]::TryParse("3000000000", [ref]$r); $r
# ==== math-typed
[math]::Truncate(-2.7).GetType().Name; [math]::Abs(-4).GetType().Name; [math]::Abs(-4.5)
[math]::Sign(-3); [math]::Round(2.5, [MidpointRounding]::AwayFromZero); [math]::Log10(1000)
[math]::Log(8, 2); [math]::Max(1, 2.5); [math]::Floor(5).GetType().Name
[math]::Round(2.345, 2, [MidpointRounding]::AwayFromZero)
# ==== math-abs-overflow
[math]::Abs([int]::MinValue)
[math]::Abs([long]::MinValue)
# ==== char-classes
[char]::IsLetter("a"); [char]::IsWhiteSpace(" "); [char]::IsUpper("A"); [char]::ToLower("Q")
[char]::IsLetterOrDigit("_"); [char]::IsPunctuation("!"); [char]::IsDigit("abc", 1)
[char]::GetNumericValue("7"); [char]::IsDigit("abc", 5)
# ==== convert-base
[convert]::ToInt32('ff', 16); [convert]::ToString(255, 2); [convert]::ToInt32('1010', 2)
[convert]::ToString(-1, 16); [convert]::ToInt32('ffffffff', 16); [convert]::ToInt64('0x10', 16)
[convert]::ToInt32("zz", 16)
[convert]::ToInt32("ff", 3)
# ==== convert-changetype
[System.Convert]::ChangeType('42', [int]).GetType().Name; [System.Convert]::ChangeType(1, [string]).GetType().Name
