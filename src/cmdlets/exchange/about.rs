//! `Get-Help about_ApplicationAccessPolicies`: the two products' application access policies
//! side by side, for the admin who followed the Graph page and typed the wrong one.

pub const TOPIC: &str = "about_ApplicationAccessPolicies";

/// The topic's text, wrapped to `width` with `wrap` (the help module's word wrapper).
pub fn text(width: usize, wrap: fn(&str, usize, usize) -> Vec<String>) -> String {
    let mut out = vec![
        String::new(),
        "TOPIC".into(),
        format!("    {TOPIC}"),
        String::new(),
        "SHORT DESCRIPTION".into(),
    ];
    out.extend(wrap(
        "Two products call their policies \"application access policies\": Microsoft Teams decides online meetings, Exchange Online decides mailboxes. A policy of one changes nothing for the other.",
        4,
        width,
    ));
    out.push(String::new());
    out.push("LONG DESCRIPTION".into());
    let sections: [(&str, &str); 6] = [
        (
            "TEAMS (MicrosoftTeams module, cmdlets with Cs)",
            "New-, Get-, Set-, Remove- and Grant-CsApplicationAccessPolicy. A policy lists AppIds; it is granted to users, groups (-Group -Rank) or the tenant (-Global). It lets an app with OnlineMeetings.Read.All or OnlineMeetings.ReadWrite.All create or read online meetings on behalf of the users it is granted to (Graph /users/{id}/onlineMeetings). Without a grant that lists the app, the call is refused.",
        ),
        (
            "EXCHANGE ONLINE (ExchangeOnlineManagement module, no Cs)",
            "New-, Get-, Set-, Remove- and Test-ApplicationAccessPolicy, after Connect-ExchangeOnline. A policy names one app and one scope (a mail-enabled security group or a user mailbox) with -AccessRight RestrictAccess or DenyAccess. It limits an app that has Mail, Calendars, Contacts or MailboxSettings application permissions: without any policy such an app reaches every mailbox. There is no Grant-ApplicationAccessPolicy: the policy applies to its -PolicyScopeGroupId when it is created.",
        ),
        (
            "RBAC FOR APPLICATIONS (Exchange Online, the successor)",
            "New-ServicePrincipal, New-ManagementScope and New-ManagementRoleAssignment -App -Role \"Application Mail.Read\" -CustomResourceScope give an app a mailbox permission for the mailboxes a recipient filter selects. Microsoft recommends it instead of Exchange application access policies. Its grants add to the app's Microsoft Entra permissions: to limit an app to a scope, remove the unscoped Entra permission. Test-ServicePrincipalAuthorization checks an assignment against a mailbox.",
        ),
        (
            "WHICH ONE DECIDES A CALL",
            "Online meetings: the Teams policy granted to the user. Mail, calendar, contacts and mailbox settings: a Microsoft Entra permission within the Exchange application access policies, or an RBAC for Applications role in scope. Test-EmuAppAccess names the mechanism that decided (-Resource OnlineMeetings, Mail, Calendars, Contacts or MailboxSettings) and the command that would allow the call.",
        ),
        (
            "DELAYS",
            "Both sides take time to reach Microsoft Graph: Teams policy changes up to 30 minutes, Exchange application access policy changes \"longer than 1 hour\", even when Test-ApplicationAccessPolicy already shows the new result. Set-EmuPropagationDelay -Service Teams or -Service Exchange reproduces each.",
        ),
        (
            "ERRORS YOU WILL SEE",
            "A Teams denial: 403 with \"App <appId> is not authorized to <operation> meeting on behalf of user <userId>\" (or the modern \"No application access policy found for this app.\"). An Exchange denial: 403 ErrorAccessDenied \"Access to OData is disabled.\" when a policy leaves the mailbox out, \"Access is denied. Check credentials and try again.\" when the app has no permission for the mailbox.",
        ),
    ];
    for (title, body) in sections {
        out.push(format!("  {title}"));
        out.extend(wrap(body, 8, width));
        out.push(String::new());
    }
    out.push("SEE ALSO".into());
    for line in [
        "Get-Help New-CsApplicationAccessPolicy",
        "Get-Help New-ApplicationAccessPolicy",
        "Get-Help New-ManagementRoleAssignment",
        "Get-Help Test-EmuAppAccess",
        "about_aapsh",
    ] {
        out.push(format!("    {line}"));
    }
    out.push(String::new());
    out.join("\n")
}
