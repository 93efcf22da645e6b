//! The prompt and the banner. The prompt is pwsh's: `PS <location>> ` following Set-Location,
//! or what a user-defined `function prompt` returns (`Session::prompt_text`). The tenant is
//! not in it, so the screen matches pwsh's side by side; the banner names the store and tenant
//! and `Get-CsTenant` shows it. Continuation lines get pwsh's `>> `.

use crate::runtime::Session;

/// pwsh's continuation prompt for incomplete input.
pub const CONTINUATION_PROMPT: &str = ">> ";

pub fn prompt(session: &mut Session) -> String {
    session.prompt_text()
}

/// The start-up text `-NoLogo` hides: what this is, the store and tenant, how to begin.
pub fn banner(session: &mut Session) -> String {
    let store = session
        .store
        .path()
        .map_or("(in memory)".to_string(), |p| p.display().to_string());
    let tenant = match session.store.tenant() {
        Ok(t) => format!("{} ({})", t.tenant.display_name, t.tenant.domain),
        Err(e) => format!("unreadable: {e}"),
    };
    format!(
        "aapsh {} - an offline shell for the Teams application access policy cmdlets\n\
         Store:  {store}\n\
         Tenant: {tenant}\n\
         Start with Connect-MicrosoftTeams. Get-Help about_aapsh explains the emulator; Tab completes; exit leaves.\n\n",
        env!("CARGO_PKG_VERSION")
    )
}
