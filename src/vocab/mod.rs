//! The vocabulary the layers above share, as data only: the shape of a command definition
//! (`CmdletDef`, `ParamDef`, parameter types and sets, help examples) and the .NET type table
//! (`dotnet`: each type's members and signatures as pwsh reports them). Nothing here runs
//! anything; it imports only `syntax` (a script function's definition is kept as its AST).

pub mod command;
pub mod dotnet;
pub mod script_types;

pub use command::{
    ALL_SETS, AllowKind, ConfirmImpact, Example, Fidelity, Name, ParamDef, ParamKind, ParamType,
    PipelineMode, Requires, SetMembership, StopRule, Validation, types,
};
