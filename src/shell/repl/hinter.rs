//! The dim text after the cursor: the rest of the newest history line that starts with what
//! was typed (Right arrow accepts it), or else, after a space, the syntax of the current cmdlet
//! for the parameter set still possible, without the parameters already typed (display only).

use rustyline::hint::Hint;
use rustyline::history::{History, SearchDirection};

use crate::cmdlets::help::{ordered_sets, set_syntax};
use crate::runtime::binder::resolve_parameter;
use crate::syntax::highlight::{Position, TokenClass, classify};

use super::completer::CompletionData;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShellHint {
    display: String,
    completion: Option<String>,
}

impl ShellHint {
    pub fn text(&self) -> &str {
        &self.display
    }

    pub fn accepts(&self) -> bool {
        self.completion.is_some()
    }
}

impl Hint for ShellHint {
    fn display(&self) -> &str {
        &self.display
    }

    fn completion(&self) -> Option<&str> {
        self.completion.as_deref()
    }
}

pub fn hint(
    line: &str,
    pos: usize,
    history: &dyn History,
    data: &CompletionData,
    predictions: bool,
) -> Option<ShellHint> {
    if pos < line.len() || line.trim().is_empty() {
        return None;
    }
    if predictions && let Some(h) = history_hint(line, history) {
        return Some(h);
    }
    syntax_hint(line, data)
}

fn history_hint(line: &str, history: &dyn History) -> Option<ShellHint> {
    let last = history.len().checked_sub(1)?;
    let found = history
        .starts_with(line, last, SearchDirection::Reverse)
        .ok()
        .flatten()?;
    let rest = found.entry.get(line.len()..)?;
    if rest.is_empty() || rest.contains('\n') {
        return None;
    }
    Some(ShellHint {
        display: rest.to_string(),
        completion: Some(rest.to_string()),
    })
}

fn syntax_hint(line: &str, data: &CompletionData) -> Option<ShellHint> {
    if !line.ends_with([' ', '\t']) {
        return None;
    }
    let c = classify(line);
    let Position::Argument(k) = c.at_end else {
        return None;
    };
    let cmd = c.commands.get(k)?;
    let def = data.commands.get(&cmd.name)?;
    let typed: Vec<_> = cmd
        .elements
        .iter()
        .filter_map(|i| c.tokens.get(*i))
        .filter(|t| t.class == TokenClass::Parameter)
        .filter_map(|t| resolve_parameter(&def, &t.value).ok())
        .collect();
    // A parameter waiting for its value: show what it takes.
    if let Some(last) = cmd.elements.last().and_then(|i| c.tokens.get(*i))
        && last.class == TokenClass::Parameter
        && let Ok(p) = resolve_parameter(&def, &last.value)
        && !p.is_switch()
    {
        return Some(ShellHint {
            display: format!("<{}>", p.ty.short),
            completion: None,
        });
    }
    let skip: Vec<String> = typed.iter().map(|p| p.name.to_ascii_lowercase()).collect();
    let set = ordered_sets(&def).into_iter().find(|set| {
        typed.iter().all(|p| {
            let declared = def.params.iter().any(|d| std::ptr::eq(d, *p));
            !declared || p.in_set(set).is_some()
        })
    })?;
    // Once an argument is typed and every mandatory and positional parameter of the set has
    // its value (named, or by position), only optional named parameters are left: the hint goes
    // away, so a finished command line is not trailed by noise.
    let elements: Vec<_> = cmd
        .elements
        .iter()
        .filter_map(|i| c.tokens.get(*i))
        .collect();
    if !elements.is_empty() {
        let positional_given = positional_count(&elements, &def);
        let mut positional: Vec<(u32, &str)> = def
            .params
            .iter()
            .filter_map(|p| Some((p.in_set(&set)?.position?, p.name.as_ref())))
            .filter(|(_, n)| !skip.contains(&n.to_ascii_lowercase()))
            .collect();
        positional.sort();
        let by_position: Vec<&str> = positional
            .iter()
            .take(positional_given)
            .map(|(_, n)| *n)
            .collect();
        let missing = def.params.iter().any(|p| {
            p.in_set(&set)
                .is_some_and(|m| m.mandatory || m.position.is_some())
                && !skip.contains(&p.name.to_ascii_lowercase())
                && !by_position.iter().any(|n| n.eq_ignore_ascii_case(&p.name))
        });
        if !missing {
            return None;
        }
    }
    let text = set_syntax(&def, &set, &skip);
    (!text.is_empty()).then_some(ShellHint {
        display: text,
        completion: None,
    })
}

/// How many positional arguments the elements hold (a parameter taking a value consumes the
/// element after it).
fn positional_count(
    elements: &[&crate::syntax::highlight::Classified],
    def: &crate::runtime::CmdletDef,
) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < elements.len() {
        let t = elements[i];
        if t.class == TokenClass::Parameter {
            if resolve_parameter(def, &t.value).is_ok_and(|p| !p.is_switch()) {
                i += 1;
            }
        } else {
            n += 1;
        }
        i += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustyline::history::MemHistory;

    #[test]
    fn table_of_hints() {
        let mut h = MemHistory::new();
        h.add("Get-CsOnlineUser | Select-Object UserPrincipalName")
            .unwrap();
        h.add("Get-CsTenant").unwrap();
        let data = CompletionData::default();
        let cases: &[(&str, Option<(&str, bool)>)] = &[
            (
                "Get-CsO",
                Some(("nlineUser | Select-Object UserPrincipalName", true)),
            ),
            ("Get-CsTenant", None),
            ("", None),
            (
                "Remove-CsApplicationAccessPolicy ",
                Some((
                    "[-Identity] <XdsIdentity> [-Tenant <Guid>] [-WhatIf] [-Confirm] [<CommonParameters>]",
                    false,
                )),
            ),
            // Every mandatory parameter has its value: no hint (named or by position).
            ("Remove-CsApplicationAccessPolicy -Identity X ", None),
            ("Remove-CsApplicationAccessPolicy X ", None),
            (
                "New-CsApplicationAccessPolicy -Description d ",
                Some((
                    "[-Identity] <XdsIdentity> [-AppIds <PSListModifier>] [-MsftInternalProcessingMode <String>] [-Tenant <Guid>] [-WhatIf] [-Confirm] [<CommonParameters>]",
                    false,
                )),
            ),
            // The set is chosen by what was typed: -Group means GrantToGroup.
            (
                "Grant-CsApplicationAccessPolicy -Group G ",
                Some((
                    "[[-PolicyName] <String>] [-MsftInternalProcessingMode <String>] [-PassThru] [-Rank <Int32>] [-Tenant <Guid>] [-WhatIf] [-Confirm] [<CommonParameters>]",
                    false,
                )),
            ),
            (
                "Grant-CsApplicationAccessPolicy -Identity ",
                Some(("<UserIdParameter>", false)),
            ),
            ("Unknown-Thing ", None),
            ("$x = 1 ", None),
        ];
        for (line, expected) in cases {
            let got = hint(line, line.len(), &h, &data, true);
            let got = got.as_ref().map(|g| (g.text(), g.accepts()));
            assert_eq!(got, *expected, "{line:?}");
        }
        assert_eq!(hint("Get-CsO", 3, &h, &data, true), None);
        // PredictionSource None: no history suggestion, the syntax hint stays.
        assert_eq!(hint("Get-CsO", 7, &h, &data, false), None);
    }
}
