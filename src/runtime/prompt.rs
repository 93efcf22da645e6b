//! Questions the session asks the user: missing mandatory parameters, -Confirm, Read-Host.
//! Layouts follow the pwsh console host (fidelity.md §2.3, §2.8). Under -NonInteractive, or
//! when no prompt is possible, every question is an error instead.

use super::errors;
use super::flow::Flow;
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

    /// Reads one line after writing `prompt`; `None` at end of input.
    pub fn prompt_line(&mut self, prompt: &str) -> Option<String> {
        self.write_host(prompt);
        let line = self.host.read_line();
        // The console host transcribes what was typed at a prompt.
        if let Some(l) = &line {
            self.transcribe(&format!("{l}\n"));
        }
        line
    }

    /// The error pwsh gives when it cannot prompt.
    pub fn cannot_prompt_error(&self, activity: &str) -> Flow {
        Flow::statement_error(errors::non_interactive(activity))
    }

    /// Asks for missing mandatory parameters the way the console host does. Returns the
    /// values typed (strings), or `None` if the user gave an empty answer or input ended.
    pub fn prompt_mandatory(
        &mut self,
        command: &str,
        position: usize,
        names: &[String],
    ) -> Option<Vec<Value>> {
        self.write_host(&format!(
            "\ncmdlet {command} at command pipeline position {position}\nSupply values for the following parameters:\n"
        ));
        let mut values = Vec::new();
        for name in names {
            let line = self.prompt_line(&format!("{name}: "))?;
            if line.is_empty() {
                return None;
            }
            values.push(Value::str(line));
        }
        Some(values)
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
            ) {
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
