//! The explaining cmdlet's answer (`Tenant::explain_access`, what Test-EmuAppAccess prints)
//! checked against an independent brute-force computation over generated tenants: the
//! precedence (direct > lowest-ranked group, earlier entry on a tie > tenant grant > Global),
//! the application permissions (Read.All for reads, ReadWrite.All for writes), and the
//! propagation delay (the Graph side sees exactly the changes made at least `delay` ago).

use aapsh::store::{
    Application, Change, ExtraKeys, Group, GroupAssignment, Policy, Tenant, User, format_time,
};
use proptest::prelude::*;
use time::{Duration, OffsetDateTime};

const READ: &str = "OnlineMeetings.Read.All";
const WRITE: &str = "OnlineMeetings.ReadWrite.All";

fn user_id(i: usize) -> String {
    format!("00000000-0000-4000-8000-0000000000{i:02}")
}
fn group_id(i: usize) -> String {
    format!("00000000-0000-4000-9000-0000000000{i:02}")
}
fn app_id(i: usize) -> String {
    format!("00000000-0000-4000-a000-0000000000{i:02}")
}
fn policy_name(i: usize) -> String {
    format!("P{i}")
}

/// A generated tenant, as plain data the brute force reads.
#[derive(Clone, Debug)]
struct Spec {
    users: usize,
    /// Members of each group (user indexes).
    groups: Vec<Vec<usize>>,
    /// Per app: (has Read.All, has ReadWrite.All).
    apps: Vec<(bool, bool)>,
    /// Apps listed by each policy (P0..); Global lists `global_apps`.
    policies: Vec<Vec<usize>>,
    global_apps: Vec<usize>,
    /// Direct grants: user -> policy.
    direct: Vec<(usize, usize)>,
    /// Group grants in file order: (group, policy, rank), ranks may tie.
    group_grants: Vec<(usize, usize, i64)>,
    tenant: Option<usize>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..5, 0usize..4, 1usize..4, 1usize..4).prop_flat_map(|(users, groups, apps, policies)| {
        (
            Just(users),
            prop::collection::vec(prop::collection::vec(0..users, 0..4), groups),
            prop::collection::vec((any::<bool>(), any::<bool>()), apps),
            prop::collection::vec(prop::collection::vec(0..apps, 0..3), policies),
            prop::collection::vec(0..apps, 0..2),
            prop::collection::vec((0..users, 0..policies), 0..3),
            prop::collection::vec((0..groups.max(1), 0..policies, 1i64..4), 0..4),
            prop::option::of(0..policies),
        )
            .prop_map(
                move |(users, members, apps, policies, global_apps, direct, grants, tenant)| {
                    let mut seen = Vec::new();
                    let group_grants = grants
                        .into_iter()
                        .filter(|(g, _, _)| {
                            *g < groups && !seen.contains(g) && {
                                seen.push(*g);
                                true
                            }
                        })
                        .collect();
                    let mut direct_seen = Vec::new();
                    let direct = direct
                        .into_iter()
                        .filter(|(u, _)| {
                            !direct_seen.contains(u) && {
                                direct_seen.push(*u);
                                true
                            }
                        })
                        .collect();
                    Spec {
                        users,
                        groups: members
                            .into_iter()
                            .map(|mut m| {
                                m.sort();
                                m.dedup();
                                m
                            })
                            .collect(),
                        apps,
                        policies,
                        global_apps,
                        direct,
                        group_grants,
                        tenant,
                    }
                },
            )
    })
}

fn build(s: &Spec) -> Tenant {
    let mut t = Tenant::default();
    for i in 0..s.users {
        t.users.push(User {
            object_id: user_id(i),
            user_principal_name: format!("u{i}@contoso.onmicrosoft.com"),
            display_name: format!("User {i}"),
            sip_address: format!("sip:u{i}@contoso.onmicrosoft.com"),
            extra: ExtraKeys::new(),
        });
    }
    for (i, members) in s.groups.iter().enumerate() {
        t.groups.push(Group {
            object_id: group_id(i),
            display_name: format!("Group {i}"),
            members: members.iter().map(|&u| user_id(u)).collect(),
            extra: ExtraKeys::new(),
        });
    }
    for (i, (read, write)) in s.apps.iter().enumerate() {
        let mut permissions = Vec::new();
        if *read {
            permissions.push(READ.to_string());
        }
        if *write {
            permissions.push(WRITE.to_string());
        }
        t.applications.push(Application {
            app_id: app_id(i),
            display_name: format!("App {i}"),
            permissions,
            extra: ExtraKeys::new(),
        });
    }
    t.policies[0].app_ids = s.global_apps.iter().map(|&a| app_id(a)).collect();
    for (i, apps) in s.policies.iter().enumerate() {
        t.policies.push(Policy::new(
            format!("Tag:{}", policy_name(i)),
            apps.iter().map(|&a| app_id(a)).collect(),
            String::new(),
        ));
    }
    for (u, p) in &s.direct {
        t.assignments.users.insert(user_id(*u), policy_name(*p));
    }
    for (g, p, rank) in &s.group_grants {
        t.assignments.groups.push(GroupAssignment {
            group_id: group_id(*g),
            policy_name: policy_name(*p),
            rank: *rank,
            extra: ExtraKeys::new(),
        });
    }
    t.assignments.tenant = s.tenant.map(policy_name);
    t.reindex();
    t
}

/// Brute force: the apps the user's effective policy lists.
fn brute_apps(s: &Spec, user: usize) -> Vec<usize> {
    if let Some((_, p)) = s.direct.iter().find(|(u, _)| *u == user) {
        return s.policies[*p].clone();
    }
    let mut best: Option<(i64, usize)> = None;
    for (g, p, rank) in &s.group_grants {
        if s.groups[*g].contains(&user) && best.is_none_or(|(r, _)| *rank < r) {
            best = Some((*rank, *p));
        }
    }
    if let Some((_, p)) = best {
        return s.policies[p].clone();
    }
    match s.tenant {
        Some(p) => s.policies[p].clone(),
        None => s.global_apps.clone(),
    }
}

fn brute(s: &Spec, app: usize, user: usize) -> (bool, bool) {
    let listed = brute_apps(s, user).contains(&app);
    let (read, write) = s.apps[app];
    (listed && (read || write), listed && write)
}

fn now() -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(1_795_000_000).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn explanation_matches_brute_force(s in spec()) {
        let t = build(&s);
        for user in 0..s.users {
            for app in 0..s.apps.len() {
                let e = t.explain_access(&app_id(app), &user_id(user), now());
                let got = (e.graph.can_read(), e.graph.can_write());
                prop_assert_eq!(got, brute(&s, app, user), "app {} user {} spec {:?}", app, user, s);
                // Without a delay the Graph side and the Teams side agree, nothing is pending.
                prop_assert_eq!(&e.graph, &e.current);
                prop_assert!(e.takes_effect.is_none());
            }
        }
    }

    /// Random direct grants made one minute apart under a delay: at any query time the Graph
    /// side decides exactly as a tenant with only the grants made at least `delay` ago, and
    /// `takes_effect` is the arrival of the last change that alters the answer.
    #[test]
    fn the_graph_side_sees_changes_after_the_delay(
        s in spec(),
        grants in prop::collection::vec((0usize..5, prop::option::of(0usize..4)), 1..6),
        delay_min in 1i64..40,
        query_min in 0i64..60,
    ) {
        let mut t = build(&s);
        t.apply(&Change::SetPropagationDelay { seconds: (delay_min * 60) as u64 }).unwrap();
        let grants: Vec<(usize, Option<usize>)> = grants
            .into_iter()
            .filter(|(u, _)| *u < s.users)
            .map(|(u, p)| (u, p.filter(|p| *p < s.policies.len())))
            .collect();
        let mut applied = s.clone();
        let mut history = vec![s.clone()];
        for (i, (u, p)) in grants.iter().enumerate() {
            let at = now() + Duration::minutes(i as i64);
            t.apply(&Change::RecordAccessChange { at: format_time(at), command: "Grant".into() }).unwrap();
            t.apply(&Change::GrantUser { user_id: user_id(*u), policy_name: p.map(policy_name) }).unwrap();
            applied.direct.retain(|(du, _)| du != u);
            if let Some(p) = p {
                applied.direct.push((*u, *p));
            }
            history.push(applied.clone());
        }
        // The session clock only moves forward: the query comes after the last grant (the
        // pending list forgets what had arrived by then, so an earlier query is not a state a
        // session can reach).
        let query_min = query_min.max(grants.len() as i64 - 1);
        let query = now() + Duration::minutes(query_min);
        // Changes made at minutes 0..n; those with minute + delay <= query have arrived.
        let arrived = (0..grants.len() as i64).filter(|i| i + delay_min <= query_min).count();
        let seen = &history[arrived];
        for user in 0..s.users {
            for app in 0..s.apps.len() {
                let e = t.explain_access(&app_id(app), &user_id(user), query);
                prop_assert_eq!((e.graph.can_read(), e.graph.can_write()), brute(seen, app, user));
                prop_assert_eq!((e.current.can_read(), e.current.can_write()), brute(&applied, app, user));
                let target = brute(&applied, app, user);
                let expected = if brute(seen, app, user) == target {
                    None
                } else {
                    // The first arrival after which every later view already gives the answer.
                    let mut when = None;
                    for (k, state) in history.iter().enumerate().skip(arrived + 1) {
                        if brute(state, app, user) == target {
                            when.get_or_insert(now() + Duration::minutes((k - 1) as i64 + delay_min));
                        } else {
                            when = None;
                        }
                    }
                    when
                };
                prop_assert_eq!(e.takes_effect, expected);
            }
        }
    }
}
