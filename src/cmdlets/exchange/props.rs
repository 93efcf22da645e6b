//! Property test: for random tenants, Test-ApplicationAccessPolicy (`policies::test_result`),
//! Test-EmuAppAccess (`explain::mailbox_row`) and the simulated Graph call (`mail::authorize`)
//! agree on every (app, mailbox) pair.

use proptest::prelude::*;

use super::decide::{MailOp, MailResource, Route, decide};
use super::explain::mailbox_row;
use super::mail::graph_allows;
use super::policies::test_result;
use crate::store::{
    AccessRight, Change, ExchangeChange, ExtraKeys, MailboxPolicy, ManagementScope, RoleAssignment,
    ServicePrincipal, Tenant, demo_tenant,
};

const APPS: [&str; 2] = [
    "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83",
    "f3b6a9d1-0c2e-4f57-9a84-6b1d3e5c7f20",
];
const SALES: &str = "6e0f3a58-2b7c-4d91-a4e3-8c5b1d7f9a02";

#[derive(Clone, Debug)]
struct Setup {
    members: Vec<bool>,
    /// (app index, scope: None = Sales Team / Some(user index), deny)
    policies: Vec<(usize, Option<usize>, bool)>,
    mail_read: [bool; 2],
    /// Per app: None = no RBAC; Some(None) org-wide; Some(Some(())) scoped to Sales Team.
    rbac: [Option<bool>; 2],
}

fn setup() -> impl Strategy<Value = Setup> {
    (
        proptest::collection::vec(any::<bool>(), 8),
        proptest::collection::vec(
            (0..2usize, proptest::option::of(0..8usize), any::<bool>()),
            0..4,
        ),
        any::<[bool; 2]>(),
        any::<[Option<bool>; 2]>(),
    )
        .prop_map(|(members, policies, mail_read, rbac)| Setup {
            members,
            policies,
            mail_read,
            rbac,
        })
}

fn build(s: &Setup) -> Tenant {
    let mut t = demo_tenant();
    let users: Vec<String> = t.users.iter().map(|u| u.object_id.clone()).collect();
    for (i, user) in users.iter().enumerate() {
        let member = t
            .group_by_id(SALES)
            .is_some_and(|g| g.members.contains(user));
        let change = match (s.members[i], member) {
            (true, false) => Change::AddGroupMember {
                group_id: SALES.into(),
                user_id: user.clone(),
            },
            (false, true) => Change::RemoveGroupMember {
                group_id: SALES.into(),
                user_id: user.clone(),
            },
            _ => continue,
        };
        t.apply(&change).unwrap();
    }
    for (app, perm) in APPS.iter().zip(s.mail_read) {
        let a = t
            .applications
            .iter_mut()
            .find(|a| a.app_id == *app)
            .unwrap();
        a.permissions = if perm {
            vec!["Mail.Read".into()]
        } else {
            Vec::new()
        };
    }
    for (app, scope, deny) in &s.policies {
        let scope_id = scope.map_or(SALES.to_string(), |i| users[i].clone());
        // Duplicates are refused, as by the cmdlet: skip them.
        let _ = t.apply(&Change::Exchange(ExchangeChange::NewMailboxPolicies {
            policies: vec![MailboxPolicy {
                app_id: APPS[*app].into(),
                scope_id,
                access_right: if *deny {
                    AccessRight::DenyAccess
                } else {
                    AccessRight::RestrictAccess
                },
                description: String::new(),
                extra: ExtraKeys::new(),
            }],
        }));
    }
    t.apply(&Change::Exchange(ExchangeChange::NewManagementScope {
        scope: ManagementScope {
            name: "Sales".into(),
            recipient_restriction_filter: "MemberOfGroup -eq 'Sales Team'".into(),
            extra: ExtraKeys::new(),
        },
    }))
    .unwrap();
    for (i, rbac) in s.rbac.iter().enumerate() {
        let Some(scoped) = rbac else { continue };
        let sp = format!("00000000-0000-4000-8000-00000000000{i}");
        t.apply(&Change::Exchange(ExchangeChange::NewServicePrincipal {
            principal: ServicePrincipal {
                app_id: APPS[i].into(),
                object_id: sp.clone(),
                display_name: format!("app {i}"),
                extra: ExtraKeys::new(),
            },
        }))
        .unwrap();
        t.apply(&Change::Exchange(ExchangeChange::NewRoleAssignment {
            assignment: RoleAssignment {
                name: format!("r{i}"),
                role: "Application Mail.Read".into(),
                service_principal_id: sp,
                custom_resource_scope: scoped.then(|| "Sales".to_string()),
                extra: ExtraKeys::new(),
            },
        }))
        .unwrap();
    }
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn the_three_answers_agree(s in setup()) {
        let t = build(&s);
        let now = crate::store::parse_time("2026-11-26T09:00:00Z").unwrap();
        let state = t.exchange().access_state();
        for (a, app_id) in APPS.iter().enumerate() {
            let app = t.find_application(app_id).unwrap().clone();
            for user in &t.users {
                let graph = graph_allows(&t, app_id, &user.user_principal_name, MailResource::Mail, MailOp::Read, now);
                let row = mailbox_row(&t, &app, user, MailResource::Mail, now);
                let emu = row.property("Read").map(|v| v.to_ps_string()) == Some("Allowed".to_string());
                prop_assert_eq!(graph, emu, "Test-EmuAppAccess and Graph differ for {} / {}", app_id, user.user_principal_name);
                let granted = test_result(&t, app_id, &user.object_id) == "Granted";
                if s.rbac[a].is_none() {
                    // Only the Entra route: the policies' verdict is Graph's.
                    prop_assert_eq!(graph, granted && s.mail_read[a]);
                }
                if granted && s.mail_read[a] {
                    prop_assert!(graph);
                }
                if graph && !granted {
                    let d = decide(&t, &state, app_id, &user.object_id, MailResource::Mail, MailOp::Read);
                    let by_rbac = matches!(d.allowed, Ok(Route::Rbac { .. }));
                    prop_assert!(by_rbac);
                }
            }
        }
    }
}
