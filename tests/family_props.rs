//! Every Teams policy type the catalog declares round-trips: generated settings given to
//! `New-Cs<Type>` come back from `Get-Cs<Type>`; `Set-Cs<Type>` changes exactly the settings it
//! is given; `Grant-Cs<Type>` shows on `Get-CsOnlineUser`; and the store written after all that
//! reads back with the same values. The values are generated per setting kind (booleans, texts,
//! choices in any letter case, whole numbers at their type's limits, GUIDs, string lists); the
//! expected text is computed here from the kind, independently of the cmdlets.

use std::sync::{Arc, Mutex};

use aapsh::runtime::SessionOptions;
use aapsh::runtime::host::Host;
use aapsh::store::catalog::{POLICY_TYPES, PolicyType, SettingKind};
use aapsh::store::{Store, Tenant, demo_tenant};
use proptest::prelude::*;

const MEGAN: &str = "megan.bowen@contoso.onmicrosoft.com";

/// A host whose output the test reads after the session ends.
#[derive(Clone, Default)]
struct Captured {
    out: Arc<Mutex<String>>,
    err: Arc<Mutex<String>>,
}

impl Host for Captured {
    fn write_out(&mut self, text: &str) {
        self.out.lock().unwrap().push_str(text);
    }
    fn write_err(&mut self, text: &str) {
        self.err.lock().unwrap().push_str(text);
    }
    fn read_line(&mut self) -> Option<String> {
        None
    }
    fn width(&self) -> usize {
        200
    }
}

/// Runs `script` over `tenant`; returns stdout, stderr and the tenant as the store holds it.
fn run(tenant: Tenant, script: &str) -> (String, String, Tenant) {
    let host = Captured::default();
    let mut session = aapsh::shell::new_session(
        Box::new(host.clone()),
        Store::in_memory(tenant),
        SessionOptions {
            non_interactive: true,
            ..SessionOptions::default()
        },
    );
    let _ = session.run_text(None, script, Vec::new());
    let after = session.store.cached().clone();
    let out = host.out.lock().unwrap().clone();
    let err = host.err.lock().unwrap().clone();
    (out, err, after)
}

/// One generated value: how the script writes it and how `"$($p.Setting -join ',')"` shows it.
#[derive(Clone, Debug)]
struct Given {
    setting: &'static str,
    literal: String,
    shown: String,
}

/// The settings the generator can give (the kinds made of objects, such as pinned apps and
/// recording applications, have their own goldens).
fn generable(kind: SettingKind) -> bool {
    matches!(
        kind,
        SettingKind::Bool
            | SettingKind::Text
            | SettingKind::Choice(_)
            | SettingKind::Int32
            | SettingKind::UInt32
            | SettingKind::Int64
            | SettingKind::Guid
            | SettingKind::TextList
    )
}

fn value_for(setting: &'static str, kind: SettingKind) -> BoxedStrategy<Given> {
    let given = move |literal: String, shown: String| Given {
        setting,
        literal,
        shown,
    };
    match kind {
        SettingKind::Bool => any::<bool>()
            .prop_map(move |b| {
                given(
                    if b { "$true" } else { "$false" }.into(),
                    if b { "True" } else { "False" }.into(),
                )
            })
            .boxed(),
        SettingKind::Text => "[A-Za-z0-9 .@-]{0,16}"
            .prop_map(move |s| given(format!("'{s}'"), s))
            .boxed(),
        SettingKind::Choice(choices) => (0..choices.len(), any::<bool>())
            .prop_map(move |(i, upper)| {
                let spelled = if upper {
                    choices[i].to_ascii_uppercase()
                } else {
                    choices[i].to_ascii_lowercase()
                };
                given(format!("'{spelled}'"), choices[i].to_string())
            })
            .boxed(),
        SettingKind::Int32 => prop_oneof![Just(i32::MIN), Just(i32::MAX), any::<i32>()]
            .prop_map(move |i| given(i.to_string(), i.to_string()))
            .boxed(),
        SettingKind::UInt32 => prop_oneof![Just(0u32), Just(u32::MAX), any::<u32>()]
            .prop_map(move |i| given(i.to_string(), i.to_string()))
            .boxed(),
        SettingKind::Int64 => any::<i64>()
            .prop_map(move |i| given(i.to_string(), i.to_string()))
            .boxed(),
        SettingKind::Guid => any::<u128>()
            .prop_map(move |n| {
                let id = uuid::Uuid::from_u128(n).hyphenated().to_string();
                given(format!("'{}'", id.to_ascii_uppercase()), id)
            })
            .boxed(),
        SettingKind::TextList => prop::collection::vec("[a-z0-9]{1,8}", 0..3)
            .prop_map(move |items| {
                let literal = format!(
                    "@({})",
                    items
                        .iter()
                        .map(|i| format!("'{i}'"))
                        .collect::<Vec<_>>()
                        .join(",")
                );
                given(literal, items.join(","))
            })
            .boxed(),
        _ => unreachable!("not generable"),
    }
}

/// A few of the type's generable settings, each with a value (duplicates removed).
fn settings_for(ty: &'static PolicyType) -> BoxedStrategy<Vec<Given>> {
    let pool: Vec<_> = ty.settings.iter().filter(|s| generable(s.kind)).collect();
    let picks: Vec<BoxedStrategy<Given>> = pool.iter().map(|s| value_for(s.name, s.kind)).collect();
    (prop::sample::subsequence((0..pool.len()).collect::<Vec<_>>(), 0..=pool.len().min(6)))
        .prop_flat_map(move |chosen| {
            chosen
                .into_iter()
                .map(|i| picks[i].clone())
                .collect::<Vec<_>>()
        })
        .boxed()
}

#[derive(Clone, Debug)]
struct Case {
    ty: &'static PolicyType,
    name: String,
    created: Vec<Given>,
    changed: Vec<Given>,
}

fn case() -> impl Strategy<Value = Case> {
    (0..POLICY_TYPES.len()).prop_flat_map(|i| {
        let ty = POLICY_TYPES[i];
        ("[A-Z][A-Za-z0-9]{0,10}", settings_for(ty), settings_for(ty)).prop_map(
            move |(name, created, changed)| Case {
                ty,
                name,
                created,
                changed,
            },
        )
    })
}

fn args(given: &[Given]) -> String {
    given
        .iter()
        .map(|g| format!(" -{} {}", g.setting, g.literal))
        .collect()
}

/// The script lines that print `Setting=value` for every setting of the policy in `$p`.
fn show(ty: &PolicyType) -> String {
    let names: Vec<String> = ty
        .settings
        .iter()
        .filter(|s| generable(s.kind))
        .map(|s| format!("'{}'", s.name))
        .collect();
    format!(
        "foreach ($n in @({})) {{ \"$n=$($p.$n -join ',')\" }}\n",
        names.join(",")
    )
}

/// `Setting=value` lines printed between the markers `==NAME` and the next marker.
fn section<'a>(out: &'a str, marker: &str) -> Vec<&'a str> {
    out.lines()
        .skip_while(|l| *l != marker)
        .skip(1)
        .take_while(|l| !l.starts_with("=="))
        .collect()
}

fn expected(ty: &PolicyType, before: &[&str], given: &[Given]) -> Vec<String> {
    let mut lines: Vec<String> = before.iter().map(|l| l.to_string()).collect();
    for g in given {
        let i = ty
            .settings
            .iter()
            .filter(|s| generable(s.kind))
            .position(|s| s.name == g.setting)
            .expect("a generated setting is listed");
        lines[i] = format!("{}={}", g.setting, g.shown);
    }
    lines
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_policy_type_round_trips(c in case()) {
        let ty = c.ty.name;
        let show = show(c.ty);
        let script = format!(
            "Connect-MicrosoftTeams | Out-Null\n\
             '==defaults'\n$p = Get-Cs{ty} -Identity Global\n{show}\
             New-Cs{ty} -Identity '{name}'{created} | Out-Null\n\
             '==created'\n$p = Get-Cs{ty} -Identity 'Tag:{name}'\n{show}\
             Set-Cs{ty} -Identity '{name}'{changed}\n\
             '==changed'\n$p = Get-Cs{ty} -Identity '{name}'\n{show}\
             Grant-Cs{ty} -Identity {MEGAN} -PolicyName '{name}'\n\
             '==granted'\n(Get-CsOnlineUser -Identity {MEGAN}).{ty}\n\
             (Get-CsUserPolicyAssignment -Identity {MEGAN} -PolicyType {ty}).PolicyName\n\
             '==end'\n",
            name = c.name,
            created = args(&c.created),
            changed = args(&c.changed),
        );
        let (out, err, after) = run(demo_tenant(), &script);
        prop_assert_eq!(err.as_str(), "", "script:\n{}\nout:\n{}", script, out);

        // New: the defaults, with the given settings in place.
        let defaults = section(&out, "==defaults");
        let created = expected(c.ty, &defaults, &c.created);
        prop_assert_eq!(section(&out, "==created"), created.clone(), "script:\n{}", script);
        // Set: exactly the given settings change.
        let created_refs: Vec<&str> = created.iter().map(String::as_str).collect();
        let changed = expected(c.ty, &created_refs, &c.changed);
        prop_assert_eq!(section(&out, "==changed"), changed.clone(), "script:\n{}", script);
        // Grant: the user object and the assignment view name the policy.
        prop_assert_eq!(section(&out, "==granted"), vec![c.name.as_str(), c.name.as_str()]);

        // The store as written reads back with the same policy and grant.
        let bytes = after.to_json_bytes().expect("serialize");
        let reread = Tenant::from_json_bytes(&bytes).expect("the written store reads back");
        let script = format!(
            "Connect-MicrosoftTeams | Out-Null\n\
             '==changed'\n$p = Get-Cs{ty} -Identity '{name}'\n{show}\
             '==granted'\n(Get-CsOnlineUser -Identity {MEGAN}).{ty}\n'==end'\n",
            name = c.name,
        );
        let (out, err, _) = run(reread, &script);
        prop_assert_eq!(err.as_str(), "");
        prop_assert_eq!(section(&out, "==changed"), changed);
        prop_assert_eq!(section(&out, "==granted"), vec![c.name.as_str()]);
    }
}

/// Every declared type, not only the ones the generator happens to pick: New with the
/// declaration's own help example, Set, Grant and the user object.
#[test]
fn every_declared_type_serves_its_help_example() {
    for ty in POLICY_TYPES {
        let name = ty.name;
        let script = format!(
            "Connect-MicrosoftTeams | Out-Null\n\
             New-Cs{name} -Identity {ex} {settings} | Out-Null\n\
             Set-Cs{name} -Identity {ex} -Description 'round trip'\n\
             (Get-Cs{name} -Identity {ex}).Description\n\
             Grant-Cs{name} -Identity {MEGAN} -PolicyName {ex}\n\
             (Get-CsOnlineUser -Identity {MEGAN}).{name}\n\
             Grant-Cs{name} -Identity {MEGAN} -PolicyName $null\n\
             Remove-Cs{name} -Identity {ex}\n\
             (Get-Cs{name}).Count\n",
            ex = ty.example_name,
            settings = ty.example_settings,
        );
        let (out, err, _) = run(demo_tenant(), &script);
        assert_eq!(err, "", "{name}:\n{script}");
        assert_eq!(
            out.lines().collect::<Vec<_>>(),
            ["round trip", ty.example_name, "1"],
            "{name}"
        );
    }
}
