//! The parameter binder, table-driven: command-line arguments → parameter set and bound values,
//! or pwsh's ErrorId and what it underlines. Plus a property test: random arguments never panic.

use aapsh::runtime::Value;
use aapsh::runtime::binder::{CommandArg, bind_arguments, bind_record, missing_mandatory};
use aapsh::syntax::Span;
use proptest::prelude::*;

/// `-Name` → parameter, `-Name:value` → parameter with a colon value, anything else → a string.
fn args(words: &[&str]) -> Vec<CommandArg> {
    let mut offset = 0;
    words
        .iter()
        .map(|w| {
            let span = Span::new(offset, offset + w.len());
            offset += w.len() + 1;
            if let Some(rest) = w.strip_prefix('-')
                && rest.chars().next().is_some_and(|c| c.is_alphabetic())
            {
                let (name, value) = match rest.split_once(':') {
                    Some((n, v)) => (n, Some((word_value(v), span))),
                    None => (rest, None),
                };
                CommandArg::Param {
                    name: name.to_string(),
                    span,
                    colon_value: value,
                }
            } else {
                CommandArg::Value {
                    value: word_value(w),
                    span,
                }
            }
        })
        .collect()
}

fn word_value(w: &str) -> Value {
    match w {
        "$null" => Value::Null,
        "$true" => Value::Bool(true),
        "$false" => Value::Bool(false),
        _ => Value::str(w),
    }
}

/// Binds and describes the outcome: `set: Name=value ...` or `error: Id @start..end`.
fn bind(cmd: &str, words: &[&str]) -> String {
    let table = aapsh::cmdlets::command_table();
    let def = table.get(cmd).expect("command exists");
    match bind_arguments(&def, args(words), false) {
        Ok(b) if !missing_mandatory(&def, &b).is_empty() => {
            "error: MissingMandatoryParameter".to_string()
        }
        Ok(b) => {
            let mut parts: Vec<String> = b
                .iter()
                .map(|(n, v)| format!("{n}={}", v.to_ps_string()))
                .collect();
            parts.sort();
            format!("{}: {}", b.set, parts.join(" "))
        }
        Err(f) => match f.span {
            Some(s) => format!("error: {} @{}..{}", f.record.error_id, s.start, s.end),
            None => format!("error: {}", f.record.error_id),
        },
    }
}

#[test]
fn binding_table() {
    let grant = "Grant-CsApplicationAccessPolicy";
    let new = "New-CsApplicationAccessPolicy";
    let get = "Get-CsApplicationAccessPolicy";
    let set = "Set-CsApplicationAccessPolicy";
    let remove = "Remove-CsApplicationAccessPolicy";
    let cases: &[(&str, &[&str], &str)] = &[
        // Named, any case, unique prefixes, aliases.
        (new, &["-Identity", "A"], "__AllParameterSets: Identity=A"),
        (
            new,
            &["-iDeNtItY", "A", "-desc", "d"],
            "__AllParameterSets: Description=d Identity=A",
        ),
        (set, &["-De", "x"], "__AllParameterSets: Description=x"),
        (
            new,
            &["-Identity", "A", "-wi"],
            "__AllParameterSets: Identity=A WhatIf=True",
        ),
        (
            get,
            &["-Identity", "A", "-ea", "stop"],
            "Identity: ErrorAction=Stop Identity=A",
        ),
        // Positional.
        (remove, &["A"], "__AllParameterSets: Identity=A"),
        (get, &["A"], "Identity: Identity=A"),
        (
            grant,
            &["user1", "Pol"],
            "Identity: Identity=user1 PolicyName=Pol",
        ),
        (
            grant,
            &["-Global", "Pol"],
            "GrantToTenant: Global=True PolicyName=Pol",
        ),
        // Parameter sets.
        (grant, &["-PolicyName", "P"], "GrantToTenant: PolicyName=P"),
        (
            grant,
            &["-PolicyName", "P", "-Group", "G", "-Rank", "2"],
            "GrantToGroup: Group=G PolicyName=P Rank=2",
        ),
        (
            grant,
            &["-PolicyName", "$null", "-Identity", "u"],
            "Identity: Identity=u PolicyName=",
        ),
        (get, &["-Filter", "tag:*"], "Filter: Filter=tag:*"),
        // Switches with a colon value.
        (
            grant,
            &["-Global:$false", "-PolicyName", "P"],
            "GrantToTenant: Global=False PolicyName=P",
        ),
        // Errors and what they underline (the parameter token, or the whole command).
        (
            new,
            &["-Identity", "A", "-Foo", "x"],
            "error: NamedParameterNotFound @12..16",
        ),
        (grant, &["-P", "x"], "error: AmbiguousParameter @0..2"),
        (get, &["-Identity"], "error: MissingArgument @0..9"),
        (
            new,
            &["-Identity", "-Description", "d"],
            "error: MissingArgument @0..9",
        ),
        (
            new,
            &["-Identity", "A", "-Identity", "B"],
            "error: ParameterAlreadyBound @12..21",
        ),
        (remove, &["A", "B"], "error: PositionalParameterNotFound"),
        (
            grant,
            &["-PolicyName", "P", "-Global", "$false"],
            "error: PositionalParameterNotFound",
        ),
        (
            grant,
            &["-Identity", "u", "-Global"],
            "error: AmbiguousParameterSet",
        ),
        (
            grant,
            &["-Identity", "u", "-Group", "g"],
            "error: AmbiguousParameterSet",
        ),
        (remove, &[], "error: MissingMandatoryParameter"),
        (grant, &["-Group"], "error: MissingArgument @0..6"),
        (
            grant,
            &["-Identity", "$null"],
            "error: ParameterArgumentValidationErrorNullNotAllowed @10..15",
        ),
        (
            grant,
            // UserIdParameter is no String: '' binds (pwsh 7.6.10, teams-binding/grant).
            &["-Identity", ""],
            "Identity: Identity=",
        ),
        (
            grant,
            &["-Group", "g", "-Rank", "first"],
            "error: CannotConvertArgumentNoMessage @15..20",
        ),
        (
            get,
            &["-ErrorAction", "Sometimes"],
            "error: CannotConvertArgumentNoMessage @13..22",
        ),
        (
            grant,
            // A compiled switch takes no string (teams-binding/compiled/switch-string-value).
            &["-Global:yes"],
            "error: CannotConvertArgument @0..11",
        ),
        // `-Identity -notaparam` takes the text as the value.
        (
            new,
            &["-Identity", "-notaparam"],
            "__AllParameterSets: Identity=-notaparam",
        ),
    ];
    let mut failures = Vec::new();
    for (cmd, words, expected) in cases {
        let got = bind(cmd, words);
        if got != *expected {
            failures.push(format!(
                "{cmd} {}\n  expected: {expected}\n  got:      {got}",
                words.join(" ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pipeline_input_binds_identity_by_property_name() {
    let table = aapsh::cmdlets::command_table();
    let def = table.get("Grant-CsApplicationAccessPolicy").unwrap();
    let base = bind_arguments(&def, args(&["-PolicyName", "P"]), true).unwrap();
    let user = Value::object(
        aapsh::runtime::PsObject::custom()
            .with(
                "Identity",
                Value::str("ddb80e06-92f3-4978-bc22-a0eee85e6a9e"),
            )
            .with("DisplayName", Value::str("Megan Bowen")),
    );
    let b = bind_record(&def, &base, &user, Span::default()).unwrap();
    assert_eq!(b.set, "Identity");
    assert_eq!(
        b.string("Identity").unwrap(),
        "ddb80e06-92f3-4978-bc22-a0eee85e6a9e"
    );
    // An object without the property cannot be bound.
    let err = bind_record(&def, &base, &Value::integer(5), Span::default()).unwrap_err();
    assert_eq!(err.record.error_id, "InputObjectNotBound");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever the arguments, binding every built-in command returns a binding or an error.
    #[test]
    fn binding_never_panics(words in prop::collection::vec(
        prop_oneof![
            Just("-Identity".to_string()), Just("-PolicyName".to_string()), Just("-Global".to_string()),
            Just("-Global:$false".to_string()), Just("-AppIds".to_string()), Just("-P".to_string()),
            Just("-".to_string()), Just("-:".to_string()), Just("$null".to_string()), Just("-Rank".to_string()),
            Just("-Confirm:".to_string()), Just("-ea".to_string()), Just("-WhatIf".to_string()),
            "[a-zA-Z0-9:$ -]{0,12}",
        ],
        0..7,
    )) {
        let table = aapsh::cmdlets::command_table();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        for def in table.iter() {
            let _ = bind_arguments(def, args(&refs), false);
            if let Ok(base) = bind_arguments(def, args(&refs), true) {
                let _ = bind_record(def, &base, &Value::str("x"), Span::default());
            }
        }
    }
}
