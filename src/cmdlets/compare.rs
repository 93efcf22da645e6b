//! Compare-Object: the drift check of idempotent setup scripts (`Compare-Object
//! $policy.AppIds $wanted`). Follows CompareObjectCommand (PowerShell/PowerShell
//! Compare-Object.cs): the two sets advance in step, each difference object meeting the next
//! reference object; an object that does not match waits in a backlog (as wide as -SyncWindow,
//! unlimited by default) for a later match. Matches are written when found (`==`, with
//! -IncludeEqual); the objects left over are written at the end, the difference set's (`=>`)
//! then the reference set's (`<=`).

use super::objects::{PropertySpec, compute_properties, property_specs};
use crate::runtime::CmdletDef;
use crate::runtime::operators::values_equal;
use crate::runtime::{BoundParameters, CommandContext, Flow, PsObject, Value};
use crate::vocab::{ParamDef, PipelineMode, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Compare-Object", UTILITY, compare_object)
            .class("Microsoft.PowerShell.Commands.CompareObjectCommand")
            .synopsis("Compares two sets of objects.")
            .description("Lists the objects found in only one of the two sets (SideIndicator `<=` for the reference set, `=>` for the difference set) and, with -IncludeEqual, those in both (`==`). Strings compare without regard to case unless -CaseSensitive; -Property compares by property values.")
            .alias("compare")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("ReferenceObject", types::PSOBJECT_ARRAY).position(0).mandatory().help("The objects used as the reference."))
            .param(ParamDef::new("DifferenceObject", types::PSOBJECT_ARRAY).position(1).mandatory().from_pipeline().help("The objects compared with the reference."))
            .param(ParamDef::new("Property", types::OBJECT_ARRAY).help("Properties (or calculated properties) to compare by."))
            .param(ParamDef::new("SyncWindow", types::INT32).help("How far to look for a match; the whole set by default."))
            .param(ParamDef::new("IncludeEqual", types::SWITCH).help("Also lists the objects found in both sets (==)."))
            .param(ParamDef::new("ExcludeDifferent", types::SWITCH).help("Leaves out the objects found in only one set."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the objects themselves, with a SideIndicator property added."))
            .param(ParamDef::new("CaseSensitive", types::SWITCH).help("Compares strings with regard to case."))
            .param(ParamDef::new("Culture", types::STRING).help("The culture for comparisons (en-US rules offline)."))
            .outputs("System.Management.Automation.PSCustomObject")
            .example(
                "Which app ids is the policy missing?",
                "Compare-Object -ReferenceObject $wanted -DifferenceObject (Get-CsApplicationAccessPolicy -Identity Bot).AppIds | Where-Object SideIndicator -eq '<='",
                "Lists the wanted ids the policy does not have yet.",
            ),
    ]
}

/// One object being compared, with the values compared.
struct Entry {
    item: Value,
    keys: Vec<(String, Value)>,
}

fn compare_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let specs = property_specs(ctx, b.get("Property"))?;
    let reference: Vec<Value> = b
        .get("ReferenceObject")
        .map(Value::enumerate)
        .unwrap_or_default();
    let difference: Vec<Value> = if ctx.collected.is_empty() {
        b.get("DifferenceObject")
            .map(Value::enumerate)
            .unwrap_or_default()
    } else {
        ctx.collected.clone()
    };
    // -ExcludeDifferent turns -IncludeEqual on unless it was turned off explicitly.
    let include_equal =
        b.switch("IncludeEqual") || (b.switch("ExcludeDifferent") && !b.has("IncludeEqual"));
    let window = b
        .int("SyncWindow")
        .map_or(usize::MAX, |n| n.max(0) as usize);
    let mut run = Run {
        case_sensitive: b.switch("CaseSensitive"),
        include_equal,
        exclude_different: b.switch("ExcludeDifferent"),
        pass_thru: b.switch("PassThru"),
        window,
        by_property: !specs.is_empty(),
        reference_backlog: Vec::new(),
        difference_backlog: Vec::new(),
        out: Vec::new(),
    };
    let mut refs = Vec::new();
    for item in reference {
        let keys = keys_of(ctx, &item, &specs)?;
        refs.push(Entry { item, keys });
    }
    let mut diffs = Vec::new();
    for item in difference {
        let keys = keys_of(ctx, &item, &specs)?;
        diffs.push(Entry { item, keys });
    }
    // The two sets advance in step: each difference object meets the next reference object.
    let mut refs = refs.into_iter();
    for d in diffs {
        let r = refs.next();
        run.process(Some(d), r);
    }
    for r in refs {
        run.process(None, Some(r));
    }
    for d in std::mem::take(&mut run.difference_backlog) {
        run.emit(d, "=>");
    }
    for r in std::mem::take(&mut run.reference_backlog) {
        run.emit(r, "<=");
    }
    for v in run.out {
        ctx.write_object(v);
    }
    Ok(())
}

/// CompareObjectCommand's matching state.
struct Run {
    case_sensitive: bool,
    include_equal: bool,
    exclude_different: bool,
    pass_thru: bool,
    window: usize,
    by_property: bool,
    reference_backlog: Vec<Entry>,
    difference_backlog: Vec<Entry>,
    out: Vec<Value>,
}

impl Run {
    fn process(&mut self, difference: Option<Entry>, reference: Option<Entry>) {
        let cs = self.case_sensitive;
        if let (Some(r), Some(d)) = (&reference, &difference)
            && same(&r.keys, &d.keys, cs)
        {
            if let Some(r) = reference {
                self.emit_match(r);
            }
            return;
        }
        let mut difference = difference;
        let mut reference = reference;
        if let Some(d) = &difference
            && let Some(i) = self
                .reference_backlog
                .iter()
                .position(|r| same(&d.keys, &r.keys, cs))
        {
            let matched = self.reference_backlog.remove(i);
            self.emit_match(matched);
            difference = None;
        }
        if let Some(r) = &reference
            && let Some(i) = self
                .difference_backlog
                .iter()
                .position(|d| same(&r.keys, &d.keys, cs))
        {
            self.difference_backlog.remove(i);
            if let Some(r) = reference.take() {
                self.emit_match(r);
            }
        }
        if let Some(d) = difference {
            if self.window == 0 {
                self.emit(d, "=>");
            } else {
                while self.difference_backlog.len() >= self.window {
                    let oldest = self.difference_backlog.remove(0);
                    self.emit(oldest, "=>");
                }
                self.difference_backlog.push(d);
            }
        }
        if let Some(r) = reference {
            if self.window == 0 {
                self.emit(r, "<=");
            } else {
                while self.reference_backlog.len() >= self.window {
                    let oldest = self.reference_backlog.remove(0);
                    self.emit(oldest, "<=");
                }
                self.reference_backlog.push(r);
            }
        }
    }

    fn emit_match(&mut self, entry: Entry) {
        if self.include_equal {
            self.write(entry, "==");
        }
    }

    /// An object found in one set only (left out under -ExcludeDifferent).
    fn emit(&mut self, entry: Entry, side: &str) {
        if !self.exclude_different {
            self.write(entry, side);
        }
    }

    fn write(&mut self, entry: Entry, side: &str) {
        if self.pass_thru {
            // The object itself, with a SideIndicator note property (pwsh wraps strings and
            // numbers in a PSObject to carry it; offline they keep their value only).
            if let Value::Object(o) = &entry.item {
                o.borrow_mut().set("SideIndicator", Value::str(side));
            }
            self.out.push(entry.item);
            return;
        }
        let mut o = PsObject::custom();
        if self.by_property {
            for (name, value) in entry.keys {
                o.set(&name, value);
            }
        } else {
            o.set("InputObject", entry.item);
        }
        o.set("SideIndicator", Value::str(side));
        self.out.push(Value::object(o));
    }
}

/// The values an object is compared by: itself, or its -Property values.
fn keys_of(
    ctx: &mut CommandContext<'_>,
    item: &Value,
    specs: &[PropertySpec],
) -> Result<Vec<(String, Value)>, Flow> {
    if specs.is_empty() {
        return Ok(vec![(String::new(), item.clone())]);
    }
    compute_properties(ctx, item, specs)
}

fn same(a: &[(String, Value)], b: &[(String, Value)], case_sensitive: bool) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|((_, x), (_, y))| match (x, y) {
            // Objects without a natural order compare by their text, as pwsh's
            // ObjectCommandComparer falls back to ToString().
            (Value::Object(_) | Value::Hashtable(_), _)
            | (_, Value::Object(_) | Value::Hashtable(_)) => {
                let (l, r) = (x.to_ps_string(), y.to_ps_string());
                if case_sensitive {
                    l == r
                } else {
                    l.to_lowercase() == r.to_lowercase()
                }
            }
            _ => values_equal(x, y, case_sensitive),
        })
}
