//! What Test-EmuAppAccess tells a person: a verdict and a short reason that fit one row of an
//! 80-column table, and, for `-Detailed` (and the `MissingStep` property), every step still
//! missing as a command ready to paste, narrowest first. A fix that widens access (adding the
//! app to the Global policy, or to the policy granted tenant-wide) comes last and says whom it
//! opens the app to.
//!
//! Reads the tenant only; never changes it.

use time::OffsetDateTime;

use super::emulator::route_text;
use crate::runtime::culture::Culture;
use crate::store::{
    AccessExplanation, AppAccess, Application, PolicySource, READ_PERMISSION, Tenant, User,
    WRITE_PERMISSION, bare_policy_name, same_id,
};

/// One way to close a gap: why, and the commands that do it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// One sentence for people.
    pub note: String,
    /// Ready to paste, one per line; empty when there is nothing to run (e.g. an app that is
    /// not registered here).
    pub commands: Vec<String>,
    /// An alternative to the fix before it (`or ...`), not a further step.
    pub alternative: bool,
    /// It opens the app to more users than the one asked about.
    pub widens: bool,
}

/// `Allowed` (reads and writes), `Read only` or `Denied`: what Graph answers now.
pub fn verdict(a: &AppAccess) -> &'static str {
    match (a.can_read(), a.can_write()) {
        (true, true) => "Allowed",
        (true, false) => "Read only",
        _ => "Denied",
    }
}

/// A value as PowerShell source: bare when it is a plain word, else single-quoted.
pub fn ps_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '@' | ':'))
        && !text.starts_with('-');
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "''"))
    }
}

/// The time on the same day as `now` (`09:30`, or `9:30 AM` in en-US), else the date and time,
/// in the session's culture.
pub fn short_time(at: OffsetDateTime, now: OffsetDateTime, culture: &Culture) -> String {
    let format = if at.date() == now.date() { "t" } else { "g" };
    crate::runtime::dotnet_format::format_date(at, format, culture)
}

/// `Test-policy (direct)`, `Bots (group Sales)`, `Bots (tenant-wide)`, `Global`.
fn policy_route(t: &Tenant, a: &AppAccess) -> String {
    let policy = a
        .policy
        .as_deref()
        .map_or("(missing policy)", bare_policy_name);
    match &a.source {
        PolicySource::Direct => format!("{policy} (direct)"),
        PolicySource::Group { group_id, .. } => {
            let name = t
                .groups
                .iter()
                .find(|g| same_id(&g.object_id, group_id))
                .map_or(group_id.as_str(), |g| g.display_name.as_str());
            format!("{policy} (group {name})")
        }
        PolicySource::Tenant => format!("{policy} (tenant-wide)"),
        PolicySource::Global => policy.to_string(),
    }
}

/// The short reason of the table row: what blocks the call (every cause, shortest words), or
/// the policy that allows it; and a pending change with the time it reaches Graph.
pub fn short_why(
    t: &Tenant,
    e: &AccessExplanation,
    now: OffsetDateTime,
    culture: &Culture,
) -> String {
    let g = &e.graph;
    let mut parts = Vec::new();
    if !g.app_registered {
        parts.push("app not registered".to_string());
    }
    if !g.read_permission {
        parts.push("no OnlineMeetings permission".to_string());
    } else if !g.write_permission && g.policy_allows {
        parts.push("read permission only".to_string());
    }
    if !g.policy_allows {
        parts.push(format!("not in {}", policy_route(t, g)));
    } else if parts.is_empty() {
        parts.push(policy_route(t, g));
    }
    if let Some(at) = e.takes_effect {
        // What Graph answers once the change arrives, and when: the reason it differs now.
        let then = format!(
            "{} from {}",
            verdict(&e.current).to_lowercase(),
            short_time(at, now, culture)
        );
        if g.policy_allows {
            parts.insert(0, then);
        } else {
            parts = vec![then];
        }
    }
    if parts.len() > 1 && !g.read_permission {
        parts[0] = "no permission".to_string();
    }
    parts.join("; ")
}

/// A policy name for a new policy that lists `app`: from its display name, not taken yet.
fn new_policy_name(t: &Tenant, app: &Application) -> String {
    let base: String = app
        .display_name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "App-access".to_string()
    } else {
        base
    };
    let taken = |name: &str| t.find_policy(name).is_some();
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|n| !taken(n))
        .unwrap_or(base)
}

/// Every step still missing for `app` to read and write `user`'s meetings, in order, with the
/// wider alternatives last. Empty when Graph allows both now and nothing is pending.
pub fn fixes(
    t: &Tenant,
    app: &Application,
    user: &User,
    e: &AccessExplanation,
    now: OffsetDateTime,
    culture: &Culture,
) -> Vec<Fix> {
    let mut out = Vec::new();
    let app_id = &app.app_id;
    let upn = ps_quote(&user.user_principal_name);
    if !e.current.app_registered {
        out.push(Fix {
            note: format!(
                "The app {app_id} is not registered in this tenant: check the AppId, or register the app (New-MgApplication) and use its AppId."
            ),
            commands: Vec::new(),
            alternative: false,
            widens: false,
        });
    }
    if !e.current.write_permission {
        out.push(Fix {
            note: if e.current.read_permission {
                format!(
                    "The app may read meetings but not create them: it needs {WRITE_PERMISSION} (admin consent)."
                )
            } else {
                format!(
                    "The app has no OnlineMeetings permission: {WRITE_PERMISSION} lets it create meetings ({READ_PERMISSION} only reads)."
                )
            },
            commands: vec![format!(
                "Grant-EmuAppPermission -AppId {} -Permission {WRITE_PERMISSION}",
                ps_quote(app_id)
            )],
            alternative: false,
            widens: false,
        });
    }
    let current = &e.current;
    if current.policy_allows {
        if !e.graph.policy_allows {
            let wait = e.takes_effect.map(|at| (at - now).whole_seconds().max(1));
            out.push(Fix {
                note: match e.takes_effect {
                    Some(at) => format!(
                        "The policy that lists the app is granted, but Microsoft Graph sees the change only at {} (the propagation delay). Wait, or advance the session clock:",
                        short_time(at, now, culture)
                    ),
                    None => "The policy that lists the app is granted, but Microsoft Graph has not seen the change yet (the propagation delay).".to_string(),
                },
                commands: wait
                    .map(|s| vec![format!("Start-Sleep -Seconds {s}")])
                    .unwrap_or_default(),
                alternative: false,
                widens: false,
            });
        }
        return out;
    }
    let policy = current.policy.as_deref().map(bare_policy_name);
    let listing: Option<&str> = t
        .policies
        .iter()
        .filter(|p| !p.identity.eq_ignore_ascii_case(crate::store::GLOBAL))
        .find(|p| p.app_ids.iter().any(|a| same_id(a, app_id)))
        .map(|p| bare_policy_name(&p.identity));
    let replaces = match (&current.source, policy) {
        (PolicySource::Direct, Some(p)) => {
            format!(" It replaces the user's own grant of {p}, for this user only.")
        }
        _ => " Only this user is affected.".to_string(),
    };
    let route = route_text(t, &current.source);
    let effective = policy.unwrap_or("(missing policy)");
    match listing {
        Some(name) => out.push(Fix {
            note: format!(
                "The user's effective policy, {effective} (via {route}), does not list the app. Grant the user {name}, which lists it.{replaces}"
            ),
            commands: vec![format!(
                "Grant-CsApplicationAccessPolicy -PolicyName {} -Identity {upn}",
                ps_quote(name)
            )],
            alternative: false,
            widens: false,
        }),
        None => {
            let name = new_policy_name(t, app);
            out.push(Fix {
                note: format!(
                    "The user's effective policy, {effective} (via {route}), does not list the app, and no policy does. Create one that lists it and grant it to the user.{replaces}"
                ),
                commands: vec![
                    format!(
                        "New-CsApplicationAccessPolicy -Identity {} -AppIds {}",
                        ps_quote(&name),
                        ps_quote(app_id)
                    ),
                    format!(
                        "Grant-CsApplicationAccessPolicy -PolicyName {} -Identity {upn}",
                        ps_quote(&name)
                    ),
                ],
                alternative: false,
                widens: false,
            });
        }
    }
    let add = |p: &str| {
        format!(
            "Set-CsApplicationAccessPolicy -Identity {} -AppIds @{{Add={}}}",
            ps_quote(p),
            format_args!("'{}'", app_id.replace('\'', "''"))
        )
    };
    match (&current.source, policy) {
        (PolicySource::Direct | PolicySource::Group { .. }, Some(p)) => out.push(Fix {
            note: format!(
                "Or add the app to {p} itself: every user whose effective policy is {p} gets it too."
            ),
            commands: vec![add(p)],
            alternative: true,
            widens: true,
        }),
        (PolicySource::Tenant, Some(p)) => out.push(Fix {
            note: format!(
                "Or add the app to {p}, which is granted tenant-wide (-Global): this opens the app to every user without a direct or group assignment."
            ),
            commands: vec![add(p)],
            alternative: true,
            widens: true,
        }),
        (PolicySource::Global, _) => out.push(Fix {
            note: "Or add the app to the Global policy: this opens the app to every user without an assignment (no direct, group or tenant-wide grant), not only this one.".to_string(),
            commands: vec![add("Global")],
            alternative: true,
            widens: true,
        }),
        _ => {}
    }
    out
}

/// The steps to run (not the alternatives), one command per line; `None` when nothing is
/// missing or nothing can be run.
pub fn missing_commands(fixes: &[Fix]) -> Option<String> {
    let lines: Vec<&str> = fixes
        .iter()
        .filter(|f| !f.alternative)
        .flat_map(|f| f.commands.iter().map(String::as_str))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The app's OnlineMeetings permissions, in words.
fn permission_text(a: &AppAccess) -> &'static str {
    match (a.read_permission, a.write_permission) {
        (_, true) => "OnlineMeetings.ReadWrite.All: reads and writes meetings",
        (true, false) => "OnlineMeetings.Read.All only: reads meetings, cannot create them",
        (false, false) => "none: no OnlineMeetings.Read.All or OnlineMeetings.ReadWrite.All",
    }
}

/// `text` word-wrapped to `width` after `first` (its first line) and under it (the others); a
/// word longer than the room stays whole.
fn hanging(first: &str, text: &str, width: usize) -> String {
    let indent = " ".repeat(first.chars().count());
    let room = width.saturating_sub(indent.len() + 1).max(20);
    let mut out = String::new();
    let mut line = String::new();
    let mut prefix = first.to_string();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            out.push_str(&prefix);
            out.push_str(&line);
            out.push('\n');
            line.clear();
            prefix.clone_from(&indent);
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&prefix);
    out.push_str(&line);
    out.push('\n');
    out
}

/// `-Detailed`: the decision for one app and user as text for reading, the prose wrapped to
/// `width`, every missing step as a command on a line of its own (so a long one is wrapped by the
/// terminal, not broken, and pastes whole).
pub fn detailed_text(
    t: &Tenant,
    app: &Application,
    user: &User,
    e: &AccessExplanation,
    now: OffsetDateTime,
    culture: &Culture,
    width: usize,
) -> String {
    let g = &e.graph;
    let app_name = if app.display_name.is_empty() {
        app.app_id.clone()
    } else {
        app.display_name.clone()
    };
    let mut out = format!(
        "{}: {app_name} acting for {} ({})\n",
        verdict(g),
        user.display_name,
        user.user_principal_name
    );
    let row = |out: &mut String, label: &str, text: &str| {
        out.push_str(&hanging(&format!("  {label:<11} "), text, width));
    };
    row(
        &mut out,
        "App",
        &format!("{app_name}, AppId {}", app.app_id),
    );
    row(
        &mut out,
        "Permission",
        if g.app_registered {
            permission_text(g)
        } else {
            "the app is not registered in this tenant"
        },
    );
    let policy = g
        .policy
        .as_deref()
        .map_or("(missing policy)", bare_policy_name);
    row(
        &mut out,
        "Policy",
        &format!("{policy}, via {}", route_text(t, &g.source)),
    );
    row(&mut out, "Why", &format!("{}.", g.reason));
    row(
        &mut out,
        "Lists app",
        if g.policy_allows {
            "yes"
        } else {
            "no: the policy's AppIds do not include this app"
        },
    );
    let graph_line = match e.takes_effect {
        Some(at) => format!(
            "a change is on its way: from {} Graph answers {} (Teams already shows {}, via {})",
            short_time(at, now, culture),
            verdict(&e.current),
            e.current
                .policy
                .as_deref()
                .map_or("(missing policy)", bare_policy_name),
            route_text(t, &e.current.source)
        ),
        None if g.policy != e.current.policy || g.source != e.current.source => format!(
            "Teams shows {} (via {}) but Graph still uses {policy}",
            e.current
                .policy
                .as_deref()
                .map_or("(missing policy)", bare_policy_name),
            route_text(t, &e.current.source)
        ),
        None => "sees the same as Teams: no change is on its way".to_string(),
    };
    row(&mut out, "Graph", &graph_line);
    let fixes = fixes(t, app, user, e, now, culture);
    if fixes.is_empty() {
        out.push_str("\n  Nothing is missing.\n");
        return out;
    }
    out.push_str("\n  Missing, narrowest fix first:\n");
    let mut n = 0;
    for f in &fixes {
        out.push('\n');
        if f.alternative {
            out.push_str(&hanging("     ", &f.note, width));
        } else {
            n += 1;
            out.push_str(&hanging(&format!("  {n}. "), &f.note, width));
        }
        for c in &f.commands {
            out.push_str(&format!("       {c}\n"));
        }
    }
    out
}
