//! Utility cmdlets admin and reporting scripts lean on: Add-Member, Get-Random, Select-String,
//! the variable cmdlets (Get/Set/New/Remove/Clear-Variable) and Tee-Object. Messages and error
//! ids follow pwsh's sources (AddMember.resx, GetRandomCommandStrings.resx, MatchString.cs,
//! SessionStateStrings); choices are listed in docs/fidelity.md ("Utility cmdlets").

use crate::runtime::regex::dotnet as regex_objects;
use crate::runtime::regex::{Regex, opt as regex_opt};
use std::rc::Rc;

use crate::runtime::CmdletDef;
use crate::runtime::clock::IdGenerator;
use crate::runtime::number::Number;
use crate::runtime::scope::Qualifier;
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, ErrorRecord, Flow, PsObject, Value, collapse,
};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, Validation, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

const MEMBER_TYPES: ParamType = ParamType::new(
    ParamKind::Enum(&[
        "AliasProperty",
        "CodeProperty",
        "Property",
        "NoteProperty",
        "ScriptProperty",
        "Properties",
        "PropertySet",
        "Method",
        "CodeMethod",
        "ScriptMethod",
        "Methods",
        "ParameterizedProperty",
        "MemberSet",
        "Event",
        "Dynamic",
        "All",
    ]),
    "PSMemberTypes",
    "System.Management.Automation.PSMemberTypes",
);

/// Join-String's -Property: a property name or a script block (PSPropertyExpression).
const PROPERTY_EXPRESSION: ParamType = ParamType::new(
    ParamKind::Object,
    "PSPropertyExpression",
    "Microsoft.PowerShell.Commands.PSPropertyExpression",
);

/// `[AllowEmptyString()]`.
fn allow_empty_string(mut p: ParamDef) -> ParamDef {
    p.validations
        .push(Validation::Allow(crate::vocab::AllowKind::EmptyString));
    p
}

const CHAR: ParamType = ParamType::new(ParamKind::Object, "Char", "System.Char");

const MEMBER_SETS: &[&str] = &[
    "MemberSet",
    "TypeNameSet",
    "NotePropertySingleMemberSet",
    "NotePropertyMultiMemberSet",
];

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Add-Member", UTILITY, add_member)
            .class("Microsoft.PowerShell.Commands.AddMemberCommand")
            .synopsis("Adds custom properties and methods to an instance of a PowerShell object.")
            .description("Adds a NoteProperty to a PSCustomObject (New-Object PSObject, [pscustomobject]@{}, Select-Object output, ...). The object is changed in place; -PassThru also returns it. Script properties and methods and other member types are not emulated offline.")
            .pipeline(PipelineMode::PerRecord)
            .default_set("TypeNameSet")
            .param(ParamDef::new("InputObject", types::PSOBJECT).sets(MEMBER_SETS).mandatory().from_pipeline().help("The object to add the member to."))
            .param(ParamDef::new("MemberType", MEMBER_TYPES).sets(&["MemberSet"]).position(0).mandatory().alias("Type").help("The kind of member (NoteProperty is emulated)."))
            .param(ParamDef::new("Name", types::STRING).sets(&["MemberSet"]).position(1).mandatory().help("The name of the new member."))
            .param(ParamDef::new("Value", types::OBJECT).sets(&["MemberSet"]).position(2).help("The value of the new NoteProperty."))
            .param(ParamDef::new("SecondValue", types::OBJECT).sets(&["MemberSet"]).position(3).help("A second value (setter script blocks); not emulated."))
            .param(ParamDef::new("TypeName", types::STRING).sets(MEMBER_SETS).mandatory_in("TypeNameSet").help("A type name to put first in the object's PSObject.TypeNames."))
            .param(ParamDef::new("Force", types::SWITCH).sets(&["MemberSet", "NotePropertySingleMemberSet", "NotePropertyMultiMemberSet"]).help("Overwrites a member that already exists."))
            .param(ParamDef::new("PassThru", types::SWITCH).sets(MEMBER_SETS).help("Returns the object after adding the member."))
            .param(ParamDef::new("NotePropertyName", types::STRING).sets(&["NotePropertySingleMemberSet"]).position(0).mandatory().help("The name of the NoteProperty to add."))
            .param(ParamDef::new("NotePropertyValue", types::OBJECT).sets(&["NotePropertySingleMemberSet"]).position(1).mandatory().help("The value of the NoteProperty."))
            .param(ParamDef::new("NotePropertyMembers", types::HASHTABLE).sets(&["NotePropertyMultiMemberSet"]).position(0).mandatory().help("Names and values of several NoteProperties, as a hashtable."))
            .example("Add a property to a report row", "$row = [pscustomobject]@{ User = 'adele@contoso.com' }\n$row | Add-Member -NotePropertyName Policy -NotePropertyValue 'Bot'", "The row now has User and Policy.")
            .example("Build an object in one pipeline", "New-Object PSObject | Add-Member -MemberType NoteProperty -Name Count -Value 3 -PassThru", "Returns the object with its new Count property.")
            .outputs("None, or the input object with -PassThru"),
        CmdletDef::new("New-Guid", UTILITY, new_guid)
            .class("Microsoft.PowerShell.Commands.NewGuidCommand")
            .synopsis("Creates a GUID.")
            .description("Returns a new random (version 4) System.Guid, shown as a table with a Guid column. GUIDs come from the session's generator, which AAPSH_SEED makes reproducible; -Empty returns the all-zero GUID.")
            .param(ParamDef::new("Empty", types::SWITCH).help("Returns 00000000-0000-0000-0000-000000000000.")),
        CmdletDef::new("Get-Random", UTILITY, get_random)
            .class("Microsoft.PowerShell.Commands.GetRandomCommand")
            .synopsis("Gets a random number, or selects objects randomly from a collection.")
            .description("Returns a random Int32 from 0 up to (not including) Int32.MaxValue, a number in [-Minimum, -Maximum) (integers or doubles), or -Count items picked at random from -InputObject or the pipeline. Numbers come from the session's generator, which AAPSH_SEED makes reproducible; -SetSeed starts a new sequence (not the same numbers as .NET's Random).")
            .pipeline(PipelineMode::Collect)
            .default_set("RandomNumberParameterSet")
            .param(ParamDef::new("SetSeed", types::INT32).help("Seeds the generator, so the numbers that follow repeat."))
            .param(ParamDef::new("Maximum", types::OBJECT).sets(&["RandomNumberParameterSet"]).position(0).help("The upper bound (exclusive)."))
            .param(ParamDef::new("Minimum", types::OBJECT).sets(&["RandomNumberParameterSet"]).help("The lower bound (inclusive, default 0)."))
            .param(ParamDef::new("InputObject", types::OBJECT_ARRAY).sets(&["RandomListItemParameterSet", "ShuffleParameterSet"]).position(0).mandatory().from_pipeline().help("The collection to pick from."))
            .param({
                let mut p = ParamDef::new("Count", types::INT32).sets(&["RandomNumberParameterSet", "RandomListItemParameterSet"]).help("How many numbers or items to return.");
                p.validations.push(Validation::Range(1, i32::MAX as i64));
                p
            })
            .param(ParamDef::new("Shuffle", types::SWITCH).sets(&["ShuffleParameterSet"]).mandatory().help("Returns every input item, in random order."))
            .example("A number from 1 to 10", "Get-Random -Minimum 1 -Maximum 11", "Maximum is exclusive.")
            .example("Pick two users", "Get-CsOnlineUser | Get-Random -Count 2", "Two distinct users, in random order.")
            .outputs("System.Int32, System.Int64, System.Double, System.Object"),
        CmdletDef::new("Select-String", UTILITY, select_string)
            .class("Microsoft.PowerShell.Commands.SelectStringCommand")
            .synopsis("Finds text in strings and files.")
            .description("Matches each input string (or each line of the -Path files) against regular expressions, case-insensitively unless -CaseSensitive, and returns MatchInfo objects (Line, LineNumber, Matches, Path, Filename, Pattern). Shown on screen as the line, or path:line:text for files.")
            .alias("sls")
            .pipeline(PipelineMode::PerRecord)
            .on_end(end_select_string)
            .default_set("File")
            .param(ParamDef::new("InputObject", types::PSOBJECT).sets(&["Object"]).mandatory().from_pipeline().help("The text to search (each object is one line)."))
            .param(ParamDef::new("Pattern", types::STRING_ARRAY).position(0).mandatory().help("Regular expressions (or plain text with -SimpleMatch) to find."))
            .param(ParamDef::new("Path", types::STRING_ARRAY).sets(&["File"]).position(1).mandatory().by_property_name().help("Files to search (wildcards allowed)."))
            .param(ParamDef::new("LiteralPath", types::STRING_ARRAY).sets(&["LiteralFile"]).mandatory().by_property_name().alias("PSPath").alias("LP").help("Files to search, taken literally."))
            .param(ParamDef::new("SimpleMatch", types::SWITCH).help("Matches the pattern as plain text."))
            .param(ParamDef::new("CaseSensitive", types::SWITCH).help("Matches case-sensitively."))
            .param(ParamDef::new("Quiet", types::SWITCH).help("Returns True when a line matches (nothing otherwise)."))
            .param(ParamDef::new("List", types::SWITCH).help("Returns only the first match in each file or input."))
            .param(ParamDef::new("NotMatch", types::SWITCH).help("Returns the lines that do not match."))
            .param(ParamDef::new("AllMatches", types::SWITCH).help("Records every match in a line, not just the first."))
            .param(ParamDef::new("Raw", types::SWITCH).help("Returns the matching lines as strings."))
            .param(ParamDef::new("NoEmphasis", types::SWITCH).help("Does not highlight matches (aapsh never does)."))
            .param(ParamDef::new("Encoding", types::STRING).ignored_offline().help("Accepted and ignored: files are read as UTF-8."))
            .param(ParamDef::new("Context", types::OBJECT_ARRAY).help("Lines before and after each match: one number for both, or two (before, after)."))
            .param(ParamDef::new("Include", types::STRING_ARRAY).not_emulated().help("File name filters (not emulated)."))
            .param(ParamDef::new("Exclude", types::STRING_ARRAY).not_emulated().help("File name filters (not emulated)."))
            .example("Find errors in a log", "Select-String -Path .\\grant.log -Pattern 'error'", "One MatchInfo per matching line: grant.log:12:...")
            .example("Filter strings", "$upns | Select-String -Pattern '@contoso\\.com$' -NotMatch", "The UPNs outside contoso.com.")
            .outputs("Microsoft.PowerShell.Commands.MatchInfo, System.Boolean, System.String"),
        CmdletDef::new("Get-Variable", UTILITY, get_variable)
            .class("Microsoft.PowerShell.Commands.GetVariableCommand")
            .synopsis("Gets the variables in the current console.")
            .alias("gv")
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).by_property_name().help("Variable names (wildcards allowed); all when left out."))
            .param(ParamDef::new("ValueOnly", types::SWITCH).help("Returns the values, not PSVariable objects."))
            .param(ParamDef::new("Include", types::STRING_ARRAY).help("Only names matching these patterns."))
            .param(ParamDef::new("Exclude", types::STRING_ARRAY).help("Leaves out names matching these patterns."))
            .param(ParamDef::new("Scope", types::STRING).help("Global, Script or Local."))
            .example("Read a variable by name", "Get-Variable -Name PolicyName -ValueOnly", "The value of $PolicyName.")
            .outputs("System.Management.Automation.PSVariable"),
        CmdletDef::new("Set-Variable", UTILITY, set_variable)
            .class("Microsoft.PowerShell.Commands.SetVariableCommand")
            .synopsis("Sets the value of a variable. Creates the variable if one with the requested name doesn't exist.")
            .alias("set")
            .should_process()
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("The variable's name."))
            .param(ParamDef::new("Value", types::OBJECT).position(1).from_pipeline().by_property_name().help("The value to set."))
            .param(ParamDef::new("Scope", types::STRING).help("Global, Script or Local."))
            .param(ParamDef::new("Description", types::STRING).ignored_offline().help("Accepted and ignored."))
            .param(ParamDef::new("Option", types::STRING).ignored_offline().help("Accepted and ignored."))
            .param(ParamDef::new("Force", types::SWITCH).help("Accepted (no read-only variables offline)."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the PSVariable."))
            .example("Set a variable named at run time", "Set-Variable -Name \"count_$region\" -Value 0 -Scope Script", "Creates $count_emea in the script scope."),
        CmdletDef::new("New-Variable", UTILITY, new_variable)
            .class("Microsoft.PowerShell.Commands.NewVariableCommand")
            .synopsis("Creates a new variable.")
            .alias("nv")
            .should_process()
            .param(ParamDef::new("Name", types::STRING).position(0).mandatory().by_property_name().help("The variable's name."))
            .param(ParamDef::new("Value", types::OBJECT).position(1).from_pipeline().by_property_name().help("The initial value."))
            .param(ParamDef::new("Scope", types::STRING).help("Global, Script or Local."))
            .param(ParamDef::new("Description", types::STRING).ignored_offline().help("Accepted and ignored."))
            .param(ParamDef::new("Option", types::STRING).ignored_offline().help("Accepted and ignored."))
            .param(ParamDef::new("Force", types::SWITCH).help("Overwrites a variable that already exists."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the PSVariable."))
            .example("Create a variable", "New-Variable -Name Tenant -Value 'contoso'", "Fails when $Tenant already exists in this scope."),
        CmdletDef::new("Remove-Variable", UTILITY, remove_variable)
            .class("Microsoft.PowerShell.Commands.RemoveVariableCommand")
            .synopsis("Deletes a variable and its value.")
            .alias("rv")
            .should_process()
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("Variable names (wildcards allowed)."))
            .param(ParamDef::new("Scope", types::STRING).help("Global, Script or Local."))
            .param(ParamDef::new("Force", types::SWITCH).help("Accepted (no read-only variables offline)."))
            .example("Forget a secret", "Remove-Variable -Name ClientSecret", "$ClientSecret is gone."),
        CmdletDef::new("Clear-Variable", UTILITY, clear_variable)
            .class("Microsoft.PowerShell.Commands.ClearVariableCommand")
            .synopsis("Deletes the value of a variable.")
            .alias("clv")
            .should_process()
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().by_property_name().help("Variable names (wildcards allowed)."))
            .param(ParamDef::new("Scope", types::STRING).help("Global, Script or Local."))
            .param(ParamDef::new("Force", types::SWITCH).help("Accepted (no read-only variables offline)."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the PSVariable."))
            .example("Empty a list", "Clear-Variable -Name Failed", "$Failed is now $null."),
        CmdletDef::new("Invoke-Expression", UTILITY, invoke_expression)
            .class("Microsoft.PowerShell.Commands.InvokeExpressionCommand")
            .synopsis("Runs commands or expressions on the local computer.")
            .description("Parses the string as PowerShell and runs it in the current scope (variables and functions it defines stay), writing its output. A string that does not parse raises the first parse error; errors inside the code show without a script position, as in pwsh.")
            .alias("iex")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Command", types::STRING).position(0).mandatory().from_pipeline().help("The text to run."))
            .example("Run text built at run time", "$filter = 'Description -like \"*bot*\"'\nInvoke-Expression \"Get-CsApplicationAccessPolicy | Where-Object { `$_.$filter }\"", "Runs the composed pipeline.")
            .outputs("Whatever the code writes"),
        CmdletDef::new("Join-String", UTILITY, join_string)
            .class("Microsoft.PowerShell.Commands.Utility.JoinStringCommand")
            .synopsis("Combines objects from the pipeline into a single string.")
            .description("Joins the text of its input (or of one property, or of a script block's result for each object) with -Separator (else $OFS, else nothing), optionally quoting each item or formatting it with -FormatString, between -OutputPrefix and -OutputSuffix. Items convert to text with the invariant culture unless -UseCulture; $null items are skipped.")
            .pipeline(PipelineMode::Collect)
            .default_set("default")
            .param(ParamDef::new("Property", PROPERTY_EXPRESSION).position(0).help("A property name or a script block giving the text of each object."))
            .param(ParamDef::new("Separator", types::STRING).position(1).help("Text between the items (default: $OFS, else none)."))
            .param(ParamDef::new("OutputPrefix", types::STRING).alias("op").help("Text before the result."))
            .param(ParamDef::new("OutputSuffix", types::STRING).alias("os").help("Text after the result."))
            .param(ParamDef::new("SingleQuote", types::SWITCH).sets(&["SingleQuote"]).help("Wraps each item in single quotes."))
            .param(ParamDef::new("DoubleQuote", types::SWITCH).sets(&["DoubleQuote"]).help("Wraps each item in double quotes."))
            .param(ParamDef::new("FormatString", types::STRING).sets(&["Format"]).help("A .NET format string for each item ({0} is the item)."))
            .param(ParamDef::new("UseCulture", types::SWITCH).help("Converts and formats with the session's culture instead of the invariant one."))
            .param(ParamDef::new("InputObject", types::PSOBJECT_ARRAY).from_pipeline().help("The objects to join."))
            .example("A comma-separated list of names", "Get-CsOnlineUser | Join-String -Property DisplayName -Separator ', '", "One string: the display names separated by commas.")
            .example("Quoted values", "'a', 'b' | Join-String -SingleQuote -Separator ','", "'a','b'")
            .outputs("System.String"),
        CmdletDef::new("ConvertFrom-StringData", UTILITY, convert_from_string_data)
            .class("Microsoft.PowerShell.Commands.ConvertFromStringDataCommand")
            .synopsis("Converts a string containing one or more key and value pairs to a hash table.")
            .description("Reads `name = value` lines (blank lines and lines starting with # are skipped; names and values are trimmed; values take regular-expression escapes such as \\n and \\t) into a case-insensitive hashtable, one per input string. A line without the delimiter, or a name given twice, stops the command.")
            .pipeline(PipelineMode::PerRecord)
            .param(allow_empty_string(ParamDef::new("StringData", types::STRING).position(0).mandatory().from_pipeline().help("The name = value lines.")))
            .param(ParamDef::new("Delimiter", CHAR).position(1).help("The character between name and value (default =)."))
            .example("Messages for a script", "$msg = ConvertFrom-StringData @'\nDone = Policy granted\nFailed = Could not grant\n'@\n$msg.Done", "Policy granted")
            .outputs("System.Collections.Hashtable"),
        CmdletDef::new("Tee-Object", UTILITY, tee_object)
            .class("Microsoft.PowerShell.Commands.TeeObjectCommand")
            .synopsis("Saves command output in a file or variable and also sends it down the pipeline.")
            .alias("tee")
            .pipeline(PipelineMode::Collect)
            .default_set("File")
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("The objects to save and pass on."))
            .param(ParamDef::new("FilePath", types::STRING).sets(&["File"]).position(0).mandatory().alias("Path").help("The file to write, formatted as on screen."))
            .param(ParamDef::new("LiteralPath", types::STRING).sets(&["LiteralFile"]).mandatory().alias("PSPath").alias("LP").help("The file to write, taken literally."))
            .param(ParamDef::new("Append", types::SWITCH).sets(&["File"]).help("Adds to the end of the file."))
            .param(ParamDef::new("Variable", types::STRING).sets(&["Variable"]).mandatory().help("The variable to save the objects in (without $)."))
            .param(ParamDef::new("Encoding", types::STRING).sets(&["File", "LiteralFile"]).ignored_offline().help("Accepted and ignored: files are UTF-8."))
            .example("Keep a copy of the report", "Get-CsOnlineUser | Tee-Object -FilePath users.txt | Measure-Object", "users.txt holds the table; the objects go on to Measure-Object.")
            .example("Save and show", "Get-CsApplicationAccessPolicy | Tee-Object -Variable policies", "The policies are shown and kept in $policies."),
    ]
}

fn input_items(ctx: &CommandContext<'_>, b: &BoundParameters) -> Vec<Value> {
    if !ctx.collected.is_empty() {
        return ctx.collected.clone();
    }
    match b.get("InputObject") {
        None => Vec::new(),
        Some(v) => v.enumerate(),
    }
}

/// A short .NET type name for CategoryInfo target types.
fn target_type(v: &Value) -> String {
    let full = v.type_name();
    full.rsplit('.').next().unwrap_or(&full).to_string()
}

fn not_emulated(ctx: &CommandContext<'_>, what: &str, id: &str, target: &Value) -> ErrorRecord {
    let mut r = ctx.error(
        "System.NotSupportedException",
        format!("{what} is not emulated offline."),
        id,
        ErrorCategory::NotImplemented,
    );
    r.target_object = Some(target.clone());
    r
}

// ----- Add-Member ----------------------------------------------------------------------------

fn add_member(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let target = b
        .get("InputObject")
        .cloned()
        .or_else(|| ctx.input.clone())
        .unwrap_or_default();
    if let Some(t) = b.get("TypeName")
        && t.to_ps_string().trim().is_empty()
    {
        let r = member_error(
            ctx,
            "TypeNameShouldNotBeEmpty",
            "The TypeName parameter should not be null, empty, or contain only white spaces.",
            &Value::Null,
        );
        return Err(ctx.terminate(r));
    }
    let members: Vec<(String, Value)> = match b.set.as_str() {
        "NotePropertySingleMemberSet" => vec![(
            b.string("NotePropertyName").unwrap_or_default(),
            b.get("NotePropertyValue").cloned().unwrap_or_default(),
        )],
        "NotePropertyMultiMemberSet" => match b.get("NotePropertyMembers") {
            Some(Value::Hashtable(h)) => h
                .borrow()
                .iter()
                .map(|(k, v)| (k.to_ps_string(), v.clone()))
                .collect(),
            _ => Vec::new(),
        },
        "MemberSet" => {
            let kind = b.string("MemberType").unwrap_or_default();
            if !kind.eq_ignore_ascii_case("NoteProperty") {
                let r = not_emulated(
                    ctx,
                    &format!("Add-Member -MemberType {kind}"),
                    "MemberTypeNotEmulated",
                    &target,
                );
                return Err(ctx.terminate(r));
            }
            if b.has("SecondValue") {
                let r = member_error(
                    ctx,
                    "Value2ShouldNotBeSpecified",
                    "The SecondValue parameter is not necessary for a member of type \"NoteProperty\", and should not be specified. Do not specify the SecondValue parameter when you add members of this type.",
                    &Value::Null,
                );
                return Err(ctx.terminate(r));
            }
            vec![(
                b.string("Name").unwrap_or_default(),
                b.get("Value").cloned().unwrap_or_default(),
            )]
        }
        _ => Vec::new(),
    };
    let Value::Object(obj) = &target else {
        let r = not_emulated(
            ctx,
            &format!(
                "Add-Member on a [{}] (aapsh keeps added members on PSCustomObjects only)",
                target.type_name()
            ),
            "AddMemberTargetNotEmulated",
            &target,
        );
        return Err(ctx.terminate(r));
    };
    let force = b.switch("Force");
    let mut added = b.set == "TypeNameSet";
    for (name, value) in members {
        if name.is_empty() {
            let r = member_error(
                ctx,
                "NotePropertyNameShouldNotBeNull",
                "The name for a NoteProperty member should not be null or an empty string.",
                &Value::Null,
            );
            ctx.write_error(r)?;
            continue;
        }
        if obj.borrow().has(&name) && !force {
            let r = member_error(
                ctx,
                "MemberAlreadyExists",
                &format!(
                    "Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."
                ),
                &target,
            );
            ctx.write_error(r)?;
            continue;
        }
        let mut o = obj.borrow_mut();
        // -Force removes the old member, so the new one goes last, as Members.Add puts it.
        o.remove(&name);
        o.set(&name, value);
        added = true;
    }
    if !added {
        return Ok(());
    }
    if let Some(t) = b.string("TypeName") {
        let full = crate::runtime::dotnet::full_type_name(&t);
        obj.borrow_mut().type_names.insert(0, full);
    }
    if b.switch("PassThru") {
        ctx.write_object(target.clone());
    }
    Ok(())
}

/// AddMemberCommand.NewError: InvalidOperationException, InvalidOperation.
fn member_error(ctx: &CommandContext<'_>, id: &str, message: &str, target: &Value) -> ErrorRecord {
    let mut r = ctx.error(
        "System.InvalidOperationException",
        message,
        id,
        ErrorCategory::InvalidOperation,
    );
    if !target.is_null() {
        r.target_name = target.to_ps_string();
        r.target_type = target_type(target);
        r.target_object = Some(target.clone());
    }
    r
}

// ----- Get-Random ----------------------------------------------------------------------------

/// The generator Get-Random draws from: the -SetSeed one, else the session's id generator.
fn generator<'s>(ctx: &'s mut CommandContext<'_>) -> &'s mut IdGenerator {
    let s = &mut *ctx.session;
    match &mut s.random {
        Some(g) => g,
        None => &mut s.ids,
    }
}

/// pwsh's PolymorphicRandomNumberGenerator on top of the session's 64-bit source.
struct Draw<'a>(&'a mut IdGenerator);

impl Draw<'_> {
    fn sample(&mut self) -> i32 {
        self.0.next_u64() as u32 as i32
    }

    /// A non-negative Int32 below Int32.MaxValue.
    fn next(&mut self) -> i32 {
        loop {
            let n = self.sample();
            if n == i32::MAX {
                continue;
            }
            return if n < 0 { n + i32::MAX } else { n };
        }
    }

    fn next_double(&mut self) -> f64 {
        f64::from(self.next()) * (1.0 / f64::from(i32::MAX))
    }

    /// In `[min, max)`; `min <= max`.
    fn range(&mut self, min: i32, max: i32) -> i32 {
        let range = i64::from(max) - i64::from(min);
        if range <= i64::from(i32::MAX) {
            (self.next_double() * range as f64) as i32 + min
        } else {
            let large = loop {
                let n = self.sample();
                if n != i32::MAX {
                    break f64::from(n) + f64::from(i32::MAX);
                }
            };
            let sample = large * (1.0 / (2.0 * f64::from(i32::MAX)));
            ((sample * range as f64) as i64 + i64::from(min)) as i32
        }
    }

    fn range_i64(&mut self, min: i64, max: i64) -> i64 {
        let diff = i128::from(max) - i128::from(min);
        if diff <= i128::from(i32::MAX) {
            return min + i64::from(self.range(0, diff as i32));
        }
        let diff = diff as u64;
        let bits = 64 - diff.leading_zeros();
        let mask = u64::MAX >> (64 - bits);
        loop {
            let r = self.0.next_u64() & mask;
            if r < diff {
                return (min as f64 + r as f64) as i64;
            }
        }
    }

    fn range_f64(&mut self, min: f64, max: f64) -> f64 {
        let mut diff = max - min;
        for _ in 0..10_000 {
            let r = self.next_double();
            let n = if diff.is_infinite() {
                min + r * max - r * min
            } else {
                let n = min + r * diff;
                diff *= r;
                n
            };
            if n < max {
                return n;
            }
        }
        min
    }
}

/// A bound as pwsh's ProcessOperand sees it: an Int32, an Int64, or anything else (a double).
enum Operand {
    Int(i64),
    Long(i64),
    Double(f64),
}

fn operand(v: &Value) -> Result<Operand, String> {
    let v = match v {
        Value::String(s) => {
            let t = s.trim();
            if let Ok(i) = t.parse::<i64>() {
                Value::integer(i)
            } else {
                Value::double(
                    crate::runtime::conversion::to_double(v, "System.Double")
                        .map_err(|_| t.to_string())?,
                )
            }
        }
        other => other.clone(),
    };
    Ok(match v {
        Value::Num(Number::Int32(i)) => Operand::Int(i64::from(i)),
        Value::Num(ref n) if n.kind().is_integer() && v.as_i64().is_some() => {
            Operand::Long(v.as_i64().unwrap_or(0))
        }
        Value::Num(ref n) => Operand::Double(n.to_f64()),
        other => Operand::Double(
            crate::runtime::conversion::to_double(&other, "System.Double")
                .map_err(|_| other.to_ps_string())?,
        ),
    })
}

fn new_guid(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let guid = if b.switch("Empty") {
        uuid::Uuid::nil()
    } else {
        ctx.session.ids.new_guid()
    };
    ctx.write_object(Value::Guid(guid));
    Ok(())
}

fn get_random(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if let Some(seed) = b.int("SetSeed") {
        ctx.session.random = Some(IdGenerator::new(Some(seed as u64)));
    }
    let count = b.int("Count").unwrap_or(1).max(1);
    let expecting_input = ctx.pipeline_position > 1 || !ctx.collected.is_empty();
    let max = b.get("Maximum").cloned();
    let min = b.get("Minimum").cloned();
    let list_mode = b.set != "RandomNumberParameterSet"
        || (expecting_input && max.is_none() && min.is_none())
        || matches!(max, Some(Value::Array(_)));
    if list_mode {
        let items = match &max {
            Some(Value::Array(a)) => a.borrow().items.clone(),
            _ => input_items(ctx, b),
        };
        let items = if items.is_empty() && b.has("InputObject") && ctx.collected.is_empty() {
            vec![Value::Null]
        } else {
            items
        };
        let shuffle = b.switch("Shuffle");
        let mut chosen: Vec<Value> = Vec::new();
        let mut d = Draw(generator(ctx));
        for (seen, item) in items.into_iter().enumerate() {
            if shuffle || (seen as i64) < count {
                chosen.push(item);
            } else if i64::from(d.range(0, seen as i32 + 1)) < count {
                let at = d.range(0, chosen.len() as i32) as usize;
                chosen[at] = item;
            }
        }
        let n = chosen.len();
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let j = d.range(i as i32, n as i32) as usize;
            out.push(chosen[j].clone());
            if i != j {
                chosen[j] = chosen[i].clone();
            }
        }
        for v in out {
            ctx.write_object(v);
        }
        return Ok(());
    }
    let parse = |ctx: &CommandContext<'_>, v: &Option<Value>| -> Result<Option<Operand>, Flow> {
        match v {
            None | Some(Value::Null) => Ok(None),
            Some(v) => operand(v).map(Some).map_err(|text| {
                let r = ctx.error(
                    "System.Management.Automation.PSInvalidCastException",
                    format!(
                        "Cannot convert value \"{text}\" to type \"System.Double\". Error: \"The input string '{text}' was not in a correct format.\""
                    ),
                    "InvalidCastFromStringToDoubleOrSingle",
                    ErrorCategory::InvalidArgument,
                );
                ctx.terminate(r)
            }),
        }
    };
    let hi = parse(ctx, &max)?;
    let lo = parse(ctx, &min)?;
    let min_max_error = |ctx: &CommandContext<'_>, lo: String, hi: String| {
        let r = ctx.error(
            "System.ArgumentException",
            format!(
                "The Minimum value ({lo}) cannot be greater than or equal to the Maximum value ({hi})."
            ),
            "MinGreaterThanOrEqualMax",
            ErrorCategory::InvalidArgument,
        );
        ctx.terminate(r)
    };
    let as_int = |o: &Option<Operand>| match o {
        None => Some(None),
        Some(Operand::Int(i)) => Some(Some(*i)),
        _ => None,
    };
    let as_long = |o: &Option<Operand>| match o {
        None => Some(None),
        Some(Operand::Int(i) | Operand::Long(i)) => Some(Some(*i)),
        _ => None,
    };
    let mut values = Vec::new();
    if let (Some(h), Some(l)) = (as_int(&hi), as_int(&lo)) {
        let (l, h) = (l.unwrap_or(0) as i32, h.map_or(i32::MAX, |h| h as i32));
        if l >= h {
            return Err(min_max_error(ctx, l.to_string(), h.to_string()));
        }
        let mut d = Draw(generator(ctx));
        for _ in 0..count {
            values.push(Value::integer(i64::from(d.range(l, h))));
        }
    } else if let (Some(h), Some(l)) = (as_long(&hi), as_long(&lo)) {
        let (l, h) = (l.unwrap_or(0), h.unwrap_or(i64::MAX));
        if l >= h {
            return Err(min_max_error(ctx, l.to_string(), h.to_string()));
        }
        let mut d = Draw(generator(ctx));
        for _ in 0..count {
            values.push(Value::integer(d.range_i64(l, h)));
        }
    } else {
        let f = |o: &Option<Operand>, default: f64| match o {
            None => default,
            Some(Operand::Int(i) | Operand::Long(i)) => *i as f64,
            Some(Operand::Double(d)) => *d,
        };
        let (l, h) = (f(&lo, 0.0), f(&hi, f64::MAX));
        if l >= h || l.is_nan() || h.is_nan() {
            let text = crate::runtime::value::format_double;
            return Err(min_max_error(ctx, text(l), text(h)));
        }
        let mut d = Draw(generator(ctx));
        for _ in 0..count {
            values.push(Value::double(d.range_f64(l, h)));
        }
    }
    for v in values {
        ctx.write_object(v);
    }
    Ok(())
}

// ----- Select-String -------------------------------------------------------------------------

const MATCH_INFO: &str = "Microsoft.PowerShell.Commands.MatchInfo";

/// Piped text to search (files are searched a line at a time by `search_file`).
struct Source {
    lines: Vec<String>,
}

/// How Select-String searches, from its parameters.
struct Search {
    patterns: Vec<String>,
    regexes: Vec<(String, Rc<Regex>)>,
    context: Option<(usize, usize)>,
}

/// What Select-String keeps between pipeline records: how many input lines it has seen (the
/// LineNumber of the next), the lines it holds for `-Context`, and whether `-Quiet` is
/// satisfied.
#[derive(Default)]
struct SelectStringState {
    lines: usize,
    window: ContextWindow,
    quiet_done: bool,
}

fn search_from(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<Search, Flow> {
    let patterns = b.strings("Pattern").unwrap_or_default();
    let case_sensitive = b.switch("CaseSensitive");
    let simple = b.switch("SimpleMatch");
    let mut regexes: Vec<(String, Rc<Regex>)> = Vec::new();
    let options = if case_sensitive {
        0
    } else {
        regex_opt::IGNORE_CASE
    };
    for p in &patterns {
        let source = if simple {
            crate::runtime::regex::escape(p)
        } else {
            p.clone()
        };
        match Regex::cached(&source, options) {
            Ok(re) => regexes.push((p.clone(), re)),
            Err(e) => {
                let mut r = ctx.error(
                    "System.ArgumentException",
                    format!("The string {p} is not a valid regular expression: {e}"),
                    "InvalidRegex",
                    ErrorCategory::InvalidArgument,
                );
                r.target_object = Some(Value::str(p));
                return Err(ctx.terminate(r));
            }
        }
    }
    let context = match b.get("Context") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let n: Vec<usize> = v
                .enumerate()
                .iter()
                .map(|x| {
                    crate::runtime::conversion::to_int(x, "System.Int32")
                        .unwrap_or(0)
                        .max(0) as usize
                })
                .collect();
            match n.as_slice() {
                [] => None,
                [both] => Some((*both, *both)),
                [pre, post, ..] => Some((*pre, *post)),
            }
        }
    }
    .filter(|&(pre, post)| pre > 0 || post > 0);
    Ok(Search {
        patterns,
        regexes,
        context,
    })
}

/// Select-String streams: each pipeline string is matched as it arrives and its MatchInfo
/// written at once (with `-Context`, once the lines after it that its context needs have
/// arrived); files named by -Path or piped as FileInfo are searched whole.
fn select_string(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let search = search_from(ctx, b)?;
    let mut state = ctx.take_state::<SelectStringState>().unwrap_or_default();
    let result = select_string_step(ctx, b, &search, &mut state);
    ctx.put_state(state);
    result
}

fn select_string_step(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    state: &mut SelectStringState,
) -> Result<(), Flow> {
    if state.quiet_done {
        return Ok(());
    }
    // -Path and -LiteralPath name the files; otherwise each piped FileInfo is a file and each
    // other object a line.
    if b.has("Path") || b.has("LiteralPath") {
        let files = resolve_files(ctx, b)?;
        return search_files(ctx, b, search, files);
    }
    for item in input_items(ctx, b) {
        // A FileInfo from Get-ChildItem is searched as a file, as pwsh does.
        let is_file = matches!(&item, Value::Object(o) if o.borrow().type_names.iter().any(|t| t == "System.IO.FileInfo"));
        if is_file {
            let full = item
                .property("FullName")
                .map(|v| v.to_ps_string())
                .unwrap_or_default();
            let path = ctx.session.resolve_path(&full);
            search_files(ctx, b, search, vec![(path, false)])?;
        } else if !item.is_null() {
            let line = ctx.session.stringify(&item);
            state.lines += 1;
            if search.context.is_some() && !b.switch("Quiet") {
                state.window.push(ctx, b, search, state.lines - 1, line)?;
                continue;
            }
            let src = Source { lines: vec![line] };
            // Each input string is a source of its own (`-List` keeps one match per string).
            if search_source(ctx, b, search, &src, state.lines - 1)? == Searched::Quiet {
                state.quiet_done = true;
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The files -Path and -LiteralPath name, each with whether it may be a folder (skipped), all
/// resolved before any is read: a -Path without wildcards that names nothing stops the command
/// (pwsh's path resolution throws); a wildcard that matches nothing is no file; a -LiteralPath
/// is taken as it is and fails when it is read.
fn resolve_files(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
) -> Result<Vec<(std::path::PathBuf, bool)>, Flow> {
    let mut files = Vec::new();
    for p in b.strings("Path").unwrap_or_default() {
        let resolved = ctx.session.resolve_path(&p);
        let file_name = resolved
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        if crate::runtime::operators::has_wildcards(&file_name) {
            let mut hits: Vec<std::path::PathBuf> = resolved
                .parent()
                .and_then(|d| std::fs::read_dir(d).ok())
                .map(|rd| {
                    rd.flatten()
                        .map(|e| e.path())
                        .filter(|e| {
                            crate::runtime::operators::wildcard_match(
                                &file_name,
                                &e.file_name().unwrap_or_default().to_string_lossy(),
                                false,
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            hits.sort();
            files.extend(hits.into_iter().map(|h| (h, true)));
        } else if resolved.exists() {
            files.push((resolved, true));
        } else {
            let r = super::io::path_not_found(ctx, &resolved);
            return Err(ctx.terminate(r));
        }
    }
    for p in b.strings("LiteralPath").unwrap_or_default() {
        files.push((ctx.session.resolve_path(&p), true));
    }
    Ok(files)
}

/// Searches files in order (pwsh's ProcessRecord for files): with `-Quiet`, the first file
/// with a match ends the search (its True was written); when none has one, False is written
/// (`$null` with `-List`).
fn search_files(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    files: Vec<(std::path::PathBuf, bool)>,
) -> Result<(), Flow> {
    let quiet = b.switch("Quiet");
    for (path, may_be_folder) in files {
        if may_be_folder && path.is_dir() {
            continue;
        }
        let found = match crate::runtime::files::TextLines::open(&path) {
            Ok(lines) => search_file(ctx, b, search, path, lines)?,
            Err(e) => {
                file_read_error(ctx, &path, &e)?;
                false
            }
        };
        if quiet && found {
            return Ok(());
        }
    }
    if quiet {
        ctx.send(if b.switch("List") {
            Value::Null
        } else {
            Value::Bool(false)
        })?;
    }
    Ok(())
}

/// pwsh's FileReadError: "The file {0} cannot be read: {1}" (non-terminating).
fn file_read_error(
    ctx: &mut CommandContext<'_>,
    path: &std::path::Path,
    e: &std::io::Error,
) -> Result<(), Flow> {
    let (_, message) = crate::runtime::files::io_message(path, e);
    let r = ctx.error(
        "System.ArgumentException",
        format!(
            "The file {} cannot be read: {message}",
            crate::runtime::files::shown(path)
        ),
        "ProcessingFile",
        ErrorCategory::InvalidArgument,
    );
    ctx.write_error(r)
}

/// Searches a file one line at a time, writing each MatchInfo as soon as its context (the
/// lines after it that `-Context` asks for) has been read: only those lines are held. Says
/// whether anything matched. `-Quiet` writes True at the first match and `-List` the first
/// match (with its context), and both stop reading the file there.
fn search_file(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    path: std::path::PathBuf,
    lines: crate::runtime::files::TextLines,
) -> Result<bool, Flow> {
    let quiet = b.switch("Quiet") && !b.switch("List");
    let mut window = ContextWindow {
        path: Some(path),
        ..ContextWindow::default()
    };
    let mut found = false;
    for (index, line) in lines.enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(e) => {
                let path = window.path.clone().unwrap_or_default();
                file_read_error(ctx, &path, &e)?;
                break;
            }
        };
        if quiet {
            if line_hit(ctx, b, search, &line)?.is_some() {
                ctx.send(Value::Bool(true))?;
                return Ok(true);
            }
            continue;
        }
        if window.push(ctx, b, search, index, line)? {
            found = true;
            // -List (or -Quiet -List): the first match, with the context after it.
            window.listed = b.switch("List");
        }
        if window.listed && window.hits.is_empty() {
            return Ok(true);
        }
    }
    window.write_ready(ctx, b, search, None)?;
    Ok(found)
}

/// Select-String's end step: the matches still waiting for lines after them (`-Context`) are
/// written with the context that arrived.
fn end_select_string(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(mut state) = ctx.take_state::<SelectStringState>() else {
        return Ok(());
    };
    if state.window.hits.is_empty() {
        return Ok(());
    }
    let search = search_from(ctx, b)?;
    state.window.write_ready(ctx, b, &search, None)
}

#[derive(Debug, PartialEq, Eq)]
enum Searched {
    Nothing,
    Hit,
    /// `-Quiet` found a line: the search is over.
    Quiet,
}

/// A line Select-String reports: its index, the pattern that found it, its Match objects.
type Hit = (usize, String, Vec<Value>);

/// Whether one line is reported, and with what (the first pattern that matches; with
/// `-NotMatch`, a line no pattern matches).
fn line_hit(
    ctx: &CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    line: &str,
) -> Result<Option<(String, Vec<Value>)>, Flow> {
    let simple = b.switch("SimpleMatch");
    let u = crate::runtime::regex::units(line);
    let mut hit = None;
    for (pattern, re) in &search.regexes {
        match re.find(&u) {
            Ok(Some(m)) => {
                hit = Some((pattern, re, m));
                break;
            }
            Ok(None) => {}
            Err(_) => {
                let r = ctx.error(
                    "System.Text.RegularExpressions.RegexMatchTimeoutException",
                    crate::runtime::regex::TIMEOUT_MESSAGE,
                    "RegexMatchTimeout",
                    ErrorCategory::OperationStopped,
                );
                return Err(ctx.terminate(r));
            }
        }
    }
    Ok(match (hit, b.switch("NotMatch")) {
        (Some((pattern, re, m)), false) => {
            let input: Rc<[u16]> = u.into();
            let found: Vec<Value> = if simple {
                Vec::new()
            } else if b.switch("AllMatches") {
                re.find_all(&input, 0, None)
                    .unwrap_or_else(|_| vec![m])
                    .iter()
                    .map(|m| regex_objects::match_object(re, &input, Some(m)))
                    .collect()
            } else {
                vec![regex_objects::match_object(re, &input, Some(&m))]
            };
            Some((pattern.clone(), found))
        }
        (None, true) => Some((
            search.patterns.first().cloned().unwrap_or_default(),
            Vec::new(),
        )),
        _ => None,
    })
}

/// Writes the MatchInfo of one reported line. `lines` holds the source's lines from index
/// `base` on (at least the context around the hit that has arrived); `next_hit` is the index
/// of the next reported line, and `shown_until` the first line the previous one's display did
/// not show.
#[allow(clippy::too_many_arguments)]
fn write_hit(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    path: Option<&std::path::Path>,
    lines: &[String],
    base: usize,
    hit: &Hit,
    next_hit: usize,
    shown_until: &mut usize,
) -> Value {
    let (i, pattern, found) = hit;
    let i = *i;
    let line = &lines[i - base];
    if b.switch("Raw") {
        return Value::str(line);
    }
    let end = base + lines.len();
    let ctx_lines = search.context.map(|(pre, post)| {
        let pre_from = i.saturating_sub(pre).max(base);
        let post_to = (i + 1 + post).min(end);
        let slice = |from: usize, to: usize| lines[from - base..to.max(from) - base].to_vec();
        let shown = MatchContext {
            pre: slice(pre_from, i),
            post: slice(i + 1, post_to),
            display_pre: slice(pre_from.max(*shown_until).min(i), i),
            display_post: slice(i + 1, post_to.min(next_hit).max(i + 1)),
        };
        *shown_until = post_to.min(next_hit);
        shown
    });
    *shown_until = (*shown_until).max(i + 1);
    let location = ctx.session.location.display().to_string();
    match_info(
        path,
        &location,
        i + 1,
        line,
        pattern,
        !b.switch("CaseSensitive"),
        found.clone(),
        ctx_lines,
    )
}

/// Searches one source's lines (numbered from `first + 1`) and writes what it finds.
fn search_source(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    search: &Search,
    src: &Source,
    first: usize,
) -> Result<Searched, Flow> {
    // Which lines are reported (for the display context, which stops at the next one).
    let mut hits: Vec<Hit> = Vec::new();
    for (i, line) in src.lines.iter().enumerate() {
        let Some((pattern, found)) = line_hit(ctx, b, search, line)? else {
            continue;
        };
        if b.switch("Quiet") {
            ctx.write_object(Value::Bool(true));
            return Ok(Searched::Quiet);
        }
        hits.push((first + i, pattern, found));
        if b.switch("List") {
            break;
        }
    }
    let mut shown_until = first;
    for (k, hit) in hits.iter().enumerate() {
        let next_hit = hits.get(k + 1).map_or(usize::MAX, |h| h.0);
        let info = write_hit(
            ctx,
            b,
            search,
            None,
            &src.lines,
            first,
            hit,
            next_hit,
            &mut shown_until,
        );
        ctx.write_object(info);
    }
    Ok(if hits.is_empty() {
        Searched::Nothing
    } else {
        Searched::Hit
    })
}

/// Lines searched one at a time (piped lines with `-Context`, a file's lines): each match is
/// written once the lines after it that its context needs have arrived (or at the end),
/// holding only the lines a context can still show.
#[derive(Default)]
struct ContextWindow {
    /// The file the lines come from (`None` for piped lines).
    path: Option<std::path::PathBuf>,
    /// `-List` took its match: later lines are only context.
    listed: bool,
    /// Recent lines, the first of them at index `base`.
    lines: std::collections::VecDeque<String>,
    base: usize,
    /// Reported lines not written yet.
    hits: std::collections::VecDeque<Hit>,
    shown_until: usize,
}

impl ContextWindow {
    /// Takes the next line (index `index`), writes the matches whose context is complete, and
    /// says whether the line is reported.
    fn push(
        &mut self,
        ctx: &mut CommandContext<'_>,
        b: &BoundParameters,
        search: &Search,
        index: usize,
        line: String,
    ) -> Result<bool, Flow> {
        let mut reported = false;
        if !self.listed
            && let Some((pattern, found)) = line_hit(ctx, b, search, &line)?
        {
            self.hits.push_back((index, pattern, found));
            reported = true;
        }
        self.lines.push_back(line);
        self.write_ready(ctx, b, search, Some(index))?;
        Ok(reported)
    }

    /// Writes the matches whose post-context ends at or before `last` (all, at the end).
    fn write_ready(
        &mut self,
        ctx: &mut CommandContext<'_>,
        b: &BoundParameters,
        search: &Search,
        last: Option<usize>,
    ) -> Result<(), Flow> {
        let (pre, post) = search.context.unwrap_or((0, 0));
        while let Some(hit) = self.hits.pop_front() {
            if last.is_some_and(|n| hit.0 + post > n) {
                self.hits.push_front(hit);
                break;
            }
            let next_hit = self.hits.front().map_or(usize::MAX, |h| h.0);
            let info = write_hit(
                ctx,
                b,
                search,
                self.path.as_deref(),
                self.lines.make_contiguous(),
                self.base,
                &hit,
                next_hit,
                &mut self.shown_until,
            );
            ctx.send(info)?;
        }
        // Keep only what a later context can show: `pre` lines before the next line, and
        // the lines from the first waiting match's own pre-context on.
        let next = self.base + self.lines.len();
        let keep_from = self
            .hits
            .front()
            .map_or(next.saturating_sub(pre), |h| h.0.saturating_sub(pre))
            .min(next.saturating_sub(pre));
        while self.base < keep_from && !self.lines.is_empty() {
            self.lines.pop_front();
            self.base += 1;
        }
        Ok(())
    }
}

/// MatchInfoContext: the lines around a match, and those its display shows (not repeating
/// lines an earlier match showed, stopping before the next match).
struct MatchContext {
    pre: Vec<String>,
    post: Vec<String>,
    display_pre: Vec<String>,
    display_post: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
fn match_info(
    path: Option<&std::path::Path>,
    location: &str,
    number: usize,
    line: &str,
    pattern: &str,
    ignore_case: bool,
    found: Vec<Value>,
    context: Option<MatchContext>,
) -> Value {
    let (path_text, file_name) = match path {
        Some(p) => (
            p.display().to_string(),
            p.file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default(),
        ),
        None => ("InputStream".to_string(), "InputStream".to_string()),
    };
    let (mut text, mut display) = match path {
        Some(_) => (
            format!("{path_text}:{number}:{line}"),
            format!("{}:{number}:{line}", relative_path(&path_text, location)),
        ),
        None => (line.to_string(), line.to_string()),
    };
    // With context, ToString marks the line with `> ` and indents the context lines by two.
    let context_value = match &context {
        None => Value::Null,
        Some(c) => {
            let shown_path = relative_path(&path_text, location);
            let around = |lines: &[String], at: usize, file: &str| -> Vec<String> {
                lines
                    .iter()
                    .enumerate()
                    .map(|(k, l)| match path {
                        Some(_) => format!("  {file}:{}:{l}", at + k),
                        None => format!("  {l}"),
                    })
                    .collect()
            };
            let first = number - c.display_pre.len();
            let mut parts = around(&c.display_pre, first, &shown_path);
            parts.push(format!("> {display}"));
            parts.extend(around(&c.display_post, number + 1, &shown_path));
            display = parts.join("\n");
            let mut full = around(&c.display_pre, first, &path_text);
            full.push(format!("> {text}"));
            full.extend(around(&c.display_post, number + 1, &path_text));
            text = full.join("\n");
            let strings = |lines: &[String]| {
                Value::array_of(
                    crate::runtime::value::ArrayKind::Typed(Rc::from("System.String")),
                    lines.iter().map(Value::str).collect(),
                )
            };
            Value::object(
                PsObject::new("Microsoft.PowerShell.Commands.MatchInfoContext")
                    .with("PreContext", strings(&c.pre))
                    .with("PostContext", strings(&c.post))
                    .with("DisplayPreContext", strings(&c.display_pre))
                    .with("DisplayPostContext", strings(&c.display_post)),
            )
        }
    };
    let mut o = PsObject::new(MATCH_INFO)
        .with("IgnoreCase", Value::Bool(ignore_case))
        .with("LineNumber", Value::integer(number as i64))
        .with("Line", Value::str(line))
        .with("Filename", Value::str(&file_name))
        .with("Path", Value::str(&path_text))
        .with("Pattern", Value::str(pattern))
        .with("Context", context_value)
        .with(
            "Matches",
            Value::array_of(
                crate::runtime::value::ArrayKind::Typed(Rc::from(regex_objects::MATCH)),
                found,
            ),
        )
        .with_text(text);
    o.display = Some(display);
    Value::object(o)
}

/// MatchInfo.RelativePath: the path without the location prefix and its separator.
fn relative_path(path: &str, directory: &str) -> String {
    if directory.is_empty()
        || path.len() <= directory.len()
        || !path
            .get(..directory.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(directory))
    {
        return path.to_string();
    }
    let rest = &path[directory.len()..];
    if directory.ends_with(['/', '\\']) {
        rest.to_string()
    } else if rest.starts_with(['/', '\\']) {
        rest[1..].to_string()
    } else {
        path.to_string()
    }
}

// ----- variables -----------------------------------------------------------------------------

fn scope_of(ctx: &CommandContext<'_>, b: &BoundParameters) -> Result<Qualifier, Flow> {
    let Some(scope) = b.string("Scope") else {
        return Ok(Qualifier::None);
    };
    match scope.trim().to_ascii_lowercase().as_str() {
        "global" => Ok(Qualifier::Global),
        "script" => Ok(Qualifier::Script),
        "local" | "private" | "0" => Ok(Qualifier::Local),
        number if number.parse::<usize>().is_ok() => {
            let n = number.parse::<usize>().unwrap_or(0);
            if n < ctx.session.scopes.depth() {
                return Ok(Qualifier::Up(n));
            }
            // SessionStateStrings.ScopeIDExceedsAvailableScopes, from an
            // ArgumentOutOfRangeException on the parameter.
            let r = ctx.error(
                "System.Management.Automation.PSArgumentOutOfRangeException",
                format!(
                    "The scope number '{n}' exceeds the number of active scopes. (Parameter 'Scope')\nActual value was {n}."
                ),
                "ArgumentOutOfRange",
                ErrorCategory::InvalidArgument,
            );
            Err(ctx.terminate(r))
        }
        _ => {
            let r = not_emulated(
                ctx,
                &format!("-Scope {scope} (aapsh emulates Global, Script, Local and 0)"),
                "ScopeNotEmulated",
                &Value::str(&scope),
            );
            Err(ctx.terminate(r))
        }
    }
}

/// A PSVariable object as Get-Variable returns it.
fn ps_variable(name: &str, value: Value) -> Value {
    Value::object(
        PsObject::new("System.Management.Automation.PSVariable")
            .with("Name", Value::str(name))
            .with("Description", Value::str(""))
            .with("Value", value)
            .with("Visibility", Value::str("Public"))
            .with("Module", Value::Null)
            .with("ModuleName", Value::str(""))
            .with("Options", Value::str("None"))
            .with("Attributes", Value::array(Vec::new())),
    )
}

/// `Cannot find a variable with the name 'X'.` (ItemNotFoundException, VariableNotFound).
fn variable_not_found(ctx: &CommandContext<'_>, name: &str) -> ErrorRecord {
    let mut r = ctx.error(
        "System.Management.Automation.ItemNotFoundException",
        format!("Cannot find a variable with the name '{name}'."),
        "VariableNotFound",
        ErrorCategory::ObjectNotFound,
    );
    r.target_name = name.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(name));
    r
}

/// Visible variables (for a scope qualifier: that scope's), with the automatic ones pwsh
/// keeps as real variables; sorted by name as Get-Variable lists them.
fn variables(ctx: &mut CommandContext<'_>, q: Qualifier) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = ctx
        .session
        .scopes
        .visible()
        .into_iter()
        .filter(|v| q == Qualifier::None || ctx.session.scopes.target(&v.name, q).is_some())
        .map(|v| {
            let value = match q {
                Qualifier::None => v.value.clone(),
                _ => ctx
                    .session
                    .scopes
                    .target(&v.name, q)
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
            };
            (v.name.clone(), value)
        })
        .collect();
    if q == Qualifier::None || q == Qualifier::Global {
        for name in [
            "true",
            "false",
            "null",
            "PSVersionTable",
            "PWD",
            "Error",
            "?",
        ] {
            if !out.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
                && let Some(v) = automatic(ctx, name)
            {
                out.push((name.to_string(), v));
            }
        }
    }
    out.sort_by_key(|(n, _)| n.to_ascii_lowercase());
    out
}

fn automatic(ctx: &mut CommandContext<'_>, name: &str) -> Option<Value> {
    let var = crate::syntax::ast::VariableRef {
        name: name.to_string(),
        scope: None,
    };
    let span = ctx.command_span;
    ctx.session.read_variable(&var, span).ok()
}

fn get_variable(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    use crate::runtime::operators::{has_wildcards, wildcard_match};
    let q = scope_of(ctx, b)?;
    let all = variables(ctx, q);
    let include = b.strings("Include").unwrap_or_default();
    let exclude = b.strings("Exclude").unwrap_or_default();
    let keep = |n: &str| {
        (include.is_empty() || include.iter().any(|p| wildcard_match(p, n, false)))
            && !exclude.iter().any(|p| wildcard_match(p, n, false))
    };
    let names = b.strings("Name").unwrap_or_else(|| vec!["*".into()]);
    let mut found: Vec<(String, Value)> = Vec::new();
    for pattern in names {
        let hits: Vec<&(String, Value)> = all
            .iter()
            .filter(|(n, _)| wildcard_match(&pattern, n, false) && keep(n))
            .collect();
        if hits.is_empty() && !has_wildcards(&pattern) {
            let r = variable_not_found(ctx, &pattern);
            ctx.write_error(r)?;
        }
        for h in hits {
            if !found.iter().any(|(n, _)| n.eq_ignore_ascii_case(&h.0)) {
                found.push(h.clone());
            }
        }
    }
    for (name, value) in found {
        if b.switch("ValueOnly") {
            ctx.write_object(value);
        } else {
            ctx.write_object(ps_variable(&name, value));
        }
    }
    Ok(())
}

fn write_target(q: Qualifier) -> Qualifier {
    match q {
        Qualifier::None => Qualifier::Local,
        other => other,
    }
}

fn set_variable(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let q = write_target(scope_of(ctx, b)?);
    let value = if !ctx.collected.is_empty() {
        collapse(ctx.collected.clone())
    } else {
        b.get("Value").cloned().unwrap_or_default()
    };
    for name in b.strings("Name").unwrap_or_default() {
        if !ctx.should_process(
            &format!("Name: {name} Value: {}", value.to_ps_string()),
            "Set variable",
        )? {
            continue;
        }
        ctx.session.scopes.set(&name, value.clone(), q);
        if b.switch("PassThru") {
            ctx.write_object(ps_variable(&name, value.clone()));
        }
    }
    Ok(())
}

fn new_variable(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let q = write_target(scope_of(ctx, b)?);
    let name = b.string("Name").unwrap_or_default();
    let value = b.get("Value").cloned().unwrap_or_default();
    if ctx.session.scopes.target(&name, q).is_some() && !b.switch("Force") {
        let mut r = ctx.error(
            "System.Management.Automation.SessionStateException",
            format!("A variable with name '{name}' already exists."),
            "VariableAlreadyExists",
            ErrorCategory::ResourceExists,
        );
        r.target_name = name.clone();
        r.target_type = "String".into();
        r.target_object = Some(Value::str(&name));
        return ctx.write_error(r);
    }
    if !ctx.should_process(
        &format!("Name: {name} Value: {}", value.to_ps_string()),
        "New variable",
    )? {
        return Ok(());
    }
    ctx.session.scopes.set(&name, value.clone(), q);
    if b.switch("PassThru") {
        ctx.write_object(ps_variable(&name, value));
    }
    Ok(())
}

/// The names a Remove-/Clear-Variable pattern stands for in the scope it acts on.
fn matching_names(ctx: &mut CommandContext<'_>, q: Qualifier, pattern: &str) -> Vec<String> {
    use crate::runtime::operators::wildcard_match;
    ctx.session
        .scopes
        .visible()
        .into_iter()
        .filter(|v| wildcard_match(pattern, &v.name, false))
        .filter(|v| q == Qualifier::None || ctx.session.scopes.target(&v.name, q).is_some())
        .map(|v| v.name.clone())
        .collect()
}

fn remove_variable(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let q = scope_of(ctx, b)?;
    for pattern in b.strings("Name").unwrap_or_default() {
        let names = matching_names(ctx, q, &pattern);
        if names.is_empty() && !crate::runtime::operators::has_wildcards(&pattern) {
            let r = variable_not_found(ctx, &pattern);
            ctx.write_error(r)?;
        }
        for name in names {
            if ctx.should_process(&format!("Name: {name}"), "Remove variable")? {
                // Without -Scope, the nearest variable of that name goes (Local first).
                ctx.session.scopes.remove(&name, q);
            }
        }
    }
    Ok(())
}

fn clear_variable(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let q = scope_of(ctx, b)?;
    for pattern in b.strings("Name").unwrap_or_default() {
        let names = matching_names(ctx, q, &pattern);
        if names.is_empty() && !crate::runtime::operators::has_wildcards(&pattern) {
            let r = variable_not_found(ctx, &pattern);
            ctx.write_error(r)?;
        }
        for name in names {
            if !ctx.should_process(&format!("Name: {name}"), "Clear variable")? {
                continue;
            }
            // Cleared where it lives: the scope named, else the nearest one that has it.
            let target = if q == Qualifier::None {
                nearest_scope(ctx, &name)
            } else {
                q
            };
            ctx.session.scopes.set(&name, Value::Null, target);
            if b.switch("PassThru") {
                ctx.write_object(ps_variable(&name, Value::Null));
            }
        }
    }
    Ok(())
}

fn nearest_scope(ctx: &CommandContext<'_>, name: &str) -> Qualifier {
    let scopes = &ctx.session.scopes;
    for q in [Qualifier::Local, Qualifier::Script, Qualifier::Global] {
        if scopes.target(name, q).is_some() {
            return q;
        }
    }
    Qualifier::Local
}

// ----- Tee-Object ----------------------------------------------------------------------------

fn tee_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let items = input_items(ctx, b);
    if let Some(name) = b.string("Variable") {
        let name = name.trim_start_matches('$').to_string();
        ctx.session
            .scopes
            .set(&name, collapse(items.clone()), Qualifier::Local);
    } else {
        let typed = b
            .string("FilePath")
            .or_else(|| b.string("LiteralPath"))
            .unwrap_or_default();
        let path = ctx.session.resolve_path(&typed);
        let text = if items.iter().all(|v| matches!(v, Value::String(_))) {
            items
                .iter()
                .map(|v| format!("{}\n", v.to_ps_string()))
                .collect()
        } else {
            crate::format::out_string(&items, &ctx.session.format_options())
        };
        let written = if b.switch("Append") {
            use std::io::Write;
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| f.write_all(text.as_bytes()))
        } else {
            std::fs::write(&path, text)
        };
        if let Err(e) = written {
            let (ty, message) = crate::runtime::files::io_message(&path, &e);
            let r = ctx.error(&ty, message, "FileOpenFailure", ErrorCategory::OpenError);
            return Err(ctx.terminate(r));
        }
    }
    for item in items {
        ctx.write_object(item);
    }
    Ok(())
}

// ----- Invoke-Expression -------------------------------------------------------------------

fn invoke_expression(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let text = b.string("Command").unwrap_or_default();
    let source = crate::syntax::SourceFile::new(None, &text);
    let ast = match crate::syntax::parse_script(source) {
        Ok(ast) => ast,
        Err(errors) => {
            // ParseException: its message is the lone error's, or every error with its
            // position (`At line:1 char:4` ...) separated by blank lines.
            let message = match errors.errors.as_slice() {
                [one] => one.message.clone(),
                many => many
                    .iter()
                    .map(|e| {
                        let inv = crate::runtime::InvocationInfo {
                            command_name: None,
                            invocation_name: None,
                            source: errors.source.clone(),
                            extent: e.span,
                            command_kind: Default::default(),
                        };
                        let at = crate::format::position_message(
                            &inv,
                            crate::format::EllipsisStyle::Unicode,
                        );
                        format!("{}\n{}", at.text(), e.message)
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            };
            let id = errors.errors.first().map_or("ParseException", |e| e.id);
            let r = ctx.error(
                "System.Management.Automation.ParseException",
                message,
                id,
                ErrorCategory::ParserError,
            );
            return Err(ctx.terminate(r));
        }
    };
    let mut out = Vec::new();
    let result = ctx.session.run_block_here(&ast, &mut out);
    for v in out {
        ctx.write_object(v);
    }
    result
}

// ----- Join-String -------------------------------------------------------------------------

fn join_string(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    use crate::cmdlets::objects::{PropertySpec, compute_properties, property_specs};
    let culture = if b.switch("UseCulture") {
        ctx.session.culture
    } else {
        &crate::runtime::culture::INVARIANT
    };
    let separator = match b.get("Separator") {
        Some(v) => v.to_ps_string(),
        None => ctx
            .session
            .scopes
            .get("OFS", Qualifier::None)
            .map(|v| v.value.to_ps_string())
            .unwrap_or_default(),
    };
    let quote = if b.switch("SingleQuote") {
        Some('\'')
    } else if b.switch("DoubleQuote") {
        Some('"')
    } else {
        None
    };
    let format = b.string("FormatString").filter(|f| !f.is_empty());
    let mut specs = property_specs(ctx, b.get("Property"))?;
    // Only the first match of a wildcard name counts (GetValues(...).FirstOrDefault()).
    specs.truncate(1);
    let mut text = b.string("OutputPrefix").unwrap_or_default();
    let mut first = true;
    for item in input_items(ctx, b) {
        if item.is_null() {
            continue;
        }
        let value = match specs.first() {
            None => item,
            Some(spec @ PropertySpec::Name(_)) | Some(spec @ PropertySpec::Calculated { .. }) => {
                compute_properties(ctx, &item, std::slice::from_ref(spec))?
                    .into_iter()
                    .next()
                    .map_or(Value::Null, |(_, v)| v)
            }
        };
        if !first {
            text.push_str(&separator);
        }
        first = false;
        // LanguagePrimitives.ConvertTo<string>: a collection joins its items with $OFS.
        let item_text = || match &value {
            Value::Array(_) => ctx.session.stringify(&value),
            other => crate::format::dotnet_to_string(other, culture),
        };
        match (quote, &format) {
            (Some(q), _) => {
                text.push(q);
                text.push_str(&item_text());
                text.push(q);
            }
            (None, None) => text.push_str(&item_text()),
            (None, Some(f)) => {
                match crate::runtime::dotnet_format::composite(
                    f,
                    std::slice::from_ref(&value),
                    culture,
                ) {
                    Ok(s) => text.push_str(&s),
                    Err(e) => {
                        let r = ctx.error(
                            "System.FormatException",
                            e.message(),
                            "System.FormatException,Microsoft.PowerShell.Commands.Utility.JoinStringCommand",
                            ErrorCategory::NotSpecified,
                        );
                        return Err(ctx.terminate(r));
                    }
                }
            }
        }
    }
    text.push_str(&b.string("OutputSuffix").unwrap_or_default());
    ctx.write_object(Value::str(text));
    Ok(())
}

// ----- ConvertFrom-StringData --------------------------------------------------------------

fn convert_from_string_data(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let text = b.string("StringData").unwrap_or_default();
    let delimiter = match b.get("Delimiter") {
        None => '=',
        Some(v) => {
            match crate::runtime::conversion::to_char(v) {
                Ok(c) => char::from_u32(u32::from(c)).unwrap_or('='),
                Err(inner) => {
                    let r = ctx.error(
                    "System.Management.Automation.ParameterBindingException",
                    format!("Cannot process argument transformation on parameter 'Delimiter'. {inner}"),
                    "ParameterArgumentTransformationError",
                    ErrorCategory::InvalidData,
                );
                    return Err(ctx.terminate(r));
                }
            }
        }
    };
    let mut table = crate::runtime::Hashtable::new(false);
    for line in text.split('\n').map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some(at) = line.find(delimiter).filter(|&i| i > 0) else {
            let r = ctx.error(
                "System.Management.Automation.PSInvalidOperationException",
                format!("Data line '{line}' is not in 'name=value' format. "),
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            );
            return Err(ctx.terminate(r));
        };
        let name = line[..at].trim();
        if table.get(&Value::str(name)).is_some() {
            let r = ctx.error(
                "System.Management.Automation.PSInvalidOperationException",
                format!("Data item '{name}' in line '{line}' is already defined. "),
                "InvalidOperation",
                ErrorCategory::InvalidOperation,
            );
            return Err(ctx.terminate(r));
        }
        let raw = line[at + delimiter.len_utf8()..].trim();
        let value = match regex_unescape(raw) {
            Ok(v) => v,
            Err((offset, why)) => {
                let r = ctx.error(
                    "System.Text.RegularExpressions.RegexParseException",
                    format!("Invalid pattern '{raw}' at offset {offset}. {why}"),
                    "System.Text.RegularExpressions.RegexParseException",
                    ErrorCategory::NotSpecified,
                );
                return Err(ctx.terminate(r));
            }
        };
        table.insert(Value::str(name), Value::str(value));
    }
    ctx.write_object(Value::hashtable(table));
    Ok(())
}

/// .NET's Regex.Unescape: `\n`, `\t`, `\xHH`, `\uHHHH`, octal, `\cX` and a backslash before a
/// character that is not a letter, digit or `_` (which stands for itself). A failure gives the
/// offset after the bad part and .NET's reason.
fn regex_unescape(text: &str) -> Result<String, (usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let hex = |i: &mut usize, n: usize| -> Result<char, (usize, String)> {
        let bad = |at: usize| {
            (
                at,
                "Insufficient or invalid hexadecimal digits.".to_string(),
            )
        };
        if chars.len() - *i < n {
            return Err(bad(*i));
        }
        let mut v = 0u32;
        for _ in 0..n {
            let c = chars[*i];
            *i += 1;
            v = v * 16 + c.to_digit(16).ok_or_else(|| bad(*i))?;
        }
        Ok(char::from_u32(v).unwrap_or('\u{FFFD}'))
    };
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = chars.get(i) else {
            // A lone backslash at the end is dropped.
            break;
        };
        i += 1;
        let ch = match e {
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.get(i).and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                char::from_u32(v & 0xFF).unwrap_or('\0')
            }
            'x' => hex(&mut i, 2)?,
            'u' => hex(&mut i, 4)?,
            'a' => '\u{7}',
            'b' => '\u{8}',
            'e' => '\u{1B}',
            'f' => '\u{C}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\u{B}',
            'c' => {
                let Some(&k) = chars.get(i) else {
                    return Err((i, "Missing control character.".into()));
                };
                i += 1;
                let k = k.to_ascii_uppercase();
                if ('@'..='_').contains(&k) {
                    char::from_u32(k as u32 - '@' as u32).unwrap_or('\0')
                } else {
                    return Err((i, "Unrecognized control character.".into()));
                }
            }
            other if other.is_alphanumeric() || other == '_' => {
                return Err((i, format!("Unrecognized escape sequence \\{other}.")));
            }
            other => other,
        };
        out.push(ch);
    }
    Ok(out)
}
