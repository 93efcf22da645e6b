//! The vocabulary the layers above share, as data only: the shape of a command definition
//! (`CmdletDef`, `ParamDef`, parameter types and sets, help examples) and the .NET type table
//! (`dotnet`: each type's members and signatures as pwsh reports them). Nothing here runs
//! anything; it imports only `syntax` (a script function's definition is kept as its AST).

pub mod command;
pub mod dotnet;
pub mod script_types;

/// The PowerShell version aapsh emulates and reports (`$PSVersionTable.PSVersion`,
/// `$Host.Version`, `#requires -Version` checks): the reference pwsh it is measured against.
pub const POWERSHELL_VERSION: (u32, u32, u32) = (7, 6, 10);

/// `POWERSHELL_VERSION` as text (`7.6.10`).
pub fn powershell_version_text() -> String {
    let (major, minor, patch) = POWERSHELL_VERSION;
    format!("{major}.{minor}.{patch}")
}

pub use command::{
    ALL_SETS, AllowKind, ConfirmImpact, Example, Fidelity, Name, ParamDef, ParamKind, ParamType,
    PipelineMode, Requires, SetMembership, StopRule, Validation, types,
};
