//! The shape of one command definition: name, parameters (type, position, mandatory, aliases,
//! parameter sets, pipeline binding), help text, examples and what runs it. The binder, tab
//! completion, `Get-Help`, `Get-Command -Syntax` and the coverage page all read these; nothing
//! about a cmdlet's surface is written anywhere else.
//!
//! Data only: the handler type is a parameter (`H`), so this layer knows nothing of the runtime
//! that calls it (the runtime names `CmdletDef<Handler>` as `runtime::CmdletDef`).

use std::borrow::Cow;
use std::rc::Rc;

use crate::syntax::ast::FunctionDef;

/// Names are static for built-in cmdlets and owned for script functions.
pub type Name = Cow<'static, str>;

/// The .NET-facing type of a parameter: what the binder converts arguments to, and the names
/// pwsh prints in syntax lines (`<String>`) and in MissingArgument (`System.String`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    String,
    StringArray,
    Int32,
    /// `UInt32` (the Teams policies' bit rates and counts): 0 to 4294967295.
    UInt32,
    Int64,
    Double,
    Bool,
    Switch,
    Object,
    ObjectArray,
    /// `PSListModifier`: a string or array means Replace; a hashtable carries Add/Remove/Replace.
    ListModifier,
    ScriptBlock,
    Hashtable,
    Credential,
    SecureString,
    DateTime,
    Guid,
    /// One of a fixed set of names (an enum such as `ActionPreference`), case-insensitive.
    Enum(&'static [&'static str]),
    /// A count or the word `Unlimited` (the Teams module's `-ResultSize <Unlimited>`).
    Unlimited,
    /// Any other type of the .NET type table that a script names (`[int[]]`, `[DayOfWeek]`,
    /// `[ipaddress]`): the value converts as the cast `[T]` does; `ParamType::full` is the
    /// type's full name.
    Cast,
}

#[derive(Clone, Copy, Debug)]
pub struct ParamType {
    pub kind: ParamKind,
    /// Short name in syntax lines: `String`, `XdsIdentity`, `PSListModifier`.
    pub short: &'static str,
    /// Full name in messages: `System.String`, `Microsoft.Rtc.Management.Xds.XdsIdentity`.
    pub full: &'static str,
}

impl ParamType {
    pub const fn new(kind: ParamKind, short: &'static str, full: &'static str) -> ParamType {
        ParamType { kind, short, full }
    }
}

pub mod types {
    //! The parameter types the definitions use, named as pwsh names them.
    use super::{ParamKind as K, ParamType as T};

    pub const STRING: T = T::new(K::String, "String", "System.String");
    pub const STRING_ARRAY: T = T::new(K::StringArray, "String[]", "System.String[]");
    pub const INT32: T = T::new(K::Int32, "Int32", "System.Int32");
    pub const INT64: T = T::new(K::Int64, "Int64", "System.Int64");
    pub const UINT32: T = T::new(K::UInt32, "UInt32", "System.UInt32");
    pub const UNLIMITED: T = T::new(K::Unlimited, "Unlimited", "Unlimited");
    pub const DOUBLE: T = T::new(K::Double, "Double", "System.Double");
    pub const BOOL: T = T::new(K::Bool, "Boolean", "System.Boolean");
    pub const SWITCH: T = T::new(
        K::Switch,
        "SwitchParameter",
        "System.Management.Automation.SwitchParameter",
    );
    pub const OBJECT: T = T::new(K::Object, "Object", "System.Object");
    pub const OBJECT_ARRAY: T = T::new(K::ObjectArray, "Object[]", "System.Object[]");
    pub const PSOBJECT: T = T::new(
        K::Object,
        "PSObject",
        "System.Management.Automation.PSObject",
    );
    pub const PSOBJECT_ARRAY: T = T::new(
        K::ObjectArray,
        "PSObject[]",
        "System.Management.Automation.PSObject[]",
    );
    pub const LIST_MODIFIER: T = T::new(
        K::ListModifier,
        "PSListModifier",
        "System.Management.Automation.PSListModifier",
    );
    /// Set's `-AppIds` is typed `Object` in the 2024 syntax but converted like a list modifier.
    pub const LIST_MODIFIER_OBJECT: T = T::new(K::ListModifier, "Object", "System.Object");
    pub const SCRIPTBLOCK: T = T::new(
        K::ScriptBlock,
        "ScriptBlock",
        "System.Management.Automation.ScriptBlock",
    );
    pub const HASHTABLE: T = T::new(K::Hashtable, "Hashtable", "System.Collections.Hashtable");
    pub const CREDENTIAL: T = T::new(
        K::Credential,
        "PSCredential",
        "System.Management.Automation.PSCredential",
    );
    pub const SECURE_STRING: T = T::new(
        K::SecureString,
        "SecureString",
        "System.Security.SecureString",
    );
    pub const DATETIME: T = T::new(K::DateTime, "DateTime", "System.DateTime");
    pub const GUID: T = T::new(K::Guid, "Guid", "System.Guid");
    pub const XDS_IDENTITY: T = T::new(
        K::String,
        "XdsIdentity",
        "Microsoft.Rtc.Management.Xds.XdsIdentity",
    );
    pub const USER_ID: T = T::new(
        K::String,
        "UserIdParameter",
        "Microsoft.Rtc.Management.AD.UserIdParameter",
    );
    pub const ACTION_PREFERENCE: T = T::new(
        K::Enum(&[
            "SilentlyContinue",
            "Stop",
            "Continue",
            "Inquire",
            "Ignore",
            "Suspend",
            "Break",
        ]),
        "ActionPreference",
        "System.Management.Automation.ActionPreference",
    );
}

/// The name pwsh gives the implicit set of a command without named sets.
pub const ALL_SETS: &str = "__AllParameterSets";

/// A parameter set a parameter belongs to, with the per-set attributes.
#[derive(Clone, Debug)]
pub struct SetMembership {
    /// `None` means every set (`__AllParameterSets`).
    pub set: Option<Name>,
    pub position: Option<u32>,
    pub mandatory: bool,
    pub from_pipeline: bool,
    pub from_pipeline_by_property_name: bool,
}

#[derive(Clone, Debug)]
pub struct ParamDef {
    pub name: Name,
    pub ty: ParamType,
    pub aliases: Vec<Name>,
    pub sets: Vec<SetMembership>,
    pub help: Name,
    /// Accepted but without effect offline (`-MsftInternalProcessingMode`); shown in help.
    pub ignored_offline: bool,
    /// Real parameter that aapsh refuses loudly ("not emulated offline").
    pub not_emulated: bool,
    /// `[ValidateNotNullOrEmpty()]`, `[ValidateSet(...)]`, ... checked after conversion.
    pub validations: Vec<Validation>,
    /// ValueFromRemainingArguments: positional arguments nothing else takes (`Write-Host a b`).
    pub remaining: bool,
}

/// Argument validation attributes (ValidateNotNullOrEmpty, ValidateSet, ...), with pwsh's texts.
#[derive(Clone, Debug)]
pub enum Validation {
    NotNull,
    NotNullOrEmpty,
    Set(Vec<String>),
    Range(i64, i64),
    /// ValidatePattern: a regular expression each item must match (case-insensitive).
    Pattern(String),
    /// ValidateLength: the character length of each item.
    Length(i64, i64),
    /// ValidateCount: how many items the argument holds.
    Count(i64, i64),
    /// ValidateScript, by the script block's text: run by the session after binding (it
    /// needs the engine), so `validate` passes it.
    Script(String),
    /// ValidateRange's kinds: `Positive`, `NonNegative`, `Negative`, `NonPositive`.
    RangeKind(String),
    /// A validation with `ErrorMessage = '...'`: `{0}` is the failing value, `{1}` the
    /// pattern, the set or the script (ValidateEnumeratedArgumentsAttribute's ErrorMessage).
    WithMessage(Box<Validation>, String),
    /// `[AllowNull()]`, `[AllowEmptyString()]`, `[AllowEmptyCollection()]`: a mandatory
    /// parameter then takes `$null`, `''` or `@()`. Checks nothing itself.
    Allow(AllowKind),
}

/// What an Allow* attribute lets a mandatory parameter take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllowKind {
    Null,
    EmptyString,
    EmptyCollection,
}

impl Validation {
    /// What `{1}` stands for in a custom ErrorMessage: the pattern, the set or the script.
    pub fn detail(&self) -> String {
        match self {
            Validation::Pattern(p) | Validation::Script(p) => p.clone(),
            Validation::Set(names) => names.join(", "),
            _ => String::new(),
        }
    }
}

impl ParamDef {
    pub fn new(name: impl Into<Name>, ty: ParamType) -> ParamDef {
        ParamDef {
            name: name.into(),
            ty,
            aliases: Vec::new(),
            sets: vec![SetMembership {
                set: None,
                position: None,
                mandatory: false,
                from_pipeline: false,
                from_pipeline_by_property_name: false,
            }],
            help: Name::Borrowed(""),
            ignored_offline: false,
            not_emulated: false,
            validations: Vec::new(),
            remaining: false,
        }
    }

    /// Puts the parameter in these named sets (replacing "all sets"), keeping its attributes.
    pub fn sets(mut self, names: &[&'static str]) -> ParamDef {
        let template = self.sets[0].clone();
        self.sets = names
            .iter()
            .map(|n| SetMembership {
                set: Some(Name::Borrowed(n)),
                ..template.clone()
            })
            .collect();
        self
    }

    pub fn position(mut self, pos: u32) -> ParamDef {
        self.sets.iter_mut().for_each(|s| s.position = Some(pos));
        self
    }

    pub fn mandatory(mut self) -> ParamDef {
        self.sets.iter_mut().for_each(|s| s.mandatory = true);
        self
    }

    /// Mandatory only in the named set.
    pub fn mandatory_in(mut self, set: &str) -> ParamDef {
        self.sets
            .iter_mut()
            .filter(|s| s.set.as_deref() == Some(set))
            .for_each(|s| s.mandatory = true);
        self
    }

    pub fn from_pipeline(mut self) -> ParamDef {
        self.sets.iter_mut().for_each(|s| s.from_pipeline = true);
        self
    }

    pub fn by_property_name(mut self) -> ParamDef {
        self.sets
            .iter_mut()
            .for_each(|s| s.from_pipeline_by_property_name = true);
        self
    }

    pub fn alias(mut self, alias: impl Into<Name>) -> ParamDef {
        self.aliases.push(alias.into());
        self
    }

    pub fn help(mut self, help: impl Into<Name>) -> ParamDef {
        self.help = help.into();
        self
    }

    /// `[AllowNull()]` and friends on a built-in cmdlet's mandatory parameter.
    pub fn allow(mut self, kind: AllowKind) -> ParamDef {
        self.validations.push(Validation::Allow(kind));
        self
    }

    pub fn remaining(mut self) -> ParamDef {
        self.remaining = true;
        self
    }

    pub fn ignored_offline(mut self) -> ParamDef {
        self.ignored_offline = true;
        self
    }

    pub fn not_emulated(mut self) -> ParamDef {
        self.not_emulated = true;
        self
    }

    pub fn is_switch(&self) -> bool {
        self.ty.kind == ParamKind::Switch
    }

    /// The membership for a set (or the all-sets membership).
    pub fn in_set(&self, set: &str) -> Option<&SetMembership> {
        self.sets
            .iter()
            .find(|s| s.set.as_deref().is_none_or(|n| n.eq_ignore_ascii_case(set)))
    }

    pub fn in_all_sets(&self) -> bool {
        self.sets.iter().any(|s| s.set.is_none())
    }
}

/// How much harm a command's change can do (`[Cmdlet(ConfirmImpact = ...)]`,
/// `[CmdletBinding(ConfirmImpact = ...)]`); ShouldProcess asks first when it is at least
/// `$ConfirmPreference`. The order is the enum's (None < Low < Medium < High).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfirmImpact {
    None,
    Low,
    #[default]
    Medium,
    High,
}

impl ConfirmImpact {
    /// A `ConfirmImpact` name as pwsh converts it (case-insensitive, or the enum's number).
    pub fn parse(text: &str) -> Option<ConfirmImpact> {
        // Read on every pipeline record ($ConfirmPreference): compared without a copy.
        const NAMES: [(&str, &str, ConfirmImpact); 4] = [
            ("none", "0", ConfirmImpact::None),
            ("low", "1", ConfirmImpact::Low),
            ("medium", "2", ConfirmImpact::Medium),
            ("high", "3", ConfirmImpact::High),
        ];
        let text = text.trim();
        NAMES
            .iter()
            .find(|(name, number, _)| text.eq_ignore_ascii_case(name) || text == *number)
            .map(|(_, _, impact)| *impact)
    }
}

/// How a cmdlet consumes pipeline input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PipelineMode {
    /// Takes no pipeline input; runs once.
    None,
    /// Runs once per input record, with pipeline parameters bound from each record (and once
    /// without input when it is first in the pipeline).
    PerRecord,
    /// Gathers all input, then runs once (`Sort-Object`, `Measure-Object`, `Format-Table`).
    Collect,
}

/// How a gathering cmdlet (`PipelineMode::Collect`) can stop the commands upstream once it has
/// the records it needs, instead of gathering them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopRule {
    /// Select-Object's counting parameters: `-First` (after `-Skip`), `-Index`, `-Unique` with
    /// `-First`. Records it takes are written as they arrive; once the last one it needs has
    /// come, it stops the commands upstream (StopUpstreamCommandsException). Not with
    /// `-Last`, `-SkipLast`, `-SkipIndex` or `-Wait`, which need every record.
    SelectFirst,
}

/// Which connection a cmdlet needs before it can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Requires {
    Nothing,
    Teams,
    Graph,
    /// An Exchange Online cmdlet: like the real module's, it exists only after
    /// Connect-ExchangeOnline (before, the name is not recognized).
    Exchange,
}

#[derive(Clone, Debug)]
pub struct Example {
    pub title: &'static str,
    pub code: &'static str,
    pub remarks: &'static str,
}

/// How faithfully a cmdlet is emulated, for help and the coverage page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fidelity {
    /// Behaviour follows the documentation and the sources in docs/fidelity.md.
    Emulated,
    /// An offline stand-in for a real cmdlet (Connect-MicrosoftTeams, Install-Module, ...).
    StandIn,
    /// aapsh's own cmdlet (noun prefix `Emu`).
    EmulatorOnly,
}

#[derive(Clone, Debug)]
pub struct CmdletDef<H> {
    pub name: Name,
    /// The module Get-Command reports (`MicrosoftTeams`, `Microsoft.PowerShell.Utility`, `aapsh`).
    pub module: &'static str,
    /// The implementing class, appended to FullyQualifiedErrorIds.
    pub class_name: Name,
    pub synopsis: Name,
    pub description: Name,
    pub params: Vec<ParamDef>,
    pub default_set: Option<Name>,
    /// Adds `-WhatIf` and `-Confirm`.
    pub supports_should_process: bool,
    /// Compared with `$ConfirmPreference` by ShouldProcess (Medium unless declared).
    pub confirm_impact: ConfirmImpact,
    pub pipeline: PipelineMode,
    pub requires: Requires,
    pub examples: Vec<Example>,
    pub outputs: &'static str,
    pub fidelity: Fidelity,
    pub aliases: Vec<&'static str>,
    /// Script functions only: `[CmdletBinding()]` or `[Parameter()]` makes them advanced (common
    /// parameters, strict binding). Built-in cmdlets are always advanced.
    pub advanced: bool,
    pub implementation: Implementation<H>,
    /// Streaming cmdlets (`PipelineMode::PerRecord`) may run once before the first record and
    /// once after the last (`ForEach-Object -Begin/-End`).
    pub begin: Option<H>,
    pub end: Option<H>,
    /// Gathering cmdlets that can stop early (see `StopRule`).
    pub stop_rule: Option<StopRule>,
}

/// What runs when the command is invoked.
#[derive(Clone, Debug)]
pub enum Implementation<H> {
    Builtin(H),
    /// A `function` defined by script; its parameters are the definition's `params`.
    Function(Rc<FunctionDef>),
}

impl<H> CmdletDef<H> {
    pub fn new(name: impl Into<Name>, module: &'static str, handler: H) -> CmdletDef<H> {
        CmdletDef {
            name: name.into(),
            module,
            class_name: Name::Borrowed(""),
            synopsis: Name::Borrowed(""),
            description: Name::Borrowed(""),
            params: Vec::new(),
            default_set: None,
            supports_should_process: false,
            confirm_impact: ConfirmImpact::Medium,
            pipeline: PipelineMode::None,
            requires: Requires::Nothing,
            examples: Vec::new(),
            outputs: "",
            fidelity: Fidelity::Emulated,
            aliases: Vec::new(),
            advanced: true,
            implementation: Implementation::Builtin(handler),
            begin: None,
            end: None,
            stop_rule: None,
        }
    }

    pub fn class(mut self, class_name: &'static str) -> Self {
        self.class_name = Name::Borrowed(class_name);
        self
    }

    pub fn synopsis(mut self, text: &'static str) -> Self {
        self.synopsis = Name::Borrowed(text);
        self
    }

    pub fn description(mut self, text: &'static str) -> Self {
        self.description = Name::Borrowed(text);
        self
    }

    pub fn param(mut self, param: ParamDef) -> Self {
        self.params.push(param);
        self
    }

    pub fn default_set(mut self, set: &'static str) -> Self {
        self.default_set = Some(Name::Borrowed(set));
        self
    }

    pub fn should_process(mut self) -> Self {
        self.supports_should_process = true;
        self
    }

    pub fn confirm_impact(mut self, impact: ConfirmImpact) -> Self {
        self.confirm_impact = impact;
        self
    }

    pub fn pipeline(mut self, mode: PipelineMode) -> Self {
        self.pipeline = mode;
        self
    }

    pub fn requires(mut self, requires: Requires) -> Self {
        self.requires = requires;
        self
    }

    pub fn example(
        mut self,
        title: &'static str,
        code: &'static str,
        remarks: &'static str,
    ) -> Self {
        self.examples.push(Example {
            title,
            code,
            remarks,
        });
        self
    }

    pub fn outputs(mut self, outputs: &'static str) -> Self {
        self.outputs = outputs;
        self
    }

    pub fn fidelity(mut self, fidelity: Fidelity) -> Self {
        self.fidelity = fidelity;
        self
    }

    pub fn alias(mut self, alias: &'static str) -> Self {
        self.aliases.push(alias);
        self
    }

    pub fn on_begin(mut self, handler: H) -> Self {
        self.begin = Some(handler);
        self
    }

    pub fn on_end(mut self, handler: H) -> Self {
        self.end = Some(handler);
        self
    }

    /// Lets the pipeline stop the commands upstream once this cmdlet has what it needs.
    pub fn stops_upstream(mut self, rule: StopRule) -> Self {
        self.stop_rule = Some(rule);
        self
    }

    /// The parameter set names in declaration order (without the all-sets marker).
    pub fn set_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for p in &self.params {
            for s in &p.sets {
                if let Some(n) = s.set.as_deref()
                    && !names.iter().any(|x| x.eq_ignore_ascii_case(n))
                {
                    names.push(n);
                }
            }
        }
        // A default set no parameter names is still a set (Join-String's `default`: only the
        // parameters in every set belong to it).
        match self.default_set.as_deref() {
            Some(d) if !names.iter().any(|x| x.eq_ignore_ascii_case(d)) => names.insert(0, d),
            Some(_) => {}
            None if names.is_empty() => names.push(ALL_SETS),
            None => {}
        }
        names
    }

    pub fn verb(&self) -> &str {
        self.name.split_once('-').map_or(&self.name, |(v, _)| v)
    }

    pub fn noun(&self) -> &str {
        self.name.split_once('-').map_or("", |(_, n)| n)
    }
}
