//! The Exchange Online side (ExchangeOnlineManagement): Connect-/Disconnect-ExchangeOnline,
//! recipients (mailboxes and mail-enabled groups), Exchange application access policies, RBAC
//! for Applications, the mailbox access decision, and the Graph mail, calendar, contacts and
//! mailbox-settings calls it decides.
//!
//! Map: `connect` the connection stand-ins · `recipients` Get-Mailbox, Get-Recipient and the
//! distribution group cmdlets · `policies` the *-ApplicationAccessPolicy cmdlets · `rbac` RBAC
//! for Applications · `decide` which mechanism lets an app reach a mailbox (pure) · `mail` the
//! Graph side. This file holds what they share: recipient lookup, the error records the
//! Exchange module writes, and the not-connected behaviour.
//!
//! As in the real module (EXO V3), the Exchange cmdlets exist only after Connect-ExchangeOnline:
//! before it, each reports PowerShell's "not recognized" error (with a hint naming
//! Connect-ExchangeOnline). Errors from the service are written by the module's
//! `Write-ErrorMessage` function as `<code>|<exception type>|<message>` (the shape public
//! transcripts show; fidelity.md §5).

pub mod about;
mod connect;
pub mod decide;
pub mod explain;
pub mod mail;
mod policies;
#[cfg(test)]
mod props;
mod rbac;
mod recipients;

use crate::runtime::{CmdletDef, CommandContext, Connection, ErrorCategory, ErrorRecord, Flow};
use crate::store::{
    ExchangeState, Group, Mailbox, Tenant, User, derived_guid, is_mail_enabled, same_id,
};

pub(super) const MODULE: &str = "ExchangeOnlineManagement";

/// The server name Exchange errors name (chosen; a real one names a domain controller).
pub(super) const DOMAIN_CONTROLLER: &str = "DM6PR11A001DC01.NAMPR11A001.PROD.OUTLOOK.COM";

pub fn definitions() -> Vec<CmdletDef> {
    let mut all: Vec<CmdletDef> = Vec::new();
    all.extend(connect::definitions());
    all.extend(recipients::definitions());
    all.extend(policies::definitions());
    all.extend(rbac::definitions());
    all.extend(mail::definitions());
    // A cmdlet with a pipeline parameter runs once per piped record (the real ones are cmdlets
    // with ValueFromPipeline parameters: `Get-ApplicationAccessPolicy | Remove-...`).
    all.into_iter()
        .map(|d| {
            let piped = d.params.iter().any(|p| {
                p.sets
                    .iter()
                    .any(|s| s.from_pipeline || s.from_pipeline_by_property_name)
            });
            if piped {
                d.pipeline(crate::vocab::PipelineMode::PerRecord)
            } else {
                d
            }
        })
        .collect()
}

/// The Exchange connection, or PowerShell's "not recognized" error for the cmdlet: the real
/// module creates these commands only when it connects.
pub(super) fn require_exchange(ctx: &CommandContext<'_>) -> Result<Connection, Flow> {
    if let Some(c) = &ctx.session.exchange {
        return Ok(c.clone());
    }
    let typed = ctx.invocation_name.clone();
    let mut r = crate::runtime::errors::command_not_found(&typed);
    r.suggestion = Some(format!(
        "{} is an Exchange Online cmdlet: it exists once Connect-ExchangeOnline has run (module ExchangeOnlineManagement).",
        ctx.def.name
    ));
    // The position of the command name only, as for any unknown command.
    let probe = ctx.error("System.Exception", "", "", ErrorCategory::NotSpecified);
    if let Some(mut inv) = probe.invocation {
        inv.command_name = None;
        let start = inv.extent.start as usize;
        let end = (start + typed.len()).min(inv.extent.end as usize);
        inv.extent = crate::syntax::span::Span::new(start, end);
        r.invocation = Some(inv);
    }
    Err(Flow::statement_error(r))
}

/// An error as the EXO V3 module writes it: `Write-ErrorMessage: <code>|<type>|<message>`,
/// non-terminating, from inside the module (no script position).
pub(super) fn exo_error(
    ctx: &CommandContext<'_>,
    code: &str,
    exception: &str,
    message: &str,
    category: ErrorCategory,
    target: &str,
) -> ErrorRecord {
    let mut r = ctx.error(
        "Microsoft.PowerShell.Commands.WriteErrorException",
        format!("{code}|{exception}|{message}"),
        &format!(
            "{},{}",
            exception.rsplit('.').next().unwrap_or(exception),
            ctx.def.class_name
        ),
        category,
    );
    r.target_object = Some(crate::runtime::Value::str(target));
    r.target_name = target.to_string();
    r.activity = "Write-ErrorMessage".to_string();
    let module_file = crate::syntax::span::SourceFile::new(
        Some(std::path::PathBuf::from(
            "/tmp/tmpEXO_aapsh/tmpEXO_aapsh.psm1",
        )),
        String::new(),
    );
    r.invocation = Some(crate::runtime::error_record::InvocationInfo {
        command_name: Some("Write-ErrorMessage".to_string()),
        invocation_name: Some("Write-ErrorMessage".to_string()),
        source: module_file,
        extent: Default::default(),
        command_kind: Default::default(),
    });
    r
}

/// `The operation couldn't be performed because object '<x>' couldn't be found on '<dc>'.`
pub(super) fn object_not_found(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    exo_error(
        ctx,
        "Ex6F9304",
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
        &format!(
            "The operation couldn't be performed because object '{typed}' couldn't be found on '{DOMAIN_CONTROLLER}'."
        ),
        ErrorCategory::NotSpecified,
        typed,
    )
}

/// `The operation couldn't be performed because '<x>' matches multiple entries.`
pub(super) fn ambiguous(ctx: &CommandContext<'_>, typed: &str) -> ErrorRecord {
    exo_error(
        ctx,
        "Ex9C6D6D",
        "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException",
        &format!("The operation couldn't be performed because '{typed}' matches multiple entries."),
        ErrorCategory::NotSpecified,
        typed,
    )
}

/// A recipient: a mailbox (with its user) or a mail-enabled group.
#[derive(Clone, Debug)]
pub enum Recipient<'t> {
    Mailbox(&'t User, Mailbox),
    Group(&'t Group),
}

impl Recipient<'_> {
    pub fn object_id(&self) -> &str {
        match self {
            Recipient::Mailbox(u, _) => &u.object_id,
            Recipient::Group(g) => &g.object_id,
        }
    }

    /// The Exchange `Name`: a mailbox's alias, a group's display name.
    pub fn name(&self) -> String {
        match self {
            Recipient::Mailbox(u, m) => m.alias(u).to_string(),
            Recipient::Group(g) => g.display_name.clone(),
        }
    }

    pub fn display_name(&self) -> &str {
        match self {
            Recipient::Mailbox(u, _) => &u.display_name,
            Recipient::Group(g) => &g.display_name,
        }
    }

    pub fn primary_smtp_address(&self) -> String {
        match self {
            Recipient::Mailbox(u, m) => m.primary_smtp_address(u).to_string(),
            Recipient::Group(g) => group_mail(g),
        }
    }

    pub fn type_details(&self) -> &str {
        match self {
            Recipient::Mailbox(_, m) => m.type_details(),
            Recipient::Group(g) if crate::store::is_mail_enabled_security(g) => {
                "MailUniversalSecurityGroup"
            }
            Recipient::Group(_) => "MailUniversalDistributionGroup",
        }
    }

    /// RecipientType as Get-Recipient shows it.
    pub fn recipient_type(&self) -> &str {
        match self {
            Recipient::Mailbox(..) => "UserMailbox",
            Recipient::Group(_) => self.type_details(),
        }
    }

    /// Whether the recipient can be given permissions (PolicyScopeGroupId's rule): user
    /// mailboxes and mail-enabled security groups.
    pub fn is_security_principal(&self) -> bool {
        matches!(
            self.type_details(),
            "UserMailbox" | "MailUniversalSecurityGroup"
        )
    }

    /// The Exchange object GUID (a mailbox's own, a group's object id).
    pub fn guid(&self) -> String {
        match self {
            Recipient::Mailbox(_, m) => m.guid(),
            Recipient::Group(g) => derived_guid(&g.object_id, 0x3c),
        }
    }
}

/// A group's SMTP address: `mail`, else its nickname (or name) at the tenant's domain.
pub(super) fn group_mail(g: &Group) -> String {
    g.extra
        .get("mail")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or_default()
}

/// Every recipient `typed` names (RecipientIdParameter: name, alias, display name, email
/// address, GUID or object id), mailboxes first.
pub(super) fn find_recipients<'t>(
    t: &'t Tenant,
    x: &ExchangeState,
    typed: &str,
) -> Vec<Recipient<'t>> {
    let typed = typed.trim();
    let mut found = Vec::new();
    for m in &x.mailboxes {
        let Some(u) = t.user_by_id(&m.user_id) else {
            continue;
        };
        let hit = same_id(&u.object_id, typed)
            || same_id(&m.guid(), typed)
            || m.alias(u).eq_ignore_ascii_case(typed)
            || u.display_name.eq_ignore_ascii_case(typed)
            || m.primary_smtp_address(u).eq_ignore_ascii_case(typed)
            || u.user_principal_name.eq_ignore_ascii_case(typed);
        if hit {
            found.push(Recipient::Mailbox(u, m.clone()));
        }
    }
    for g in t.groups.iter().filter(|g| is_mail_enabled(g)) {
        let nick = g
            .extra
            .get("mailNickname")
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let hit = same_id(&g.object_id, typed)
            || same_id(&derived_guid(&g.object_id, 0x3c), typed)
            || g.display_name.eq_ignore_ascii_case(typed)
            || (!nick.is_empty() && nick.eq_ignore_ascii_case(typed))
            || group_mail(g).eq_ignore_ascii_case(typed);
        if hit {
            found.push(Recipient::Group(g));
        }
    }
    found
}

/// One recipient, or the error to report (not found, ambiguous).
pub(super) fn resolve_recipient<'t>(
    ctx: &CommandContext<'_>,
    t: &'t Tenant,
    x: &ExchangeState,
    typed: &str,
) -> Result<Recipient<'t>, Box<ErrorRecord>> {
    let mut found = find_recipients(t, x, typed);
    match found.len() {
        0 => Err(Box::new(object_not_found(ctx, typed))),
        1 => Ok(found.remove(0)),
        _ => Err(Box::new(ambiguous(ctx, typed))),
    }
}

/// Every recipient of the tenant: mailboxes, then mail-enabled groups.
pub(super) fn all_recipients<'t>(t: &'t Tenant, x: &ExchangeState) -> Vec<Recipient<'t>> {
    let mut out: Vec<Recipient<'t>> = x
        .mailboxes
        .iter()
        .filter_map(|m| {
            t.user_by_id(&m.user_id)
                .map(|u| Recipient::Mailbox(u, m.clone()))
        })
        .collect();
    out.extend(
        t.groups
            .iter()
            .filter(|g| is_mail_enabled(g))
            .map(Recipient::Group),
    );
    out
}

/// Wildcard match as Exchange's `-Identity`/`-Anr` lookups accept (`*` anywhere).
pub(super) fn has_wildcard(typed: &str) -> bool {
    typed.contains('*')
}
