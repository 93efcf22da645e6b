//! Keys the REPL binds itself on top of rustyline's edit modes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rustyline::{
    Cmd, ConditionalEventHandler, Event, EventContext, KeyCode, KeyEvent, Modifiers, RepeatCount,
};

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

/// A PSReadLine chord (`Ctrl+Spacebar`, `Alt+.`, `UpArrow`, `Shift+Tab`, `F1`, `Escape`, `Ctrl+z`)
/// as rustyline's key. Sequences (`Ctrl+x,Ctrl+e`) and unknown names give `None`.
pub fn parse_chord(chord: &str) -> Option<KeyEvent> {
    if chord.contains(',') {
        return None;
    }
    let mut mods = Modifiers::NONE;
    let mut parts: Vec<&str> = chord.split('+').collect();
    // `Ctrl++` and `Alt++`: the key itself is `+`.
    if chord.ends_with("++") {
        parts.truncate(parts.len() - 2);
        parts.push("+");
    }
    let key = parts.pop()?;
    for m in parts {
        match m.to_ascii_lowercase().as_str() {
            "ctrl" | "control" => mods |= Modifiers::CTRL,
            "alt" => mods |= Modifiers::ALT,
            "shift" => mods |= Modifiers::SHIFT,
            _ => return None,
        }
    }
    let code = match key.to_ascii_lowercase().as_str() {
        "uparrow" => KeyCode::Up,
        "downarrow" => KeyCode::Down,
        "leftarrow" => KeyCode::Left,
        "rightarrow" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "insert" => KeyCode::Insert,
        "delete" => KeyCode::Delete,
        "backspace" => KeyCode::Backspace,
        "enter" => KeyCode::Enter,
        "escape" | "esc" => KeyCode::Esc,
        "tab" if mods.contains(Modifiers::SHIFT) => {
            mods.remove(Modifiers::SHIFT);
            KeyCode::BackTab
        }
        "tab" => KeyCode::Tab,
        "spacebar" | "space" if mods == Modifiers::CTRL => {
            return Some(KeyEvent::new('\x00', Modifiers::NONE));
        }
        "spacebar" | "space" => KeyCode::Char(' '),
        k if k.len() >= 2 && k.starts_with('f') && k[1..].parse::<u8>().is_ok() => {
            KeyCode::F(k[1..].parse().ok()?)
        }
        _ => {
            let mut chars = key.chars();
            let c = chars.next()?;
            if chars.next().is_some() {
                return None;
            }
            if mods.contains(Modifiers::CTRL) {
                // rustyline names Ctrl+letter by the upper-case letter.
                return Some(KeyEvent(KeyCode::Char(c.to_ascii_uppercase()), mods));
            }
            return Some(KeyEvent::new(c, mods));
        }
    };
    Some(KeyEvent(code, mods))
}

/// The rustyline command for a PSReadLine function, where rustyline has one.
pub fn function_command(function: &str) -> Option<Cmd> {
    use rustyline::{Movement as M, Word};
    Some(match function {
        "AcceptLine" | "ValidateAndAcceptLine" => Cmd::AcceptLine,
        "Complete" | "TabCompleteNext" | "MenuComplete" | "PossibleCompletions" => Cmd::Complete,
        "TabCompletePrevious" => Cmd::CompleteBackward,
        "HistorySearchBackward" => Cmd::HistorySearchBackward,
        "HistorySearchForward" => Cmd::HistorySearchForward,
        "PreviousHistory" => Cmd::PreviousHistory,
        "NextHistory" => Cmd::NextHistory,
        "BeginningOfHistory" => Cmd::BeginningOfHistory,
        "EndOfHistory" => Cmd::EndOfHistory,
        "ReverseSearchHistory" => Cmd::ReverseSearchHistory,
        "ForwardSearchHistory" => Cmd::ForwardSearchHistory,
        "BeginningOfLine" => Cmd::Move(M::BeginningOfLine),
        "EndOfLine" | "MoveToEndOfLine" => Cmd::Move(M::EndOfLine),
        "BackwardChar" => Cmd::Move(M::BackwardChar(1)),
        "ForwardChar" => Cmd::Move(M::ForwardChar(1)),
        "BackwardWord" | "ShellBackwardWord" => Cmd::Move(M::BackwardWord(1, Word::Big)),
        "ForwardWord" | "NextWord" | "ShellForwardWord" | "ShellNextWord" => {
            Cmd::Move(M::ForwardWord(1, rustyline::At::AfterEnd, Word::Big))
        }
        "DeleteChar" => Cmd::Kill(M::ForwardChar(1)),
        "BackwardDeleteChar" => Cmd::Kill(M::BackwardChar(1)),
        "KillLine" | "DeleteToEnd" | "ForwardDeleteInput" => Cmd::Kill(M::EndOfLine),
        "BackwardKillLine" | "BackwardKillInput" | "BackwardDeleteInput" => {
            Cmd::Kill(M::BeginningOfLine)
        }
        "KillWord" | "DeleteWord" | "ShellKillWord" => {
            Cmd::Kill(M::ForwardWord(1, rustyline::At::AfterEnd, Word::Big))
        }
        "BackwardKillWord" | "UnixWordRubout" | "ShellBackwardKillWord" | "BackwardDeleteWord" => {
            Cmd::Kill(M::BackwardWord(1, Word::Big))
        }
        "RevertLine" | "DeleteLine" | "BackwardDeleteLine" => Cmd::Kill(M::WholeBuffer),
        "Undo" => Cmd::Undo(1),
        "ClearScreen" => Cmd::ClearScreen,
        "Yank" => Cmd::Yank(1, rustyline::Anchor::Before),
        "YankPop" => Cmd::YankPop,
        "CapitalizeWord" => Cmd::CapitalizeWord,
        "UpcaseWord" => Cmd::UpcaseWord,
        "DowncaseWord" => Cmd::DowncaseWord,
        "SwapCharacters" => Cmd::TransposeChars,
        "AcceptSuggestion" => Cmd::CompleteHint,
        "DeleteCharOrExit" => Cmd::EndOfFile,
        "Abort" => Cmd::Abort,
        "AddLine" | "InsertLineBelow" => Cmd::Newline,
        _ => return None,
    })
}

/// A key that needs the session: it ends the line being edited (keeping its text), the REPL
/// acts, and the same line is offered again with the cursor where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyAction {
    /// F1 (ShowCommandHelp): the full help of the command under the cursor.
    Help { line: String, pos: usize },
}

/// F1: help for the command under the cursor, as PSReadLine's ShowCommandHelp.
pub struct ShowCommandHelp {
    pub action: Arc<std::sync::Mutex<Option<KeyAction>>>,
}

impl ConditionalEventHandler for ShowCommandHelp {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        if let Ok(mut a) = self.action.lock() {
            *a = Some(KeyAction::Help {
                line: ctx.line().to_string(),
                pos: ctx.pos(),
            });
        }
        Some(Cmd::AcceptLine)
    }
}

/// The command named at (or before) byte `pos` of `line`, if any.
pub fn command_at(line: &str, pos: usize) -> Option<String> {
    let c = crate::syntax::highlight::classify(line);
    let token = c
        .tokens
        .iter()
        .rfind(|t| t.range.start <= pos)
        .or_else(|| c.tokens.first())?;
    let k = token.command?;
    Some(c.commands.get(k)?.name.clone())
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

    #[test]
    fn chords() {
        use super::parse_chord;
        use rustyline::{KeyCode as K, KeyEvent as E, Modifiers as M};
        assert_eq!(parse_chord("UpArrow"), Some(E(K::Up, M::NONE)));
        assert_eq!(parse_chord("Ctrl+z"), Some(E(K::Char('Z'), M::CTRL)));
        assert_eq!(parse_chord("Alt+."), Some(E(K::Char('.'), M::ALT)));
        assert_eq!(parse_chord("Shift+Tab"), Some(E(K::BackTab, M::NONE)));
        assert_eq!(parse_chord("F1"), Some(E(K::F(1), M::NONE)));
        assert_eq!(parse_chord("Escape"), Some(E(K::Esc, M::NONE)));
        assert_eq!(parse_chord("Ctrl+Spacebar"), Some(E::new('\x00', M::NONE)));
        assert_eq!(parse_chord("Ctrl+x,Ctrl+e"), None);
        assert_eq!(parse_chord("Hyper+q"), None);
    }

    #[test]
    fn command_under_the_cursor() {
        use super::command_at;
        let line = "Get-CsOnlineUser | Grant-CsApplicationAccessPolicy -PolicyName X";
        assert_eq!(command_at(line, 3).as_deref(), Some("Get-CsOnlineUser"));
        assert_eq!(
            command_at(line, line.len()).as_deref(),
            Some("Grant-CsApplicationAccessPolicy")
        );
        assert_eq!(command_at("", 0), None);
    }
}
