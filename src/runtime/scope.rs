//! Variable scopes: global, script and function scopes, with PowerShell's dynamic lookup
//! (a function sees its caller's variables) and the `$global:` / `$script:` / `$local:`
//! qualifiers. Owns storage only; automatic variables are computed by the interpreter.

use std::collections::HashMap;

use std::rc::Rc;

use super::binder::BoundParameters;
use super::value::Value;
use crate::runtime::CmdletDef;
use crate::syntax::{SourceFile, Span};
use crate::vocab::ParamType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Global,
    Script,
    Function,
}

#[derive(Clone, Debug)]
pub struct Variable {
    /// The name as first assigned (`$PolicyName`), kept for display.
    pub name: String,
    pub value: Value,
    /// `[int]$x = 1` keeps converting later assignments to the type.
    pub constraint: Option<ParamType>,
    /// `$private:x`: only its own scope sees it (child scopes' lookups pass over it).
    pub private: bool,
}

/// What a function or script scope knows about the call that created it: `$MyInvocation`,
/// `$PSCmdlet` and the position Write-Error reports for errors written inside it.
#[derive(Debug)]
pub struct CallFrame {
    pub def: Rc<CmdletDef>,
    /// `MyCommand.Name`: the function name, or a script's file name.
    pub command_name: String,
    /// The name as typed at the call site.
    pub invocation_name: String,
    pub bound: BoundParameters,
    /// Where the call was written; `None` for a script started from the command line.
    pub call_site: Option<(Rc<SourceFile>, Span)>,
    pub is_script: bool,
    /// A script block run with `&` (not a function or script file): its text between the
    /// braces, which NormalView shows as the command of errors written inside it.
    pub block_text: Option<String>,
    /// `-WhatIf` / `-Confirm` given to this call (or inherited through `$WhatIfPreference`).
    pub what_if: bool,
    pub confirm: bool,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    vars: HashMap<String, Variable>,
    /// Set on the scope a function or script call creates.
    pub frame: Option<Rc<CallFrame>>,
    /// `Set-StrictMode` run in this scope (0 for `-Off`); it applies to child scopes too.
    pub strict: Option<u32>,
    /// Functions defined while this scope was current, with what each name meant before:
    /// leaving the scope puts those back (a function defined inside a function is gone
    /// after the call, as in pwsh).
    pub functions: Vec<FunctionUndo>,
}

/// What a function definition replaced in the command table.
#[derive(Debug)]
pub struct FunctionUndo {
    /// The lower-case name.
    pub key: String,
    pub previous: Option<Rc<CmdletDef>>,
    /// The alias of that name the definition removed.
    pub alias: Option<String>,
}

impl Scope {
    pub fn new(kind: ScopeKind) -> Scope {
        Scope {
            kind,
            vars: HashMap::new(),
            frame: None,
            strict: None,
            functions: Vec::new(),
        }
    }
}

/// Where a qualified name points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// Dynamic lookup for reads; the current scope for writes.
    None,
    Local,
    /// `$private:x`: the current scope, and the variable is hidden from child scopes.
    Private,
    Script,
    Global,
    /// `-Scope N` of the variable cmdlets: N scopes above the current one (0 is Local).
    Up(usize),
}

impl Qualifier {
    pub fn parse(scope: Option<&str>) -> Qualifier {
        match scope.map(str::to_ascii_lowercase).as_deref() {
            Some("global") => Qualifier::Global,
            Some("script") => Qualifier::Script,
            Some("local") => Qualifier::Local,
            Some("private") => Qualifier::Private,
            _ => Qualifier::None,
        }
    }
}

#[derive(Debug)]
pub struct Scopes {
    stack: Vec<Scope>,
}

impl Default for Scopes {
    fn default() -> Self {
        Scopes::new()
    }
}

impl Scopes {
    pub fn new() -> Scopes {
        Scopes {
            stack: vec![Scope::new(ScopeKind::Global)],
        }
    }

    pub fn push(&mut self, kind: ScopeKind) {
        self.stack.push(Scope::new(kind));
    }

    /// Pushes the scope of a function or script call.
    pub fn push_frame(&mut self, kind: ScopeKind, frame: CallFrame) {
        let mut scope = Scope::new(kind);
        scope.frame = Some(Rc::new(frame));
        self.stack.push(scope);
    }

    /// The strict-mode version in effect: the innermost scope that set one.
    pub fn strict_mode(&self) -> u32 {
        self.stack.iter().rev().find_map(|s| s.strict).unwrap_or(0)
    }

    /// `Set-StrictMode` in the current scope.
    pub fn set_strict_mode(&mut self, version: u32) {
        if let Some(top) = self.stack.last_mut() {
            top.strict = Some(version);
        }
    }

    /// Every call frame, innermost first.
    pub fn frames(&self) -> Vec<Rc<CallFrame>> {
        self.stack
            .iter()
            .rev()
            .filter_map(|s| s.frame.clone())
            .collect()
    }

    /// The innermost function or script call (`$MyInvocation`), if any.
    pub fn current_frame(&self) -> Option<Rc<CallFrame>> {
        self.stack.iter().rev().find_map(|s| s.frame.clone())
    }

    /// Removes the innermost scope (never the global one) and hands it back, so the caller can
    /// undo the function definitions it holds.
    pub fn pop(&mut self) -> Option<Scope> {
        if self.stack.len() > 1 {
            self.stack.pop()
        } else {
            None
        }
    }

    /// The kind of the innermost scope.
    pub fn top_kind(&self) -> ScopeKind {
        self.stack.last().map_or(ScopeKind::Global, |s| s.kind)
    }

    /// Records a function definition made in the innermost scope (not the global one).
    pub fn note_function(&mut self, undo: FunctionUndo) {
        if self.stack.len() > 1
            && let Some(top) = self.stack.last_mut()
        {
            top.functions.push(undo);
        }
    }

    /// Removes the innermost scope and hands it back (a function's scope kept between the
    /// begin, process and end blocks of one pipeline invocation).
    pub fn take_top(&mut self) -> Scope {
        if self.stack.len() > 1 {
            self.stack
                .pop()
                .unwrap_or_else(|| Scope::new(ScopeKind::Function))
        } else {
            Scope::new(ScopeKind::Function)
        }
    }

    /// Puts a scope taken with `take_top` back on top.
    pub fn put_top(&mut self, scope: Scope) {
        self.stack.push(scope);
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    fn index_for(&self, q: Qualifier) -> usize {
        match q {
            Qualifier::Global => 0,
            Qualifier::Script => self
                .stack
                .iter()
                .rposition(|s| s.kind == ScopeKind::Script)
                .unwrap_or(0),
            Qualifier::Local | Qualifier::Private | Qualifier::None => self.stack.len() - 1,
            Qualifier::Up(n) => self.stack.len().saturating_sub(1 + n),
        }
    }

    pub fn get(&self, name: &str, q: Qualifier) -> Option<&Variable> {
        let key = LookupKey::new(name);
        let key = key.as_str();
        match q {
            Qualifier::None => {
                let top = self.stack.len() - 1;
                self.stack
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(i, s)| s.vars.get(key).filter(|v| i == top || !v.private))
            }
            _ => self.stack[self.index_for(q)].vars.get(key),
        }
    }

    /// Sets a variable in the scope the qualifier names (the current one by default).
    /// An existing variable there keeps its type constraint (the caller converts first).
    pub fn set(&mut self, name: &str, value: Value, q: Qualifier) {
        let idx = self.index_for(q);
        self.set_at(idx, name, value);
        if q == Qualifier::Private
            && let Some(var) = self.stack[idx].vars.get_mut(&name.to_ascii_lowercase())
        {
            var.private = true;
        }
    }

    /// The index of the scope holding `name` as a lookup with `q` finds it (for `[ref]$name`).
    pub fn locate(&self, name: &str, q: Qualifier) -> Option<usize> {
        let key = name.to_ascii_lowercase();
        match q {
            Qualifier::None => {
                let top = self.stack.len() - 1;
                self.stack
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(i, s)| s.vars.get(&key).is_some_and(|v| *i == top || !v.private))
                    .map(|(i, _)| i)
            }
            _ => {
                let i = self.index_for(q);
                self.stack[i].vars.contains_key(&key).then_some(i)
            }
        }
    }

    /// The variable `name` in the scope at `index` (from `locate`), if that scope still exists.
    pub fn get_at(&self, index: usize, name: &str) -> Option<&Variable> {
        self.stack.get(index)?.vars.get(&name.to_ascii_lowercase())
    }

    /// Sets `name` in the scope at `index`; false when that scope is gone.
    pub fn set_at(&mut self, index: usize, name: &str, value: Value) -> bool {
        let Some(scope) = self.stack.get_mut(index) else {
            return false;
        };
        let key = name.to_ascii_lowercase();
        match scope.vars.get_mut(&key) {
            Some(var) => var.value = value,
            None => {
                scope.vars.insert(
                    key,
                    Variable {
                        name: name.to_string(),
                        value,
                        constraint: None,
                        private: false,
                    },
                );
            }
        }
        true
    }

    /// The variable a write would change, if it exists already (for type constraints).
    pub fn target(&self, name: &str, q: Qualifier) -> Option<&Variable> {
        let idx = self.index_for(q);
        self.stack[idx].vars.get(&name.to_ascii_lowercase())
    }

    pub fn set_constrained(&mut self, name: &str, value: Value, ty: ParamType, q: Qualifier) {
        let idx = self.index_for(q);
        self.stack[idx].vars.insert(
            name.to_ascii_lowercase(),
            Variable {
                name: name.to_string(),
                value,
                constraint: Some(ty),
                private: q == Qualifier::Private,
            },
        );
    }

    pub fn remove(&mut self, name: &str, q: Qualifier) -> bool {
        let key = name.to_ascii_lowercase();
        match q {
            Qualifier::None => {
                for s in self.stack.iter_mut().rev() {
                    if s.vars.remove(&key).is_some() {
                        return true;
                    }
                }
                false
            }
            _ => {
                let idx = self.index_for(q);
                self.stack[idx].vars.remove(&key).is_some()
            }
        }
    }

    /// Every visible variable (innermost wins), for completion and `Get-Variable`.
    pub fn visible(&self) -> Vec<&Variable> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        for s in self.stack.iter().rev() {
            for (k, v) in &s.vars {
                if seen.insert(k.clone()) {
                    out.push(v);
                }
            }
        }
        out.sort_by(|a, b| {
            a.name
                .to_ascii_lowercase()
                .cmp(&b.name.to_ascii_lowercase())
        });
        out
    }
}

/// A variable name lowercased for a lookup, on the stack when it is short: variables such as
/// `$ErrorActionPreference` are read on every pipeline record, and a lowercased copy on the
/// heap each time was a measurable part of a record's cost.
enum LookupKey {
    Short([u8; 64], usize),
    Long(String),
}

impl LookupKey {
    fn new(name: &str) -> LookupKey {
        let bytes = name.as_bytes();
        if bytes.len() <= 64 {
            let mut buf = [0u8; 64];
            buf[..bytes.len()].copy_from_slice(bytes);
            buf[..bytes.len()].make_ascii_lowercase();
            LookupKey::Short(buf, bytes.len())
        } else {
            LookupKey::Long(name.to_ascii_lowercase())
        }
    }

    fn as_str(&self) -> &str {
        match self {
            // ASCII lowercasing keeps UTF-8 valid, so this never gives the empty default.
            LookupKey::Short(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or_default(),
            LookupKey::Long(text) => text,
        }
    }
}
