//! What a layer above the runtime may attach to a session, and the session-level facts it
//! reads. Today one user: the training lab (`cmdlets::labs`), which evaluates its checks after
//! every top-level statement and keeps its progress in the session.
//!
//! - `SessionExtension`: an object carried by the session (`Session::extension`). The runtime
//!   tells it when a top-level statement has finished (a script's, or one typed at the prompt)
//!   and when an interactive input has finished; it knows nothing else about it.
//! - `GraphCall`: every call the Graph cmdlets answered in this session (which app, which user,
//!   which operation, which status), so a lab can require that a call was made and succeeded.
//!   Kept in memory only: it names no secret and is never written to disk.

use std::any::Any;

use super::session::Session;

/// Something attached to a session by a layer above the runtime.
pub trait SessionExtension: Any {
    /// A top-level statement (of a script, `-Command` text or an input at the prompt) has
    /// finished, successfully or not; `text` is its source text.
    fn after_statement(&mut self, _session: &mut Session, _text: &str) {}

    /// An input typed at the interactive prompt has finished running.
    fn after_input(&mut self, _session: &mut Session, _line: &str) {}

    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// One call answered by the Graph cmdlets (New-/Get-/Remove-MgUserOnlineMeeting,
/// Invoke-MgGraphRequest on online meetings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GraphCall {
    /// The cmdlet that made the call.
    pub command: String,
    /// `Create`, `Get` or `Delete`.
    pub operation: &'static str,
    /// The user's object id when it resolved, else the id as typed.
    pub user_id: String,
    /// The calling app for an app-only connection; `None` for a delegated sign-in.
    pub app_id: Option<String>,
    /// The HTTP status Graph answered (201, 200, 204, 403, 404...).
    pub status: u16,
}

impl GraphCall {
    pub fn succeeded(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// The most calls kept (the oldest are dropped past it).
pub const MAX_GRAPH_CALLS: usize = 10_000;

impl Session {
    /// Remembers a Graph call (see `GraphCall`).
    pub fn record_graph_call(&mut self, call: GraphCall) {
        if self.graph_calls.len() >= MAX_GRAPH_CALLS {
            self.graph_calls.remove(0);
        }
        self.graph_calls.push(call);
    }

    /// Tells the extension, if any, that a top-level statement finished.
    pub(crate) fn after_top_level_statement(&mut self, text: &str) {
        if let Some(mut ext) = self.extension.take() {
            ext.after_statement(self, text);
            if self.extension.is_none() {
                self.extension = Some(ext);
            }
        }
    }

    /// Tells the extension, if any, that an interactive input finished (the REPL calls it).
    pub fn after_input(&mut self, line: &str) {
        if let Some(mut ext) = self.extension.take() {
            ext.after_input(self, line);
            if self.extension.is_none() {
                self.extension = Some(ext);
            }
        }
    }
}
