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

/// The last argument of a command line, as PSReadLine's YankLastArg takes it: the text of its
/// last token (a trailing comment counts: pwsh 7.6.10 yanked `# note` from
/// `"x" | Select-Object -First 1 # note`).
pub fn last_argument(line: &str) -> Option<String> {
    let c = crate::syntax::highlight::classify(line);
    c.tokens
        .iter()
        .rev()
        .map(|t| line.get(t.range.clone()).unwrap_or_default().trim())
        .find(|t| !t.is_empty())
        .map(str::to_string)
}

/// Alt+. (PSReadLine's YankLastArg, Emacs mode): inserts the last argument of the previous
/// command line; pressed again at once, replaces it with the one of the line before, and so on.
pub struct YankLastArg {
    /// The command lines run so far, oldest first (the REPL adds each one).
    pub history: Arc<std::sync::Mutex<Vec<String>>>,
    /// After a yank: the line and cursor it left, which history line it came from, and how
    /// many characters it inserted.
    last: std::sync::Mutex<Option<(String, usize, usize, usize)>>,
}

impl YankLastArg {
    pub fn new(history: Arc<std::sync::Mutex<Vec<String>>>) -> YankLastArg {
        YankLastArg {
            history,
            last: std::sync::Mutex::new(None),
        }
    }
}

impl ConditionalEventHandler for YankLastArg {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let history = self.history.lock().ok()?;
        let mut last = self.last.lock().ok()?;
        let (line, pos) = (ctx.line(), ctx.pos());
        // Pressed again right after a yank: go one line further back.
        let (start, replace) = match last.as_ref() {
            Some((l, p, index, len)) if l == line && *p == pos => (*index, Some(*len)),
            _ => (history.len(), None),
        };
        let (index, arg) = (0..start)
            .rev()
            .find_map(|i| last_argument(&history[i]).map(|a| (i, a)))?;
        let inserted = arg.chars().count();
        let before_len = match replace {
            Some(len) => {
                let chars: Vec<char> = line[..pos].chars().collect();
                chars[..chars.len().saturating_sub(len)]
                    .iter()
                    .collect::<String>()
                    .len()
            }
            None => pos,
        };
        let new_line = format!("{}{arg}{}", &line[..before_len], &line[pos..]);
        Some(match replace {
            // rustyline applies the key's repeat count to a movement's count, so the earlier
            // yank is replaced by rewriting the line (the cursor ends at its end).
            Some(_) => {
                *last = Some((new_line.clone(), new_line.len(), index, inserted));
                Cmd::Replace(rustyline::Movement::WholeLine, Some(new_line))
            }
            None => {
                *last = Some((new_line, before_len + arg.len(), index, inserted));
                Cmd::Insert(1, arg)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::last_argument;

    #[test]
    fn last_arguments() {
        assert_eq!(last_argument("'one' + 'two'").as_deref(), Some("'two'"));
        assert_eq!(
            last_argument("Get-Content /tmp/users.csv").as_deref(),
            Some("/tmp/users.csv")
        );
        assert_eq!(
            last_argument("\"x\" | Select-Object -First 1 # note").as_deref(),
            Some("# note")
        );
        assert_eq!(last_argument("   ").as_deref(), None);
    }
}
