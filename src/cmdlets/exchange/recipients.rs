//! Recipients: Get-Mailbox, Get-Recipient, Get-DistributionGroup, New-DistributionGroup and
//! Add-/Remove-/Get-DistributionGroupMember. Mail-enabled groups are the directory's groups
//! (`mailEnabled`), so a group made here is also a Graph group and a Teams `-Group` target.

use serde_json::Value as Json;

use super::{
    MODULE, Recipient, all_recipients, exo_error, find_recipients, has_wildcard, object_not_found,
    require_exchange, resolve_recipient,
};
use crate::cmdlets::filter::Filter;
use crate::cmdlets::service::{Decision, read_tenant, transact};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, Flow, PsObject, Value,
};
use crate::store::{Change, ExtraKeys, Tenant, same_id, security_id};
use crate::vocab::{ParamDef, ParamKind, ParamType, Requires, types};

pub const MAILBOX_TYPE: &str = "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox";
pub const RECIPIENT_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient";
pub const GROUP_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Data.Directory.Management.DistributionGroup";

const GROUP_KIND: ParamType = ParamType::new(
    ParamKind::Enum(&["Distribution", "Security"]),
    "GroupType",
    "Microsoft.Exchange.Data.Directory.Management.GroupType",
);

fn identity(help: &'static str) -> ParamDef {
    ParamDef::new("Identity", types::STRING)
        .position(0)
        .from_pipeline()
        .by_property_name()
        .help(help)
}

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Get-Mailbox", MODULE, get_mailbox)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-Mailbox cmdlet to view mailbox objects and attributes.")
            .description("Returns the tenant's mailboxes (the store's exchange.mailboxes), or the one -Identity names: alias, display name, email address, UPN, GUID or the user's object id; wildcards allowed.")
            .default_set("Identity")
            .param(identity("The mailbox: name, alias, display name, email address, GUID or user object id.").sets(&["Identity"]))
            .param(ParamDef::new("Anr", types::STRING).sets(&["AnrSet"]).mandatory().help("Ambiguous name resolution: names, aliases and addresses that start with the text."))
            .param(ParamDef::new("Filter", types::STRING).help("An OPATH filter such as \"Alias -like 'meg*'\"."))
            .param(ParamDef::new("RecipientTypeDetails", types::STRING_ARRAY).help("UserMailbox, SharedMailbox, RoomMailbox or EquipmentMailbox."))
            .param(ParamDef::new("ResultSize", types::UNLIMITED).help("The maximum number of results: a number or Unlimited."))
            .param(ParamDef::new("SortBy", types::STRING).help("A property to sort by (Name, DisplayName, Alias)."))
            .outputs("Mailbox objects (Name, Alias, Database, ProhibitSendQuota, ExternalDirectoryObjectId...).")
            .example("Every mailbox", "Get-Mailbox -ResultSize Unlimited", "Lists the tenant's mailboxes.")
            .example("One mailbox", "Get-Mailbox -Identity megan.bowen@contoso.onmicrosoft.com | Format-List", "Shows every property of Megan Bowen's mailbox."),
        CmdletDef::new("Get-Recipient", MODULE, get_recipient)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-Recipient cmdlet to view existing recipient objects in your organization.")
            .description("Mailboxes and mail-enabled groups. IsValidSecurityPrincipal says whether the recipient can scope an application access policy (user mailboxes and mail-enabled security groups).")
            .default_set("Identity")
            .param(identity("The recipient: name, alias, display name, email address or GUID.").sets(&["Identity"]))
            .param(ParamDef::new("Anr", types::STRING).sets(&["AnrSet"]).mandatory().help("Ambiguous name resolution."))
            .param(ParamDef::new("Filter", types::STRING).help("An OPATH filter."))
            .param(ParamDef::new("RecipientType", types::STRING_ARRAY).help("UserMailbox, MailUniversalSecurityGroup, MailUniversalDistributionGroup..."))
            .param(ParamDef::new("RecipientTypeDetails", types::STRING_ARRAY).help("UserMailbox, SharedMailbox, MailUniversalSecurityGroup..."))
            .param(ParamDef::new("ResultSize", types::UNLIMITED).help("The maximum number of results."))
            .param(ParamDef::new("SortBy", types::STRING).help("A property to sort by."))
            .outputs("Recipients (Name, RecipientType, RecipientTypeDetails, PrimarySmtpAddress, IsValidSecurityPrincipal...).")
            .example("Can this group scope a policy?", "Get-Recipient -Identity salesteam@contoso.onmicrosoft.com | Select-Object Name, RecipientTypeDetails, IsValidSecurityPrincipal", "A mail-enabled security group is a valid security principal."),
        CmdletDef::new("Get-DistributionGroup", MODULE, get_group)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-DistributionGroup cmdlet to view existing distribution groups or mail-enabled security groups.")
            .default_set("Identity")
            .param(identity("The group: name, alias, display name, email address or GUID.").sets(&["Identity"]))
            .param(ParamDef::new("Anr", types::STRING).sets(&["AnrSet"]).mandatory().help("Ambiguous name resolution."))
            .param(ParamDef::new("Filter", types::STRING).help("An OPATH filter."))
            .param(ParamDef::new("RecipientTypeDetails", types::STRING_ARRAY).help("MailUniversalDistributionGroup or MailUniversalSecurityGroup."))
            .param(ParamDef::new("ResultSize", types::UNLIMITED).help("The maximum number of results."))
            .param(ParamDef::new("SortBy", types::STRING).help("A property to sort by."))
            .outputs("Groups (Name, DisplayName, GroupType, PrimarySmtpAddress...).")
            .example("Mail-enabled security groups", "Get-DistributionGroup -RecipientTypeDetails MailUniversalSecurityGroup", "The groups an application access policy can be scoped to."),
        CmdletDef::new("New-DistributionGroup", MODULE, new_group)
            .requires(Requires::Exchange)
            .synopsis("Use the New-DistributionGroup cmdlet to create distribution groups and mail-enabled security groups.")
            .description("Creates the group in the directory (a Graph group with mailEnabled, and securityEnabled for -Type Security), with its members (mailboxes).")
            .should_process()
            .param(ParamDef::new("Name", types::STRING).position(0).mandatory().help("The unique name of the group."))
            .param(ParamDef::new("Alias", types::STRING).help("The alias (mail nickname); default: the name without spaces."))
            .param(ParamDef::new("DisplayName", types::STRING).help("The display name; default: the name."))
            .param(ParamDef::new("PrimarySmtpAddress", types::STRING).help("The primary email address; default: alias@ the tenant's domain."))
            .param(ParamDef::new("Type", GROUP_KIND).help("Distribution (the default) or Security (a mail-enabled security group)."))
            .param(ParamDef::new("Members", types::STRING_ARRAY).help("The members: mailboxes by name, alias, email address or GUID."))
            .param(ParamDef::new("ManagedBy", types::STRING_ARRAY).ignored_offline().help("The owners."))
            .param(ParamDef::new("Notes", types::STRING).ignored_offline().help("Notes about the group."))
            .param(ParamDef::new("CopyOwnerToMember", types::SWITCH).ignored_offline().help("Adds the owners as members."))
            .param(ParamDef::new("IgnoreNamingPolicy", types::SWITCH).ignored_offline().help("Skips the group naming policy."))
            .param(ParamDef::new("RequireSenderAuthenticationEnabled", types::BOOL).ignored_offline().help("Accepts mail only from authenticated senders."))
            .outputs("The new group.")
            .example("A mail-enabled security group for a policy", "New-DistributionGroup -Name \"Mail Readers\" -Alias mailreaders -Type Security -Members megan.bowen@contoso.onmicrosoft.com", "Creates the group an application access policy can be scoped to."),
        CmdletDef::new("Add-DistributionGroupMember", MODULE, add_member)
            .requires(Requires::Exchange)
            .synopsis("Use the Add-DistributionGroupMember cmdlet to add a single recipient to distribution groups and mail-enabled security groups.")
            .should_process()
            .param(identity("The group.").mandatory())
            .param(ParamDef::new("Member", types::STRING).mandatory().help("The mailbox to add."))
            .param(ParamDef::new("BypassSecurityGroupManagerCheck", types::SWITCH).ignored_offline().help("Skips the owner check."))
            .example("Add a mailbox", "Add-DistributionGroupMember -Identity salesteam@contoso.onmicrosoft.com -Member megan.bowen@contoso.onmicrosoft.com", "Adds Megan Bowen to the Sales Team group."),
        CmdletDef::new("Remove-DistributionGroupMember", MODULE, remove_member)
            .requires(Requires::Exchange)
            .synopsis("Use the Remove-DistributionGroupMember cmdlet to remove a single member from distribution groups or mail-enabled security groups.")
            .should_process()
            .confirm_impact(crate::vocab::ConfirmImpact::High)
            .param(identity("The group.").mandatory())
            .param(ParamDef::new("Member", types::STRING).mandatory().help("The member to remove."))
            .param(ParamDef::new("BypassSecurityGroupManagerCheck", types::SWITCH).ignored_offline().help("Skips the owner check."))
            .example("Remove a mailbox", "Remove-DistributionGroupMember -Identity salesteam@contoso.onmicrosoft.com -Member alex.wilber@contoso.onmicrosoft.com -Confirm:$false", "Removes Alex Wilber without a question."),
        CmdletDef::new("Get-DistributionGroupMember", MODULE, get_members)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-DistributionGroupMember cmdlet to view the members of distribution groups and mail-enabled security groups.")
            .param(identity("The group.").mandatory())
            .param(ParamDef::new("ResultSize", types::UNLIMITED).help("The maximum number of results."))
            .outputs("The members (Name, RecipientType...).")
            .example("Who is in the group?", "Get-DistributionGroupMember -Identity salesteam@contoso.onmicrosoft.com", "Lists the members."),
    ]
}

/// The recipient as Get-Recipient and Get-DistributionGroupMember show it.
pub fn recipient_object(t: &Tenant, r: &Recipient<'_>) -> Value {
    let mut o = PsObject::new(RECIPIENT_TYPE);
    fill_common(&mut o, t, r);
    o.set(
        "IsValidSecurityPrincipal",
        Value::Bool(r.is_security_principal()),
    );
    Value::object(o)
}

fn fill_common(o: &mut PsObject, t: &Tenant, r: &Recipient<'_>) {
    let smtp = r.primary_smtp_address();
    let alias = match r {
        Recipient::Mailbox(u, m) => m.alias(u).to_string(),
        Recipient::Group(g) => g
            .extra
            .get("mailNickname")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
    };
    o.set("Name", Value::str(r.name()));
    o.set("RecipientType", Value::str(r.recipient_type()));
    o.set("RecipientTypeDetails", Value::str(r.type_details()));
    o.set("Alias", Value::str(alias));
    o.set("DisplayName", Value::str(r.display_name()));
    o.set("PrimarySmtpAddress", Value::str(&smtp));
    o.set(
        "EmailAddresses",
        Value::array(vec![Value::str(format!("SMTP:{smtp}"))]),
    );
    o.set("ExternalDirectoryObjectId", Value::str(r.object_id()));
    o.set("Identity", Value::str(r.name()));
    o.set("Guid", Value::str(r.guid()));
    o.set(
        "Sid",
        Value::str(security_id(&t.tenant.tenant_id, r.object_id())),
    );
}

fn mailbox_object(t: &Tenant, r: &Recipient<'_>) -> Value {
    let mut o = PsObject::new(MAILBOX_TYPE);
    fill_common(&mut o, t, r);
    if let Recipient::Mailbox(u, m) = r {
        o.set("UserPrincipalName", Value::str(&u.user_principal_name));
        o.set("ExchangeGuid", Value::str(m.guid()));
    }
    // Chosen values (fidelity.md §5): a database name and the default quota of a licensed mailbox.
    o.set("Database", Value::str("NAMPR11DG001-db042"));
    o.set(
        "ProhibitSendQuota",
        Value::str("99 GB (106,300,440,576 bytes)"),
    );
    o.set("IsMailboxEnabled", Value::Bool(true));
    Value::object(o)
}

fn group_object(t: &Tenant, r: &Recipient<'_>) -> Value {
    let mut o = PsObject::new(GROUP_TYPE);
    fill_common(&mut o, t, r);
    let security = r.type_details() == "MailUniversalSecurityGroup";
    o.set(
        "GroupType",
        Value::str(if security {
            "Universal, SecurityEnabled"
        } else {
            "Universal"
        }),
    );
    o.set("ManagedBy", Value::array(Vec::new()));
    Value::object(o)
}

/// What the Get cmdlets share: -Identity (wildcards allowed), -Anr, -Filter, the type lists,
/// -SortBy and -ResultSize, over `pool`.
fn select<'t>(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    t: &'t Tenant,
    pool: Vec<Recipient<'t>>,
    to_object: fn(&Tenant, &Recipient<'_>) -> Value,
) -> Result<Option<Vec<Value>>, Flow> {
    let mut chosen: Vec<Recipient<'t>> = match b.string("Identity") {
        Some(id) if has_wildcard(&id) => pool
            .into_iter()
            .filter(|r| {
                [
                    r.name(),
                    r.display_name().to_string(),
                    r.primary_smtp_address(),
                ]
                .iter()
                .any(|v| crate::runtime::operators::wildcard_match(&id, v, false))
            })
            .collect(),
        Some(id) => {
            let x = t.exchange();
            let found: Vec<Recipient<'t>> = find_recipients(t, &x, &id)
                .into_iter()
                .filter(|r| pool.iter().any(|p| same_id(p.object_id(), r.object_id())))
                .collect();
            if found.is_empty() {
                let r = object_not_found(ctx, &id);
                ctx.write_error(r)?;
                return Ok(None);
            }
            found
        }
        None => pool,
    };
    if let Some(anr) = b.string("Anr") {
        let anr = anr.to_ascii_lowercase();
        chosen.retain(|r| {
            [
                r.name(),
                r.display_name().to_string(),
                r.primary_smtp_address(),
            ]
            .iter()
            .any(|v| v.to_ascii_lowercase().starts_with(&anr))
        });
    }
    for key in ["RecipientTypeDetails", "RecipientType"] {
        if let Some(kinds) = b.strings(key) {
            chosen.retain(|r| {
                let have = if key == "RecipientType" {
                    r.recipient_type()
                } else {
                    r.type_details()
                };
                kinds.iter().any(|k| k.trim().eq_ignore_ascii_case(have))
            });
        }
    }
    let mut objects: Vec<Value> = chosen.iter().map(|r| to_object(t, r)).collect();
    if let Some(text) = b.string("Filter") {
        let filter = match Filter::parse(&text, &|_| Value::Null) {
            Ok(f) => f,
            Err(message) => {
                let r = exo_error(
                    ctx,
                    "Ex1C5D6F",
                    "Microsoft.Exchange.Management.Tasks.TaskArgumentException",
                    &format!("Cannot bind parameter 'Filter' to the target. {message}"),
                    ErrorCategory::InvalidArgument,
                    &text,
                );
                ctx.write_error(r)?;
                return Ok(None);
            }
        };
        objects.retain(|o| filter.matches(o));
    }
    if let Some(prop) = b.string("SortBy") {
        objects.sort_by(|a, b| {
            crate::runtime::operators::sort_order(
                &a.property(&prop).unwrap_or_default(),
                &b.property(&prop).unwrap_or_default(),
                false,
            )
        });
    }
    if let Some(n) = b.int("ResultSize") {
        objects.truncate(n.max(0) as usize);
    }
    Ok(Some(objects))
}

fn get_mailbox(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let pool: Vec<Recipient<'_>> = all_recipients(&t, &x)
        .into_iter()
        .filter(|r| matches!(r, Recipient::Mailbox(..)))
        .collect();
    if let Some(list) = select(ctx, b, &t, pool, mailbox_object)? {
        for o in list {
            ctx.write_object(o);
        }
    }
    Ok(())
}

fn get_recipient(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let pool = all_recipients(&t, &x);
    if let Some(list) = select(ctx, b, &t, pool, recipient_object)? {
        for o in list {
            ctx.write_object(o);
        }
    }
    Ok(())
}

fn get_group(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let pool: Vec<Recipient<'_>> = all_recipients(&t, &x)
        .into_iter()
        .filter(|r| matches!(r, Recipient::Group(_)))
        .collect();
    if let Some(list) = select(ctx, b, &t, pool, group_object)? {
        for o in list {
            ctx.write_object(o);
        }
    }
    Ok(())
}

/// A group recipient by -Identity, or the error to write.
fn resolve_group<'t>(
    ctx: &CommandContext<'_>,
    t: &'t Tenant,
    typed: &str,
) -> Result<&'t crate::store::Group, Box<crate::runtime::ErrorRecord>> {
    let x = t.exchange();
    match resolve_recipient(ctx, t, &x, typed)? {
        Recipient::Group(g) => Ok(g),
        Recipient::Mailbox(..) => Err(Box::new(object_not_found(ctx, typed))),
    }
}

/// A mailbox recipient's user id by -Member, or the error to write.
fn resolve_member(
    ctx: &CommandContext<'_>,
    t: &Tenant,
    typed: &str,
) -> Result<(String, String), Box<crate::runtime::ErrorRecord>> {
    let x = t.exchange();
    match resolve_recipient(ctx, t, &x, typed)? {
        Recipient::Mailbox(u, m) => {
            Ok((u.object_id.clone(), m.primary_smtp_address(u).to_string()))
        }
        Recipient::Group(g) => Err(Box::new(exo_error(
            ctx,
            "ExA8E2B1",
            "Microsoft.Exchange.Management.Tasks.RecipientTaskException",
            &format!(
                "The group \"{}\" can't be added as a member offline: aapsh groups hold mailboxes only.",
                g.display_name
            ),
            ErrorCategory::NotImplemented,
            typed,
        ))),
    }
}

fn new_group(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let name = b.string("Name").unwrap_or_default();
    let t = read_tenant(ctx)?.clone();
    let domain = t.tenant.domain.clone();
    let alias = b.string("Alias").unwrap_or_else(|| {
        name.chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect()
    });
    let display = b.string("DisplayName").unwrap_or_else(|| name.clone());
    let smtp = b
        .string("PrimarySmtpAddress")
        .unwrap_or_else(|| format!("{alias}@{domain}"));
    let security = b
        .string("Type")
        .is_some_and(|k| k.eq_ignore_ascii_case("Security"));
    let x = t.exchange();
    // The address and the name must be free.
    let taken_address = all_recipients(&t, &x)
        .iter()
        .any(|r| r.primary_smtp_address().eq_ignore_ascii_case(&smtp));
    if taken_address {
        let r = exo_error(
            ctx,
            "ExB10BE9",
            "Microsoft.Exchange.Management.Tasks.WLCDManagedMemberExistsException",
            &format!(
                "The proxy address \"SMTP:{smtp}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address."
            ),
            ErrorCategory::NotSpecified,
            &name,
        );
        return ctx.write_error(r);
    }
    if t.groups
        .iter()
        .any(|g| g.display_name.eq_ignore_ascii_case(&name))
    {
        let r = exo_error(
            ctx,
            "Ex2C8A6E",
            "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
            &format!("The name \"{name}\" is already being used. Please try another name."),
            ErrorCategory::NotSpecified,
            &name,
        );
        return ctx.write_error(r);
    }
    let mut members = Vec::new();
    for m in b.strings("Members").unwrap_or_default() {
        match resolve_member(ctx, &t, &m) {
            Ok((id, _)) => members.push(id),
            Err(r) => return ctx.write_error(*r),
        }
    }
    if !ctx.should_process(&name, "New-DistributionGroup")? {
        return Ok(());
    }
    let object_id = ctx.session.ids.new_guid().hyphenated().to_string();
    let mut properties = ExtraKeys::new();
    properties.insert("mail".into(), Json::from(smtp));
    properties.insert("mailNickname".into(), Json::from(alias));
    properties.insert("mailEnabled".into(), Json::from(true));
    properties.insert("securityEnabled".into(), Json::from(security));
    let mut changes = vec![Change::NewGroup {
        object_id: object_id.clone(),
        display_name: display,
        properties,
    }];
    for user_id in members {
        changes.push(Change::AddGroupMember {
            group_id: object_id.clone(),
            user_id,
        });
    }
    let done = transact(ctx, |_| Decision::Apply((), changes))?;
    if done.is_some() {
        let t = read_tenant(ctx)?.clone();
        if let Some(g) = t.group_by_id(&object_id) {
            let o = group_object(&t, &Recipient::Group(g));
            ctx.write_object(o);
        }
    }
    Ok(())
}

fn add_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    change_member(ctx, b, true)
}

fn remove_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    change_member(ctx, b, false)
}

fn change_member(ctx: &mut CommandContext<'_>, b: &BoundParameters, add: bool) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed_group = b.string("Identity").unwrap_or_default();
    let typed_member = b.string("Member").unwrap_or_default();
    let t = read_tenant(ctx)?.clone();
    let group = match resolve_group(ctx, &t, &typed_group) {
        Ok(g) => g.clone(),
        Err(r) => return ctx.write_error(*r),
    };
    let (user_id, smtp) = match resolve_member(ctx, &t, &typed_member) {
        Ok(m) => m,
        Err(r) => return ctx.write_error(*r),
    };
    let member = group.members.iter().any(|m| same_id(m, &user_id));
    if add && member {
        let r = exo_error(
            ctx,
            "Ex94914C",
            "Microsoft.Exchange.Management.Tasks.MemberAlreadyExistsException",
            &format!(
                "The recipient \"{smtp}\" is already a member of the group \"{}\".",
                group.display_name
            ),
            ErrorCategory::NotSpecified,
            &typed_member,
        );
        return ctx.write_error(r);
    }
    if !add && !member {
        let r = exo_error(
            ctx,
            "Ex4D3F8A",
            "Microsoft.Exchange.Management.Tasks.MemberNotFoundException",
            &format!(
                "The recipient \"{smtp}\" isn't a member of the group \"{}\".",
                group.display_name
            ),
            ErrorCategory::NotSpecified,
            &typed_member,
        );
        return ctx.write_error(r);
    }
    let action = if add {
        "Add-DistributionGroupMember"
    } else {
        "Remove-DistributionGroupMember"
    };
    let target = format!("{} ({smtp})", group.display_name);
    if !ctx.should_process(&target, action)? {
        return Ok(());
    }
    let group_id = group.object_id.clone();
    transact(ctx, |_| {
        Decision::Apply(
            (),
            vec![if add {
                Change::AddGroupMember { group_id, user_id }
            } else {
                Change::RemoveGroupMember { group_id, user_id }
            }],
        )
    })?;
    Ok(())
}

fn get_members(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let t = read_tenant(ctx)?.clone();
    let group = match resolve_group(ctx, &t, &typed) {
        Ok(g) => g.clone(),
        Err(r) => return ctx.write_error(*r),
    };
    let x = t.exchange();
    let mut out = Vec::new();
    for id in &group.members {
        if let Some(u) = t.user_by_id(id) {
            let r = match x.mailbox_of(id) {
                Some(m) => Recipient::Mailbox(u, m.clone()),
                None => Recipient::Mailbox(u, crate::store::Mailbox::new(&u.object_id)),
            };
            out.push(recipient_object(&t, &r));
        }
    }
    if let Some(n) = b.int("ResultSize") {
        out.truncate(n.max(0) as usize);
    }
    for o in out {
        ctx.write_object(o);
    }
    Ok(())
}
