//! Keys the REPL binds itself on top of rustyline's edit modes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::{Cmd, ConditionalEventHandler, Event, EventContext, RepeatCount};

/// Ctrl+C while a line is edited. rustyline's own Interrupt leaves the hint (a history
/// suggestion, a parameter syntax) on screen after the cursor, and moves below it, so the
/// screen looks as if the hinted command had been typed and run. Instead the key raises
/// `cancel` and accepts the line: accepting redraws the line without its hint, the highlighter
/// adds PSReadLine's `^C` mark to that last drawing, and the reader sees `cancel` and drops
/// the line (`take_cancel`).
pub struct CancelHandler {
    pub cancel: Arc<AtomicBool>,
}

impl ConditionalEventHandler for CancelHandler {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, _: &EventContext) -> Option<Cmd> {
        self.cancel.store(true, Ordering::Relaxed);
        Some(Cmd::AcceptLine)
    }
}

/// Whether the line just read was cancelled with Ctrl+C (and clears the mark).
pub fn take_cancel(cancel: &AtomicBool) -> bool {
    cancel.swap(false, Ordering::Relaxed)
}
