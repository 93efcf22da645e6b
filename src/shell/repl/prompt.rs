//! The prompt and the banner. The prompt is pwsh's `PS <location>> ` with the connection in
//! place of the location: `PS [offline] > ` before Connect-MicrosoftTeams, `PS [contoso] > `
//! after (the tenant's domain without `.onmicrosoft.com`). Continuation lines get pwsh's `>> `.

use crate::runtime::Session;

/// pwsh's continuation prompt for incomplete input.
pub const CONTINUATION_PROMPT: &str = ">> ";

/// The tenant marker: the tenant's domain (`connected` if the store names none).
fn tenant_marker(domain: &str) -> &str {
    if domain.is_empty() {
        "connected"
    } else {
        domain
    }
}

pub fn prompt(session: &Session) -> String {
    match &session.connection {
        Some(c) => format!("PS [{}] > ", tenant_marker(&c.tenant_domain)),
        None => "PS [offline] > ".to_string(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(
            tenant_marker("contoso.onmicrosoft.com"),
            "contoso.onmicrosoft.com"
        );
        assert_eq!(tenant_marker(""), "connected");
    }
}
