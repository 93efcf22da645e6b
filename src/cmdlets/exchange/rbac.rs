//! RBAC for Applications: New-/Get-/Remove-ServicePrincipal (Exchange's pointer to an Entra
//! service principal), New-/Get-/Remove-ManagementScope (recipient filters),
//! New-/Get-/Remove-ManagementRoleAssignment with -App, and Test-ServicePrincipalAuthorization.
//! The roles are the "Application ..." roles (`decide::APPLICATION_ROLES`); how they combine with
//! Entra permissions and application access policies is `decide`'s.

use super::decide::{APPLICATION_ROLES, application_role, scope_matches};
use super::{MODULE, exo_error, object_not_found, require_exchange, resolve_recipient};
use crate::cmdlets::filter::Filter;
use crate::cmdlets::service::{Decision, access_stamp, read_tenant, transact};
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value,
};
use crate::store::{
    Change, ExchangeChange, ExchangeState, ExtraKeys, ManagementScope, RoleAssignment,
    ServicePrincipal, Tenant, same_id, same_name,
};
use crate::vocab::{ConfirmImpact, ParamDef, Requires, types};

pub const SP_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Data.Directory.Management.ServicePrincipal";
pub const SCOPE_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementScope";
pub const ASSIGNMENT_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ExchangeRoleAssignment";
pub const AUTHZ_TYPE: &str =
    "Deserialized.Microsoft.Exchange.Management.RbacTasks.ServicePrincipalAuthorizationResult";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("New-ServicePrincipal", MODULE, new_sp)
            .requires(Requires::Exchange)
            .synopsis("Use the New-ServicePrincipal cmdlet to create service principals in your cloud-based organization.")
            .description("Registers an app's Entra service principal with Exchange, the first step of RBAC for Applications. -AppId is the app (client) id; -ObjectId the enterprise application's object id (not the app registration's).")
            .should_process()
            .param(ParamDef::new("AppId", types::STRING).mandatory().help("The app (client) id."))
            .param(ParamDef::new("ObjectId", types::STRING).mandatory().help("The object id of the app's service principal (enterprise application)."))
            .param(ParamDef::new("DisplayName", types::STRING).help("A name for the service principal."))
            .param(ParamDef::new("Organization", types::STRING).ignored_offline().help("The organization (offline: the store's tenant)."))
            .outputs("The service principal (DisplayName, ObjectId, AppId).")
            .example("Register an app", "New-ServicePrincipal -AppId a41d7c2e-5b90-4e3f-8c17-2d6b9f0e4a83 -ObjectId 6233fba6-0198-4277-892f-9275bf728bcc -DisplayName \"Scheduling service\"", "The app can now be assigned Application roles."),
        CmdletDef::new("Get-ServicePrincipal", MODULE, get_sp)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-ServicePrincipal cmdlet to view information about service principals in your cloud-based organization.")
            .param(ParamDef::new("Identity", types::STRING).position(0).from_pipeline().by_property_name().help("The service principal: object id, app id or display name."))
            .param(ParamDef::new("Organization", types::STRING).ignored_offline().help("The organization."))
            .outputs("Service principals."),
        CmdletDef::new("Remove-ServicePrincipal", MODULE, remove_sp)
            .requires(Requires::Exchange)
            .synopsis("Use the Remove-ServicePrincipal cmdlet to remove service principals from your cloud-based organization.")
            .description("Its role assignments go with it.")
            .should_process()
            .confirm_impact(ConfirmImpact::High)
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The service principal.")),
        CmdletDef::new("New-ManagementScope", MODULE, new_scope)
            .requires(Requires::Exchange)
            .synopsis("Use the New-ManagementScope cmdlet to create a regular or exclusive management scope.")
            .description("A recipient scope for RBAC for Applications: -RecipientRestrictionFilter is an OPATH filter over recipient properties (Department, City, Title, CustomAttribute1-15, PrimarySmtpAddress, MemberOfGroup...).")
            .should_process()
            .param(ParamDef::new("Name", types::STRING).position(0).mandatory().help("The name of the scope."))
            .param(ParamDef::new("RecipientRestrictionFilter", types::STRING).mandatory().help("The recipient filter, e.g. \"Department -eq 'Sales'\"."))
            .param(ParamDef::new("RecipientRoot", types::STRING).ignored_offline().help("The organizational unit the filter applies under."))
            .param(ParamDef::new("Exclusive", types::SWITCH).not_emulated().help("Creates an exclusive scope."))
            .param(ParamDef::new("Force", types::SWITCH).help("Skips the exclusive-scope question."))
            .outputs("The scope (Name, ScopeRestrictionType, Exclusive, RecipientRoot, RecipientFilter, ServerFilter).")
            .example("Scope to a department", "New-ManagementScope -Name \"Sales mailboxes\" -RecipientRestrictionFilter \"Department -eq 'Sales'\"", "Role assignments with -CustomResourceScope \"Sales mailboxes\" reach only those mailboxes."),
        CmdletDef::new("Get-ManagementScope", MODULE, get_scope)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-ManagementScope cmdlet to return a list of management scopes.")
            .param(ParamDef::new("Identity", types::STRING).position(0).from_pipeline().by_property_name().help("The scope's name."))
            .outputs("Management scopes."),
        CmdletDef::new("Remove-ManagementScope", MODULE, remove_scope)
            .requires(Requires::Exchange)
            .synopsis("Use the Remove-ManagementScope cmdlet to remove existing management scopes.")
            .should_process()
            .confirm_impact(ConfirmImpact::High)
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The scope's name.")),
        CmdletDef::new("New-ManagementRoleAssignment", MODULE, new_assignment)
            .requires(Requires::Exchange)
            .synopsis("Use the New-ManagementRoleAssignment cmdlet to assign a management role to a management role group, management role assignment policy, user, or universal security group (USG).")
            .description("Offline, the -App parameter set (RBAC for Applications): assigns an \"Application ...\" role (Application Mail.Read, Application Calendars.ReadWrite...) to an Exchange service principal (New-ServicePrincipal), for the whole organization or a -CustomResourceScope. The grant adds to the app's Microsoft Entra permissions: to narrow an app to the scope, remove the unscoped Entra permission (Revoke-EmuAppPermission).")
            .should_process()
            .default_set("App")
            .param(ParamDef::new("App", types::STRING).sets(&["App"]).mandatory().help("The service principal: object id, app id or display name."))
            .param(ParamDef::new("Role", types::STRING).position(0).mandatory().help("The role, e.g. \"Application Mail.Read\"."))
            .param(ParamDef::new("CustomResourceScope", types::STRING).help("A management scope (New-ManagementScope); the whole organization when left out."))
            .param(ParamDef::new("Name", types::STRING).help("The assignment's name; default: the role and the app."))
            .param(ParamDef::new("RecipientAdministrativeUnitScope", types::STRING).not_emulated().help("An administrative unit scope."))
            .outputs("The assignment (Name, Role, RoleAssigneeName, RoleAssigneeType, AssignmentMethod, CustomResourceScope).")
            .example("Read mail in a scope", "New-ManagementRoleAssignment -App 6233fba6-0198-4277-892f-9275bf728bcc -Role \"Application Mail.Read\" -CustomResourceScope \"Sales mailboxes\"", "The app may read mail in the scope's mailboxes."),
        CmdletDef::new("Get-ManagementRoleAssignment", MODULE, get_assignment)
            .requires(Requires::Exchange)
            .synopsis("Use the Get-ManagementRoleAssignment cmdlet to retrieve management role assignments.")
            .param(ParamDef::new("Identity", types::STRING).position(0).from_pipeline().by_property_name().help("The assignment's name."))
            .param(ParamDef::new("Role", types::STRING).help("Only assignments of this role."))
            .param(ParamDef::new("RoleAssignee", types::STRING).help("Only assignments to this service principal."))
            .outputs("Role assignments."),
        CmdletDef::new("Remove-ManagementRoleAssignment", MODULE, remove_assignment)
            .requires(Requires::Exchange)
            .synopsis("Use the Remove-ManagementRoleAssignment cmdlet to remove management role assignments.")
            .should_process()
            .confirm_impact(ConfirmImpact::High)
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The assignment's name.")),
        CmdletDef::new("Test-ServicePrincipalAuthorization", MODULE, test_authz)
            .requires(Requires::Exchange)
            .synopsis("Use the Test-ServicePrincipalAuthorization cmdlet to test the access granted by role-based access control (RBAC) for Applications.")
            .should_process()
            .param(ParamDef::new("Identity", types::STRING).position(0).mandatory().from_pipeline().by_property_name().help("The service principal: object id, app id or display name."))
            .param(ParamDef::new("Resource", types::STRING).help("A mailbox to check each assignment's scope against."))
            .outputs("One row per role assignment: RoleName, GrantedPermissions, AllowedResourceScope, ScopeType, InScope.")
            .example("Does the scope cover this mailbox?", "Test-ServicePrincipalAuthorization -Identity \"Scheduling service\" -Resource alex.wilber@contoso.onmicrosoft.com | Format-Table", "InScope is True for the assignments that reach the mailbox."),
    ]
}

fn sp_object(sp: &ServicePrincipal) -> Value {
    Value::object(
        PsObject::new(SP_TYPE)
            .with("DisplayName", Value::str(&sp.display_name))
            .with("ObjectId", Value::str(&sp.object_id))
            .with("AppId", Value::str(&sp.app_id))
            .with("Identity", Value::str(&sp.object_id)),
    )
}

fn scope_object(s: &ManagementScope) -> Value {
    Value::object(
        PsObject::new(SCOPE_TYPE)
            .with("Name", Value::str(&s.name))
            .with("ScopeRestrictionType", Value::str("RecipientScope"))
            .with("Exclusive", Value::Bool(false))
            .with("RecipientRoot", Value::Null)
            .with(
                "RecipientFilter",
                Value::str(&s.recipient_restriction_filter),
            )
            .with("ServerFilter", Value::Null),
    )
}

fn assignment_object(x: &ExchangeState, a: &RoleAssignment) -> Value {
    let assignee = x
        .service_principal(&a.service_principal_id)
        .map(|s| s.object_id.clone())
        .unwrap_or_else(|| a.service_principal_id.clone());
    Value::object(
        PsObject::new(ASSIGNMENT_TYPE)
            .with("Name", Value::str(&a.name))
            .with("Role", Value::str(&a.role))
            .with("RoleAssigneeName", Value::str(assignee))
            .with("RoleAssigneeType", Value::str("ServicePrincipal"))
            .with("AssignmentMethod", Value::str("Direct"))
            .with(
                "CustomResourceScope",
                a.custom_resource_scope
                    .as_deref()
                    .map_or(Value::Null, Value::str),
            )
            .with(
                "RecipientWriteScope",
                Value::str(if a.custom_resource_scope.is_some() {
                    "CustomRecipientScope"
                } else {
                    "Organization"
                }),
            ),
    )
}

/// A service principal by object id, app id or display name.
fn find_sp(x: &ExchangeState, typed: &str) -> Option<ServicePrincipal> {
    let typed = typed.trim();
    x.service_principals
        .iter()
        .find(|s| {
            same_id(&s.object_id, typed)
                || same_id(&s.app_id, typed)
                || s.display_name.eq_ignore_ascii_case(typed)
        })
        .cloned()
}

fn with_pending(ctx: &CommandContext<'_>, change: ExchangeChange) -> Vec<Change> {
    let stamp = access_stamp(ctx);
    vec![
        Change::Exchange(ExchangeChange::RecordPending {
            at: stamp.at,
            command: stamp.command,
        }),
        Change::Exchange(change),
    ]
}

fn guid_arg(ctx: &CommandContext<'_>, name: &str, typed: &str) -> Result<String, Box<ErrorRecord>> {
    uuid::Uuid::try_parse(typed.trim())
        .ok()
        .filter(|_| typed.trim().len() == 36)
        .map(|g| g.hyphenated().to_string())
        .ok_or_else(|| {
            Box::new(exo_error(
                ctx,
                "Ex7D1E3C",
                "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException",
                &format!("The value \"{typed}\" of {name} isn't a valid GUID."),
                ErrorCategory::InvalidArgument,
                typed,
            ))
        })
}

fn new_sp(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let app_typed = b.string("AppId").unwrap_or_default();
    let obj_typed = b.string("ObjectId").unwrap_or_default();
    let (app_id, object_id) = match (
        guid_arg(ctx, "AppId", &app_typed),
        guid_arg(ctx, "ObjectId", &obj_typed),
    ) {
        (Ok(a), Ok(o)) => (a, o),
        (Err(r), _) | (_, Err(r)) => return ctx.write_error(*r),
    };
    let t = read_tenant(ctx)?.clone();
    let x = t.exchange();
    if x.service_principals
        .iter()
        .any(|s| same_id(&s.app_id, &app_id) || same_id(&s.object_id, &object_id))
    {
        let r = exo_error(
            ctx,
            "Ex6A2B19",
            "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
            &format!(
                "A service principal with AppId \"{app_id}\" or ObjectId \"{object_id}\" already exists."
            ),
            ErrorCategory::ResourceExists,
            &app_typed,
        );
        return ctx.write_error(r);
    }
    let display_name = b.string("DisplayName").unwrap_or_else(|| {
        t.find_application(&app_id)
            .map(|a| a.display_name.clone())
            .unwrap_or_else(|| app_id.clone())
    });
    if !ctx.should_process(&display_name, "New-ServicePrincipal")? {
        return Ok(());
    }
    let sp = ServicePrincipal {
        app_id,
        object_id,
        display_name,
        extra: ExtraKeys::new(),
    };
    let changes = with_pending(
        ctx,
        ExchangeChange::NewServicePrincipal {
            principal: sp.clone(),
        },
    );
    if transact(ctx, |_| Decision::Apply((), changes))?.is_some() {
        ctx.write_object(sp_object(&sp));
    }
    Ok(())
}

fn get_sp(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let x = read_tenant(ctx)?.exchange();
    match b.string("Identity") {
        Some(id) => match find_sp(&x, &id) {
            Some(sp) => ctx.write_object(sp_object(&sp)),
            None => {
                let r = object_not_found(ctx, &id);
                return ctx.write_error(r);
            }
        },
        None => {
            for sp in &x.service_principals {
                ctx.write_object(sp_object(sp));
            }
        }
    }
    Ok(())
}

fn remove_sp(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let x = read_tenant(ctx)?.exchange();
    let Some(sp) = find_sp(&x, &typed) else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&sp.display_name, "Remove-ServicePrincipal")? {
        return Ok(());
    }
    let changes = with_pending(
        ctx,
        ExchangeChange::RemoveServicePrincipal {
            object_id: sp.object_id,
        },
    );
    transact(ctx, |_| Decision::Apply((), changes))?;
    Ok(())
}

fn new_scope(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let name = b.string("Name").unwrap_or_default();
    let filter = b.string("RecipientRestrictionFilter").unwrap_or_default();
    if let Err(message) = Filter::parse(&filter, &|_| Value::Null) {
        let r = exo_error(
            ctx,
            "Ex8F1C0D",
            "Microsoft.Exchange.Configuration.Tasks.TaskArgumentException",
            &format!("The recipient filter \"{filter}\" isn't valid. {message}"),
            ErrorCategory::InvalidArgument,
            &filter,
        );
        return ctx.write_error(r);
    }
    let x = read_tenant(ctx)?.exchange();
    if x.management_scopes
        .iter()
        .any(|s| same_name(&s.name, &name))
    {
        let r = exo_error(
            ctx,
            "Ex2C8A6E",
            "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
            &format!("The management scope \"{name}\" already exists."),
            ErrorCategory::ResourceExists,
            &name,
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&name, "New-ManagementScope")? {
        return Ok(());
    }
    let scope = ManagementScope {
        name,
        recipient_restriction_filter: filter,
        extra: ExtraKeys::new(),
    };
    let changes = with_pending(
        ctx,
        ExchangeChange::NewManagementScope {
            scope: scope.clone(),
        },
    );
    if transact(ctx, |_| Decision::Apply((), changes))?.is_some() {
        ctx.write_object(scope_object(&scope));
    }
    Ok(())
}

fn get_scope(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let x = read_tenant(ctx)?.exchange();
    let id = b.string("Identity");
    let mut any = false;
    for s in &x.management_scopes {
        if id.as_deref().is_none_or(|i| same_name(i.trim(), &s.name)) {
            any = true;
            ctx.write_object(scope_object(s));
        }
    }
    if let (Some(id), false) = (id, any) {
        let r = object_not_found(ctx, &id);
        return ctx.write_error(r);
    }
    Ok(())
}

fn remove_scope(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let x = read_tenant(ctx)?.exchange();
    let Some(scope) = x
        .management_scopes
        .iter()
        .find(|s| same_name(&s.name, typed.trim()))
        .cloned()
    else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if let Some(a) = x.role_assignments.iter().find(|a| {
        a.custom_resource_scope
            .as_deref()
            .is_some_and(|s| same_name(s, &scope.name))
    }) {
        let r = exo_error(
            ctx,
            "Ex1F0B7E",
            "Microsoft.Exchange.Management.RbacTasks.ManagementScopeInUseException",
            &format!(
                "The management scope \"{}\" can't be removed because it's used by the role assignment \"{}\".",
                scope.name, a.name
            ),
            ErrorCategory::InvalidOperation,
            &typed,
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&scope.name, "Remove-ManagementScope")? {
        return Ok(());
    }
    let changes = with_pending(
        ctx,
        ExchangeChange::RemoveManagementScope { name: scope.name },
    );
    transact(ctx, |_| Decision::Apply((), changes))?;
    Ok(())
}

fn new_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed_app = b.string("App").unwrap_or_default();
    let typed_role = b.string("Role").unwrap_or_default();
    let x = read_tenant(ctx)?.exchange();
    let Some(sp) = find_sp(&x, &typed_app) else {
        let r = object_not_found(ctx, &typed_app);
        return ctx.write_error(r);
    };
    let Some((role, _)) = application_role(&typed_role) else {
        let r = object_not_found(ctx, &typed_role);
        return ctx.write_error(r);
    };
    let scope = match b.string("CustomResourceScope") {
        Some(s) => match x
            .management_scopes
            .iter()
            .find(|m| same_name(&m.name, s.trim()))
        {
            Some(m) => Some(m.name.clone()),
            None => {
                let r = object_not_found(ctx, &s);
                return ctx.write_error(r);
            }
        },
        None => None,
    };
    let mut name = b
        .string("Name")
        .unwrap_or_else(|| format!("{role}-{}", sp.display_name));
    name.truncate(64);
    if x.role_assignments.iter().any(|a| same_name(&a.name, &name)) {
        let r = exo_error(
            ctx,
            "Ex2C8A6E",
            "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
            &format!("The role assignment \"{name}\" already exists."),
            ErrorCategory::ResourceExists,
            &name,
        );
        return ctx.write_error(r);
    }
    if !ctx.should_process(&name, "New-ManagementRoleAssignment")? {
        return Ok(());
    }
    let assignment = RoleAssignment {
        name,
        role: role.to_string(),
        service_principal_id: sp.object_id.clone(),
        custom_resource_scope: scope,
        extra: ExtraKeys::new(),
    };
    let changes = with_pending(
        ctx,
        ExchangeChange::NewRoleAssignment {
            assignment: assignment.clone(),
        },
    );
    if transact(ctx, |_| Decision::Apply((), changes))?.is_some() {
        let x = read_tenant(ctx)?.exchange();
        ctx.write_object(assignment_object(&x, &assignment));
    }
    Ok(())
}

fn get_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let x = read_tenant(ctx)?.exchange();
    let id = b.string("Identity");
    let role = b.string("Role");
    let assignee = b.string("RoleAssignee").map(|a| find_sp(&x, &a));
    if let Some(None) = &assignee {
        let typed = b.string("RoleAssignee").unwrap_or_default();
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    }
    let mut any = false;
    for a in &x.role_assignments {
        let keep = id.as_deref().is_none_or(|i| same_name(i.trim(), &a.name))
            && role.as_deref().is_none_or(|r| same_name(r.trim(), &a.role))
            && assignee
                .as_ref()
                .and_then(|s| s.as_ref())
                .is_none_or(|s| same_id(&s.object_id, &a.service_principal_id));
        if keep {
            any = true;
            ctx.write_object(assignment_object(&x, a));
        }
    }
    if let (Some(id), false) = (id, any) {
        let r = object_not_found(ctx, &id);
        return ctx.write_error(r);
    }
    Ok(())
}

fn remove_assignment(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let typed = b.string("Identity").unwrap_or_default();
    let x = read_tenant(ctx)?.exchange();
    let Some(a) = x
        .role_assignments
        .iter()
        .find(|a| same_name(&a.name, typed.trim()))
        .cloned()
    else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    if !ctx.should_process(&a.name, "Remove-ManagementRoleAssignment")? {
        return Ok(());
    }
    let changes = with_pending(ctx, ExchangeChange::RemoveRoleAssignment { name: a.name });
    transact(ctx, |_| Decision::Apply((), changes))?;
    Ok(())
}

fn test_authz(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    require_exchange(ctx)?;
    let t: Tenant = read_tenant(ctx)?.clone();
    let x = t.exchange();
    let typed = b.string("Identity").unwrap_or_default();
    let Some(sp) = find_sp(&x, &typed) else {
        let r = object_not_found(ctx, &typed);
        return ctx.write_error(r);
    };
    let resource = match b.string("Resource") {
        Some(typed) => match resolve_recipient(ctx, &t, &x, &typed) {
            Ok(r) => Some(r.object_id().to_string()),
            Err(r) => return ctx.write_error(*r),
        },
        None => None,
    };
    for a in x
        .role_assignments
        .iter()
        .filter(|a| same_id(&a.service_principal_id, &sp.object_id))
    {
        let granted = APPLICATION_ROLES
            .iter()
            .find(|(n, _)| same_name(n, &a.role))
            .map(|(_, g)| g.join(", "))
            .unwrap_or_default();
        let (scope_name, scope_type) = match &a.custom_resource_scope {
            Some(s) => (s.clone(), "CustomRecipientScope"),
            None => ("Organization".to_string(), "Organization"),
        };
        let in_scope = match &resource {
            None => Value::str("Not Run"),
            Some(user_id) => Value::Bool(match &a.custom_resource_scope {
                None => true,
                Some(s) => x
                    .management_scopes
                    .iter()
                    .find(|m| same_name(&m.name, s))
                    .is_some_and(|m| scope_matches(&t, &m.recipient_restriction_filter, user_id)),
            }),
        };
        ctx.write_object(Value::object(
            PsObject::new(AUTHZ_TYPE)
                .with("RoleName", Value::str(&a.role))
                .with("GrantedPermissions", Value::str(granted))
                .with("AllowedResourceScope", Value::str(scope_name))
                .with("ScopeType", Value::str(scope_type))
                .with("InScope", in_scope),
        ));
    }
    Ok(())
}
