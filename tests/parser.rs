//! Table-driven parser tests: accepted input → `sexpr` dump, rejected input → PowerShell's
//! error id, position, incomplete flag and message. Each production of
//! `grammar/powershell.ebnf` names the tests here that cover it.

use aapsh::syntax::{ParseErrors, SourceFile, parse_script, sexpr};

fn dump(input: &str) -> Result<String, ParseErrors> {
    parse_script(SourceFile::new(None, input)).map(|ast| sexpr(&ast))
}

/// Each input must parse to `(script EXPECTED)`.
fn accept(cases: &[(&str, &str)]) {
    for (input, expected) in cases {
        match dump(input) {
            Ok(tree) => {
                let want = if expected.is_empty() {
                    "(script)".to_string()
                } else {
                    format!("(script {expected})")
                };
                assert_eq!(tree, want, "input: {input:?}");
            }
            Err(e) => panic!("input {input:?} was rejected: {:?}", e.errors),
        }
    }
}

/// (input, error id, line, column, incomplete, message) of the first error.
type Reject<'a> = (&'a str, &'a str, usize, usize, bool, &'a str);

fn reject(cases: &[Reject]) {
    for &(input, id, line, col, incomplete, message) in cases {
        let src = SourceFile::new(None, input);
        let errs = match parse_script(src.clone()) {
            Ok(ast) => panic!("input {input:?} was accepted: {}", sexpr(&ast)),
            Err(e) => e,
        };
        let first = &errs.errors[0];
        let got = (
            first.id,
            src.line_of(first.span.start),
            src.column_of(first.span.start),
            first.incomplete,
            first.message.as_str(),
        );
        assert_eq!(
            got,
            (id, line, col, incomplete, message),
            "input: {input:?}, all: {:?}",
            errs.errors
        );
        assert_eq!(errs.is_incomplete(), incomplete, "input: {input:?}");
    }
}

/// The ids of every error, in order.
fn error_ids(input: &str) -> Vec<&'static str> {
    match dump(input) {
        Ok(tree) => panic!("input {input:?} was accepted: {tree}"),
        Err(e) => e.errors.iter().map(|e| e.id).collect(),
    }
}

#[test]
fn parses_commands_and_arguments() {
    accept(&[
        (
            "Get-CsApplicationAccessPolicy",
            "(cmd Get-CsApplicationAccessPolicy)",
        ),
        (
            "Get-CsApplicationAccessPolicy -Identity Test-policy",
            r#"(cmd Get-CsApplicationAccessPolicy (-Identity) b"Test-policy")"#,
        ),
        ("Get-X $PolicyName", "(cmd Get-X $PolicyName)"),
        ("Remove-X Name", r#"(cmd Remove-X b"Name")"#),
        (
            "get-x -policyname $p; SELECT-OBJECT A",
            r#"(cmd get-x (-policyname) $p) (cmd SELECT-OBJECT b"A")"#,
        ),
        (
            "Write-Host if else process",
            r#"(cmd Write-Host b"if" b"else" b"process")"#,
        ),
        (
            "Get-X -Scope (Get-Y) {1}",
            "(cmd Get-X (-Scope) (paren (cmd Get-Y)) (sb 1))",
        ),
        ("Get-X @() @{} $(1)", "(cmd Get-X (@) (hash) ($ 1))"),
        (
            "Get-X $a.Name $b[0] $c.Trim()",
            "(cmd Get-X (. $a Name) (index $b 0) (call $c Trim))",
        ),
        ("Get-X $a .Name", r#"(cmd Get-X $a b".Name")"#),
    ]);
}

#[test]
fn parses_barewords_and_numbers_in_argument_mode() {
    accept(&[
        (
            "Grant-X -Identity 5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58",
            r#"(cmd Grant-X (-Identity) b"5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58")"#,
        ),
        (
            "Grant-X -AppIds d4c2a7e1-0b5f-4e3a-9c8d-1f2e3d4c5b6a",
            r#"(cmd Grant-X (-AppIds) b"d4c2a7e1-0b5f-4e3a-9c8d-1f2e3d4c5b6a")"#,
        ),
        (
            "Import-Csv C:\\x\\users.csv",
            r#"(cmd Import-Csv b"C:\\x\\users.csv")"#,
        ),
        (
            "Import-Csv .\\users.csv",
            r#"(cmd Import-Csv b".\\users.csv")"#,
        ),
        (
            "Get-X -Identity Tag:Name",
            r#"(cmd Get-X (-Identity) b"Tag:Name")"#,
        ),
        (
            "Set-X -Rank 1 -Size 1.5 -Big 10kb",
            "(cmd Set-X (-Rank) 1 (-Size) 1.5 (-Big) 10240)",
        ),
        ("Set-X 1x 1.2.3 0x10", r#"(cmd Set-X b"1x" b"1.2.3" 16)"#),
        ("Write-Host true $true", r#"(cmd Write-Host b"true" $true)"#),
        (
            "Get-X -Identity Policy-$Env",
            r#"(cmd Get-X (-Identity) (bare "Policy-" $Env))"#,
        ),
        (
            "Get-X $env:USERPROFILE\\Desktop",
            r#"(cmd Get-X (bare $env:USERPROFILE "\\Desktop"))"#,
        ),
        ("Get-X foo`nbar a`$b", r#"(cmd Get-X b"foo\nbar" b"a$b")"#),
        (
            "Get-X [int]$x [Environment]::NewLine",
            r#"(cmd Get-X (bare "[int]" $x) b"[Environment]::NewLine")"#,
        ),
        ("Get-X it's' a\"b\"c", r#"(cmd Get-X b"its" b"abc")"#),
    ]);
}

#[test]
fn parses_parameters_and_colon_arguments() {
    accept(&[
        ("Grant-X -Global", "(cmd Grant-X (-Global))"),
        ("Grant-X -Global:$false", "(cmd Grant-X (-Global: $false))"),
        (
            "Set-X -Rank:-5 -Name:foo",
            r#"(cmd Set-X (-Rank: b"-5") (-Name: b"foo"))"#,
        ),
        (
            "Set-X -Name:'a','b'",
            "(cmd Set-X (-Name: (array 'a' 'b')))",
        ),
        (
            "Set-X -Identity -notaparam",
            "(cmd Set-X (-Identity) (-notaparam))",
        ),
        ("Set-X –Identity x", r#"(cmd Set-X (-Identity) b"x")"#),
        (
            "Set-X -PolicyName $null -Global",
            "(cmd Set-X (-PolicyName) $null (-Global))",
        ),
    ]);
}

#[test]
fn rejects_parameter_colon_without_argument() {
    reject(&[
        (
            "Get-X -Name:",
            "ParameterRequiresArgument",
            1,
            13,
            false,
            "Parameter -Name: requires an argument.",
        ),
        (
            "Get-X -Name: | Out-Null",
            "ParameterRequiresArgument",
            1,
            13,
            false,
            "Parameter -Name: requires an argument.",
        ),
        (
            "Get-X -Name:\nGet-Y",
            "ParameterRequiresArgument",
            1,
            13,
            false,
            "Parameter -Name: requires an argument.",
        ),
    ]);
}

#[test]
fn parses_dash_dash_and_verbatim() {
    accept(&[
        (
            "Write-Output -- -x -- y",
            r#"(cmd Write-Output (--) b"-x" b"--" b"y")"#,
        ),
        (
            "icacls.exe --% /grant x:(F) | Out-Null",
            r#"(pipe (cmd icacls.exe b"--%" b"/grant x:(F) ") (cmd Out-Null))"#,
        ),
    ]);
}

#[test]
fn parses_comma_lists_in_arguments() {
    accept(&[
        (
            r#"New-X -AppIds "a","b" , "c""#,
            r#"(cmd New-X (-AppIds) (array "a" "b" "c"))"#,
        ),
        (
            "New-X -AppIds a, b,\n c -D x",
            r#"(cmd New-X (-AppIds) (array b"a" b"b" b"c") (-D) b"x")"#,
        ),
        (
            "Select-Object DisplayName, UserPrincipalName",
            r#"(cmd Select-Object (array b"DisplayName" b"UserPrincipalName"))"#,
        ),
    ]);
    reject(&[
        (
            "Get-X , a",
            "MissingArgument",
            1,
            7,
            false,
            "Missing argument in parameter list.",
        ),
        (
            "Get-X a,",
            "MissingExpression",
            1,
            9,
            true,
            "Missing expression after ',' in pipeline element.",
        ),
        (
            "$ids = d4c2-1, e5f6-2",
            "MissingArgument",
            1,
            14,
            false,
            "Missing argument in parameter list.",
        ),
    ]);
}

#[test]
fn parses_invocation_operators() {
    accept(&[
        ("& $sb arg", r#"(cmd & $sb b"arg")"#),
        (
            "& 'C:\\my tool.exe' -v",
            r#"(cmd & 'C:\\my tool.exe' (-v))"#,
        ),
        ("& { param($a) $a } 1", "(cmd & (sb (param $a) (end $a)) 1)"),
        (". .\\helpers.ps1", r#"(cmd . b".\\helpers.ps1")"#),
        (
            ".\\script.ps1 -Name x",
            r#"(cmd .\script.ps1 (-Name) b"x")"#,
        ),
        ("..\\up.ps1", r#"(cmd ..\up.ps1)"#),
        (". $profile", "(cmd . $profile)"),
    ]);
    reject(&[(
        "& ",
        "MissingExpression",
        1,
        1,
        false,
        "Missing expression after '&' in pipeline element.",
    )]);
}

#[test]
fn parses_splatting() {
    accept(&[
        ("Grant-X @params -Force", "(cmd Grant-X @params (-Force))"),
        ("Grant-X @params @more", "(cmd Grant-X @params @more)"),
    ]);
}

#[test]
fn rejects_splatting_in_expressions() {
    reject(&[(
        "$x = @params",
        "SplattingNotPermitted",
        1,
        6,
        false,
        "The splatting operator '@' cannot be used to reference variables in an expression. '@params' can be used only as an argument to a command. To reference variables in an expression use '$params'.",
    )]);
}

#[test]
fn parses_redirections() {
    accept(&[
        ("Get-X 2>$null", "(cmd Get-X (redir 2> $null))"),
        ("Get-X 2>&1", "(cmd Get-X (redir 2>&1))"),
        ("Get-X *>$null", "(cmd Get-X (redir *> $null))"),
        ("Get-X > out.txt", r#"(cmd Get-X (redir 1> b"out.txt"))"#),
        (
            "Get-X >> log.txt 3>&1",
            r#"(cmd Get-X (redir 1>> b"log.txt") (redir 3>&1))"#,
        ),
        (
            "Get-X 6>> info.log",
            r#"(cmd Get-X (redir 6>> b"info.log"))"#,
        ),
        ("$x 2>$null", "(expr $x (redir 2> $null))"),
    ]);
    reject(&[
        (
            "Get-X 1>&2",
            "RedirectionNotSupported",
            1,
            7,
            false,
            "The '1>&2' operator is reserved for future use.",
        ),
        (
            "Get-X 2>&1 2>$null",
            "StreamAlreadyRedirected",
            1,
            12,
            false,
            "The error stream for this command is already redirected.",
        ),
        (
            "Get-X >",
            "MissingFileSpecification",
            1,
            8,
            false,
            "Missing file specification after redirection operator.",
        ),
    ]);
}

#[test]
fn rejects_input_redirection() {
    reject(&[
        (
            "Grant-X -AppIds <APP_ID>",
            "RedirectionNotSupported",
            1,
            17,
            false,
            "The '<' operator is reserved for future use.",
        ),
        (
            "New-CsApplicationAccessPolicy -Identity Bot -AppIds <APP_ID> -Description x\nGet-X",
            "RedirectionNotSupported",
            1,
            53,
            false,
            "The '<' operator is reserved for future use.",
        ),
        (
            "Get-X < ",
            "MissingFileSpecification",
            1,
            8,
            false,
            "Missing file specification after redirection operator.",
        ),
    ]);
}

#[test]
fn parses_pipelines() {
    accept(&[
        ("a | b | c", "(pipe (cmd a) (cmd b) (cmd c))"),
        ("$users | Grant-X", "(pipe $users (cmd Grant-X))"),
        (
            r#""a","b" | ForEach-Object {}"#,
            r#"(pipe (array "a" "b") (cmd ForEach-Object (sb)))"#,
        ),
        (
            "Get-X |\n  Select-Object A |\n\n  Format-List",
            r#"(pipe (cmd Get-X) (cmd Select-Object b"A") (cmd Format-List))"#,
        ),
        (
            "Get-X # note\n  | Select-Object A",
            r#"(pipe (cmd Get-X) (cmd Select-Object b"A"))"#,
        ),
        ("Get-X |ft", "(pipe (cmd Get-X) (cmd ft))"),
        (
            "$x | ? { $_ } | % { $_ }",
            "(pipe $x (cmd ? (sb $_)) (cmd % (sb $_)))",
        ),
    ]);
}

#[test]
fn rejects_empty_pipe_elements() {
    reject(&[
        (
            "| get-location",
            "EmptyPipeElement",
            1,
            1,
            false,
            "An empty pipe element is not allowed.",
        ),
        (
            "a | | b",
            "EmptyPipeElement",
            1,
            4,
            false,
            "An empty pipe element is not allowed.",
        ),
        (
            "a |",
            "EmptyPipeElement",
            1,
            4,
            true,
            "An empty pipe element is not allowed.",
        ),
        (
            "a |\n\n",
            "EmptyPipeElement",
            1,
            4,
            false,
            "An empty pipe element is not allowed.",
        ),
        (
            "1;2;3|3",
            "ExpressionsMustBeFirstInPipeline",
            1,
            7,
            false,
            "Expressions are only allowed as the first element of a pipeline.",
        ),
    ]);
}

#[test]
fn parses_line_continuations() {
    accept(&[
        (
            "New-X `\n  -Identity $p `\n  -AppIds $a",
            "(cmd New-X (-Identity) $p (-AppIds) $a)",
        ),
        ("New-X `\r\n  -Identity $p", "(cmd New-X (-Identity) $p)"),
        ("$x = 1 +\n 2", "(= $x (+ 1 2))"),
        ("$x = 1,\n 2", "(= $x (array 1 2))"),
        ("$x = $a -and\n $b", "(= $x (-and $a $b))"),
    ]);
    reject(&[(
        "Get-X `",
        "IncompleteString",
        1,
        8,
        true,
        "Incomplete string token.",
    )]);
}

/// A backtick followed by spaces escapes the space, not the newline: the statement ends and
/// the next line (`-AppIds $a`) is a command of its own named `-AppIds`, as in pwsh's
/// `CommandRule` (a parameter token in command-name position is the name). A `-` followed by
/// a space instead is a unary minus with nothing after it.
#[test]
fn backtick_followed_by_space_ends_the_statement() {
    accept(&[
        (
            "New-X -Identity x ` \n    -AppIds $a",
            r#"(cmd New-X (-Identity) b"x") (cmd -AppIds $a)"#,
        ),
        (
            "New-X -Identity x `\t\n-AppIds $a",
            r#"(cmd New-X (-Identity) b"x") (cmd -AppIds $a)"#,
        ),
    ]);
    reject(&[(
        "New-X -Identity x ` \n    - AppIds $a",
        "MissingExpressionAfterOperator",
        2,
        6,
        false,
        "Missing expression after unary operator '-'.",
    )]);
    assert_eq!(
        error_ids("New-X ` \n- AppIds $a"),
        vec!["MissingExpressionAfterOperator", "UnexpectedToken"]
    );
    let errs = dump("New-X ` \n- AppIds $a").unwrap_err();
    assert_eq!(
        errs.errors[1].message,
        "Unexpected token 'AppIds' in expression or statement."
    );
}

#[test]
fn parses_comments() {
    accept(&[
        ("# only a comment", ""),
        (
            "Get-X # trailing\n# whole line\nGet-Y",
            "(cmd Get-X) (cmd Get-Y)",
        ),
        ("'Foo'; <# c #> 'Bar'", "'Foo' 'Bar'"),
        ("<#\n.SYNOPSIS\n  Help.\n#>\nGet-X", "(cmd Get-X)"),
        ("Get-X <# inline #> -Name a", r#"(cmd Get-X (-Name) b"a")"#),
        ("Get-X a#b", r#"(cmd Get-X b"a#b")"#),
        ("\n\n;;\n", ""),
    ]);
}

#[test]
fn rejects_unterminated_block_comment() {
    reject(&[(
        "Get-X <# never closed",
        "MissingTerminatorMultiLineComment",
        1,
        7,
        true,
        "The terminator '#>' is missing from the multiline comment.",
    )]);
}

#[test]
fn parses_single_quoted_strings() {
    accept(&[
        ("'abc'", "'abc'"),
        ("'it''s'", r"'it\'s'"),
        ("'a `n $x'", "'a `n $x'"),
        ("‘smart’", "'smart'"),
        ("''", "''"),
    ]);
}

#[test]
fn parses_double_quoted_strings_and_escapes() {
    accept(&[
        (r#""abc""#, r#""abc""#),
        (r#""say ""hi""""#, r#""say \"hi\"""#),
        (
            "\"`0`a`b`e`f`n`r`t`v\"",
            r#""\0\u{7}\u{8}\u{1b}\u{c}\n\r\t\u{b}""#,
        ),
        ("\"`u{263A} `x `$ `\"\"", r#""☺ x $ \"""#),
        ("“smart”", r#""smart""#),
        (r#""cost: $ 5""#, r#""cost: $ 5""#),
    ]);
}

#[test]
fn parses_expandable_strings() {
    accept(&[
        (r#""Hello $name!""#, r#"(dq "Hello " $name "!")"#),
        (r#""${name}x""#, r#"(dq $name "x")"#),
        (
            r#""${env:X} $env:NAME $script:x""#,
            r#"(dq $env:X " " $env:NAME " " $script:x)"#,
        ),
        (r#""$user.Name""#, r#"(dq $user ".Name")"#),
        (r#""$a[0]""#, r#"(dq $a "[0]")"#),
        (r#""v: $($user.Name)""#, r#"(dq "v: " ($ (. $user Name)))"#),
        (r#""$($a; $b)""#, r#"(dq ($ $a $b))"#),
        (r#""x $("inner $y")""#, r#"(dq "x " ($ (dq "inner " $y)))"#),
        (
            r#""$_.Exception.Message""#,
            r#"(dq $_ ".Exception.Message")"#,
        ),
        (
            r#""…$($_.Exception.Message)""#,
            r#"(dq "…" ($ (. (. $_ Exception) Message)))"#,
        ),
    ]);
    reject(&[(
        r#""$HOME:""#,
        "InvalidVariableReferenceWithDrive",
        1,
        2,
        false,
        "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
    )]);
}

#[test]
fn rejects_unterminated_strings() {
    reject(&[
        (
            "\"This is a test",
            "TerminatorExpectedAtEndOfString",
            1,
            1,
            true,
            "The string is missing the terminator: \".",
        ),
        (
            "Write-Host \"abc",
            "TerminatorExpectedAtEndOfString",
            1,
            12,
            true,
            "The string is missing the terminator: \".",
        ),
        (
            "'abc\n",
            "TerminatorExpectedAtEndOfString",
            1,
            1,
            true,
            "The string is missing the terminator: '.",
        ),
        (
            "\"$(1 + ",
            "IncompleteDollarSubexpressionReference",
            1,
            2,
            true,
            "$(subexpression) is missing the closing ')'.",
        ),
    ]);
}

#[test]
fn parses_here_strings() {
    accept(&[
        ("@\"\nHello $name\n\"@", r#"(here-dq "Hello " $name)"#),
        ("@'\nlit $x `n\n'@", r#"@'"lit $x `n""#),
        ("@\"\n\"@", r#"@"""#),
        (
            "@\"  \nquote \" inside\n  \"@ not end\n\"@",
            r#"@"quote \" inside\n  \"@ not end""#,
        ),
        ("@'\r\na\r\nb\r\n'@", r#"@'"a\r\nb""#),
        (
            "$r = @\"\nGenerated: $(Get-Date)\n\"@",
            r#"(= $r (here-dq "Generated: " ($ (cmd Get-Date))))"#,
        ),
    ]);
}

#[test]
fn rejects_bad_here_strings() {
    reject(&[
        (
            "@\" text\n\"@",
            "UnexpectedCharactersAfterHereStringHeader",
            1,
            4,
            false,
            "No characters are allowed after a here-string header but before the end of the line.",
        ),
        (
            "@\"\nabc\n \"@",
            "WhitespaceBeforeHereStringFooter",
            3,
            2,
            true,
            "White space is not allowed before the string terminator.",
        ),
        (
            "@'\nabc '@",
            "TerminatorExpectedAtEndOfString",
            1,
            1,
            true,
            "The string is missing the terminator: '@.",
        ),
        (
            "@\"",
            "TerminatorExpectedAtEndOfString",
            1,
            1,
            true,
            "The string is missing the terminator: \"@.",
        ),
    ]);
}

#[test]
fn parses_variables() {
    accept(&[
        ("$_; $PSItem; $?; $$; $^", "$_ $PSItem $? $$ $^"),
        ("$null; $true; $false", "$null $true $false"),
        (
            "$script:x; $global:y; $using:z; $env:PATH",
            "$script:x $global:y $using:z $env:PATH",
        ),
        ("${weird name}; ${a`}b}", "${weird name} ${a}b}"),
        ("$Script:X", "$script:X"),
    ]);
}

#[test]
fn rejects_invalid_variable_references() {
    reject(&[
        (
            "$global:",
            "InvalidVariableReference",
            1,
            1,
            false,
            "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
        ),
        (
            "${}",
            "EmptyVariableReference",
            1,
            3,
            false,
            "An empty ${} variable reference was found. A name is required inside the braces.",
        ),
        (
            "${abc",
            "IncompleteDollarVariableReference",
            1,
            2,
            true,
            // pwsh prints the doubled braces of its resource text as they are.
            "${{variable}} reference starting is missing the closing '}}'.",
        ),
    ]);
}

#[test]
fn parses_numbers() {
    accept(&[
        (
            "1; 1.5; 1e3; .5; 0x1F; 0xFFFFFFFF",
            "1 1.5 1000.0 0.5 31 -1",
        ),
        (
            "1kb; 2mb; 1gb; 5l; 2.5d; 7d",
            "1024 2097152 1073741824 5 2.5 7",
        ),
        (
            "9223372036854775807; 9223372036854775808",
            "9223372036854775807 9223372036854775808",
        ),
        ("-1; +2; - 3", "-1 2 (neg 3)"),
        ("1..5; 1.5..2", "(.. 1 5) (.. 1.5 2)"),
    ]);
    reject(&[(
        "0x1FFFFFFFFFFFFFFFFF",
        "BadNumericConstant",
        1,
        1,
        false,
        "The numeric constant 0x1FFFFFFFFFFFFFFFFF is not valid.",
    )]);
}

#[test]
fn parses_operators_with_precedence() {
    accept(&[
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("10 / 2 % 3", "(% (/ 10 2) 3)"),
        ("'{0}' -f 1 + 2", "(+ (-f '{0}' 1) 2)"),
        ("1..3 + 4", "(+ (.. 1 3) 4)"),
        (
            "$a -eq 1 -and $b -ne 2 -or $c",
            "(-or (-and (-eq $a 1) (-ne $b 2)) $c)",
        ),
        (
            "$a -or $b -xor $c -and $d",
            "(-and (-xor (-or $a $b) $c) $d)",
        ),
        ("1 -band 2 -eq 2", "(-band 1 (-eq 2 2))"),
        ("$a -shl 2 -bor 1", "(-bor (-shl $a 2) 1)"),
        ("1,2 + 3", "(+ (array 1 2) 3)"),
        (
            "$a -like 'x' -notlike 'y' -match 'z' -notmatch 'w'",
            "(-notmatch (-match (-notlike (-like $a 'x') 'y') 'z') 'w')",
        ),
        (
            "$a -contains 1 -notcontains 2 -in 3 -notin 4",
            "(-notin (-in (-notcontains (-contains $a 1) 2) 3) 4)",
        ),
        (
            "$a -replace 'a','b' -split ','",
            "(-split (-replace $a (array 'a' 'b')) ',')",
        ),
        (
            "$a -join ',' -is [string] -isnot [int] -as [int]",
            "(-as (-isnot (-is (-join $a ',') [string]) [int]) [int])",
        ),
        (
            "$a -ieq 1 -ceq 2 -cmatch 'x' -creplace 'a' -csplit 'b' -ilike 'c'",
            "(-ilike (-csplit (-creplace (-cmatch (-ceq (-ieq $a 1) 2) 'x') 'a') 'b') 'c')",
        ),
        ("$a -EQ 1 -AND $b", "(-and (-eq $a 1) $b)"),
        (
            "$a -gt 1 -ge 2 -lt 3 -le 4",
            "(-le (-lt (-ge (-gt $a 1) 2) 3) 4)",
        ),
        ("$a -bxor 1 -band 2", "(-band (-bxor $a 1) 2)"),
        ("$a -shr 1", "(-shr $a 1)"),
    ]);
}

#[test]
fn parses_unary_operators() {
    accept(&[
        ("-not $a -eq $b", "(-eq (-not $a) $b)"),
        ("!$a", "(-not $a)"),
        ("-bnot 5", "(-bnot 5)"),
        ("-split 'a b'; -join $list", "(-split 'a b') (-join $list)"),
        (",$x", "(, $x)"),
        (
            "++$i; --$i; $i++; $i--",
            "(++pre $i) (--pre $i) (post++ $i) (post-- $i)",
        ),
        ("-$x; +$x", "(neg $x) (plus $x)"),
        (
            "-not (Get-Module -Name X)",
            "(-not (paren (cmd Get-Module (-Name) b\"X\")))",
        ),
        ("!$WCPolicy", "(-not $WCPolicy)"),
    ]);
}

#[test]
fn rejects_missing_operands() {
    reject(&[
        (
            "$x +",
            "ExpectedValueExpression",
            1,
            5,
            true,
            "You must provide a value expression following the '+' operator.",
        ),
        (
            "$x -and",
            "ExpectedValueExpression",
            1,
            8,
            true,
            "You must provide a value expression following the '-and' operator.",
        ),
        (
            "$x -eq\n",
            "ExpectedValueExpression",
            1,
            7,
            false,
            "You must provide a value expression following the '-eq' operator.",
        ),
        (
            "-not",
            "MissingExpressionAfterOperator",
            1,
            5,
            true,
            "Missing expression after unary operator '-not'.",
        ),
        (
            "$a = -",
            "MissingExpressionAfterOperator",
            1,
            7,
            true,
            "Missing expression after unary operator '-'.",
        ),
        (
            "1,",
            "MissingExpressionAfterToken",
            1,
            3,
            true,
            "Missing expression after ','.",
        ),
        (
            "$a -foo $b",
            "UnexpectedToken",
            1,
            4,
            false,
            "Unexpected token '-foo' in expression or statement.",
        ),
    ]);
}

#[test]
fn parses_arrays_and_subexpressions() {
    accept(&[
        ("1, 2, 3", "(array 1 2 3)"),
        ("@()", "(@)"),
        ("@(1)", "(@ 1)"),
        ("@($AppId)", "(@ $AppId)"),
        ("@(\n  'a'\n  'b'\n)", "(@ 'a' 'b')"),
        ("$(Get-Date)", "($ (cmd Get-Date))"),
        ("$($a = 1; $a)", "($ (= $a 1) $a)"),
        ("(Get-X)", "(paren (cmd Get-X))"),
        ("($a = 1)", "(paren (= $a 1))"),
        (
            "(@($policy.AppIds) + $AppId)",
            "(paren (+ (@ (. $policy AppIds)) $AppId))",
        ),
        ("(\n  1 +\n  2\n)", "(paren (+ 1 2))"),
    ]);
    reject(&[
        (
            "(",
            "ExpectedExpression",
            1,
            2,
            true,
            "An expression was expected after '('.",
        ),
        (
            "(1",
            "MissingEndParenthesisInExpression",
            1,
            3,
            true,
            "Missing closing ')' in expression.",
        ),
        (
            "(1 2)",
            "UnexpectedToken",
            1,
            4,
            false,
            "Unexpected token '2' in expression or statement.",
        ),
        (
            "$(1",
            "MissingEndParenthesisInSubexpression",
            1,
            4,
            true,
            "Missing closing ')' in subexpression.",
        ),
        (
            "@(1",
            "MissingEndParenthesisInSubexpression",
            1,
            4,
            true,
            "Missing closing ')' in subexpression.",
        ),
    ]);
}

#[test]
fn parses_hashtables() {
    accept(&[
        ("@{}", "(hash)"),
        (
            "@{ Key = 1; Key2 = 'v' }",
            r#"(hash (b"Key" 1) (b"Key2" 'v'))"#,
        ),
        ("@{\n  a = 1\n  b = 2\n}", r#"(hash (b"a" 1) (b"b" 2))"#),
        (
            "@{ 'Quoted Key' = 1; 2 = 'n'; $k = 3; (1+1) = 4 }",
            "(hash ('Quoted Key' 1) (2 'n') ($k 3) ((paren (+ 1 1)) 4))",
        ),
        ("@{Add = $appId}", r#"(hash (b"Add" $appId))"#),
        ("@{ Add = 'a', 'b' }", r#"(hash (b"Add" (array 'a' 'b')))"#),
        (
            "@{ a = if ($x) { 1 } else { 2 }\n b = 10 }",
            r#"(hash (b"a" (if (clause $x (block 1)) (else (block 2)))) (b"b" 10))"#,
        ),
        (
            "@{ p = Get-X -ErrorAction Stop }",
            r#"(hash (b"p" (cmd Get-X (-ErrorAction) b"Stop")))"#,
        ),
        ("@{ a = 1; }", r#"(hash (b"a" 1))"#),
        ("@{ a = @{ b = 1 } }", r#"(hash (b"a" (hash (b"b" 1))))"#),
    ]);
}

#[test]
fn rejects_bad_hashtables() {
    reject(&[
        (
            "@{ a }",
            "MissingEqualsInHashLiteral",
            1,
            5,
            false,
            "Missing '=' operator after key in hash literal.",
        ),
        (
            "@{ a 1 }",
            "MissingEqualsInHashLiteral",
            1,
            5,
            false,
            "Missing '=' operator after key in hash literal.",
        ),
        (
            "@{ a = }",
            "MissingStatementInHashLiteral",
            1,
            7,
            false,
            "Missing statement after '=' in hash literal.",
        ),
        (
            "@{ a = 1",
            "MissingEndCurlyBrace",
            1,
            3,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "@{",
            "MissingEndCurlyBrace",
            1,
            3,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "@{ a = 1; A = 2 }",
            "DuplicateKeyInHashLiteral",
            1,
            11,
            false,
            "Duplicate keys 'A' are not allowed in hash literals.",
        ),
        (
            "@{ 'x' = 1; x = 2 }",
            "DuplicateKeyInHashLiteral",
            1,
            13,
            false,
            "Duplicate keys 'x' are not allowed in hash literals.",
        ),
        (
            "@{ a = 1 b = 2 }",
            "UnexpectedToken",
            1,
            10,
            false,
            "Unexpected token 'b' in expression or statement.",
        ),
    ]);
}

#[test]
fn parses_script_blocks_and_named_blocks() {
    accept(&[
        ("{}", "(sb)"),
        ("{ $_ }", "(sb $_)"),
        (
            "{ param($a, $b) $a + $b }",
            "(sb (param $a $b) (end (+ $a $b)))",
        ),
        ("{\n  param($a)\n\n  $a\n}", "(sb (param $a) (end $a))"),
        (
            "{ begin { 1 } process { $_ } end { 2 } }",
            "(sb (begin 1) (process $_) (end 2))",
        ),
        ("{ process { $_ } }", "(sb (process $_))"),
        (
            "{ process { $_ } clean { 'c' } }",
            "(sb (process $_) (clean 'c'))",
        ),
        ("{ clean { } }", "(sb (clean))"),
        (
            "{ [CmdletBinding()] param() }",
            "(sb (attr CmdletBinding) (param) (end))",
        ),
        (
            "Where-Object {\n  $_.AppIds -contains 'x'\n} | Format-List",
            "(pipe (cmd Where-Object (sb (-contains (. $_ AppIds) 'x'))) (cmd Format-List))",
        ),
    ]);
    reject(&[
        (
            "{",
            "MissingEndCurlyBrace",
            1,
            1,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "{ 1 )",
            "MissingEndCurlyBrace",
            1,
            1,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "{ 1 ) 2",
            "MissingEndCurlyBrace",
            1,
            1,
            false,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "{ begin { } x }",
            "MissingNamedBlocks",
            1,
            13,
            false,
            "unexpected token 'x', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.",
        ),
        (
            "{ begin { } begin { } }",
            "DuplicateScriptCommandClause",
            1,
            13,
            false,
            "Script command clause 'begin' has already been defined.",
        ),
        (
            "{ end { } clean { } clean { } }",
            "DuplicateScriptCommandClause",
            1,
            21,
            false,
            "Script command clause 'clean' has already been defined.",
        ),
        (
            "{ begin }",
            "MissingNamedStatementBlock",
            1,
            8,
            false,
            "Missing statement block after 'begin'.",
        ),
    ]);
}

#[test]
fn parses_casts_and_type_literals() {
    accept(&[
        ("[int]$x", "(cast [int] $x)"),
        ("[string[]]$a", "(cast [string[]] $a)"),
        ("[int]", "[int]"),
        ("[ordered]@{ a = 1 }", r#"(cast [ordered] (hash (b"a" 1)))"#),
        (
            "[PSCustomObject]@{ Name = 'n' }",
            r#"(cast [PSCustomObject] (hash (b"Name" 'n')))"#,
        ),
        ("[guid]::NewGuid()", "(call:: [guid] NewGuid)"),
        ("[Environment]::NewLine", "(:: [Environment] NewLine)"),
        (
            "[System.Management.Automation.PSCredential]::new($u, $p)",
            "(call:: [System.Management.Automation.PSCredential] new $u $p)",
        ),
        (
            "[System.Collections.Generic.List[string]]::new()",
            "(call:: [System.Collections.Generic.List[string]] new)",
        ),
        (
            "[Dictionary[string,int]]$d",
            "(cast [Dictionary[string,int]] $d)",
        ),
        ("[int][string]$x", "(cast [int] (cast [string] $x))"),
        ("[void]$list.Add(1)", "(cast [void] (call $list Add 1))"),
        (
            "[string]::IsNullOrEmpty($upn)",
            "(call:: [string] IsNullOrEmpty $upn)",
        ),
        ("[int]-1", "(cast [int] -1)"),
        ("[ int ]$x", "(cast [int] $x)"),
    ]);
    reject(&[
        (
            "[int",
            "EndSquareBracketExpectedAtEndOfAttribute",
            1,
            4,
            false,
            "Missing ] at end of attribute or type literal.",
        ),
        (
            "[",
            "MissingTypename",
            1,
            2,
            true,
            "Missing type name after '['.",
        ),
    ]);
}

#[test]
fn parses_member_access_and_calls() {
    accept(&[
        ("$a.Name", "(. $a Name)"),
        ("$a.$name", "(. $a $name)"),
        ("$a.'odd name'", "(. $a 'odd name')"),
        ("$a.Trim()", "(call $a Trim)"),
        ("$a.Split(',')", "(call $a Split ',')"),
        ("$a.Replace('a', 'b')", "(call $a Replace 'a' 'b')"),
        ("$a.Replace(\n  'a',\n  'b'\n)", "(call $a Replace 'a' 'b')"),
        (
            "$a[0]; $a[-1]; $h['key']; $a[0, 1]",
            "(index $a 0) (index $a -1) (index $h 'key') (index $a (array 0 1))",
        ),
        ("$_.Exception.Message", "(. (. $_ Exception) Message)"),
        (
            "$x.Trim().Length -gt 0",
            "(-gt (. (call $x Trim) Length) 0)",
        ),
        ("(Get-Date).Year", "(. (paren (cmd Get-Date)) Year)"),
        ("$GroupMembers.Count", "(. $GroupMembers Count)"),
        ("$list.Where{ $_ }", "(call $list Where (sb $_))"),
        ("$a.\n  Trim()", "(call $a Trim)"),
        ("$a.b[0].c", "(. (index (. $a b) 0) c)"),
        ("$ids[$i]", "(index $ids $i)"),
    ]);
}

#[test]
fn rejects_bad_member_access() {
    reject(&[
        (
            "$a.",
            "MissingPropertyName",
            1,
            4,
            true,
            "Missing property name after reference operator.",
        ),
        (
            "$a.Trim(",
            "MissingEndParenthesisInMethodCall",
            1,
            9,
            true,
            "Missing ')' in method call.",
        ),
        (
            "$a.Split(',', ",
            "MissingExpressionAfterToken",
            1,
            14,
            true,
            "Missing expression after ','.",
        ),
        (
            "$a[",
            "MissingArrayIndexExpression",
            1,
            4,
            true,
            "Array index expression is missing or not valid.",
        ),
        (
            "$a[0",
            "MissingEndSquareBracket",
            1,
            5,
            true,
            "Missing ']' after array index expression.",
        ),
    ]);
}

#[test]
fn parses_assignments() {
    accept(&[
        ("$x = 1", "(= $x 1)"),
        (
            "$x += 1; $x -= 1; $x *= 2; $x /= 2; $x %= 2",
            "(+= $x 1) (-= $x 1) (*= $x 2) (/= $x 2) (%= $x 2)",
        ),
        ("$a.Prop = 1", "(= (. $a Prop) 1)"),
        ("$a[0] = 1", "(= (index $a 0) 1)"),
        ("[int]$x = '5'", "(= (cast [int] $x) '5')"),
        ("$a, $b = 1, 2", "(= (array $a $b) (array 1 2))"),
        ("$a = $b = 3", "(= $a (= $b 3))"),
        (
            "$x = if ($c) { 1 } else { 2 }",
            "(= $x (if (clause $c (block 1)) (else (block 2))))",
        ),
        (
            "$x = foreach ($i in 1..3) { $i }",
            "(= $x (foreach $i (.. 1 3) (block $i)))",
        ),
        (
            "$p = Get-X -ErrorAction SilentlyContinue",
            r#"(= $p (cmd Get-X (-ErrorAction) b"SilentlyContinue"))"#,
        ),
        ("$x =\n  5", "(= $x 5)"),
        (
            "$x = $y | Sort-Object",
            "(= $x (pipe $y (cmd Sort-Object)))",
        ),
    ]);
}

#[test]
fn rejects_invalid_assignment_targets() {
    reject(&[
        (
            "1 = 2",
            "InvalidLeftHandSide",
            1,
            1,
            false,
            "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
        ),
        (
            "$x =",
            "ExpectedValueExpression",
            1,
            5,
            true,
            "You must provide a value expression following the '=' operator.",
        ),
    ]);
}

/// A bareword after `=` is a command (run-time lookup), not a string.
#[test]
fn assignment_value_is_a_statement() {
    accept(&[
        (
            "$ids = d4c2a7e1-0b5f-4e3a-9c8d-1f2e3d4c5b6a",
            "(= $ids (cmd d4c2a7e1-0b5f-4e3a-9c8d-1f2e3d4c5b6a))",
        ),
        (
            "$ids = 5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58",
            "(= $ids (cmd 5d8e2f17-9c3a-4b61-a0f4-e7b9c2d13a58))",
        ),
        ("$x = Get-Date", "(= $x (cmd Get-Date))"),
        (
            "$AppId = Read-Host \"Application (client) ID\"",
            r#"(= $AppId (cmd Read-Host "Application (client) ID"))"#,
        ),
    ]);
}

#[test]
fn parses_if_elseif_else() {
    accept(&[
        ("if ($p) { Set-X }", "(if (clause $p (block (cmd Set-X))))"),
        (
            "if ($p) { 1 } else { 2 }",
            "(if (clause $p (block 1)) (else (block 2)))",
        ),
        (
            "if ($a) { 1 }\nelseif ($b) { 2 }\nelse { 3 }",
            "(if (clause $a (block 1)) (clause $b (block 2)) (else (block 3)))",
        ),
        (
            "if ($a) {\n}\n\nelse {\n}",
            "(if (clause $a (block)) (else (block)))",
        ),
        (
            "if ($p = Get-X) { $p }",
            "(if (clause (= $p (cmd Get-X)) (block $p)))",
        ),
        (
            "if (Get-X -ErrorAction SilentlyContinue) { Set-X } else { New-X }",
            r#"(if (clause (cmd Get-X (-ErrorAction) b"SilentlyContinue") (block (cmd Set-X))) (else (block (cmd New-X))))"#,
        ),
        ("if ($a) { 1 }\n$b", "(if (clause $a (block 1))) $b"),
        (
            "If ($a) { 1 } ElseIf ($b) { 2 } ELSE { 3 }",
            "(if (clause $a (block 1)) (clause $b (block 2)) (else (block 3)))",
        ),
    ]);
}

#[test]
fn rejects_bad_if() {
    reject(&[
        (
            "if (\"true\")",
            "MissingStatementBlock",
            1,
            11,
            true,
            "Missing statement block after if ( condition ).",
        ),
        (
            "if (",
            "IfStatementMissingCondition",
            1,
            5,
            true,
            "Missing condition in if statement after 'if ('.",
        ),
        (
            "if ()",
            "IfStatementMissingCondition",
            1,
            5,
            false,
            "Missing condition in if statement after 'if ('.",
        ),
        (
            "if",
            "MissingOpenParenthesisInIfStatement",
            1,
            3,
            true,
            "Missing '(' after 'if' in if statement.",
        ),
        (
            "if ($a",
            "MissingEndParenthesisAfterStatement",
            1,
            7,
            true,
            "Missing closing ')' after expression in 'if' statement.",
        ),
        (
            "if ($a) {",
            "MissingEndCurlyBrace",
            1,
            9,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "if ($a) { } else",
            "MissingStatementBlockAfterElse",
            1,
            17,
            true,
            "Missing statement block after 'else' keyword.",
        ),
        (
            "if ($a) { } elseif",
            "MissingOpenParenthesisInIfStatement",
            1,
            19,
            true,
            "Missing '(' after 'elseif' in if statement.",
        ),
        (
            "if ($a) 1",
            "MissingStatementBlock",
            1,
            7,
            false,
            "Missing statement block after if ( condition ).",
        ),
    ]);
}

#[test]
fn parses_loops() {
    accept(&[
        (
            "foreach ($x in $list) { $x }",
            "(foreach $x $list (block $x))",
        ),
        (
            "foreach ($u in @($Organiser, 'x@y')) {}",
            "(foreach $u (@ (array $Organiser 'x@y')) (block))",
        ),
        (
            "FOREACH ($x in Get-X) { }",
            "(foreach $x (cmd Get-X) (block))",
        ),
        (
            "for ($i = 0; $i -lt 10; $i++) { }",
            "(for (= $i 0) (-lt $i 10) (post++ $i) (block))",
        ),
        ("for (;;) { break }", "(for _ _ _ (block (break)))"),
        (
            "while ($true) { continue }",
            "(while $true (block (continue)))",
        ),
        (
            "do { $i++ } while ($i -lt 3)",
            "(do-while (block (post++ $i)) (-lt $i 3))",
        ),
        ("do {\n} until ($done)", "(do-until (block) $done)"),
    ]);
}

#[test]
fn rejects_bad_loops() {
    reject(&[
        (
            "foreach",
            "MissingOpenParenthesisAfterKeyword",
            1,
            8,
            true,
            "Missing opening '(' after keyword 'foreach'.",
        ),
        (
            "foreach (",
            "MissingVariableNameAfterForeach",
            1,
            10,
            true,
            "Missing variable name after foreach.\nThe correct form is: foreach ($a in $b) {...}",
        ),
        (
            "foreach ($a",
            "MissingInInForeach",
            1,
            12,
            true,
            "Missing 'in' after variable in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        ),
        (
            "foreach ($a in",
            "MissingForeachExpression",
            1,
            15,
            true,
            "Missing expression in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        ),
        (
            "foreach ($a in $b",
            "MissingEndParenthesisAfterForeach",
            1,
            18,
            true,
            "Missing closing ')' after expression part of foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        ),
        (
            "foreach ($a in $b)",
            "MissingForeachStatement",
            1,
            19,
            true,
            "Missing statement body in foreach loop.\nThe correct form is: foreach ($a in $b) {...}",
        ),
        (
            "foreach -x ($a in $b) {}",
            "InvalidForeachFlag",
            1,
            9,
            false,
            "The parameter x is not valid for the foreach statement.",
        ),
        (
            "for(",
            "MissingEndParenthesisAfterStatement",
            1,
            5,
            true,
            "Missing closing ')' after expression in 'for' statement.",
        ),
        (
            "for($a;$b;$c)",
            "MissingLoopStatement",
            1,
            14,
            true,
            "Missing statement body in for loop.",
        ),
        (
            "while",
            "MissingOpenParenthesisAfterKeyword",
            1,
            6,
            true,
            "Missing opening '(' after keyword 'while'.",
        ),
        (
            "while ()",
            "MissingExpressionAfterKeyword",
            1,
            8,
            false,
            "Missing expression after 'while' in loop.",
        ),
        (
            "while ($a) ",
            "MissingLoopStatement",
            1,
            11,
            true,
            "Missing statement body in while loop.",
        ),
        (
            "do",
            "MissingLoopStatement",
            1,
            3,
            true,
            "Missing statement body in do loop.",
        ),
        (
            "do {}",
            "MissingWhileOrUntilInDoWhile",
            1,
            6,
            true,
            "Missing while or until keyword in do loop.",
        ),
        (
            "do {} until",
            "MissingOpenParenthesisAfterKeyword",
            1,
            12,
            true,
            "Missing opening '(' after keyword 'until'.",
        ),
        (
            "do {} while ($a",
            "MissingEndParenthesisAfterStatement",
            1,
            16,
            true,
            "Missing closing ')' after expression in 'while' statement.",
        ),
    ]);
}

#[test]
fn parses_switch() {
    accept(&[
        (
            "switch ($x) { 'a' { 1 } 5 { 2 } {$_ -gt 1} { 3 } default { 4 } }",
            "(switch $x (case 'a' (block 1)) (case 5 (block 2)) (case (sb (-gt $_ 1)) (block 3)) (default (block 4)))",
        ),
        (
            "switch -regex ($x) { '^a' { 1 } }",
            "(switch -regex $x (case '^a' (block 1)))",
        ),
        (
            "switch -Wildcard -CaseSensitive ($x) {\n  Test* { 1 }\n  bare { 2 }\n}",
            r#"(switch -wildcard -casesensitive $x (case b"Test*" (block 1)) (case b"bare" (block 2)))"#,
        ),
        (
            "switch -exact ($x) { a {} }",
            r#"(switch -exact $x (case b"a" (block)))"#,
        ),
        (
            "switch ($x) {\n  $y { 1 }; (1+1) { 2 }\n}",
            "(switch $x (case $y (block 1)) (case (paren (+ 1 1)) (block 2)))",
        ),
    ]);
}

#[test]
fn rejects_bad_switch() {
    reject(&[
        (
            "switch",
            "PipelineValueRequired",
            1,
            7,
            true,
            "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
        ),
        (
            "switch ($x",
            "MissingEndParenthesisInSwitchStatement",
            1,
            11,
            true,
            "Missing ')' after expression in switch statement.",
        ),
        (
            "switch ($x)",
            "MissingCurlyBraceInSwitchStatement",
            1,
            12,
            true,
            "Missing '{' in switch statement.",
        ),
        (
            "switch ($x) { a }",
            "MissingSwitchStatementClause",
            1,
            16,
            false,
            "Missing statement block in switch statement clause.",
        ),
        (
            "switch ($x) { a {} ",
            "MissingEndCurlyBrace",
            1,
            13,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "switch ($x) { default {} default {} }",
            "MultipleSwitchDefaultClauses",
            1,
            26,
            false,
            "A switch statement can have only one default clause.",
        ),
        (
            "switch -bogus ($x) {}",
            "InvalidSwitchFlag",
            1,
            8,
            false,
            "The parameter bogus is not valid for the switch statement.",
        ),
    ]);
}

#[test]
fn parses_functions_and_param_blocks() {
    accept(&[
        (
            "function Get-Thing { 'x' }",
            "(function Get-Thing (sb 'x'))",
        ),
        (
            "function Name { param($a) $a }",
            "(function Name (sb (param $a) (end $a)))",
        ),
        (
            "function Name($a, [string]$b = 'x') { }",
            "(function Name (params $a ([string] $b = 'x')) (sb))",
        ),
        (
            "function Write-Ok([string]$msg) { Write-Host \"  ✓ $msg\" }",
            r#"(function Write-Ok (params ([string] $msg)) (sb (cmd Write-Host (dq "  ✓ " $msg))))"#,
        ),
        ("Function f\n{\n}", "(function f (sb))"),
        (
            "filter Only-Big { if ($_ -gt 1) { $_ } }",
            "(filter Only-Big (sb (if (clause (-gt $_ 1) (block $_)))))",
        ),
        (
            "function f { begin {} process { $_ } }",
            "(function f (sb (begin) (process $_)))",
        ),
        (
            "[CmdletBinding()]\nparam([Parameter(Mandatory)][string]$Name, [switch]$Force)\n$Name",
            "(attr CmdletBinding) (param ((attr Parameter Mandatory) [string] $Name) ([switch] $Force)) (end $Name)",
        ),
        (
            "param(\n  [Parameter(Mandatory=$true, Position=0, ValueFromPipeline=$true, HelpMessage=\"Id\")]\n  [ValidateNotNullOrEmpty()]\n  [guid]$Id\n)",
            r#"(param ((attr Parameter (Mandatory= $true) (Position= 0) (ValueFromPipeline= $true) (HelpMessage= "Id")) (attr ValidateNotNullOrEmpty) [guid] $Id)) (end)"#,
        ),
        (
            "param([ValidateSet('a','b')][Alias('x')][string[]]$Names, [int]$N = 2, [pscredential]$C, $D = $env:X, $E = (Get-Date))",
            "(param ((attr ValidateSet 'a' 'b') (attr Alias 'x') [string[]] $Names) ([int] $N = 2) ([pscredential] $C) ($D = $env:X) ($E = (paren (cmd Get-Date)))) (end)",
        ),
        (
            "[CmdletBinding(SupportsShouldProcess)]\n[OutputType([string])]\nparam()",
            "(attr CmdletBinding SupportsShouldProcess) (attr OutputType [string]) (param) (end)",
        ),
        (
            "<#\n.SYNOPSIS\n  Help\n#>\nfunction f {\n  <#\n  .DESCRIPTION\n  #>\n  param($a)\n}",
            "(function f (sb (param $a) (end)))",
        ),
    ]);
}

#[test]
fn rejects_bad_functions() {
    reject(&[
        (
            "function",
            "MissingNameAfterKeyword",
            1,
            9,
            true,
            "Missing name after function keyword.",
        ),
        (
            "function f",
            "MissingFunctionBody",
            1,
            11,
            true,
            "Missing function body in function declaration.",
        ),
        (
            "function f(",
            "MissingEndParenthesisInFunctionParameterList",
            1,
            12,
            true,
            "Missing ')' in function parameter list.",
        ),
        (
            "function f($a,) {}",
            "MissingExpressionAfterToken",
            1,
            15,
            false,
            "Missing expression after ','.",
        ),
        (
            "function f($a, $a) {}",
            "DuplicateFormalParameter",
            1,
            16,
            false,
            "Duplicate parameter $a in parameter list.",
        ),
        (
            "function f($a) { param($b) }",
            "OnlyOneParameterListAllowed",
            1,
            18,
            false,
            "The param statement cannot be used if arguments were specified in the function declaration.",
        ),
        (
            "param([string])",
            "InvalidFunctionParameter",
            1,
            15,
            false,
            "Parameter declarations are a comma-separated list of variable names with optional initializer expressions.",
        ),
        (
            "param($a",
            "MissingEndParenthesisInFunctionParameterList",
            1,
            9,
            true,
            "Missing ')' in function parameter list.",
        ),
        (
            "[string]\nparam($a)",
            "TypeNotAllowedBeforeParam",
            1,
            1,
            false,
            "Unexpected type [string] was found in the parameter statement.",
        ),
    ]);
}

#[test]
fn parses_try_catch_finally() {
    accept(&[
        ("try { 1 } catch { 2 }", "(try (block 1) (catch (block 2)))"),
        (
            "try { 1 } finally { 2 }",
            "(try (block 1) (finally (block 2)))",
        ),
        (
            "try { 1 }\ncatch [System.Net.WebException], [IO.IOException] { 2 }\ncatch { 3 }\nfinally { 4 }",
            "(try (block 1) (catch [System.Net.WebException] [IO.IOException] (block 2)) (catch (block 3)) (finally (block 4)))",
        ),
        (
            "try { Grant-X -ErrorAction Stop } catch { Write-Host \"…$($_.Exception.Message)\" }",
            r#"(try (block (cmd Grant-X (-ErrorAction) b"Stop")) (catch (block (cmd Write-Host (dq "…" ($ (. (. $_ Exception) Message)))))))"#,
        ),
    ]);
}

#[test]
fn parses_trap() {
    accept(&[
        ("trap { continue }", "(trap (block (continue)))"),
        (
            "trap [System.Management.Automation.CommandNotFoundException] { \"x\"; break }\nGet-X",
            r#"(trap [System.Management.Automation.CommandNotFoundException] (block "x" (break))) (cmd Get-X)"#,
        ),
        ("trap\n{ 1 }", "(trap (block 1))"),
    ]);
}

#[test]
fn rejects_bad_trap() {
    // PowerShell's own parser tests (Parser.Tests.ps1): MissingTrapStatement after `trap`
    // and after `trap [int]`.
    reject(&[
        (
            "trap",
            "MissingTrapStatement",
            1,
            5,
            true,
            "The 'trap' statement was incomplete. A trap statement requires a body.",
        ),
        (
            "trap [int]",
            "MissingTrapStatement",
            1,
            11,
            true,
            "The 'trap' statement was incomplete. A trap statement requires a body.",
        ),
    ]);
}

#[test]
fn rejects_bad_try() {
    reject(&[
        (
            "try { } catch [ { }\n'y'",
            "MissingTypename",
            1,
            16,
            false,
            "Missing type name after '['.",
        ),
        (
            "try",
            "MissingTryStatementBlock",
            1,
            4,
            true,
            "The Try statement is missing its statement block.",
        ),
        (
            "try {}",
            "MissingCatchOrFinally",
            1,
            7,
            true,
            "The Try statement is missing its Catch or Finally block.",
        ),
        (
            "try {}\n$x",
            "MissingCatchOrFinally",
            1,
            7,
            false,
            "The Try statement is missing its Catch or Finally block.",
        ),
        (
            "try {} catch",
            "MissingCatchHandlerBlock",
            1,
            13,
            true,
            "The Catch block is missing its statement block.",
        ),
        (
            "try {} catch [A],",
            "MissingTypeLiteralToken",
            1,
            18,
            true,
            "Missing type literal.",
        ),
        (
            "try {} finally",
            "MissingFinallyStatementBlock",
            1,
            15,
            true,
            "The Finally block is missing its statement block.",
        ),
        (
            // Just before the clause that follows the catch-all (pwsh 7.6).
            "try {} catch {} catch [A] {}",
            "EmptyCatchNotLast",
            1,
            16,
            false,
            "Catch block must be the last catch block.",
        ),
    ]);
}

#[test]
fn parses_flow_control_and_labels() {
    accept(&[
        ("throw", "(throw)"),
        ("throw \"msg\"", r#"(throw "msg")"#),
        ("return; return $x", "(return) (return $x)"),
        ("exit; exit 1", "(exit) (exit 1)"),
        (
            "break; continue; break outer",
            "(break) (continue) (break outer)",
        ),
        // A label computed when the statement runs.
        ("break (1 + 1)", "(break (paren (+ 1 1)))"),
        ("continue $l", "(continue $l)"),
        (
            ":outer foreach ($a in $b) { continue outer }",
            "(foreach :outer $a $b (block (continue outer)))",
        ),
        (
            ":loop while ($true) { break loop }",
            "(while :loop $true (block (break loop)))",
        ),
        (
            ":l for (;;) {}; :s switch (1) { 1 {} }; :d do {} while (0)",
            "(for :l _ _ _ (block)) (switch :s 1 (case 1 (block))) (do-while :d (block) 0)",
        ),
        ("throw $_", "(throw $_)"),
        ("if ($x) { return }", "(if (clause $x (block (return))))"),
    ]);
}

#[test]
fn keywords_are_case_insensitive() {
    accept(&[
        (
            "IF ($a) {} ELSE {}",
            "(if (clause $a (block)) (else (block)))",
        ),
        ("ForEach ($a in $b) {}", "(foreach $a $b (block))"),
        ("FUNCTION F {}", "(function F (sb))"),
        (
            "Try {} Catch {} Finally {}",
            "(try (block) (catch (block)) (finally (block)))",
        ),
        ("foreach-object { $_ }", "(cmd foreach-object (sb $_))"),
    ]);
}

#[test]
fn rejects_unexpected_tokens() {
    reject(&[
        (
            ")",
            "UnexpectedToken",
            1,
            1,
            false,
            "Unexpected token ')' in expression or statement.",
        ),
        (
            "}",
            "UnexpectedToken",
            1,
            1,
            false,
            "Unexpected token '}' in expression or statement.",
        ),
        (
            "$a $b",
            "UnexpectedToken",
            1,
            4,
            false,
            "Unexpected token '$b' in expression or statement.",
        ),
        (
            "'a' 'b'",
            "UnexpectedToken",
            1,
            5,
            false,
            "Unexpected token ''b'' in expression or statement.",
        ),
    ]);
}

#[test]
fn parses_enums_and_classes() {
    accept(&[
        ("enum E { A; B = 5; C }", "(enum E A (B 5) C)"),
        (
            "[Flags()] enum P : byte {\n  None = 0\n  Read = 1 -shl 0\n}",
            "(enum P : byte [Flags] (None 0) (Read (-shl 1 0)))",
        ),
        ("enum\nE\n{\n}", "(enum E)"),
        (
            "class C { [int]$X = 1; hidden static [string]$S; $Any }",
            "(class C (prop [int] $X = 1) (prop static hidden [string] $S) (prop $Any))",
        ),
        (
            "class C : B { C([int]$x) : base($x, 2) { } [void] M() { } static [int] N($a) { return $a } }",
            "(class C : B (ctor C ($x) (base $x 2)) (method [void] M ()) (method static [int] N ($a)))",
        ),
        (
            "class D { [string] ToString() { return 'd' } }\n[D]::new()",
            "(class D (method [string] ToString ())) (call:: [D] new)",
        ),
    ]);
}

#[test]
fn rejects_bad_enums_and_classes() {
    reject(&[
        (
            "enum",
            "MissingNameAfterKeyword",
            1,
            5,
            true,
            "Missing name after enum keyword.",
        ),
        (
            "class { }",
            "MissingNameAfterKeyword",
            1,
            6,
            false,
            "Missing name after class keyword.",
        ),
        (
            "enum E A",
            "MissingTypeBody",
            1,
            7,
            false,
            "Missing 'enum' body in 'enum' declaration.",
        ),
        (
            "enum E {",
            "MissingEndCurlyBrace",
            1,
            9,
            true,
            "Missing closing '}' in statement block or type definition.",
        ),
        (
            "enum E { A, B }",
            "MissingPropertyTerminator",
            1,
            11,
            false,
            "Missing ';' or end-of-line in property definition.",
        ),
        (
            "enum E : string { A }",
            "InvalidUnderlyingType",
            1,
            10,
            false,
            "'string' is not a valid underlying type for enums. Expected a builtin integral type (one of byte, sbyte, short, ushort, int, uint, long or ulong)",
        ),
        (
            "enum E { A; a }",
            "MemberAlreadyDefined",
            1,
            13,
            false,
            "The member 'a' is already defined.",
        ),
        (
            "enum E { A = $x }",
            "EnumeratorValueMustBeConstant",
            1,
            14,
            false,
            "Enumerator value must be a constant value.",
        ),
        (
            "enum E { A = 'x' }",
            "CannotConvertValue",
            1,
            14,
            false,
            "Cannot convert the value to type \"int\".",
        ),
        (
            "enum E : byte { A = 256 }",
            "EnumeratorValueOutOfBounds",
            1,
            21,
            false,
            "Enumerator value is either too large or too small for byte.",
        ),
        (
            "enum E { A }\nenum E { B }",
            "MemberAlreadyDefined",
            2,
            1,
            false,
            "The member 'E' is already defined.",
        ),
        (
            "class C { $a; $A }",
            "MemberAlreadyDefined",
            1,
            15,
            false,
            "The member 'A' is already defined.",
        ),
        (
            "class C { [int] F() { } }",
            "MethodHasCodePathNotReturn",
            1,
            17,
            false,
            "Not all code path returns value within method.",
        ),
        (
            "class C { [int] F($b) { if ($b) { return 1 } } }",
            "MethodHasCodePathNotReturn",
            1,
            17,
            false,
            "Not all code path returns value within method.",
        ),
        (
            "class C { [void] F() { return 1 } }",
            "VoidMethodHasReturn",
            1,
            24,
            false,
            "Invalid return statement within void method.",
        ),
        (
            "class C { [int] F() { return } }",
            "NonVoidMethodMissingReturnValue",
            1,
            23,
            false,
            "Invalid return statement within non-void method.",
        ),
        (
            "class C { static }",
            "IncompleteMemberDefinition",
            1,
            17,
            false,
            "Missing a property name or method definition.",
        ),
        (
            "class C { F { } }",
            "MissingMethodParameterList",
            1,
            12,
            false,
            "Missing '(' in class method parameter list.",
        ),
        (
            "class C { C() : { } }",
            "MissingBaseCtorCall",
            1,
            16,
            false,
            "Missing 'base' after ':' in a base class constructor call.",
        ),
        (
            "class C { [int][string]$a }",
            "TooManyTypes",
            1,
            16,
            false,
            "Only one type may be specified on class members.",
        ),
    ]);
    // A method's body is checked like a function's; a method returning on every path is fine.
    assert!(dump("class C { [int] F($b) { if ($b) { return 1 } else { throw 'x' } } }").is_ok());
    assert!(dump("class C { [int] F() { try { return 1 } finally { } } }").is_ok());
}

#[test]
fn rejects_not_emulated_syntax() {
    reject(&[
        (
            "using module Foo",
            "NotEmulatedOffline",
            1,
            1,
            false,
            "The 'using module' syntax is not emulated by this offline shell.",
        ),
        (
            "using assembly x.dll",
            "NotEmulatedOffline",
            1,
            1,
            false,
            "The 'using assembly' syntax is not emulated by this offline shell.",
        ),
        (
            "Get-X &",
            "NotEmulatedOffline",
            1,
            7,
            false,
            "The '&' syntax is not emulated by this offline shell.",
        ),
        (
            "var",
            "ReservedKeywordNotAllowed",
            1,
            1,
            false,
            "The 'var' keyword is not supported in this version of the language.",
        ),
    ]);
}

/// PowerShell's own Parser.Tests.ps1 cases: incomplete input asks for more, invalid input is
/// reported at once.
#[test]
fn incomplete_versus_invalid() {
    let incomplete = [
        "\"This is a test",
        "(",
        "(1+ 1),",
        "if (\"true\")",
        "if (\"true\") {",
        "Get-X `",
        "Get-X |",
        "@{",
        "@'\nabc",
        "<# ...",
        "function f {",
        "try {}",
        "$x = @(",
        "foreach ($a in $b) {\n  Get-X",
        "$x = 1 +",
        "Get-X -A $a,",
        "Get-X # comment after error point? no: missing brace follows {",
    ];
    for input in incomplete.iter().take(incomplete.len() - 1) {
        let errs = dump(input).expect_err(input);
        assert!(
            errs.is_incomplete(),
            "{input:?} should be incomplete: {:?}",
            errs.errors
        );
    }
    for input in [
        "| get-location",
        "1;2;3|3",
        "Get-X -Name:",
        "(1 2",
        "if ($a) 1",
        "@{ a",
        "Grant-X <APP_ID>",
        "try {}\n$x",
    ] {
        let errs = dump(input).expect_err(input);
        assert!(
            !errs.is_incomplete(),
            "{input:?} should be invalid: {:?}",
            errs.errors
        );
    }
    // Only whitespace and comments may follow the point where more input was expected.
    assert!(
        dump("if ($a) { # more to come")
            .expect_err("x")
            .is_incomplete()
    );
    assert!(dump("if ($a) { <# more #>").expect_err("x").is_incomplete());
}

#[test]
fn reports_at_most_ten_errors() {
    let input = ")\n".repeat(15);
    let errs = dump(&input).unwrap_err();
    assert_eq!(errs.errors.len(), 11);
    assert!(errs.errors[..10].iter().all(|e| e.id == "UnexpectedToken"));
    assert_eq!(errs.errors[10].id, "TooManyErrors");
    assert_eq!(
        errs.errors[10].message,
        "Not all parse errors were reported.  Correct the reported errors and try again."
    );
}

#[test]
fn errors_are_collected_in_order_and_deduplicated() {
    assert_eq!(
        error_ids("Get-X <A>\n$x = ;\n@{ a }"),
        vec![
            "RedirectionNotSupported",
            "ExpectedValueExpression",
            "MissingEqualsInHashLiteral"
        ]
    );
    assert_eq!(
        error_ids("("),
        vec!["ExpectedExpression", "MissingEndParenthesisInExpression"]
    );
}

#[test]
fn nesting_limit() {
    for (open, close) in [
        ("(", ")"),
        ("{", "}"),
        ("@(", ")"),
        ("$(", ")"),
        ("@{a=", "}"),
    ] {
        let ok = format!("{}1{}", open.repeat(100), close.repeat(100));
        assert!(dump(&ok).is_ok(), "100 levels of {open} must parse");
        let deep = format!("{}1{}", open.repeat(101), close.repeat(101));
        let errs = dump(&deep).unwrap_err();
        assert_eq!(errs.errors[0].id, "ScriptTooComplicated", "{open}");
        assert_eq!(
            errs.errors[0].message,
            "Processing was stopped because the script is too complex."
        );
        assert_eq!(errs.errors.len(), 1);
    }
    for deep in [
        "-".repeat(300) + "1",
        "!".repeat(300) + "$x",
        "$a".to_string() + &".b".repeat(300),
        "1".to_string() + &"+1".repeat(300),
        "[int]".repeat(300) + "$x",
        "\"$(".repeat(150) + &")\"".repeat(150),
        "if ($x) {".repeat(150),
        "$a = ".repeat(300) + "1",
        "[a[".repeat(300),
    ] {
        let errs = dump(&deep).unwrap_err();
        assert!(
            errs.errors.iter().any(|e| e.id == "ScriptTooComplicated"),
            "{:?}",
            errs.errors
        );
    }
}

/// The real-script patterns of usage.md §3 (A–G).
#[test]
fn parses_usage_patterns() {
    accept(&[
        // A1, A5, A13
        (
            r#"New-CsApplicationAccessPolicy -Identity "Bookme-Policy-$Environment" -AppIds "$AppRegistrationId" -Description "…""#,
            r#"(cmd New-CsApplicationAccessPolicy (-Identity) (dq "Bookme-Policy-" $Environment) (-AppIds) (dq $AppRegistrationId) (-Description) "…")"#,
        ),
        // A4
        (
            "Grant-X -Identity 'Meeting-Diagnostics' -AppIds '<ClientId>'",
            "(cmd Grant-X (-Identity) 'Meeting-Diagnostics' (-AppIds) '<ClientId>')",
        ),
        // A9, A12
        (
            "Grant-CsApplicationAccessPolicy -Identity $oid -PolicyName $p",
            "(cmd Grant-CsApplicationAccessPolicy (-Identity) $oid (-PolicyName) $p)",
        ),
        // A10
        (
            "if (Get-X -ErrorAction SilentlyContinue) { Set-X } else { New-X }; Get-Y",
            r#"(if (clause (cmd Get-X (-ErrorAction) b"SilentlyContinue") (block (cmd Set-X))) (else (block (cmd New-X)))) (cmd Get-Y)"#,
        ),
        // B3
        (
            "$appId = $env:TEAMS_POLICY_APP_ID",
            "(= $appId $env:TEAMS_POLICY_APP_ID)",
        ),
        // B5
        (
            "Set-X -AppIds ($existingAppIds + $AppId)",
            "(cmd Set-X (-AppIds) (paren (+ $existingAppIds $AppId)))",
        ),
        // B6
        (
            "Set-X -AppIds @{Remove='a'}",
            r#"(cmd Set-X (-AppIds) (hash (b"Remove" 'a')))"#,
        ),
        // B9
        (
            r#"Grant-X -UserPrincipalNames "a@x","b@x""#,
            r#"(cmd Grant-X (-UserPrincipalNames) (array "a@x" "b@x"))"#,
        ),
        // C1
        (
            "$p = Get-CsApplicationAccessPolicy -Identity $n -ErrorAction SilentlyContinue; if ($p) {Set-X} else {New-X}",
            r#"(= $p (cmd Get-CsApplicationAccessPolicy (-Identity) $n (-ErrorAction) b"SilentlyContinue")) (if (clause $p (block (cmd Set-X))) (else (block (cmd New-X))))"#,
        ),
        // C4
        (
            "$ErrorActionPreference = \"Stop\"",
            r#"(= $ErrorActionPreference "Stop")"#,
        ),
        // C6
        (
            "if ($_.Exception.Message -match 'already exists') { } else { throw }",
            "(if (clause (-match (. (. $_ Exception) Message) 'already exists') (block)) (else (block (throw))))",
        ),
        // D: pipe into Out-Null, Select-Object, Where-Object
        (
            "Get-CsOnlineUser | Where-Object {$_.ApplicationAccessPolicy -eq \"X\"} | Select-Object -First 1",
            r#"(pipe (cmd Get-CsOnlineUser) (cmd Where-Object (sb (-eq (. $_ ApplicationAccessPolicy) "X"))) (cmd Select-Object (-First) 1))"#,
        ),
        // E3
        (
            "if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) { Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber }",
            r#"(if (clause (-not (paren (cmd Get-Module (-ListAvailable) (-Name) b"MicrosoftTeams"))) (block (cmd Install-Module b"MicrosoftTeams" (-Scope) b"CurrentUser" (-Force) (-AllowClobber)))))"#,
        ),
        // E4
        (
            "Set-StrictMode -Version Latest",
            r#"(cmd Set-StrictMode (-Version) b"Latest")"#,
        ),
        // E7
        (
            "Get-Content -Path $f | Where-Object { $_ -and $_.Trim().Length -gt 0 }",
            "(pipe (cmd Get-Content (-Path) $f) (cmd Where-Object (sb (-and $_ (-gt (. (call $_ Trim) Length) 0)))))",
        ),
        // E8
        (
            "$users = Import-Csv $File; foreach ($user in $users) { $upn = $user.UPN; write-host \"…\" $upn -ForegroundColor Green }",
            r#"(= $users (cmd Import-Csv $File)) (foreach $user $users (block (= $upn (. $user UPN)) (cmd write-host "…" $upn (-ForegroundColor) b"Green")))"#,
        ),
        // E10
        ("Get-X; Get-Y; Get-Z", "(cmd Get-X) (cmd Get-Y) (cmd Get-Z)"),
        // F2, F4, F6
        (
            "Connect-MicrosoftTeams -TenantId $TenantId",
            "(cmd Connect-MicrosoftTeams (-TenantId) $TenantId)",
        ),
        (
            "$cred = Get-Credential; Connect-MicrosoftTeams -Credential $cred",
            "(= $cred (cmd Get-Credential)) (cmd Connect-MicrosoftTeams (-Credential) $cred)",
        ),
        (
            "Connect-MicrosoftTeams -AccessTokens @($graphToken, $teamsToken)",
            "(cmd Connect-MicrosoftTeams (-AccessTokens) (@ (array $graphToken $teamsToken)))",
        ),
        // F8
        (
            "try { Get-CsTenant -ErrorAction Stop | Out-Null } catch { Connect-MicrosoftTeams }",
            r#"(try (block (pipe (cmd Get-CsTenant (-ErrorAction) b"Stop") (cmd Out-Null))) (catch (block (cmd Connect-MicrosoftTeams))))"#,
        ),
        // G1, G3, G5
        (
            "Get-CsOnlineUser -Identity $u | Select-Object DisplayName, UserPrincipalName, ApplicationAccessPolicy",
            r#"(pipe (cmd Get-CsOnlineUser (-Identity) $u) (cmd Select-Object (array b"DisplayName" b"UserPrincipalName" b"ApplicationAccessPolicy")))"#,
        ),
        (
            "Get-CsApplicationAccessPolicy -Identity Global",
            r#"(cmd Get-CsApplicationAccessPolicy (-Identity) b"Global")"#,
        ),
    ]);
}

#[test]
fn parses_fixture_scripts() {
    for name in ["setup-policy", "csv-grant-loop", "verify-and-report"] {
        let path = format!(
            "{}/tests/fixtures/parser/{name}.ps1",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).expect("fixture");
        let ast = parse_script(SourceFile::new(None, text))
            .unwrap_or_else(|e| panic!("{name}: {:?}", e.errors));
        assert!(
            ast.end.as_ref().is_some_and(|b| !b.statements.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn spans_point_at_source() {
    use aapsh::syntax::ast::{CommandElement, ElementKind, StatementKind};
    let src = SourceFile::new(None, "Get-X -Name:$v 'a'\n  | Out-Null");
    let ast = parse_script(src.clone()).expect("parses");
    let stmt = &ast.end.as_ref().expect("end").statements[0];
    assert_eq!(src.slice(stmt.span), "Get-X -Name:$v 'a'\n  | Out-Null");
    let StatementKind::Pipeline(p) = &stmt.kind else {
        panic!("pipeline")
    };
    let ElementKind::Command(c) = &p.elements[0].kind else {
        panic!("command")
    };
    assert_eq!(src.slice(c.span), "Get-X -Name:$v 'a'");
    assert_eq!(src.slice(c.name.span), "Get-X");
    let CommandElement::Parameter(param) = &c.elements[0] else {
        panic!("parameter")
    };
    assert_eq!(src.slice(param.span), "-Name:");
    assert_eq!(src.slice(param.argument.as_ref().expect("arg").span), "$v");
    let CommandElement::Argument(a) = &c.elements[1] else {
        panic!("argument")
    };
    assert_eq!(src.slice(a.span), "'a'");
    let sb = parse_script(SourceFile::new(None, "{ x }")).expect("parses");
    let StatementKind::Pipeline(p) = &sb.end.as_ref().expect("end").statements[0].kind else {
        panic!()
    };
    let ElementKind::Expression(e) = &p.elements[0].kind else {
        panic!()
    };
    let aapsh::syntax::ast::ExprKind::ScriptBlock(inner) = &e.kind else {
        panic!()
    };
    assert_eq!(inner.text(), " x ");
}

#[test]
fn parses_null_coalescing_and_ternary() {
    accept(&[
        ("$null ?? 'd'", "(?? $null 'd')"),
        ("$a ?? $b ?? 'c'", "(?? (?? $a $b) 'c')"),
        // `??` (precedence 7) binds looser than `+` and tighter than comparison.
        ("$a ?? 1 + 2", "(?? $a (+ 1 2))"),
        ("$a ?? 1 -eq 1", "(-eq (?? $a 1) 1)"),
        ("$a ??= 5", "(??= $a 5)"),
        ("$y = $null ?? 'default'", "(= $y (?? $null 'default'))"),
        ("$x -eq 3 ? 't' : 'f'", "(? (-eq $x 3) 't' 'f')"),
        ("$c ? 1 : $d ? 2 : 3", "(? $c 1 (? $d 2 3))"),
        ("$c ? $d ? 1 : 2 : 3", "(? $c (? $d 1 2) 3)"),
        ("$c -and $d ? 'y' : 'n'", "(? (-and $c $d) 'y' 'n')"),
        ("$c ?\n  'y' :\n  'n'", "(? $c 'y' 'n')"),
        ("$x = $c ? 1 : 2", "(= $x (? $c 1 2))"),
        ("f ($c ? 1 : 2)", "(cmd f (paren (? $c 1 2)))"),
        // `?` stays a variable-name character and the Where-Object alias.
        ("$a?", "$a?"),
        ("$a? ?? 1", "(?? $a? 1)"),
        ("1,2 | ? { $_ }", "(pipe (array 1 2) (cmd ? (sb $_)))"),
    ]);
}

#[test]
fn parses_null_conditional_access() {
    accept(&[
        ("${a}?.Length", "(?. $a Length)"),
        ("${a}?.ToString()", "(call?. $a ToString)"),
        ("${a}?[0]", "(index? $a 0)"),
        ("${a}?.b.c", "(. (?. $a b) c)"),
        ("${a}?[0]?.x", "(?. (index? $a 0) x)"),
        // Without braces `?` belongs to the name.
        ("$a?.Length", "(. $a? Length)"),
    ]);
}

#[test]
fn parses_pipeline_chains() {
    accept(&[
        ("Get-X && Get-Y", "(&& (cmd Get-X) (cmd Get-Y))"),
        (
            "a || Write-Warning 'failed'",
            "(|| (cmd a) (cmd Write-Warning 'failed'))",
        ),
        ("a && b || c", "(|| (&& (cmd a) (cmd b)) (cmd c))"),
        (
            "a | b && c 2>&1",
            "(&& (pipe (cmd a) (cmd b)) (cmd c (redir 2>&1)))",
        ),
        ("a &&\n b", "(&& (cmd a) (cmd b))"),
        ("$x = a && b", "(= $x (&& (cmd a) (cmd b)))"),
        (
            "if ($t) { a || b }",
            "(if (clause $t (block (|| (cmd a) (cmd b)))))",
        ),
        ("1 && 2", "(&& 1 2)"),
        ("& a && & b", "(&& (cmd & b\"a\") (cmd & b\"b\"))"),
        ("$c -and $d && e", "(&& (-and $c $d) (cmd e))"),
    ]);
}

#[test]
fn parses_using_namespace() {
    accept(&[
        (
            "using namespace System.Collections.Generic\n[List[string]]::new()",
            "(using namespace System.Collections.Generic) (call:: [List[string]] new)",
        ),
        (
            "# header\nusing namespace A.B; using namespace C\n1",
            "(using namespace A.B) (using namespace C) 1",
        ),
    ]);
}

#[test]
fn rejects_malformed_pwsh7_operators() {
    reject(&[
        (
            "$a ??",
            "ExpectedValueExpression",
            1,
            6,
            true,
            "You must provide a value expression following the '??' operator.",
        ),
        (
            "$a ? 1",
            "MissingColonInTernaryExpression",
            1,
            7,
            true,
            "Missing ':' in the ternary expression.",
        ),
        (
            "$a ? 1 ; 2",
            "MissingColonInTernaryExpression",
            1,
            8,
            false,
            "Missing ':' in the ternary expression.",
        ),
        (
            "$a ?",
            "ExpectedValueExpression",
            1,
            5,
            true,
            "You must provide a value expression following the '?' operator.",
        ),
        (
            "$a ? 1 :",
            "ExpectedValueExpression",
            1,
            9,
            true,
            "You must provide a value expression following the ':' operator.",
        ),
        (
            "$a ??=",
            "ExpectedValueExpression",
            1,
            7,
            true,
            "You must provide a value expression following the '??=' operator.",
        ),
        (
            "Get-X &&",
            "EmptyPipelineChainElement",
            1,
            9,
            true,
            "A pipeline chain operator must be followed by a pipeline.",
        ),
        (
            "Get-X || # more",
            "EmptyPipelineChainElement",
            1,
            9,
            true,
            "A pipeline chain operator must be followed by a pipeline.",
        ),
        (
            "Get-X && )",
            "EmptyPipelineChainElement",
            1,
            7,
            false,
            "A pipeline chain operator must be followed by a pipeline.",
        ),
        (
            "Get-X & && Get-Y",
            "BackgroundOperatorInPipelineChain",
            1,
            9,
            false,
            "Background operators can only be used at the end of a pipeline chain.",
        ),
        (
            "1\nusing namespace X",
            "UsingMustBeAtStartOfScript",
            2,
            1,
            false,
            "A 'using' statement must appear before any other statements in a script.",
        ),
        (
            // pwsh 7.6 first wants the using statement's terminator, then reports the place.
            "{ using namespace X }",
            "MissingStatementTerminator",
            1,
            21,
            true,
            "Missing a newline or semicolon.",
        ),
        (
            "using namespace",
            "MissingUsingItemName",
            1,
            16,
            true,
            "Missing using name",
        ),
    ]);
}

/// `data [name] [-SupportedCommand a, b] { }` and the restricted-language check of its body
/// (messages, ids and positions as pwsh 7.6.10 reports them).
#[test]
fn parses_data_sections() {
    accept(&[
        ("data { 'a'; 1 }", "(data (block 'a' 1))"),
        ("data Msgs { 'a' }", "(data :Msgs (block 'a'))"),
        (
            "data -SupportedCommand Get-Date, Format-X { Get-Date }",
            "(data (supported b\"Get-Date\") (supported b\"Format-X\") (block (cmd Get-Date)))",
        ),
        (
            "$t = data { ConvertFrom-StringData 'a = 1' }",
            "(= $t (data (block (cmd ConvertFrom-StringData 'a = 1'))))",
        ),
        (
            "data { [int]'5'; @{a=1}; if ($true) { 't' } else { 'f' }; \"$PSCulture $(1+1)\" }",
            "(data (block (cast [int] '5') (hash (b\"a\" 1)) (if (clause $true (block 't')) (else (block 'f'))) (dq $PSCulture \" \" ($ (+ 1 1)))))",
        ),
        // A supported command given by a variable lets any command through.
        (
            "data -SupportedCommand $c { Get-Date }",
            "(data (supported $c) (block (cmd Get-Date)))",
        ),
    ]);
    reject(&[
        (
            "data { Get-Date }",
            "CmdletNotInAllowedListForDataSection",
            1,
            8,
            false,
            "The command 'Get-Date' is not allowed in restricted language mode or a Data section.",
        ),
        (
            "$d = data { $x = 1 }",
            "AssignmentStatementNotSupportedInDataSection",
            1,
            13,
            false,
            "Assignment statements are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { $y }",
            "VariableReferenceNotSupportedInDataSection",
            1,
            8,
            false,
            "A variable that cannot be referenced in restricted language mode or a Data section is being referenced. Variables that can be referenced include the following: $PSCulture, $PSUICulture, $true, $false, $null.",
        ),
        (
            "data { 1..3 }",
            "OperatorNotSupportedInDataSection",
            1,
            9,
            false,
            "The '..' operator is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { 'a' -Replace 'b' }",
            "OperatorNotSupportedInDataSection",
            1,
            12,
            false,
            "The '-replace' operator is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { [hashtable]@{} }",
            "TypeNotAllowedInDataSection",
            1,
            8,
            false,
            "The type hashtable is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { 'x'.Length }",
            "PropertyReferenceNotSupportedInDataSection",
            1,
            8,
            false,
            "Property references are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { 'x'.ToUpper() }",
            "MethodCallNotSupportedInDataSection",
            1,
            8,
            false,
            "Method calls are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { @(1)[0] }",
            "ArrayReferenceNotSupportedInDataSection",
            1,
            8,
            false,
            "Array references are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { {1} }",
            "ScriptBlockNotSupportedInDataSection",
            1,
            8,
            false,
            "Script block literals are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { 1 > $null }",
            "RedirectionNotSupportedInDataSection",
            1,
            10,
            false,
            "Redirection is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { & 'Get-Date' }",
            "CmdletNotInAllowedListForDataSection",
            1,
            8,
            false,
            "The command 'Get-Date' is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { . x }",
            "DotSourcingNotSupportedInDataSection",
            1,
            8,
            false,
            "Dot sourcing is not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { foreach ($i in 1) { } }",
            "ForeachStatementNotSupportedInDataSection",
            1,
            8,
            false,
            "Foreach statements are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { while (1) { } }",
            "ForWhileStatementNotSupportedInDataSection",
            1,
            8,
            false,
            "For and While statements are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { throw 'x' }",
            "FlowControlStatementNotSupportedInDataSection",
            1,
            8,
            false,
            "Flow control statements such as Break, Continue, Return, Exit, and Throw are not allowed in restricted language mode or a Data section.",
        ),
        (
            "data { data { } }",
            "DataSectionStatementNotSupportedInDataSection",
            1,
            8,
            false,
            "The data statement is not allowed in restricted language mode or another Data section.",
        ),
        (
            "data -Foo x { 1 }",
            "InvalidParameterForDataSectionStatement",
            1,
            6,
            false,
            "The \"Foo\" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.",
        ),
        (
            "data -SupportedCommand { 1 }",
            "MissingStatementBlockForDataSection",
            1,
            29,
            true,
            "The Data section is missing its statement block.",
        ),
        (
            "data n",
            "MissingStatementBlockForDataSection",
            1,
            7,
            true,
            "The Data section is missing its statement block.",
        ),
    ]);
}

/// An attribute may only stand before a variable (through casts): pwsh's
/// VisitAttributedExpression reports UnexpectedAttribute at the outermost attribute.
#[test]
fn rejects_attributes_before_values() {
    reject(&[
        (
            "[CmdletBinding()]\n'y'",
            "UnexpectedAttribute",
            1,
            1,
            false,
            "Unexpected attribute 'CmdletBinding'.",
        ),
        (
            "[Parameter()][int]5",
            "UnexpectedAttribute",
            1,
            1,
            false,
            "Unexpected attribute 'Parameter'.",
        ),
        (
            "[ValidateNotNull()][int]$x = 1",
            "NotEmulatedOffline",
            1,
            1,
            false,
            "The '[ValidateNotNull()]' syntax is not emulated by this offline shell.",
        ),
    ]);
}
