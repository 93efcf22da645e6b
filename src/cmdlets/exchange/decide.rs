//! Which mechanism lets an app reach a mailbox: a pure function of the tenant and the
//! mailbox-access state (the current one, or what Microsoft Graph sees after the delay).
//!
//! Two routes, combined as Microsoft documents them (fidelity.md §5):
//! - a Microsoft Entra application permission (Mail.Read...), which reaches every mailbox unless
//!   the Exchange application access policies for the app say otherwise (their five rules,
//!   `Tenant::mailbox_policy_verdict`);
//! - RBAC for Applications: a role ("Application Mail.Read") assigned to the app's Exchange
//!   service principal, for the whole organization or a management scope whose recipient filter
//!   matches the mailbox. Its grants add to the Entra ones (chosen: application access policies
//!   do not narrow them).
//!
//! The first route that allows wins; a denial names what decided and the fix to paste.

use super::Recipient;
use super::recipients::recipient_object;
use crate::cmdlets::filter::Filter;
use crate::runtime::{PsObject, Value};
use crate::store::{
    MailboxAccessState, MailboxPolicy, PolicyVerdict, Tenant, is_mail_enabled, same_id, same_name,
};

/// The mailbox data sets Graph application permissions (and application access policies)
/// cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailResource {
    Mail,
    Calendars,
    Contacts,
    MailboxSettings,
}

impl MailResource {
    pub fn parse(text: &str) -> Option<MailResource> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "mail" | "messages" => MailResource::Mail,
            "calendars" | "calendar" | "events" => MailResource::Calendars,
            "contacts" => MailResource::Contacts,
            "mailboxsettings" => MailResource::MailboxSettings,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            MailResource::Mail => "Mail",
            MailResource::Calendars => "Calendars",
            MailResource::Contacts => "Contacts",
            MailResource::MailboxSettings => "MailboxSettings",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailOp {
    Read,
    Write,
    /// `/sendMail` (Mail.Send).
    Send,
}

/// The application permissions that allow `op` on `resource`, least privileged first (Graph
/// permissions reference).
pub fn permissions_for(resource: MailResource, op: MailOp) -> &'static [&'static str] {
    match (resource, op) {
        (MailResource::Mail, MailOp::Read) => &[
            "Mail.ReadBasic.All",
            "Mail.ReadBasic",
            "Mail.Read",
            "Mail.ReadWrite",
        ],
        (MailResource::Mail, MailOp::Write) => &["Mail.ReadWrite"],
        (MailResource::Mail, MailOp::Send) => &["Mail.Send"],
        (MailResource::Calendars, MailOp::Read) => &["Calendars.Read", "Calendars.ReadWrite"],
        (MailResource::Calendars, _) => &["Calendars.ReadWrite"],
        (MailResource::Contacts, MailOp::Read) => &["Contacts.Read", "Contacts.ReadWrite"],
        (MailResource::Contacts, _) => &["Contacts.ReadWrite"],
        (MailResource::MailboxSettings, MailOp::Read) => {
            &["MailboxSettings.Read", "MailboxSettings.ReadWrite"]
        }
        (MailResource::MailboxSettings, _) => &["MailboxSettings.ReadWrite"],
    }
}

/// The RBAC for Applications roles and the permissions each grants (the "Application <perm>"
/// roles, plus the two full-access roles).
pub const APPLICATION_ROLES: &[(&str, &[&str])] = &[
    ("Application Mail.Read", &["Mail.Read"]),
    ("Application Mail.ReadBasic", &["Mail.ReadBasic"]),
    ("Application Mail.ReadWrite", &["Mail.ReadWrite"]),
    ("Application Mail.Send", &["Mail.Send"]),
    (
        "Application MailboxSettings.Read",
        &["MailboxSettings.Read"],
    ),
    (
        "Application MailboxSettings.ReadWrite",
        &["MailboxSettings.ReadWrite"],
    ),
    ("Application Calendars.Read", &["Calendars.Read"]),
    ("Application Calendars.ReadWrite", &["Calendars.ReadWrite"]),
    ("Application Contacts.Read", &["Contacts.Read"]),
    ("Application Contacts.ReadWrite", &["Contacts.ReadWrite"]),
    (
        "Application Mail Full Access",
        &["Mail.ReadWrite", "Mail.Send"],
    ),
    (
        "Application Exchange Full Access",
        &[
            "Mail.ReadWrite",
            "Mail.Send",
            "MailboxSettings.ReadWrite",
            "Calendars.ReadWrite",
            "Contacts.ReadWrite",
        ],
    ),
    ("Application EWS.AccessAsApp", &["EWS.AccessAsApp"]),
];

/// The canonical name of an application role, if it is one.
pub fn application_role(name: &str) -> Option<(&'static str, &'static [&'static str])> {
    APPLICATION_ROLES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
        .copied()
}

/// What decided.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// An Entra permission, and the application access policies let it through.
    EntraPermission {
        permission: String,
        verdict: PolicyVerdict,
    },
    /// An RBAC for Applications role assignment in scope.
    Rbac {
        assignment: String,
        role: String,
        scope: Option<String>,
    },
}

/// Why the call is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The user has no mailbox.
    NoMailbox,
    /// An Entra permission exists but the application access policies exclude the mailbox.
    Policy {
        permission: String,
        verdict: PolicyVerdict,
    },
    /// Neither an Entra permission nor an RBAC role in scope.
    NoPermission {
        /// RBAC assignments for the needed permission whose scope leaves the mailbox out.
        out_of_scope: Vec<(String, String)>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxDecision {
    pub allowed: Result<Route, Refusal>,
}

impl MailboxDecision {
    pub fn is_allowed(&self) -> bool {
        self.allowed.is_ok()
    }
}

/// Whether a management scope's recipient filter matches the user's mailbox (a filter that does
/// not parse matches nothing).
pub fn scope_matches(t: &Tenant, filter: &str, user_id: &str) -> bool {
    let x = t.exchange();
    let Some(u) = t.user_by_id(user_id) else {
        return false;
    };
    let Some(m) = x.mailbox_of(user_id) else {
        return false;
    };
    let Ok(f) = Filter::parse(filter, &|_| Value::Null) else {
        return false;
    };
    f.matches(&filter_object(t, &Recipient::Mailbox(u, m.clone())))
}

/// The recipient as a management scope's filter sees it: the recipient properties plus the
/// directory attributes OPATH filters use (Department, City, Title, Company, CustomAttribute1-15
/// from the user's keys) and MemberOfGroup (names, addresses and ids of the groups).
pub fn filter_object(t: &Tenant, r: &Recipient<'_>) -> Value {
    let base = recipient_object(t, r);
    let mut o = match base {
        Value::Object(o) => o.borrow().clone(),
        _ => PsObject::custom(),
    };
    if let Recipient::Mailbox(u, _) = r {
        let text = |k: &str| {
            u.extra
                .get(k)
                .and_then(|v| v.as_str())
                .map(Value::str)
                .unwrap_or(Value::Null)
        };
        o.set("Department", text("department"));
        o.set("City", text("city"));
        o.set("Title", text("jobTitle"));
        o.set("Company", text("companyName"));
        o.set("CountryOrRegion", text("country"));
        for i in 1..=15 {
            o.set(
                &format!("CustomAttribute{i}"),
                text(&format!("customAttribute{i}")),
            );
        }
        let mut groups = Vec::new();
        for g in t
            .groups
            .iter()
            .filter(|g| g.members.iter().any(|m| same_id(m, &u.object_id)))
        {
            groups.push(Value::str(&g.display_name));
            groups.push(Value::str(&g.object_id));
            if is_mail_enabled(g) {
                groups.push(Value::str(super::group_mail(g)));
            }
        }
        o.set("MemberOfGroup", Value::array(groups));
    }
    Value::object(o)
}

/// The decision for `app_id` doing `op` on `resource` in `user_id`'s mailbox, under `state`.
pub fn decide(
    t: &Tenant,
    state: &MailboxAccessState,
    app_id: &str,
    user_id: &str,
    resource: MailResource,
    op: MailOp,
) -> MailboxDecision {
    let x = t.exchange();
    if x.mailbox_of(user_id).is_none() {
        return MailboxDecision {
            allowed: Err(Refusal::NoMailbox),
        };
    }
    let needed = permissions_for(resource, op);
    let granted = t
        .find_application(app_id)
        .and_then(|a| {
            needed
                .iter()
                .find(|p| a.permissions.iter().any(|q| q.eq_ignore_ascii_case(p)))
        })
        .map(|p| p.to_string());
    let mut policy_refusal = None;
    if let Some(permission) = granted {
        let verdict = t.mailbox_policy_verdict(&state.application_access_policies, app_id, user_id);
        if verdict.granted() {
            return MailboxDecision {
                allowed: Ok(Route::EntraPermission {
                    permission,
                    verdict,
                }),
            };
        }
        policy_refusal = Some(Refusal::Policy {
            permission,
            verdict,
        });
    }
    let mut out_of_scope = Vec::new();
    let principals: Vec<&str> = state
        .service_principals
        .iter()
        .filter(|s| same_id(&s.app_id, app_id))
        .map(|s| s.object_id.as_str())
        .collect();
    for a in state.role_assignments.iter().filter(|a| {
        principals
            .iter()
            .any(|p| same_id(p, &a.service_principal_id))
    }) {
        let Some((role, grants)) = application_role(&a.role) else {
            continue;
        };
        if !grants
            .iter()
            .any(|g| needed.iter().any(|n| n.eq_ignore_ascii_case(g)))
        {
            continue;
        }
        let in_scope = match &a.custom_resource_scope {
            None => true,
            Some(name) => state
                .management_scopes
                .iter()
                .find(|s| same_name(&s.name, name))
                .is_some_and(|s| scope_matches(t, &s.recipient_restriction_filter, user_id)),
        };
        if in_scope {
            return MailboxDecision {
                allowed: Ok(Route::Rbac {
                    assignment: a.name.clone(),
                    role: role.to_string(),
                    scope: a.custom_resource_scope.clone(),
                }),
            };
        }
        out_of_scope.push((
            a.name.clone(),
            a.custom_resource_scope.clone().unwrap_or_default(),
        ));
    }
    MailboxDecision {
        allowed: Err(policy_refusal.unwrap_or(Refusal::NoPermission { out_of_scope })),
    }
}

/// The Exchange name of a policy scope (a group's display name, a mailbox's alias).
pub fn scope_name(t: &Tenant, scope_id: &str) -> String {
    if let Some(g) = t.group_by_id(scope_id) {
        return g.display_name.clone();
    }
    let x = t.exchange();
    match (t.user_by_id(scope_id), x.mailbox_of(scope_id)) {
        (Some(u), Some(m)) => m.alias(u).to_string(),
        (Some(u), None) => u.alias().to_string(),
        _ => scope_id.to_string(),
    }
}

/// The scope's address for a ready-to-paste command (the group's mail, else its name).
fn scope_address(t: &Tenant, scope_id: &str) -> String {
    match t.group_by_id(scope_id) {
        Some(g) if !super::group_mail(g).is_empty() => super::group_mail(g),
        _ => scope_name(t, scope_id),
    }
}

/// One sentence: which mechanism decided and how.
pub fn mechanism_text(t: &Tenant, d: &MailboxDecision, resource: MailResource) -> String {
    match &d.allowed {
        Ok(Route::EntraPermission {
            permission,
            verdict,
        }) => match verdict {
            PolicyVerdict::Restricted { scope_id } => format!(
                "Exchange application access policy: RestrictAccess to \"{}\" includes the mailbox (Entra permission {permission})",
                scope_name(t, scope_id)
            ),
            PolicyVerdict::NotDenied => format!(
                "Exchange application access policy: the app's DenyAccess policies leave the mailbox out (Entra permission {permission})"
            ),
            _ => format!(
                "Microsoft Entra application permission {permission}: no Exchange application access policy names the app, so it reaches every mailbox"
            ),
        },
        Ok(Route::Rbac {
            assignment,
            role,
            scope,
        }) => format!(
            "RBAC for Applications: role \"{role}\" (assignment \"{assignment}\"), scope {}",
            scope
                .as_deref()
                .map_or("Organization".to_string(), |s| format!("\"{s}\""))
        ),
        Err(Refusal::NoMailbox) => "The user has no Exchange Online mailbox".to_string(),
        Err(Refusal::Policy { verdict, .. }) => match verdict {
            PolicyVerdict::Denied { scope_id } => format!(
                "Exchange application access policy: DenyAccess to \"{}\" includes the mailbox",
                scope_name(t, scope_id)
            ),
            PolicyVerdict::OutsideRestriction { scope_ids } => format!(
                "Exchange application access policy: RestrictAccess to {} leaves the mailbox out",
                scope_ids
                    .iter()
                    .map(|s| format!("\"{}\"", scope_name(t, s)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            _ => "Exchange application access policy".to_string(),
        },
        Err(Refusal::NoPermission { out_of_scope }) if !out_of_scope.is_empty() => format!(
            "RBAC for Applications: the mailbox is outside the management scope of {}, and the app has no Microsoft Entra {} permission",
            out_of_scope
                .iter()
                .map(|(a, s)| format!("\"{a}\" (scope \"{s}\")"))
                .collect::<Vec<_>>()
                .join(", "),
            resource.name()
        ),
        Err(Refusal::NoPermission { .. }) => format!(
            "No {} application permission: neither Microsoft Entra admin consent nor an RBAC for Applications role",
            resource.name()
        ),
    }
}

/// The ready-to-paste command that would allow the call (`None` when allowed).
pub fn fix_text(
    t: &Tenant,
    d: &MailboxDecision,
    app_id: &str,
    user_id: &str,
    policies: &[MailboxPolicy],
    resource: MailResource,
    op: MailOp,
) -> Option<String> {
    let mailbox = t
        .user_by_id(user_id)
        .map(|u| u.user_principal_name.clone())
        .unwrap_or_else(|| user_id.to_string());
    match &d.allowed {
        Ok(_) => None,
        Err(Refusal::NoMailbox) => Some(format!(
            "Give the user a mailbox: add {{\"userId\": \"{user_id}\"}} to exchange.mailboxes in the store (a licence, in a real tenant)"
        )),
        Err(Refusal::Policy { verdict, .. }) => match verdict {
            PolicyVerdict::OutsideRestriction { scope_ids } => {
                let scope = scope_ids.first().map(String::as_str).unwrap_or_default();
                Some(if t.group_by_id(scope).is_some() {
                    format!(
                        "Add-DistributionGroupMember -Identity \"{}\" -Member \"{mailbox}\"",
                        scope_address(t, scope)
                    )
                } else {
                    format!(
                        "New-ApplicationAccessPolicy -AppId {app_id} -PolicyScopeGroupId \"{mailbox}\" -AccessRight RestrictAccess"
                    )
                })
            }
            PolicyVerdict::Denied { scope_id } => {
                let identity = policies
                    .iter()
                    .find(|p| same_id(&p.scope_id, scope_id) && same_id(&p.app_id, app_id))
                    .map(|p| super::policies::policy_identity(t, p))
                    .unwrap_or_default();
                Some(format!(
                    "Remove-ApplicationAccessPolicy -Identity \"{identity}\" -Confirm:$false"
                ))
            }
            _ => None,
        },
        Err(Refusal::NoPermission { .. }) => {
            let permission = permissions_for(resource, op)
                .iter()
                .find(|p| !p.contains("Basic"))
                .copied()
                .unwrap_or("Mail.Read");
            Some(format!(
                "Grant-EmuAppPermission -AppId {app_id} -Permission {permission}"
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{
        AccessRight, ExchangeChange, ExtraKeys, ManagementScope, RoleAssignment, ServicePrincipal,
        demo_tenant,
    };

    const APP: &str = "a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83";
    const MEGAN: &str = "ddb80e06-92f3-4978-bc22-a0eee85e6a9e";
    const ALEX: &str = "dc17674c-81d9-4adb-bfb2-8f6a442e4624";
    const SALES: &str = "6e0f3a58-2b7c-4d91-a4e3-8c5b1d7f9a02";

    fn with_permission(p: &str) -> Tenant {
        let mut t = demo_tenant();
        t.applications
            .iter_mut()
            .find(|a| a.app_id == APP)
            .unwrap()
            .permissions = vec![p.to_string()];
        t
    }

    fn now(t: &Tenant) -> MailboxAccessState {
        t.exchange().access_state()
    }

    #[test]
    fn an_entra_permission_reaches_every_mailbox_until_a_policy_restricts_it() {
        let mut t = with_permission("Mail.Read");
        let d = decide(&t, &now(&t), APP, MEGAN, MailResource::Mail, MailOp::Read);
        assert!(d.is_allowed());
        assert!(!decide(&t, &now(&t), APP, MEGAN, MailResource::Mail, MailOp::Send).is_allowed());
        t.apply_exchange(&ExchangeChange::NewMailboxPolicies {
            policies: vec![crate::store::MailboxPolicy {
                app_id: APP.into(),
                scope_id: SALES.into(),
                access_right: AccessRight::RestrictAccess,
                description: String::new(),
                extra: ExtraKeys::new(),
            }],
        })
        .unwrap();
        let megan = decide(&t, &now(&t), APP, MEGAN, MailResource::Mail, MailOp::Read);
        assert!(matches!(megan.allowed, Err(Refusal::Policy { .. })));
        let fix = fix_text(
            &t,
            &megan,
            APP,
            MEGAN,
            &[],
            MailResource::Mail,
            MailOp::Read,
        )
        .unwrap();
        assert!(
            fix.starts_with("Add-DistributionGroupMember -Identity \"salesteam@"),
            "{fix}"
        );
        assert!(decide(&t, &now(&t), APP, ALEX, MailResource::Mail, MailOp::Read).is_allowed());
    }

    #[test]
    fn rbac_for_applications_follows_the_management_scope() {
        let mut t = demo_tenant();
        let sp = "11111111-2222-4333-8444-555555555555";
        for c in [
            ExchangeChange::NewServicePrincipal {
                principal: ServicePrincipal {
                    app_id: APP.into(),
                    object_id: sp.into(),
                    display_name: "Scheduling service".into(),
                    extra: ExtraKeys::new(),
                },
            },
            ExchangeChange::NewManagementScope {
                scope: ManagementScope {
                    name: "Sales".into(),
                    recipient_restriction_filter: "MemberOfGroup -eq 'Sales Team'".into(),
                    extra: ExtraKeys::new(),
                },
            },
            ExchangeChange::NewRoleAssignment {
                assignment: RoleAssignment {
                    name: "Mail.Read-Sales".into(),
                    role: "Application Mail.Read".into(),
                    service_principal_id: sp.into(),
                    custom_resource_scope: Some("Sales".into()),
                    extra: ExtraKeys::new(),
                },
            },
        ] {
            t.apply_exchange(&c).unwrap();
        }
        let alex = decide(&t, &now(&t), APP, ALEX, MailResource::Mail, MailOp::Read);
        assert!(matches!(alex.allowed, Ok(Route::Rbac { .. })), "{alex:?}");
        let megan = decide(&t, &now(&t), APP, MEGAN, MailResource::Mail, MailOp::Read);
        assert!(matches!(
            &megan.allowed,
            Err(Refusal::NoPermission { out_of_scope }) if out_of_scope.len() == 1
        ));
        // Calendars are not granted by the Mail.Read role.
        assert!(
            !decide(
                &t,
                &now(&t),
                APP,
                ALEX,
                MailResource::Calendars,
                MailOp::Read
            )
            .is_allowed()
        );
    }

    #[test]
    fn a_user_without_a_mailbox_has_nothing_to_reach() {
        let mut t = with_permission("Mail.Read");
        t.extra.shift_remove(crate::store::EXCHANGE_KEY);
        let d = decide(&t, &now(&t), APP, MEGAN, MailResource::Mail, MailOp::Read);
        assert_eq!(d.allowed, Err(Refusal::NoMailbox));
    }
}
