//! Questions the session asks the user: missing mandatory parameters, -Confirm, Read-Host.
//! Layouts follow the pwsh console host (fidelity.md §2.3, §2.8). Under -NonInteractive, or
//! when no prompt is possible, every question is an error instead.

use super::errors;
use super::flow::Flow;
use super::host::HostInput;
use super::session::Session;
use super::value::Value;

/// The answer to a Confirm prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Choice {
    Yes,
    YesToAll,
    No,
    NoToAll,
    Suspend,
}

impl Session {
    /// True when the session may ask the user something.
    pub fn can_prompt(&self) -> bool {
        self.options.interactive && !self.options.non_interactive
    }

    /// Reads one line after writing `prompt`; `Ok(None)` at end of input. Ctrl+C at the prompt
    /// stops the command (`Flow::Stopped`, the interrupt flag raised), as in pwsh: the answer
    /// is never taken from a line typed after it.
    pub fn prompt_line(&mut self, prompt: &str) -> Result<Option<String>, Flow> {
        self.prompt_input(prompt, false)
    }

    /// As `prompt_line`, echoing `*` for each character typed (pwsh's masked input).
    pub fn prompt_secret(&mut self, prompt: &str) -> Result<Option<String>, Flow> {
        self.prompt_input(prompt, true)
    }

    fn prompt_input(&mut self, prompt: &str, secret: bool) -> Result<Option<String>, Flow> {
        if self.is_interrupted() {
            return Err(Flow::Stopped);
        }
        self.transcribe(prompt);
        match self.host.read_input(prompt, secret) {
            HostInput::Line(l) => {
                // The console host transcribes what was typed at a prompt (a secret as stars).
                let shown = if secret {
                    "*".repeat(l.chars().count())
                } else {
                    l.clone()
                };
                self.transcribe(&format!("{shown}\n"));
                Ok(Some(l))
            }
            HostInput::End => Ok(None),
            HostInput::Interrupted => {
                self.interrupt
                    .store(true, std::sync::atomic::Ordering::Relaxed);
                Err(Flow::Stopped)
            }
        }
    }

    /// The error pwsh gives when it cannot prompt.
    pub fn cannot_prompt_error(&self, activity: &str) -> Flow {
        Flow::statement_error(errors::non_interactive(activity))
    }

    /// Asks for missing mandatory parameters the way the console host does. Returns the
    /// values typed (strings), or `None` if the user gave an empty answer or input ended;
    /// `Flow::Stopped` after Ctrl+C.
    pub fn prompt_mandatory(
        &mut self,
        command: &str,
        position: usize,
        names: &[String],
    ) -> Result<Option<Vec<Value>>, Flow> {
        self.write_host(&format!(
            "\ncmdlet {command} at command pipeline position {position}\nSupply values for the following parameters:\n"
        ));
        let mut values = Vec::new();
        for name in names {
            let Some(line) = self.prompt_line(&format!("{name}: "))? else {
                return Ok(None);
            };
            if line.is_empty() {
                return Ok(None);
            }
            values.push(Value::str(line));
        }
        Ok(Some(values))
    }

    /// The -Confirm prompt. Returns whether to go ahead.
    pub fn confirm(&mut self, description: &str, activity: &str) -> Result<bool, Flow> {
        if !self.can_prompt() {
            return Err(self.cannot_prompt_error(activity));
        }
        // The caption and message once; after `?` or an unknown answer only the choices again,
        // as the console host's PromptForChoice does.
        self.write_host(&format!(
            "\nConfirm\nAre you sure you want to perform this action?\n{description}\n"
        ));
        loop {
            let line = match self.prompt_line(
                "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is \"Y\"): ",
            )? {
                Some(l) => l,
                None => return Ok(false),
            };
            let choice = match line.trim().to_ascii_lowercase().as_str() {
                "" | "y" => Choice::Yes,
                "a" => Choice::YesToAll,
                "n" => Choice::No,
                "l" => Choice::NoToAll,
                "s" => Choice::Suspend,
                "?" => {
                    self.write_host(
                        "Y - Continue with only the next step of the operation.\nA - Continue with all the steps of the operation.\nN - Skip this operation and proceed with the next operation.\nL - Skip this operation and all subsequent operations.\nS - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.\n",
                    );
                    continue;
                }
                _ => continue,
            };
            return Ok(match choice {
                Choice::Yes | Choice::YesToAll => true,
                Choice::No | Choice::NoToAll | Choice::Suspend => false,
            });
        }
    }
}

impl Session {
    /// The prompt the console host shows before each input: the output of a user-defined
    /// `prompt` function, else pwsh's default `PS <location>> `. A prompt function that fails
    /// or returns nothing gives `PS>`, as in pwsh (7.6.10 showed `PS>` for
    /// `function prompt { }`). `$?` is the one from the last command, not
    /// from the prompt function.
    pub fn prompt_text(&mut self) -> String {
        if self.commands.get("prompt").is_none() {
            return format!("PS {}> ", super::files::shown(&self.location));
        }
        let Ok(ast) = crate::syntax::parse_script(crate::syntax::SourceFile::new(None, "prompt"))
        else {
            return "PS>".into();
        };
        let last_success = self.last_success;
        let mut out = Vec::new();
        let result = self.run_block_here(&ast, &mut out);
        self.last_success = last_success;
        self.clear_interrupt();
        match result {
            // The host shows the first object the function wrote (pwsh 7.6.10 showed `a` for
            // `function prompt { "a","b" }`).
            Ok(()) if !out.is_empty() => {
                let text = self.stringify(&out[0]);
                if text.is_empty() { "PS>".into() } else { text }
            }
            _ => "PS>".into(),
        }
    }
}
