//! The console host while the REPL runs: output goes to the terminal as usual, and the
//! questions a command asks (Read-Host, Get-Credential, a missing mandatory parameter, a
//! confirmation) are read by the REPL's own line editor. So Ctrl+C there is a key, which
//! stops the command at once as in pwsh (a cooked-mode read would leave the SIGINT to be
//! noticed only after the next line, which then became the answer); secrets echo `*` per
//! character; and lines typed ahead or pasted are read from the one buffer in order.

use std::cell::RefCell;
use std::io::ErrorKind;
use std::rc::Rc;

use rustyline::error::ReadlineError;

use super::ShellEditor;
use super::helper::InputMode;
use crate::runtime::host::{ConsoleHost, Host, HostInput};

/// How many undecodable inputs in a row a prompt skips before giving up (a terminal that only
/// sends garbage must not spin forever).
const MAX_BAD_INPUTS: usize = 64;

pub struct ReplHost {
    editor: Rc<RefCell<ShellEditor>>,
    console: ConsoleHost,
}

impl ReplHost {
    pub fn new(editor: Rc<RefCell<ShellEditor>>) -> ReplHost {
        ReplHost {
            editor,
            console: ConsoleHost::new(),
        }
    }
}

impl Host for ReplHost {
    fn write_out(&mut self, text: &str) {
        self.console.write_out(text);
    }

    fn write_err(&mut self, text: &str) {
        self.console.write_err(text);
    }

    fn read_line(&mut self) -> Option<String> {
        match self.read_input("", false) {
            HostInput::Line(l) => Some(l),
            HostInput::End | HostInput::Interrupted => None,
        }
    }

    fn width(&self) -> usize {
        self.console.width()
    }

    fn read_input(&mut self, prompt: &str, secret: bool) -> HostInput {
        let Ok(mut editor) = self.editor.try_borrow_mut() else {
            return self.console.read_input(prompt, secret);
        };
        let mode = if secret {
            InputMode::Secret
        } else {
            InputMode::Answer
        };
        if let Some(h) = editor.helper_mut() {
            h.mode = mode;
        }
        let mut bad = 0;
        let result = loop {
            match editor.readline(prompt) {
                Ok(_)
                    if editor
                        .helper()
                        .is_some_and(|h| super::keys::take_cancel(&h.cancel)) =>
                {
                    break HostInput::Interrupted;
                }
                Ok(line) => break HostInput::Line(line),
                // pwsh leaves what was typed on screen and starts the prompt on a new line.
                Err(ReadlineError::Interrupted) => break HostInput::Interrupted,
                Err(ReadlineError::Io(e)) if e.kind() == ErrorKind::InvalidData => {
                    bad += 1;
                    if bad >= MAX_BAD_INPUTS {
                        break HostInput::End;
                    }
                    self.console.write_out("\n");
                }
                Err(_) => break HostInput::End,
            }
        };
        if let Some(h) = editor.helper_mut() {
            h.mode = InputMode::Command;
        }
        result
    }
}
