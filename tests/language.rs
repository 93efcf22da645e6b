//! The script language, case by case: script text in, exact stdout and stderr out, as pwsh 7.4
//! gives them. Each case runs in a fresh `Session` on an in-memory demo tenant with a fixed
//! clock, -NonInteractive, no colour, and a 120-column host. Errors render in ConciseView;
//! without a script file there is no `Line |` block unless the input has several lines, so
//! most error cases are one line of input.

use std::cell::RefCell;
use std::rc::Rc;

use aapsh::runtime::clock::{Clock, IdGenerator};
use aapsh::runtime::host::Host;
use aapsh::runtime::{RunOutcome, Session, SessionOptions};
use aapsh::store::{Store, demo_tenant};

#[derive(Default)]
struct Captured {
    out: String,
    err: String,
}

struct SharedHost(Rc<RefCell<Captured>>);

impl Host for SharedHost {
    fn write_out(&mut self, text: &str) {
        self.0.borrow_mut().out.push_str(text);
    }
    fn write_err(&mut self, text: &str) {
        self.0.borrow_mut().err.push_str(text);
    }
    fn read_line(&mut self) -> Option<String> {
        None
    }
    fn width(&self) -> usize {
        120
    }
}

fn session() -> (Session, Rc<RefCell<Captured>>) {
    let captured = Rc::new(RefCell::new(Captured::default()));
    let mut s = aapsh::shell::new_session(
        Box::new(SharedHost(captured.clone())),
        Store::in_memory(demo_tenant()),
        SessionOptions {
            non_interactive: true,
            ..SessionOptions::default()
        },
    );
    s.clock = Clock::from_env_value(Some("2026-11-26T09:00:00Z")).expect("clock");
    s.ids = IdGenerator::new(Some(42));
    // These cases are pwsh's output under en-US (`LANG=en_US.UTF-8`): dates, currency and
    // percent differ from the invariant culture a pwsh without LANG uses.
    s.culture = &aapsh::runtime::culture::EN_US;
    (s, captured)
}

/// Runs `script` as `-Command` text; returns (stdout, stderr, outcome).
fn run(script: &str) -> (String, String, RunOutcome) {
    run_as(None, script, &[])
}

/// Runs `script` as if it were the file `/scripts/t.ps1` (errors get `Line |` blocks).
fn run_file(script: &str, args: &[&str]) -> (String, String, RunOutcome) {
    run_as(Some("/scripts/t.ps1"), script, args)
}

/// The interpreter recurses; like the binary, run it on a thread with a large stack.
fn run_as(path: Option<&str>, script: &str, args: &[&str]) -> (String, String, RunOutcome) {
    let path = path.map(std::path::PathBuf::from);
    let script = script.to_string();
    let raw: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    std::thread::Builder::new()
        .stack_size(256 * 1024 * 1024)
        .spawn(move || {
            let (mut s, captured) = session();
            let args = aapsh::runtime::pipeline::script_arguments(&raw);
            let outcome = s.run_text(path, &script, args);
            let c = captured.borrow();
            (c.out.clone(), c.err.clone(), outcome)
        })
        .expect("spawn")
        .join()
        .expect("the interpreter panicked")
}

/// Each case: script, expected stdout, expected stderr.
fn check(cases: &[(&str, &str, &str)]) {
    let mut failures = Vec::new();
    for (script, out, err) in cases {
        let (got_out, got_err, _) = run(script);
        if got_out != *out || got_err != *err {
            failures.push(format!(
                "script: {script}\n  expected out: {out:?}\n  actual   out: {got_out:?}\n  expected err: {err:?}\n  actual   err: {got_err:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn assignment_and_compound_operators() {
    check(&[
        ("$a = 1; $a += 2; $a", "3\n", ""),
        ("$a = 10; $a -= 4; $a *= 3; $a", "18\n", ""),
        ("$a = 7; $a /= 2; $a", "3.5\n", ""),
        ("$a = 7; $a %= 4; $a", "3\n", ""),
        ("$s = 'ab'; $s += 'cd'; $s", "abcd\n", ""),
        ("$l = @(); $l += 1; $l += 2,3; $l.Count", "3\n", ""),
        // ++ and -- are silent as statements and valued in parentheses.
        ("$i = 0; $i++; ++$i; $i", "2\n", ""),
        ("$i = 5; ($i--); $i", "5\n4\n", ""),
        ("$i = 5; (++$i)", "6\n", ""),
        ("$n++; $n", "1\n", ""),
        ("$a, $b = 1, 2, 3; $a; $b.Count", "1\n2\n", ""),
    ]);
}

#[test]
fn numbers_follow_the_int32_int64_double_rules() {
    check(&[
        ("(2147483647 + 1).GetType().Name", "Double\n", ""),
        ("2147483647 + 1", "2147483648\n", ""),
        ("(2147483648).GetType().Name", "Int64\n", ""),
        ("(6 / 2).GetType().Name; 7 / 2", "Int32\n3.5\n", ""),
        ("(1.5 + 1).GetType().Name", "Double\n", ""),
        ("'5' + 5; 5 + '5'", "55\n10\n", ""),
        ("7 % 3; -7 % 3", "1\n-1\n", ""),
        ("[int]2.5; [int]3.5", "2\n4\n", ""),
        ("1e3", "1000\n", ""),
    ]);
}

#[test]
fn doubles_convert_to_text_with_fifteen_digits() {
    check(&[
        ("1/3", "0.333333333333333\n", ""),
        ("\"$(2/3)\"", "0.666666666666667\n", ""),
        ("1e15; 0.00001", "1E+15\n1E-05\n", ""),
        ("1/3 | ConvertTo-Json", "0.3333333333333333\n", ""),
    ]);
}

#[test]
fn timespans_from_date_arithmetic_and_new_timespan() {
    check(&[
        // The clock is fixed, so both Get-Date calls read the same instant.
        (
            "$d = (Get-Date).AddMinutes(5) - (Get-Date); \"$d\"; $d.TotalSeconds",
            "00:05:00\n300\n",
            "",
        ),
        (
            "$s = Get-Date; Start-Sleep 2; ((Get-Date) - $s).TotalMilliseconds",
            "2000\n",
            "",
        ),
        ("(New-TimeSpan -Minutes 30).Ticks", "18000000000\n", ""),
        // Start-Sleep's ValidateRange, as pwsh 7.6.10 prints it (recorded): the session clock
        // never overflows.
        (
            "Start-Sleep -Seconds 1e12; Start-Sleep 2147483.5; Start-Sleep -Milliseconds -5; 'after'",
            "after\n",
            "Start-Sleep: Cannot validate argument on parameter 'Seconds'. The 1000000000000 argument is greater than the maximum allowed range of 2147483. Supply an argument that is less than or equal to 2147483 and then try the command again.\n\
Start-Sleep: Cannot validate argument on parameter 'Seconds'. The 2147483.5 argument is greater than the maximum allowed range of 2147483. Supply an argument that is less than or equal to 2147483 and then try the command again.\n\
Start-Sleep: Cannot validate argument on parameter 'Milliseconds'. The -5 argument is less than the minimum allowed range of 0. Supply an argument that is greater than or equal to 0 and then try the command again.\n",
        ),
        (
            "\"$(New-TimeSpan -Start (Get-Date).AddHours(-1))\"",
            "01:00:00\n",
            "",
        ),
        (
            "(Get-Date).Add((New-TimeSpan -Minutes 30)).ToString('HH:mm')",
            "09:30\n",
            "",
        ),
        (
            "((Get-Date) - [timespan]'01:00:00').ToString('HH:mm')",
            "08:00\n",
            "",
        ),
        (
            "(New-TimeSpan -Minutes 6) -gt (New-TimeSpan -Minutes 5)",
            "True\n",
            "",
        ),
        (
            "[timespan]'00:05:00' -eq (New-TimeSpan -Seconds 300)",
            "True\n",
            "",
        ),
        (
            "\"{0:hh\\:mm\\:ss} {1}\" -f [timespan]::FromSeconds(3725), [timespan]::FromDays(1.5)",
            "01:02:05 1.12:00:00\n",
            "",
        ),
        (
            "([timespan]'1.02:03:04.5').ToString('g')",
            "1:2:03:04.5\n",
            "",
        ),
        (
            "(New-TimeSpan -Hours 1 -Minutes 25).TotalHours",
            "1.41666666666667\n",
            "",
        ),
        (
            "New-TimeSpan -Seconds 1 | Format-Table -HideTableHeaders",
            "\n0    0     0       1       0\n\n",
            "",
        ),
        (
            "[timespan]'x'",
            "",
            "InvalidArgument: Cannot convert value \"x\" to type \"System.TimeSpan\". Error: \"String 'x' was not recognized as a valid TimeSpan.\"\n",
        ),
    ]);
}

#[test]
fn scopes_script_global_local_and_dynamic() {
    check(&[
        ("$x = 1; function f { $x }; f", "1\n", ""),
        ("$x = 1; function f { $x = 2; $x }; f; $x", "2\n1\n", ""),
        ("$x = 1; function f { $script:x = 3 }; f; $x", "3\n", ""),
        ("function f { $global:g = 'G' }; f; $g", "G\n", ""),
        ("$x = 1; function f { $local:x }; f", "", ""),
        (
            "function outer { $v = 'outer'; inner }; function inner { $v }; outer",
            "outer\n",
            "",
        ),
        ("$x = 1; & { $x = 5 }; $x", "1\n", ""),
        ("$x = 1; . { $x = 5 }; $x", "5\n", ""),
    ]);
}

#[test]
fn arrays_and_indexing() {
    check(&[
        ("$a = 1,2,3; $a[0]; $a[-1]", "1\n3\n", ""),
        ("(1..10)[2..4] -join ','", "3,4,5\n", ""),
        ("$a = ,1; $a.Count; $a.GetType().Name", "1\nObject[]\n", ""),
        ("@().Count; @(@(1,2)).Count", "0\n2\n", ""),
        ("$a = 1,2; $a + 3 -join ','", "1,2,3\n", ""),
        ("(@(1) + @(2,3)).Count", "3\n", ""),
        ("$a = 1,2,3; $a[1] = 9; $a -join ','", "1,9,3\n", ""),
        ("$a = 1,2,3; $a[7]", "", ""),
        ("'abc'[1]; 'abc'[-1]", "b\nc\n", ""),
        ("5..1 -join ' '", "5 4 3 2 1\n", ""),
        ("$a = @(1,2); $a * 2 -join ','", "1,2,1,2\n", ""),
    ]);
}

#[test]
fn count_and_length_of_scalars_null_and_collections() {
    check(&[
        ("$s = 'hello'; $s.Count; $s.Length", "1\n5\n", ""),
        ("$n = 42; $n.Count; $n.Length", "1\n1\n", ""),
        ("$null.Count; $nothing.Length", "0\n0\n", ""),
        ("(1,2,3).Count; (1,2,3).Length", "3\n3\n", ""),
        ("@{a=1;b=2}.Count", "2\n", ""),
        ("([PSCustomObject]@{A=1}).Count", "1\n", ""),
    ]);
}

#[test]
fn hashtables_and_custom_objects() {
    check(&[
        ("$h = @{a=1; b='x'}; $h.a; $h['b']; $h.B", "1\nx\nx\n", ""),
        (
            "$h = @{}; $h.Add('k', 1); $h.k; $h.ContainsKey('K')",
            "1\nTrue\n",
            "",
        ),
        ("$h = @{}; $h['n'] = 5; $h.n += 1; $h.n", "6\n", ""),
        (
            "$o = [ordered]@{z=1; y=2; x=3}; $o.Keys -join ','",
            "z,y,x\n",
            "",
        ),
        (
            "$o = [ordered]@{z=1}; $o.GetType().Name",
            "OrderedDictionary\n",
            "",
        ),
        (
            "$p = [PSCustomObject]@{Name='n'; Count=3}; $p.Name; $p.Count",
            "n\n3\n",
            "",
        ),
        (
            "$p = [PSCustomObject]@{Name='n'}; $p.Name = 'm'; \"$p\"",
            "@{Name=m}\n",
            "",
        ),
        (
            "@{a=1}.GetType().FullName",
            "System.Collections.Hashtable\n",
            "",
        ),
        (
            "$h = @{a=1}; $h.Add('a', 2)",
            "",
            "MethodInvocationException: Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: 'a'  Key being added: 'a'\"\n",
        ),
    ]);
}

#[test]
fn array_lists_and_generic_lists() {
    check(&[
        (
            "$a = [System.Collections.ArrayList]::new(); $a.Add('x'); [void]$a.Add('y'); $a.Add('z') | Out-Null; $a -join ','",
            "0\nx,y,z\n",
            "",
        ),
        (
            "$a = [System.Collections.ArrayList]@(1,2); $a.Remove(1); $a.Insert(0, 9); $a -join ','",
            "9,2\n",
            "",
        ),
        (
            "$a = [System.Collections.ArrayList]::new(); $a.GetType().FullName; $a.Count",
            "System.Collections.ArrayList\n0\n",
            "",
        ),
        (
            "$l = [System.Collections.Generic.List[string]]::new(); $l.Add(5); $l.Add('b'); $l.Count; $l[0].GetType().Name; $l.GetType().Name",
            "2\nString\nList`1\n",
            "",
        ),
        (
            "$l = [System.Collections.Generic.List[object]]::new(); $l.AddRange(@(1,2,3)); $l.Contains(2); ($l | Measure-Object).Count",
            "True\n3\n",
            "",
        ),
        (
            "$a = [System.Collections.ArrayList]::new(); $a += 'w'; $a.GetType().Name",
            "Object[]\n",
            "",
        ),
        // New-Object makes the same lists as `::new()` (scripts collect results this way).
        (
            "$r = New-Object System.Collections.ArrayList; [void]$r.Add('a'); $r.Add('b') | Out-Null; $r.GetType().FullName; $r -join ','",
            "System.Collections.ArrayList\na,b\n",
            "",
        ),
        (
            "$r = New-Object System.Collections.ArrayList(,@(1,2)); $r.Add(3); $r.Count",
            "2\n3\n",
            "",
        ),
        (
            "$l = New-Object -TypeName 'System.Collections.Generic.List[string]'; $l.Add(7); $l[0].GetType().Name; $l.GetType().Name",
            "String\nList`1\n",
            "",
        ),
        (
            "$a = @(1); $a.Add(2)",
            "",
            "MethodInvocationException: Exception calling \"Add\" with \"1\" argument(s): \"Collection was of a fixed size.\"\n",
        ),
    ]);
}

#[test]
fn casts_and_type_constraints() {
    check(&[
        (
            "[int]$x = '5'; $x = '7'; $x.GetType().Name; $x",
            "Int32\n7\n",
            "",
        ),
        (
            "[int]$x = 1; $x = 'abc'; $x",
            "1\n",
            "MetadataError: Cannot convert value \"abc\" to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct format.\"\n",
        ),
        ("[string]$s = 12; $s.GetType().Name", "String\n", ""),
        (
            "[string]$s = $null; $null -eq $s; $s.Length",
            "False\n0\n",
            "",
        ),
        (
            "[bool]'false'; [bool]''; [bool]0; [bool]@()",
            "True\nFalse\nFalse\nFalse\n",
            "",
        ),
        ("[string[]]$n = 'a'; $n += 'b'; $n.Count", "2\n", ""),
        ("[array]$a = 5; $a.Count", "1\n", ""),
        (
            "\"$([guid]'D4C2E8F1-1234-4ABC-9DEF-0123456789AB')\"",
            "d4c2e8f1-1234-4abc-9def-0123456789ab\n",
            "",
        ),
        // A Guid displays as a one-column table.
        (
            "[guid]::Empty",
            "\nGuid\n----\n00000000-0000-0000-0000-000000000000\n\n",
            "",
        ),
        ("([datetime]'2026-01-02').Year", "2026\n", ""),
        (
            "[int]'12abc'",
            "",
            "InvalidArgument: Cannot convert value \"12abc\" to type \"System.Int32\". Error: \"The input string '12abc' was not in a correct format.\"\n",
        ),
        (
            "[guid]'nope'",
            "",
            "InvalidArgument: Cannot convert value \"nope\" to type \"System.Guid\". Error: \"Unrecognized Guid format.\"\n",
        ),
        (
            "[hashtable]'x'",
            "",
            "InvalidArgument: Cannot convert the \"x\" value of type \"System.String\" to type \"System.Collections.Hashtable\".\n",
        ),
        (
            "[hashtable]$true",
            "",
            "InvalidArgument: Cannot convert value \"True\" to type \"System.Collections.Hashtable\". Error: \"Invalid cast from 'System.Boolean' to 'System.Collections.Hashtable'.\"\n",
        ),
        (
            "[hashtable][pscustomobject]@{a=1}",
            "",
            "InvalidArgument: Cannot convert value \"@{a=1}\" to type \"System.Collections.Hashtable\". Error: \"Cannot convert the \"@{a=1}\" value of type \"System.Management.Automation.PSCustomObject\" to type \"System.Collections.Hashtable\".\"\n",
        ),
        (
            "'7' -as [int]; 'x' -as [int]; 3 -is [int]; 'a' -isnot [string]",
            "7\nTrue\nFalse\n",
            "",
        ),
        // A [switch] variable holds a SwitchParameter, shown as a table of IsPresent (pwsh 7.6.10).
        (
            "[switch]$sw = $true; $sw",
            "\nIsPresent\n---------\n     True\n\n",
            "",
        ),
    ]);
}

#[test]
fn expandable_strings_and_escapes() {
    check(&[
        ("$n = 'World'; \"Hello $n!\"", "Hello World!\n", ""),
        ("$n = 'W'; \"${n}x\"", "Wx\n", ""),
        ("$n = 'abc'; \"len $($n.Length)\"", "len 3\n", ""),
        // `$var.Prop` in a string is only `$var` followed by text.
        ("$n = 'abc'; \"prop $n.Length\"", "prop abc.Length\n", ""),
        ("$a = 1,2,3; \"[$a]\"", "[1 2 3]\n", ""),
        ("\"tab`tX\"", "tab\tX\n", ""),
        ("\"a`nb\"", "a\nb\n", ""),
        ("\"q`\"q\"", "q\"q\n", ""),
        ("'single $n `n'", "single $n `n\n", ""),
        ("'it''s'", "it's\n", ""),
        ("\"$(1+1) items\"", "2 items\n", ""),
        ("\"`$literal\"", "$literal\n", ""),
        ("$h = @{k='v'}; \"v=$($h.k)\"", "v=v\n", ""),
        ("\"Result: $null|\"", "Result: |\n", ""),
    ]);
}

#[test]
fn here_strings() {
    check(&[
        (
            "$n = 'X'\n$h = @\"\nLine $n\n  \"quoted\"\n\"@\n$h",
            "Line X\n  \"quoted\"\n",
            "",
        ),
        ("$h = @'\nRaw $n\n'@\n$h", "Raw $n\n", ""),
    ]);
}

#[test]
fn format_operator() {
    check(&[
        ("'{0} and {1}' -f 'a', 'b'", "a and b\n", ""),
        ("'{0:N2}' -f 1234.5", "1,234.50\n", ""),
        ("'{0:D3}' -f 7", "007\n", ""),
        ("'[{0,5}][{1,-5}]' -f 'r', 'l'", "[    r][l    ]\n", ""),
        ("'{{literal}} {0}' -f 1", "{literal} 1\n", ""),
        ("'{0:P0}' -f 0.25", "25%\n", ""),
        (
            "'{0:yyyy-MM-dd}' -f [datetime]'2026-03-04'",
            "2026-03-04\n",
            "",
        ),
    ]);
}

#[test]
fn string_methods() {
    check(&[
        ("'  pad '.Trim(); 'xxaxx'.Trim('x')", "pad\na\n", ""),
        ("'AbC'.ToLower(); 'AbC'.ToUpper()", "abc\nABC\n", ""),
        ("'a,b,,c'.Split(',').Count", "4\n", ""),
        ("'hello'.Replace('l', 'L')", "heLLo\n", ""),
        (
            "'hello'.StartsWith('he'); 'hello'.EndsWith('LO'); 'hello'.Contains('ell')",
            "True\nFalse\nTrue\n",
            "",
        ),
        (
            "'hello'.Substring(1, 3); 'hello'.Substring(2)",
            "ell\nllo\n",
            "",
        ),
        (
            "'hello'.IndexOf('l'); 'hello'.LastIndexOf('l')",
            "2\n3\n",
            "",
        ),
        (
            "'5'.PadLeft(3, '0'); 'ab'.PadRight(4) + '|'",
            "005\nab  |\n",
            "",
        ),
        (
            "[string]::IsNullOrEmpty(''); [string]::IsNullOrWhiteSpace(' ')",
            "True\nTrue\n",
            "",
        ),
        ("[string]::Join('-', @('a', 'b'))", "a-b\n", ""),
        (
            "'abc'.GetType().Name; (1).GetType().FullName",
            "String\nSystem.Int32\n",
            "",
        ),
        (
            "'hello'.Foo()",
            "",
            "InvalidOperation: Method invocation failed because [System.String] does not contain a method named 'Foo'.\n",
        ),
        (
            "'hello'.Substring(9)",
            "",
            "MethodInvocationException: Exception calling \"Substring\" with \"1\" argument(s): \"startIndex cannot be larger than length of string. (Parameter 'startIndex')\"\n",
        ),
    ]);
}

#[test]
fn member_access_and_enumeration() {
    check(&[
        (
            "$u = @([PSCustomObject]@{UPN='a@x'}, [PSCustomObject]@{UPN='b@x'}); $u.UPN",
            "a@x\nb@x\n",
            "",
        ),
        (
            "$u = @([PSCustomObject]@{UPN='a@x'}, [PSCustomObject]@{UPN='b@x'}); $u.UPN.Count",
            "2\n",
            "",
        ),
        (
            "$o = [PSCustomObject]@{A=1}; $o.Missing; 'next'",
            "next\n",
            "",
        ),
        (
            "$p = 'Name'; $o = [PSCustomObject]@{Name='n'}; $o.$p",
            "n\n",
            "",
        ),
        ("\"a$([Environment]::NewLine)b\"", "a\nb\n", ""),
        (
            "[math]::Round(2.567, 2); [math]::Round(2.5)",
            "2.57\n2\n",
            "",
        ),
        ("[datetime]::Now.Year", "2026\n", ""),
        ("[guid]::NewGuid().GetType().Name", "Guid\n", ""),
        (
            "$x = $null; $x.Trim()",
            "",
            "InvalidOperation: You cannot call a method on a null-valued expression.\n",
        ),
        (
            "$x = $null; $x[0]",
            "",
            "InvalidOperation: Cannot index into a null array.\n",
        ),
        (
            "$a = 1,2; $a[5] = 1",
            "",
            "OperationStopped: Index was outside the bounds of the array.\n",
        ),
    ]);
}

#[test]
fn comparison_operators() {
    check(&[
        (
            "1 -eq 1; 'a' -eq 'A'; 'a' -ceq 'A'; 'a' -ieq 'A'",
            "True\nTrue\nFalse\nTrue\n",
            "",
        ),
        (
            "2 -gt 1; 2 -lt 1; 2 -ge 2; 2 -le 1; 1 -ne 2",
            "True\nFalse\nTrue\nFalse\nTrue\n",
            "",
        ),
        ("'10' -gt '9'; 10 -gt '9'", "False\nTrue\n", ""),
        (
            "'abc' -like 'A*'; 'abc' -clike 'A*'; 'abc' -notlike '*z'",
            "True\nFalse\nTrue\n",
            "",
        ),
        (
            "'abc' -match '(?<x>b)c'; $Matches.x; $Matches[0]",
            "True\nb\nbc\n",
            "",
        ),
        (
            "'abc' -notmatch 'z'; 'ABC' -cmatch 'b'",
            "True\nFalse\n",
            "",
        ),
        (
            "@('a','b') -contains 'A'; @('a','b') -ccontains 'A'; 1,2 -notcontains 3",
            "True\nFalse\nTrue\n",
            "",
        ),
        ("'a' -in 'x','a'; 'z' -notin 'x','a'", "True\nTrue\n", ""),
        (
            "'hello world' -replace 'o', '0'; 'a-b' -replace '(\\w)-(\\w)', '$2-$1'",
            "hell0 w0rld\nb-a\n",
            "",
        ),
        (
            "'ABC' -creplace 'b', 'x'; 'ABC' -replace 'b', 'x'",
            "ABC\nAxC\n",
            "",
        ),
        (
            "('a,b,,c' -split ',').Count; ('a b  c' -split ' ', 2)[1]",
            "4\nb  c\n",
            "",
        ),
        ("(-split ' a b  c ').Count", "3\n", ""),
        ("'a','b' -join '-'; -join ('a','b')", "a-b\nab\n", ""),
        // A collection on the left filters.
        (
            "(1,2,3,2 -eq 2).Count; (1,2,3 -gt 1) -join ','",
            "2\n2,3\n",
            "",
        ),
        ("(@(1,2,$null) -eq $null).Count", "1\n", ""),
        ("$null -eq @(); @() -eq $null", "False\n", ""),
        ("$null -eq $nothing; $nothing -eq $null", "True\nTrue\n", ""),
        ("'a','b' -like 'a*'", "a\n", ""),
        (
            "1 -eq '1'; '1' -eq 1; $true -eq 'false'",
            "True\nTrue\nTrue\n",
            "",
        ),
    ]);
}

#[test]
fn logical_and_arithmetic_operators() {
    check(&[
        (
            "-not $true; !$false; -not 0; !''",
            "False\nTrue\nTrue\nTrue\n",
            "",
        ),
        (
            "$true -and $false; $true -or $false; $true -xor $true",
            "False\nTrue\nFalse\n",
            "",
        ),
        ("$false -and (1/0)", "False\n", ""),
        ("1..3 -join ','; 3..1 -join ','", "1,2,3\n3,2,1\n", ""),
        ("-(5); +'3'", "-5\n3\n", ""),
        ("'ab' * 3", "ababab\n", ""),
        (
            "1/0",
            "",
            "RuntimeException: Attempted to divide by zero.\n",
        ),
        (
            "$x = 5; $x / 0; 'next'",
            "next\n",
            "RuntimeException: Attempted to divide by zero.\n",
        ),
        (
            "@{a=1} - 1",
            "",
            "InvalidOperation: Method invocation failed because [System.Collections.Hashtable] does not contain a method named 'op_Subtraction'.\n",
        ),
    ]);
}

#[test]
fn control_flow() {
    check(&[
        (
            "if ($false) { 'a' } elseif ($true) { 'b' } else { 'c' }",
            "b\n",
            "",
        ),
        ("if (0) { 'a' } else { 'c' }", "c\n", ""),
        (
            "foreach ($i in 1..4) { if ($i -eq 2) { continue }; if ($i -eq 4) { break }; $i }",
            "1\n3\n",
            "",
        ),
        ("for ($i = 0; $i -lt 3; $i++) { $i }", "0\n1\n2\n", ""),
        ("$n = 0; while ($n -lt 2) { $n++; \"w$n\" }", "w1\nw2\n", ""),
        ("$n = 3; do { $n-- } while ($n -gt 0); $n", "0\n", ""),
        ("$n = 0; do { $n++ } until ($n -ge 3); $n", "3\n", ""),
        (
            ":outer foreach ($a in 1..3) { foreach ($b in 1..3) { if ($b -eq 2) { continue outer }; if ($a -eq 3) { break outer }; \"$a$b\" } }",
            "11\n21\n",
            "",
        ),
        ("foreach ($x in $null) { 'never' }; 'done'", "done\n", ""),
        (
            "$r = foreach ($i in 1..3) { $i * 2 }; $r -join ','",
            "2,4,6\n",
            "",
        ),
        ("$v = if ($true) { 'yes' } else { 'no' }; $v", "yes\n", ""),
    ]);
}

#[test]
fn switch_statement() {
    check(&[
        (
            "switch (3) { 1 {'one'} 3 {'three'} default {'other'} }",
            "three\n",
            "",
        ),
        ("switch (9) { 1 {'one'} default {'other'} }", "other\n", ""),
        ("switch ('abc') { 'ABC' {'ci'} }", "ci\n", ""),
        (
            "switch -casesensitive ('abc') { 'ABC' {'cs'} default {'none'} }",
            "none\n",
            "",
        ),
        (
            "switch -wildcard ('hello') { 'h*' {\"wild $_\"} }",
            "wild hello\n",
            "",
        ),
        (
            "switch -regex ('a1') { '\\d' {\"digit $($Matches[0])\"} '^a' {'starts'; break} '1$' {'never'} }",
            "digit 1\nstarts\n",
            "",
        ),
        (
            "switch (1,2,3) { 2 {'two'; continue} {$_ -gt 1} {\"gt $_\"} }",
            "two\ngt 3\n",
            "",
        ),
        ("switch -exact ('a*') { 'a*' {'exact'} }", "exact\n", ""),
        ("switch (1,2) { 1 {'one'; break} 2 {'two'} }", "one\n", ""),
        (
            "switch ('x') { 'x' {'first'} 'x' {'second'} }",
            "first\nsecond\n",
            "",
        ),
    ]);
}

#[test]
fn script_blocks_functions_and_return() {
    check(&[
        (
            "$sb = { param($x) \"got $x\" }; & $sb 5; $sb.Invoke(6)",
            "got 5\ngot 6\n",
            "",
        ),
        ("$sb = { \"args: $args\" }; & $sb 1 2", "args: 1 2\n", ""),
        (
            "function Add($a, $b) { $a + $b }; Add 2 3; Add -b 1 -a 2",
            "5\n3\n",
            "",
        ),
        ("function R { return 5; 'not' }; R", "5\n", ""),
        (
            "function Args { $args.Count; $args[0] }; Args a b c",
            "3\na\n",
            "",
        ),
        (
            "function Fact($n) { if ($n -le 1) { 1 } else { $n * (Fact ($n - 1)) } }; Fact 5",
            "120\n",
            "",
        ),
        (
            "function Two { 1; 2 }; $t = Two; $t.GetType().Name",
            "Object[]\n",
            "",
        ),
        (
            "function One { ,@(1) }; (One).GetType().Name",
            "Object[]\n",
            "",
        ),
        ("function Empty { @() }; $null -eq (Empty)", "True\n", ""),
        (
            "function T { param([string]$Name = 'def', [switch]$Loud) if ($Loud) { $Name.ToUpper() } else { $Name } }; T; T -Name x -Loud; T y",
            "def\nX\ny\n",
            "",
        ),
        (
            "function T([int]$n) { $n.GetType().Name; $n }; T '4'",
            "Int32\n4\n",
            "",
        ),
        ("function T([string]$s) { $null -eq $s }; T", "False\n", ""),
        (
            "function f { 'a'; Write-Host 'b'; 'c' }; f",
            "a\nb\nc\n",
            "",
        ),
        (
            "function g { 'before'; throw 'oops' }; g",
            "before\n",
            "Exception: oops\n",
        ),
    ]);
}

#[test]
fn pipeline_input_to_functions() {
    check(&[
        (
            "function S { [CmdletBinding()] param([Parameter(ValueFromPipeline)][string]$Item) begin { 'b' } process { \"i:$Item/$_\" } end { 'e' } }; 'x','y' | S",
            "b\ni:x/x\ni:y/y\ne\n",
            "",
        ),
        (
            "function Sum { $t = 0; foreach ($i in $input) { $t += $i }; $t }; 1,2,3 | Sum",
            "6\n",
            "",
        ),
        (
            "function N { param([Parameter(ValueFromPipelineByPropertyName)][string]$UserPrincipalName) process { $UserPrincipalName } }; [PSCustomObject]@{UserPrincipalName='u@x'} | N",
            "u@x\n",
            "",
        ),
        ("filter Double { $_ * 2 }; 1..3 | Double", "2\n4\n6\n", ""),
        ("function P { process { $_ + 1 } }; 1,2 | P", "2\n3\n", ""),
    ]);
}

#[test]
fn advanced_functions() {
    check(&[
        (
            "function D { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name, [string]$Kind = 'A') \"$($PSBoundParameters.Count) $($PSBoundParameters.ContainsKey('Kind'))\" }; D -Name x; D -Name x -Kind B",
            "1 False\n2 True\n",
            "",
        ),
        (
            "function D { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name) $Name }; D",
            "",
            "D: Cannot process command because of one or more missing mandatory parameters: Name.\n",
        ),
        (
            "function D { [CmdletBinding()] param([ValidateSet('A','B')][string]$Kind) $Kind }; D -Kind a; D -Kind C",
            "a\n",
            "D: Cannot validate argument on parameter 'Kind'. The argument \"C\" does not belong to the set \"A,B\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.\n",
        ),
        (
            "function D { [CmdletBinding()] param([Parameter(Mandatory)][ValidateNotNullOrEmpty()][string]$Name) $Name }; D -Name ''",
            "",
            "D: Cannot validate argument on parameter 'Name'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.\n",
        ),
        (
            "function D { [CmdletBinding()] param([Parameter(Mandatory)][string]$Name) $Name }; D -Name $null",
            "",
            "D: Cannot bind argument to parameter 'Name' because it is an empty string.\n",
        ),
        (
            "function D { [CmdletBinding()] param([int]$N) $N }; D -N x",
            "",
            "D: Cannot process argument transformation on parameter 'N'. Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct format.\"\n",
        ),
        (
            "function D { [CmdletBinding()] param() 'ok' }; D -Bogus",
            "",
            "D: A parameter cannot be found that matches parameter name 'Bogus'.\n",
        ),
        (
            "function D { [CmdletBinding()] param() Write-Verbose 'v'; 'ok' }; D -Verbose",
            "VERBOSE: v\nok\n",
            "",
        ),
        (
            "function D { [CmdletBinding()] param() $PSCmdlet.ParameterSetName; $MyInvocation.MyCommand.Name }; D",
            "__AllParameterSets\nD\n",
            "",
        ),
        (
            "function D { param() $PSCmdlet -eq $null }; D",
            "True\n",
            "",
        ),
    ]);
}

#[test]
fn should_process_honours_whatif_and_confirm() {
    check(&[
        (
            "function R { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { \"removed $Name\" } }; R a; R b -WhatIf",
            "removed a\nWhat if: Performing the operation \"Remove\" on target \"b\".\n",
            "",
        ),
        (
            "function R { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { 'yes' } }; R t -WhatIf",
            "What if: Performing the operation \"R\" on target \"t\".\n",
            "",
        ),
        (
            "function R { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { 'yes' } }; R t -Verbose",
            "VERBOSE: Performing the operation \"Remove\" on target \"t\".\nyes\n",
            "",
        ),
        (
            "function R { [CmdletBinding(SupportsShouldProcess)] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Remove')) { 'yes' } }; R t -Confirm",
            "",
            // A refused prompt surfaces as the .NET method call's exception (PowerShell #3337,
            // PSGSuite #343 field reports).
            "MethodInvocationException: Exception calling \"ShouldProcess\" with \"2\" argument(s): \"PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\"\n",
        ),
        (
            "function Outer { [CmdletBinding(SupportsShouldProcess)] param() Inner }; function Inner { [CmdletBinding(SupportsShouldProcess)] param() if ($PSCmdlet.ShouldProcess('x', 'Do')) { 'did' } }; Outer -WhatIf",
            "What if: Performing the operation \"Do\" on target \"x\".\n",
            "",
        ),
    ]);
}

#[test]
fn pscmdlet_write_error_and_throw_terminating_error() {
    check(&[
        (
            "function T { [CmdletBinding()] param() $r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('bad thing'), 'MyId', [System.Management.Automation.ErrorCategory]::InvalidData, $null); $PSCmdlet.WriteError($r); 'after' }; T",
            "after\n",
            "T: bad thing\n",
        ),
        (
            "function T { [CmdletBinding()] param() $r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('fatal'), 'MyId', 'InvalidData', $null); 'before'; $PSCmdlet.ThrowTerminatingError($r); 'not here' }; T; 'script goes on'",
            "before\nscript goes on\n",
            "T: fatal\n",
        ),
        (
            "function T { [CmdletBinding()] param() $r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('fatal'), 'MyId', 'InvalidData', $null); $PSCmdlet.ThrowTerminatingError($r) }; try { T } catch { $_.FullyQualifiedErrorId; \"$($_.CategoryInfo)\" }",
            "MyId,T\nInvalidData: (:) [T], Exception\n",
            "",
        ),
        (
            "function T { [CmdletBinding()] param() $r = [System.Management.Automation.ErrorRecord]::new([System.Exception]::new('soft'), 'Id', 'NotSpecified', $null); $PSCmdlet.WriteError($r) }; T -ErrorAction SilentlyContinue; $Error.Count; $Error[0].Exception.Message",
            "1\nsoft\n",
            "",
        ),
    ]);
}

#[test]
fn try_catch_finally_and_throw() {
    check(&[
        (
            "try { throw 'boom' } catch { \"caught: $($_.Exception.Message)\"; $_.FullyQualifiedErrorId; \"$($_.CategoryInfo)\" }",
            "caught: boom\nboom\nOperationStopped: (boom:String) [], RuntimeException\n",
            "",
        ),
        (
            "try { 1/0 } catch [System.DivideByZeroException] { 'dbz' } catch { 'other' }",
            "dbz\n",
            "",
        ),
        (
            "try { 1/0 } catch { $_.Exception.GetType().FullName; $_.Exception.InnerException.GetType().Name }",
            "System.Management.Automation.RuntimeException\nDivideByZeroException\n",
            "",
        ),
        (
            "try { $null.Foo() } catch [System.Management.Automation.RuntimeException] { $_.FullyQualifiedErrorId }",
            "InvokeMethodOnNull\n",
            "",
        ),
        (
            "try { Get-NoSuch } catch [System.Management.Automation.CommandNotFoundException] { 'cnf' }",
            "cnf\n",
            "",
        ),
        (
            "try { 'body' } finally { 'finally' }",
            "body\nfinally\n",
            "",
        ),
        (
            "try { throw 'x' } catch { 'c' } finally { 'f' }",
            "c\nf\n",
            "",
        ),
        (
            "try { try { throw 'inner' } catch { throw } } catch { \"outer got $_\" }",
            "outer got inner\n",
            "",
        ),
        (
            "try { throw [System.ArgumentException]::new('bad arg') } catch [System.ArgumentException] { $_.Exception.Message }",
            "bad arg\n",
            "",
        ),
        (
            "try { throw [System.ArgumentNullException]::new('p') } catch [ArgumentException] { 'base matched' }",
            "base matched\n",
            "",
        ),
        ("throw", "", "Exception: ScriptHalted\n"),
        ("throw 'msg'; 'not reached'", "", "Exception: msg\n"),
        (
            "try { throw 'x' } catch { }; $Error.Count; $Error[0].Exception.Message",
            "1\nx\n",
            "",
        ),
        (
            "try { Get-CsApplicationAccessPolicy -Identity x -ErrorAction Stop } catch { $_.Exception.Message -match 'Connect' }",
            "True\n",
            "",
        ),
        (
            "try { $x = 1; throw 'a' } catch { $_ -is [System.Management.Automation.ErrorRecord] }",
            "True\n",
            "",
        ),
    ]);
}

#[test]
fn error_actions_and_preferences() {
    check(&[
        (
            "Write-Error 'shown'; 'continues'; $?",
            "continues\nTrue\n",
            "Write-Error: shown\n",
        ),
        (
            "Write-Error 'hidden' -ErrorAction SilentlyContinue; $Error.Count",
            "1\n",
            "",
        ),
        (
            "Write-Error 'ignored' -ErrorAction Ignore; $Error.Count",
            "0\n",
            "",
        ),
        (
            "$ErrorActionPreference = 'Stop'; try { Write-Error 'nt' } catch { \"caught $_\" }",
            "caught nt\n",
            "",
        ),
        (
            "$ErrorActionPreference = 'Stop'; Write-Error 'fatal'; 'not reached'",
            "",
            "Write-Error: fatal\n",
        ),
        (
            "$ErrorActionPreference = 'SilentlyContinue'; Write-Error 'quiet'; 'after'",
            "after\n",
            "",
        ),
        (
            "Get-NoSuch; 'next'; $Error.Count",
            "next\n1\n",
            "Get-NoSuch: The term 'Get-NoSuch' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ),
        (
            "$ErrorActionPreference = 'Stop'; Get-NoSuch; 'not reached'",
            "",
            "Get-NoSuch: The term 'Get-NoSuch' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ),
        (
            "function F { [CmdletBinding()] param() Write-Error 'in f'; 'f goes on' }; F -ErrorAction SilentlyContinue",
            "f goes on\n",
            "",
        ),
        (
            "function F { [CmdletBinding()] param() Write-Error 'in f'; 'not reached' }; try { F -ErrorAction Stop } catch { \"caught $_\" }",
            "caught in f\n",
            "",
        ),
        (
            "$ErrorActionPreference = 'Nope'",
            "",
            "MetadataError: Cannot convert value \"Nope\" to type \"System.Management.Automation.ActionPreference\". Error: \"Unable to match the identifier name Nope to a valid enumerator name. Specify one of the following enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, Suspend, Break\"\n",
        ),
    ]);
}

#[test]
fn strict_mode() {
    check(&[
        (
            "Set-StrictMode -Version Latest; $undefined; 'next'",
            "next\n",
            "InvalidOperation: The variable '$undefined' cannot be retrieved because it has not been set.\n",
        ),
        (
            "Set-StrictMode -Version Latest; $o = [PSCustomObject]@{A=1}; $o.B",
            "",
            "PropertyNotFoundException: The property 'B' cannot be found on this object. Verify that the property exists.\n",
        ),
        (
            "Set-StrictMode -Version Latest; $a = 1,2; $a[5]",
            "",
            "OperationStopped: Index was outside the bounds of the array.\n",
        ),
        (
            "Set-StrictMode -Version 1; \"in string: [$undefined]\"",
            "in string: []\n",
            "",
        ),
        (
            "Set-StrictMode -Version 2; \"in string: [$undefined]\"",
            "",
            "InvalidOperation: The variable '$undefined' cannot be retrieved because it has not been set.\n",
        ),
        (
            "Set-StrictMode -Version 1; $o = [PSCustomObject]@{A=1}; $o.B; 'ok'",
            "ok\n",
            "",
        ),
        (
            "Set-StrictMode -Version Latest; Set-StrictMode -Off; $undefined; 'ok'",
            "ok\n",
            "",
        ),
        (
            "function f { Set-StrictMode -Version Latest }; f; $undefined; 'scoped'",
            "scoped\n",
            "",
        ),
        (
            // Strict mode leaves a string its Length but no synthetic Count (pwsh 7.6.10).
            "Set-StrictMode -Version Latest; $s = 'x'; $s.Length; $s.Count",
            "1\n",
            "PropertyNotFoundException: The property 'Count' cannot be found on this object. Verify that the property exists.\n",
        ),
        (
            "Set-StrictMode -Version 9",
            "",
            "Set-StrictMode: Cannot validate argument on parameter 'Version'. The 9.0 version is not valid. Specify a valid PowerShell version, such as 1.0, 2.0, 3.0 or Latest.\n",
        ),
    ]);
}

#[test]
fn automatic_variables() {
    check(&[
        ("$null; $true; $false", "True\nFalse\n", ""),
        ("$true.GetType().Name", "Boolean\n", ""),
        ("'x' | ForEach-Object { $_ + $PSItem }", "xx\n", ""),
        ("$env:AAPSH_LANG_TEST_UNSET -eq $null", "True\n", ""),
        ("\"$($PSVersionTable.PSVersion)\"", "7.6.10\n", ""),
        (
            "$x = 1; $?; Get-NoSuch; $?",
            "True\nFalse\n",
            "Get-NoSuch: The term 'Get-NoSuch' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ),
    ]);
}

#[test]
fn usage_mistakes_fail_like_pwsh() {
    check(&[
        // An unquoted GUID after `=` is a command name.
        (
            "$ids = d4c2e8f1-1234-4abc-9def-0123456789ab; \"[$ids]\"",
            "[]\n",
            "d4c2e8f1-1234-4abc-9def-0123456789ab: The term 'd4c2e8f1-1234-4abc-9def-0123456789ab' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ),
        // The Exchange cmdlet name is not the Teams one.
        (
            "New-ApplicationAccessPolicy -AppId x",
            "",
            "New-ApplicationAccessPolicy: The term 'New-ApplicationAccessPolicy' is not recognized as a name of a cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a path was included, verify that the path is correct and try again.\n",
        ),
    ]);
}

#[test]
fn script_files_bind_their_param_block() {
    let script = "[CmdletBinding()]\nparam(\n  [Parameter(Mandatory)][string]$Name,\n  [string[]]$Users = @('a','b'),\n  [int]$Count = 2,\n  [switch]$Global\n)\n\"Name=$Name Users=$($Users -join '|') Count=$Count Global=$Global\"\n";
    let (out, err, outcome) = run_file(script, &["-Name", "x", "-Global"]);
    assert_eq!(out, "Name=x Users=a|b Count=2 Global=True\n");
    assert_eq!(err, "");
    assert_eq!(outcome, RunOutcome::Completed { last_success: true });

    let (out, err, _) = run_file(
        script,
        &["pos", "-Users", "u1,u2", "-Count", "5", "-Global:$false"],
    );
    assert_eq!(out, "Name=pos Users=u1,u2 Count=5 Global=False\n");
    assert_eq!(err, "");

    let (out, err, outcome) = run_file(script, &[]);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "t.ps1: Cannot process command because of one or more missing mandatory parameters: Name.\n"
    );
    assert_eq!(outcome, RunOutcome::Terminated);

    let (_, err, _) = run_file(script, &["-Name", "x", "-Bogus"]);
    assert_eq!(
        err,
        "t.ps1: A parameter cannot be found that matches parameter name 'Bogus'.\n"
    );
}

#[test]
fn script_files_report_positions() {
    let (out, err, outcome) = run_file("$x = 1\n$y = $x.Foo()\n'after'\nexit 3\n", &[]);
    assert_eq!(out, "after\n");
    assert_eq!(
        err,
        "InvalidOperation: /scripts/t.ps1:2\nLine |\n   2 |  $y = $x.Foo()\n     |  ~~~~~~~~~~~~~\n     | Method invocation failed because [System.Int32] does not contain a method named 'Foo'.\n"
    );
    assert_eq!(outcome, RunOutcome::Exit(3));

    // A condition is its own statement for error positions.
    let (_, err, _) = run_file("$n = $null\nif ($n.Trim()) { 'x' }\n", &[]);
    assert_eq!(
        err,
        "InvalidOperation: /scripts/t.ps1:2\nLine |\n   2 |  if ($n.Trim()) { 'x' }\n     |      ~~~~~~~~~\n     | You cannot call a method on a null-valued expression.\n"
    );

    // An unset variable under strict mode points at the variable.
    let (_, err, _) = run_file("Set-StrictMode -Version Latest\n$a = 1 + $nope\n", &[]);
    assert_eq!(
        err,
        "InvalidOperation: /scripts/t.ps1:2\nLine |\n   2 |  $a = 1 + $nope\n     |           ~~~~~\n     | The variable '$nope' cannot be retrieved because it has not been set.\n"
    );

    // `$MyInvocation` and `$PSScriptRoot` in a script file.
    let (out, _, _) = run_file(
        "$MyInvocation.MyCommand.Name\n$PSScriptRoot\n$PSCommandPath\n",
        &[],
    );
    assert_eq!(out, "t.ps1\n/scripts\n/scripts/t.ps1\n");
}

#[test]
fn recursion_is_limited() {
    let (out, err, _) = run("function Deep($n) { Deep ($n + 1) }; Deep 1; 'after'");
    assert_eq!(out, "after\n");
    assert_eq!(
        err,
        "InvalidOperation: The script failed due to call depth overflow.\n"
    );
}

#[test]
fn exit_codes() {
    assert_eq!(run("exit 4").2, RunOutcome::Exit(4));
    assert_eq!(
        run("function f { exit 2 }; f; 'not'").2,
        RunOutcome::Exit(2)
    );
    assert_eq!(run("'x'; exit").2, RunOutcome::Exit(0));
    assert_eq!(run("throw 'x'").2, RunOutcome::Terminated);
}

#[test]
fn dot_sourcing_and_nested_scripts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("config.ps1"), "$TenantId = 'contoso'\n").expect("write");
    std::fs::write(
        sub.join("child.ps1"),
        "param($Code = 5)\n'child'\nexit $Code\n'not'\n",
    )
    .expect("write");
    std::fs::write(sub.join("vars.ps1"), "$childVar = 1\n").expect("write");
    let main = dir.path().join("main.ps1");
    let script = ". \"$PSScriptRoot/sub/config.ps1\"\n\"tenant: $TenantId\"\n& \"$PSScriptRoot\\sub\\child.ps1\" -Code 7\n\"exit code: $LASTEXITCODE\"\n& \"$PSScriptRoot/sub/vars.ps1\"\n\"child var: [$childVar]\"\n";
    std::fs::write(&main, script).expect("write");
    let (out, err, outcome) = run_as(main.to_str(), script, &[]);
    assert_eq!(out, "tenant: contoso\nchild\nexit code: 7\nchild var: []\n");
    assert_eq!(err, "");
    assert_eq!(outcome, RunOutcome::Completed { last_success: true });
}

#[test]
fn utility_cmdlets_and_static_helpers() {
    check(&[
        (
            "$o = [pscustomobject]@{A=1}; $o | Add-Member -NotePropertyName B -NotePropertyValue 2; $o.B",
            "2\n",
            "",
        ),
        // Positional forms: three values are MemberType, Name, Value; two are a note
        // property's name and value (the name is no PSMemberTypes, so the next set binds it).
        (
            "$o = [pscustomobject]@{A=1}; $o | Add-Member NoteProperty B 2; $o | Add-Member C 3; \"$($o.B) $($o.C)\"",
            "2 3\n",
            "",
        ),
        (
            "(Get-Random -Minimum 1 -Maximum 2), ((Get-Random -Minimum 0.5 -Maximum 0.5000001) -lt 1)",
            "1\nTrue\n",
            "",
        ),
        (
            "[System.IO.Path]::GetDirectoryName('file.txt') -eq ''; [System.IO.Path]::Combine('a', '/b')",
            "True\n/b\n",
            "",
        ),
        (
            "'x1','y','x2' | Select-String x | ForEach-Object LineNumber",
            "1\n3\n",
            "",
        ),
        (
            "Set-Variable -Name v -Value 3 -Scope Global; function f { Get-Variable v -ValueOnly -Scope Global }; f",
            "3\n",
            "",
        ),
    ]);
}

#[test]
fn pwsh7_null_coalescing_and_ternary() {
    check(&[
        ("$y = $null ?? 'default'; $y", "default\n", ""),
        ("$v = 0; $v ?? 'unused'", "0\n", ""),
        ("'' ?? 'unused'; $false ?? 'unused'", "\nFalse\n", ""),
        // The right side runs only when the left is $null.
        ("$n = 0; 'x' ?? ($n = 1); $n", "x\n0\n", ""),
        ("$a = $null; $a ??= 5; $a ??= 7; $a", "5\n", ""),
        ("$n = 0; $a = 1; $a ??= ($n = 9); $n", "0\n", ""),
        ("$x = 3; $x -eq 3 ? 't' : 'f'", "t\n", ""),
        (
            "$x = 5; $x -lt 3 ? 'small' : $x -lt 10 ? 'medium' : 'large'",
            "medium\n",
            "",
        ),
        // Only the chosen branch runs.
        ("$n = 0; $true ? 'a' : ($n = 1); $n", "a\n0\n", ""),
        (
            "$r = @(1, 2).Count -gt 1 ? 'many' : 'one'; $r",
            "many\n",
            "",
        ),
        ("$null ?? 1 + 2", "3\n", ""),
    ]);
}

#[test]
fn pwsh7_null_conditional_access() {
    check(&[
        ("$a = $null; ${a}?.Length; 'after'", "after\n", ""),
        (
            "$a = $null; ${a}?.ToString(); ${a}?[0]; 'after'",
            "after\n",
            "",
        ),
        (
            "$a = 'abc'; ${a}?.Length; ${a}?[1]; ${a}?.ToUpper()",
            "3\nb\nABC\n",
            "",
        ),
        // `$a?` is a different variable (`?` is a name character).
        ("$a = 'x'; ${a?} = 'y'; $a?", "y\n", ""),
        ("1..3 | ? { $_ -gt 1 }", "2\n3\n", ""),
    ]);
}

#[test]
fn pwsh7_pipeline_chains() {
    check(&[
        (
            "Write-Output 'First' && Write-Output 'Second'",
            "First\nSecond\n",
            "",
        ),
        (
            "Write-Output 'First' || Write-Output 'Second'",
            "First\n",
            "",
        ),
        (
            "Write-Error 'Bad' && Write-Output 'Second'",
            "",
            "Write-Error: Bad\n",
        ),
        (
            "Write-Error 'Bad' || Write-Output 'Second'",
            "Second\n",
            "Write-Error: Bad\n",
        ),
        (
            "$r = Write-Output '1' && Write-Output '2'; $r.Count",
            "2\n",
            "",
        ),
        ("'a' && 'b' || 'c'", "a\nb\n", ""),
        ("if ($true) { 'x' && 'y' }", "x\ny\n", ""),
    ]);
}

#[test]
fn pwsh7_using_namespace() {
    check(&[
        (
            "using namespace System.Collections.Generic\n$l = [List[string]]::new(); $l.Add('x'); $l.Count",
            "1\n",
            "",
        ),
        (
            "using namespace System.Collections.Generic\n$l = [List[int]]@(1, 2); $l.Count",
            "2\n",
            "",
        ),
    ]);
}

#[test]
fn platform_and_host_automatic_variables() {
    let mac = if cfg!(target_os = "macos") {
        "True"
    } else {
        "False"
    };
    let linux = if cfg!(target_os = "linux") {
        "True"
    } else {
        "False"
    };
    let os = format!("{mac}\n{linux}\n");
    check(&[
        (
            "Set-StrictMode -Version Latest; if ($IsMacOS) { 'mac' } else { 'other' }",
            if cfg!(target_os = "macos") {
                "mac\n"
            } else {
                "other\n"
            },
            "",
        ),
        ("$IsMacOS; $IsLinux", &os, ""),
        ("$IsCoreCLR; $PSEdition", "True\nCore\n", ""),
        (
            "$Host.Name; \"$($host.Version)\"",
            "ConsoleHost\n7.6.10\n",
            "",
        ),
        (
            "$Host.UI.RawUI.WindowTitle = 'Deploy'; $Host.UI.RawUI.WindowTitle",
            "Deploy\n",
            "",
        ),
    ]);
}

/// -ErrorVariable / -WarningVariable / -InformationVariable (MshCommandRuntime.SetupVariable,
/// _WriteErrorSkipAllowCheck, WriteWarning; PowerShell's OutErrorVariable.Tests.ps1).
#[test]
fn stream_variables_collect_what_the_command_wrote() {
    check(&[
        // SilentlyContinue still records; the variable is an ArrayList.
        (
            "Write-Error boom -ErrorAction SilentlyContinue -ErrorVariable e; $e.Count; $e[0].Exception.Message; $e.GetType().FullName",
            "1\nboom\nSystem.Collections.ArrayList\n",
            "",
        ),
        // Ignore leaves no trace; the variable is still reset to an empty list.
        (
            "$e = 'old'; Write-Error boom -ErrorAction Ignore -ev e; $e.Count; if ($e) { 'set' } else { 'empty' }",
            "0\nempty\n",
            "",
        ),
        // `+name` appends (an array is copied into a new list).
        (
            "$e = 'a', 'b'; Write-Error c -ea SilentlyContinue -ErrorVariable +e; $e.Count; \"$e\"",
            "3\na b c\n",
            "",
        ),
        // Errors written inside an advanced function and by the commands it calls; a caught
        // throw too; a nested command's own variable gets only its errors.
        (
            "function foo { [CmdletBinding()] param() Write-Error 'foo' }; function bar { [CmdletBinding()] param() Write-Error 'bar'; foo -ErrorVariable script:a; try { throw 'x' } catch {} }; bar -ErrorVariable b 2> $null; \"$a\"; \"$b\"",
            "foo\nbar foo x\n",
            "",
        ),
        // A terminating error (-ErrorAction Stop) is recorded before it leaves the command.
        (
            "try { Write-Error stop -ErrorAction Stop -ErrorVariable e } catch { 'caught' }; $e.Count",
            "caught\n1\n",
            "",
        ),
        // Each stage of a pipeline keeps its own errors.
        (
            "function s { [CmdletBinding()] param([Parameter(ValueFromPipeline)]$x) process { Write-Error \"e$x\"; $x } }; 1 | s -ev one 2>$null | s -ev two 2>$null | Out-Null; \"$one|$two\"",
            "e1|e1\n",
            "",
        ),
        // The variable is set in the caller's scope.
        (
            "function f { Write-Error x -ea SilentlyContinue -ev inner; $inner.Count }; f; $null -eq $inner",
            "1\nTrue\n",
            "",
        ),
        // Warnings are collected even when not shown; WarningRecords print as their message.
        (
            "function w { [CmdletBinding()] param() Write-Warning one; $PSCmdlet.WriteWarning('two') }; w -WarningAction SilentlyContinue -WarningVariable wv; $wv.Count; $wv[0].Message; \"$wv\"",
            "2\none\none two\n",
            "",
        ),
        (
            "Write-Warning shown -WarningVariable w2; \"[$w2]\"",
            "WARNING: shown\n[shown]\n",
            "",
        ),
        // Information records, shown or not; Write-Host writes one too.
        (
            "function i { [CmdletBinding()] param() Write-Information quiet; Write-Host loud }; i -InformationVariable iv; $iv.Count; \"$iv\"",
            "loud\n2\nquiet loud\n",
            "",
        ),
    ]);
}

/// ShouldProcess asks when the command's ConfirmImpact is at least $ConfirmPreference
/// (MshCommandRuntime.CanShouldProcessAutoConfirm); -Confirm:$false and
/// $ConfirmPreference = 'None' never ask, -Confirm always does. Here the prompt is refused.
#[test]
fn should_process_honours_confirm_impact() {
    let def = "function R { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')] param($Name) if ($PSCmdlet.ShouldProcess($Name, 'Delete')) { \"deleted $Name\" } }; function L { [CmdletBinding(SupportsShouldProcess, ConfirmImpact='Low')] param($Name) if ($PSCmdlet.ShouldProcess($Name)) { \"low $Name\" } }; ";
    let refused = "MethodInvocationException: Exception calling \"ShouldProcess\" with \"2\" argument(s): \"PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.\"\n";
    let cases: Vec<(String, &str, &str)> = vec![
        (format!("{def}R a; 'after'"), "after\n", refused),
        (format!("{def}R a -Confirm:$false"), "deleted a\n", ""),
        (
            format!("{def}$ConfirmPreference = 'None'; R a"),
            "deleted a\n",
            "",
        ),
        (
            format!("{def}R a -WhatIf"),
            "What if: Performing the operation \"Delete\" on target \"a\".\n",
            "",
        ),
        (format!("{def}L a"), "low a\n", ""),
        (
            format!("{def}$ConfirmPreference = 'Low'; L a -Confirm:$false"),
            "low a\n",
            "",
        ),
        // Auto-confirmed calls write the verbose line; a prompt does not.
        (
            format!("{def}R a -Confirm:$false -Verbose"),
            "VERBOSE: Performing the operation \"Delete\" on target \"a\".\ndeleted a\n",
            "",
        ),
    ];
    let refs: Vec<(&str, &str, &str)> =
        cases.iter().map(|(s, o, e)| (s.as_str(), *o, *e)).collect();
    check(&refs);
}

#[test]
fn references_and_try_parse() {
    check(&[
        (
            "$g = [guid]::Empty; [guid]::TryParse('a3f1c2d4-0000-4000-8000-000000000001', [ref]$g); \"$g\"",
            "True\na3f1c2d4-0000-4000-8000-000000000001\n",
            "",
        ),
        (
            "$g = $null; [guid]::TryParse('nope', [ref]$g); \"$g\"",
            "False\n00000000-0000-0000-0000-000000000000\n",
            "",
        ),
        (
            "$n = 0; [int]::TryParse('42', [ref]$n); $n + 1",
            "True\n43\n",
            "",
        ),
        (
            "$n = 5; [int]::TryParse('x', [ref]$n); $n",
            "False\n0\n",
            "",
        ),
        ("[int]::TryParse('42', [ref]$null)", "True\n", ""),
        (
            "$d = $null; [datetime]::TryParse('2026-01-02', [ref]$d); $d.ToString('yyyy-MM-dd')",
            "True\n2026-01-02\n",
            "",
        ),
        (
            "$x = 1; $r = [ref]$x; $r.Value = 7; $x; $r.Value",
            "7\n7\n",
            "",
        ),
        (
            "function Set-It([ref]$r) { $r.Value = 'set' }; $v = ''; Set-It ([ref]$v); $v",
            "set\n",
            "",
        ),
        (
            "[int]::TryParse('1', [ref]$missing)",
            "",
            "InvalidOperation: [ref] cannot be applied to a variable that does not exist.\n",
        ),
    ]);
}

#[test]
fn date_kinds_formats_and_day_of_week() {
    check(&[
        ("(Get-Date).Kind", "Local\n", ""),
        (
            "(Get-Date).ToString('o')",
            "2026-11-26T09:00:00.0000000+00:00\n",
            "",
        ),
        (
            "Get-Date -Format o",
            "2026-11-26T09:00:00.0000000+00:00\n",
            "",
        ),
        (
            "(Get-Date).ToUniversalTime().ToString('o')",
            "2026-11-26T09:00:00.0000000Z\n",
            "",
        ),
        (
            "(Get-Date -AsUTC).Kind; [datetime]::UtcNow.ToString('K')",
            "Utc\nZ\n",
            "",
        ),
        (
            "(Get-Date).ToString('yyyy-MM-ddTHH:mm:sszzz')",
            "2026-11-26T09:00:00+00:00\n",
            "",
        ),
        (
            "([datetime]'2026-01-02 03:04:05').ToString('o')",
            "2026-01-02T03:04:05.0000000\n",
            "",
        ),
        ("(Get-Date) -eq (Get-Date).ToUniversalTime()", "True\n", ""),
        (
            "[int](Get-Date).DayOfWeek; (Get-Date).DayOfWeek",
            "4\nThursday\n",
            "",
        ),
        (
            "$d = (Get-Date).DayOfWeek; $d -eq 'Thursday'; $d -eq 4; \"$d\"",
            "True\nTrue\nThursday\n",
            "",
        ),
        (
            "$d = Get-Date; $d.ToShortDateString(); $d.ToShortTimeString()",
            "11/26/2026\n9:00 AM\n",
            "",
        ),
        (
            "$d = Get-Date; $d.ToLongDateString(); $d.ToLongTimeString()",
            "Thursday, November 26, 2026\n9:00:00 AM\n",
            "",
        ),
        (
            "$p = [datetime]::ParseExact('2026-12-01 14:05', 'yyyy-MM-dd HH:mm', $null); $p.Kind; $p.ToString('o')",
            "Unspecified\n2026-12-01T14:05:00.0000000\n",
            "",
        ),
        (
            "[datetime]::ParseExact('01/12/2026', 'dd/MM/yyyy', [cultureinfo]::InvariantCulture).Month",
            "12\n",
            "",
        ),
        (
            "[datetime]::Today.ToString('s'); (Get-Date).Date.Hour; (Get-Date).DayOfYear",
            "2026-11-26T00:00:00\n0\n330\n",
            "",
        ),
        (
            "(Get-Date).ToString(\"yyyy-MM-dd'T'HH\")",
            "2026-11-26T09\n",
            "",
        ),
        ("(Get-Date).AddMonths(3).ToString('d')", "2/26/2027\n", ""),
    ]);
}

#[test]
fn stopwatch_string_builder_and_string_statics() {
    check(&[
        (
            "$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Seconds 3; $sw.ElapsedMilliseconds; $sw.Elapsed.TotalSeconds; $sw.IsRunning",
            "3000\n3\nTrue\n",
            "",
        ),
        (
            "$sw = [System.Diagnostics.Stopwatch]::new(); $sw.IsRunning; $sw.Start(); Start-Sleep 1; $sw.Stop(); Start-Sleep 5; $sw.Elapsed.ToString()",
            "False\n00:00:01\n",
            "",
        ),
        (
            "$sw = [System.Diagnostics.Stopwatch]::StartNew(); Start-Sleep 2; $sw.Restart(); Start-Sleep 1; $sw.ElapsedMilliseconds",
            "1000\n",
            "",
        ),
        (
            "$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('a'); $null = $sb.AppendLine('b'); [void]$sb.AppendFormat('{0}-{1}', 1, 2); $sb.ToString(); $sb.Length",
            "ab\n1-2\n6\n",
            "",
        ),
        (
            "$sb = [System.Text.StringBuilder]::new(); $sb.Append('x')",
            "\nCapacity MaxCapacity Length\n-------- ----------- ------\n      16  2147483647      1\n\n",
            "",
        ),
        (
            "$sb = [System.Text.StringBuilder]::new(); [void]$sb.Append('0123456789abcdefXYZ'); $sb.Capacity; [void]$sb.Clear(); $sb.Length; \"[$sb]\"",
            "32\n0\n[]\n",
            "",
        ),
        (
            "[string]::Compare('a', 'B'); [string]::Compare('b', 'A'); [string]::Compare('a', 'A'); [string]::Compare('a', 'A', $true)",
            "-1\n1\n-1\n0\n",
            "",
        ),
        (
            "[string]::Equals('a', 'a'); [string]::Equals('a', 'A')",
            "True\nFalse\n",
            "",
        ),
        (
            "New-Guid -Empty",
            "\nGuid\n----\n00000000-0000-0000-0000-000000000000\n\n",
            "",
        ),
        ("(New-Guid).GetType().FullName", "System.Guid\n", ""),
    ]);
}

/// .NET's own ToString on numbers and dates (not PowerShell's conversion), as scripts call it.
#[test]
fn dotnet_tostring_on_numbers_and_dates() {
    check(&[
        (
            "(0.1 + 0.2).ToString(); '{0}' -f (0.1 + 0.2); \"$(0.1 + 0.2)\"",
            "0.30000000000000004\n0.30000000000000004\n0.3\n",
            "",
        ),
        (
            "(5.5).ToString('N2'); (12).ToString('D3'); (1536 / 1KB).ToString('0.00'); '{0:C}' -f -1234.5; '{0:P1}' -f 0.4567",
            "5.50\n012\n1.50\n-$1,234.50\n45.7%\n",
            "",
        ),
        (
            "$d = [datetime]'2026-01-05T10:00:00+02:00'; $d.Hour; $d.Kind; $d.ToString('o')",
            "8\nLocal\n2026-01-05T08:00:00.0000000+00:00\n",
            "",
        ),
        (
            "$d = [datetime]'2026-11-26 09:05:00'; $d.ToString(); \"$d\"",
            "11/26/2026 9:05:00 AM\n11/26/2026 09:05:00\n",
            "",
        ),
    ]);
}

#[test]
fn numeric_and_date_limits() {
    check(&[(
        "[double]::MaxValue; [long]::MinValue; [double]::NaN; [double]::PositiveInfinity; [datetime]::MaxValue.Year",
        "1.79769313486232E+308\n-9223372036854775808\nNaN\nInfinity\n9999\n",
        "",
    )]);
}

#[test]
fn using_namespace_reaches_emulated_dotnet_types() {
    check(&[(
        "using namespace System.Text\nusing namespace System.Diagnostics\n$sb = [StringBuilder]::new('x'); [void]$sb.Append('y'); $sb.ToString(); ([Stopwatch]::StartNew()).IsRunning",
        "xy\nTrue\n",
        "",
    )]);
}

/// Numbers keep their .NET type through literals, casts and arithmetic, with pwsh's widening
/// and overflow rules (each expectation printed by pwsh 7.6.10).
#[test]
fn numbers_carry_their_dotnet_type() {
    check(&[
        ("([int]::MaxValue + 1).GetType().Name", "Double\n", ""),
        ("[int]::MaxValue + 1", "2147483648\n", ""),
        ("[long]::MaxValue + 1", "9.22337203685478E+18\n", ""),
        ("[long]::MinValue / -1", "9.22337203685478E+18\n", ""),
        ("([byte]1 + [byte]2).GetType().Name", "Int32\n", ""),
        ("([uint32]1 + 1).GetType().Name", "UInt32\n", ""),
        ("([uint64]1 + -1).GetType().Name", "Decimal\n", ""),
        ("([float]1.5 + 1).GetType().Name", "Double\n", ""),
        ("[float](1/3)", "0.3333333\n", ""),
        ("[decimal]1/3", "0.3333333333333333333333333333\n", ""),
        ("1.50d", "1.50\n", ""),
        ("(5/2).GetType().Name", "Double\n", ""),
        ("(4/2).GetType().Name", "Int32\n", ""),
        ("[bigint]2 * [long]::MaxValue", "18446744073709551614\n", ""),
        ("0xFFFFFFFF", "-1\n", ""),
        ("(0x100000000).GetType().Name", "Int64\n", ""),
        ("(9223372036854775808).GetType().Name", "Decimal\n", ""),
        ("1 -shl 33", "2\n", ""),
        ("([byte]1 -shl 9).GetType().Name", "Byte\n", ""),
        ("-bnot [uint64]5", "18446744073709551610\n", ""),
        ("[int]2.5; [int]3.5", "2\n4\n", ""),
        ("[char]65 + 1", "A1\n", ""),
        ("1 + [char]65", "66\n", ""),
        ("'10' - 2; '10' * 2; '10' + 2", "8\n1010\n102\n", ""),
        ("-[int]::MinValue", "2147483648\n", ""),
        ("$y = [byte]255; $y++; $y.GetType().Name", "Int32\n", ""),
        (
            "[int]'1,000'; [int]'0x1F'; [int]'1kb'",
            "1000\n31\n1024\n",
            "",
        ),
        (
            "[byte]300",
            "",
            "InvalidArgument: Cannot convert value \"300\" to type \"System.Byte\". Error: \"Value was either too large or too small for an unsigned byte.\"\n",
        ),
        (
            "[long]1e19",
            "",
            "InvalidArgument: Cannot convert value \"1E+19\" to type \"System.Int64\". Error: \"Arithmetic operation resulted in an overflow.\"\n",
        ),
        (
            "@(5) - 1",
            "",
            "InvalidOperation: Method invocation failed because [System.Object[]] does not contain a method named 'op_Subtraction'.\n",
        ),
        (
            "$a = [int[]](1,'2',3.6); $a.GetType().FullName; $a -is [object[]]",
            "System.Int32[]\nFalse\n",
            "",
        ),
    ]);
}

/// A collection inside a collection is one object to string conversion and to the formatter,
/// so a list that contains itself is finite to print (pwsh 7.6.10's output).
#[test]
fn nested_and_self_containing_collections() {
    check(&[
        ("$a = 1,(2,3); \"$a\"", "1 System.Object[]\n", ""),
        ("$a = 1,(2,3); $a -join ','", "1,System.Object[]\n", ""),
        ("(1,2).ToString()", "System.Object[]\n", ""),
        (
            "$o = [pscustomobject]@{a=[pscustomobject]@{b=1}; c=@(1,2)}; \"$o\"",
            "@{a=; c=System.Object[]}\n",
            "",
        ),
        (
            "$l = [System.Collections.ArrayList]::new(); [void]$l.Add(1); [void]$l.Add($l); \"$l\"; $l.Count",
            "1 System.Collections.ArrayList\n2\n",
            "",
        ),
        (
            "$l = [System.Collections.ArrayList]::new(); [void]$l.Add(1); [void]$l.Add($l); $l",
            "1\n1\n\nCapacity       : 4\nCount          : 2\nIsFixedSize    : False\nIsReadOnly     : False\nIsSynchronized : False\nSyncRoot       : {1, 1 System.Collections.ArrayList}\n\n",
            "",
        ),
        (
            "$a = 1,(2,(3,4)); $a",
            "1\n2\n\nLength         : 2\nLongLength     : 2\nRank           : 1\nSyncRoot       : {3, 4}\nIsReadOnly     : False\nIsFixedSize    : True\nIsSynchronized : False\nCount          : 2\n\n",
            "",
        ),
        (
            "Write-Host @(1,@(2,@(3,4))); Write-Host @{a=1}",
            "1 2 3 4\n[a, 1]\n",
            "",
        ),
    ]);
}

/// .NET method calls bind to the overload pwsh's binder picks and convert their arguments to
/// its parameter types, with pwsh's errors (each expectation printed by pwsh 7.6.10).
#[test]
fn method_calls_bind_like_pwsh() {
    check(&[
        ("'a,b;c'.Split(',;')", "a,b;c\n", ""),
        ("'a,b;c'.Split([char[]]',;')", "a\nb\nc\n", ""),
        ("'a--b--c'.Split('--', 2)", "a\nb--c\n", ""),
        ("'a  b'.Split().Count", "3\n", ""),
        (
            "[math]::Max(1, 2).GetType().Name; [math]::Max(1, 2.5)",
            "Int32\n2\n",
            "",
        ),
        ("[math]::Max(2.5, 1).GetType().Name", "Double\n", ""),
        ("[math]::Abs(-5).GetType().Name", "Int32\n", ""),
        ("'abc'.IndexOf('c'); 'abc'.IndexOf([char]'b')", "2\n1\n", ""),
        (
            "'abc'.Substring()",
            "",
            "MethodException: Cannot find an overload for \"Substring\" and the argument count: \"0\".\n",
        ),
        (
            "'abc'.Substring(1, 'x')",
            "",
            "MethodException: Cannot convert argument \"length\", with value: \"x\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value \"x\" to type \"System.Int32\". Error: \"The input string 'x' was not in a correct format.\"\"\n",
        ),
        (
            "'abc'.Substring(1, 9223372036854775807)",
            "",
            "MethodException: Cannot convert argument \"length\", with value: \"9223372036854775807\", for \"Substring\" to type \"System.Int32\": \"Cannot convert value \"9223372036854775807\" to type \"System.Int32\". Error: \"Value was either too large or too small for an Int32.\"\"\n",
        ),
        // .NET's size limits, met as pwsh 7.6.10 meets them (recorded): an OutOfMemoryException
        // before anything is allocated, never an abort.
        (
            "'x'.PadRight(2147483647)",
            "",
            "MethodInvocationException: Exception calling \"PadRight\" with \"1\" argument(s): \"Insufficient memory to continue the execution of the program.\"\n",
        ),
        (
            "'ab' * 600000000; @(1) * 2147483647; 'next'",
            "next\n",
            "OperationStopped: Insufficient memory to continue the execution of the program.\nOperationStopped: Array dimensions exceeded supported range.\n",
        ),
        (
            "try { 'x' * 2e9 } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().FullName; $_.CategoryInfo.Category }",
            "System.OutOfMemoryException\nSystem.OutOfMemoryException\nOperationStopped\n",
            "",
        ),
        (
            "'abc'.PadLeft(5, 'xy')",
            "",
            "MethodException: Cannot convert argument \"paddingChar\", with value: \"xy\", for \"PadLeft\" to type \"System.Char\": \"Cannot convert value \"xy\" to type \"System.Char\". Error: \"String must be exactly one character long.\"\"\n",
        ),
        (
            "[Console]::WriteLine('{0} of {1}', 1, 2)",
            "",
            "MethodException: Multiple ambiguous overloads found for \"WriteLine\" and the argument count: \"3\".\n",
        ),
    ]);
}

/// Indexing a value without an indexer treats it as a one-element collection; a string
/// indexes its chars (pwsh 7.6.10's output).
#[test]
fn indexing_scalars_and_strings() {
    check(&[
        (
            "$o = [pscustomobject]@{a=1}; $o[0].a; $o[-1].a",
            "1\n1\n",
            "",
        ),
        (
            "$o = [pscustomobject]@{a=1}; $o['a']; $o[1]; $o[0,0].Count",
            "0\n",
            "",
        ),
        ("$n = 5; $n[0]; $n[-1]; $n[1]", "5\n5\n", ""),
        (
            "'abc'[0]; 'abc'[-1]; ('abc'[0]).GetType().Name",
            "a\nc\nChar\n",
            "",
        ),
        ("(Get-Date 2024-01-01)[0].Year", "2024\n", ""),
        (
            "Set-StrictMode -Version 3; $n = 5; $n[1]",
            "",
            "InvalidOperation: Unable to index into an object of type \"System.Int32\".\n",
        ),
    ]);
}

/// Get-Member lists the recorded .NET members and an object's note properties, grouped by
/// type as pwsh prints them (pwsh 7.6.10's output).
#[test]
fn get_member_lists_recorded_members() {
    check(&[
        (
            "'a' | Get-Member -MemberType Property",
            "\n   TypeName: System.String\n\nName   MemberType Definition\n----   ---------- ----------\nLength Property   int Length {get;}\n\n",
            "",
        ),
        (
            "[pscustomobject]@{Name='x'; Id=1} | Get-Member",
            "\n   TypeName: System.Management.Automation.PSCustomObject\n\nName        MemberType   Definition\n----        ----------   ----------\nEquals      Method       bool Equals(System.Object obj)\nGetHashCode Method       int GetHashCode()\nGetType     Method       type GetType()\nToString    Method       string ToString()\nId          NoteProperty int Id=1\nName        NoteProperty string Name=x\n\n",
            "",
        ),
        (
            "Get-Member -InputObject @(1,2) -Name Count",
            "\n   TypeName: System.Object[]\n\nName  MemberType Definition\n----  ---------- ----------\nCount Property   int Count {get;}\n\n",
            "",
        ),
        (
            "Get-Member",
            "",
            "Get-Member: You must specify an object for the Get-Member cmdlet.\n",
        ),
    ]);
}

/// `clean` blocks (pwsh 7.3+), as pwsh 7.6.10 runs them: after `end`, also after an error
/// or when a downstream `Select-Object -First` stopped the pipeline; their output is
/// discarded, their variables are the command's; a `throw` in one is written, not raised;
/// a command with nothing but a clean block never runs it.
#[test]
fn clean_blocks_run_last_whatever_happened() {
    check(&[
        (
            "function f { end {'e'} clean { 'c'; Write-Host \"clean sees $v\" } begin { $v = 5 } }\n$r = f; \"r=$r\"",
            "clean sees 5\nr=e\n",
            "",
        ),
        (
            "function f { process { throw 'p' } clean { Write-Host 'clean anyway' } }\ntry { f } catch { 'caught' }",
            "clean anyway\ncaught\n",
            "",
        ),
        (
            "function h { process { $_ } clean { Write-Host 'h cleaned' } }\n1..5 | h | Select-Object -First 1",
            "1\nh cleaned\n",
            "",
        ),
        (
            "function pp { process { \"p $_\"; if ($_ -eq 2) { throw 'boom' } } clean { Write-Host 'pp clean' } }\ntry { 1..3 | pp } catch { \"caught $_\" }",
            "p 1\np 2\npp clean\ncaught boom\n",
            "",
        ),
        (
            "function g { clean { Write-Host 'never' } }\ng; 'after'",
            "after\n",
            "",
        ),
        (
            "& { process { 'sb' } clean { Write-Host 'sb clean' } }",
            "sb\nsb clean\n",
            "",
        ),
        (
            "function t { end {} clean { throw 'clean throws' } }\ntry { t } catch { \"caught: $_\" }\n'next'",
            "next\n",
            "Exception: clean throws\n",
        ),
        (
            "function x { begin { throw 'b' } clean { Write-Host 'x clean' } }\ntry { x } catch { \"c: $_\" }",
            "x clean\nc: b\n",
            "",
        ),
    ]);
}

/// `data` sections run their (restricted) body: the output is the statement's value, or
/// becomes `$name`; `-SupportedCommand` adds commands to ConvertFrom-StringData.
#[test]
fn data_sections_run_their_body() {
    check(&[
        ("$d = data { 'static'; 1 }; $d", "static\n1\n", ""),
        ("data n { 'v'; 2 }; \"n=$n\"; $n.Count", "n=v 2\n2\n", ""),
        (
            "$t = data { ConvertFrom-StringData -StringData 'a = 1\nb = two' }; $t.b",
            "two\n",
            "",
        ),
        (
            "data -SupportedCommand Write-Output { Write-Output 'w' }",
            "w\n",
            "",
        ),
        ("data { if ($true) { 't' } else { 'f' } }", "t\n", ""),
    ]);
}

/// `break`/`continue` with a label computed when they run (`continue $l`, `break ($n)`);
/// `break` with a label no loop has ends the script quietly (pwsh 7.6.10).
#[test]
fn flow_statements_take_computed_labels() {
    check(&[
        (
            ":outer foreach ($i in 1..3) { foreach ($j in 1..3) { if ($j -eq 2) { $l = 'outer'; continue $l }; \"$i $j\" } }",
            "1 1\n2 1\n3 1\n",
            "",
        ),
        (
            "$n = 'x'\n:x while ($true) { 'in'; break ($n) }\n'after'",
            "in\nafter\n",
            "",
        ),
    ]);
}

/// Write-Output's InputObject is [AllowNull] [AllowEmptyCollection] (`Write-Output $null`
/// writes one $null, `Write-Output @()` nothing); a static property a type lacks is $null
/// outside strict mode (pwsh 7.6.10).
#[test]
fn null_arguments_and_missing_static_properties() {
    check(&[
        (
            "Write-Output $null; 'a'; (Write-Output $null) -eq $null",
            "a\nTrue\n",
            "",
        ),
        ("Write-Output @(1).x; Write-Output @(); 'b'", "b\n", ""),
        (
            "Write-Output 1,$null,2 | ForEach-Object { \"[$_]\" }",
            "[1]\n[]\n[2]\n",
            "",
        ),
        ("[int]::Foo; 'e'", "e\n", ""),
        (
            "Set-StrictMode -Version 2; [int]::Foo",
            "",
            "PropertyNotFoundException: The property 'Foo' cannot be found on this object. Verify that the property exists.\n",
        ),
    ]);
}

/// Assignment targets pwsh accepts when parsing and fails when running: a cast to a type that
/// does not exist is reported at the type constraint; a method call as a target is looked up
/// as a call (pwsh 7.6.10).
#[test]
fn assignment_targets_fail_when_run_like_pwsh() {
    let (out, err, _) = run_file("[NoSuchTypeName]$x = 1\n'y'", &[]);
    assert_eq!(out, "y\n");
    assert!(
        err.contains("   1 |  [NoSuchTypeName]$x = 1\n     |  ~~~~~~~~~~~~~~~~\n     | Unable to find type [NoSuchTypeName]."),
        "{err}"
    );
    let (out, err, _) = run_file("$a.Foo() = 1\n$s = 'abc'; $s.Trim() = 2\n'y'", &[]);
    assert_eq!(out, "y\n");
    assert!(
        err.starts_with("InvalidOperation: /scripts/t.ps1:1\n")
            && err.contains("     | You cannot call a method on a null-valued expression.\n")
            && !err.contains("t.ps1:2"),
        "{err}"
    );
}

/// The function: drive as a variable: `${function:f} = { }` defines f, `$function:f` reads
/// its body back as a script block (pwsh 7.6.10).
#[test]
fn function_drive_variables_define_and_read_functions() {
    check(&[
        ("${function:f} = { 'f body' }; f", "f body\n", ""),
        (
            "${function:g} = { param($a) \"g $a\" }; g 5; function k { 1 }; \"[$function:k]\"; $function:nope -eq $null",
            "g 5\n[ 1 ]\nTrue\n",
            "",
        ),
    ]);
}

/// `[scriptblock]::Create(text)` parses text (CRLF line ends included) into a script block;
/// text that does not parse is a MethodInvocationException carrying the ParseException's
/// errors (pwsh 7.6.10's wording).
#[test]
fn scriptblock_create_parses_text() {
    check(&[
        (
            "$s = [scriptblock]::Create(\"'a'`r`n'b'`r`n\"); & $s",
            "a\nb\n",
            "",
        ),
        (
            "& ([scriptblock]::Create('param($a) $a * 2')) 21",
            "42\n",
            "",
        ),
        (
            "$s = [scriptblock]::Create('(')",
            "",
            "MethodInvocationException: Exception calling \"Create\" with \"1\" argument(s): \"At line:1 char:2\n+ (\n+  ~\nAn expression was expected after '('.\n\nAt line:1 char:2\n+ (\n+  ~\nMissing closing ')' in expression.\"\n",
        ),
    ]);
}
