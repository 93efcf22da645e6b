//! Offline stand-ins for the module and credential cmdlets every real script calls:
//! Import-Module, Install-Module, Get-Module, Get-Credential, ConvertTo-SecureString and
//! New-Object (PSObject, PSCredential and a few collection types).
//!
//! Modules: MicrosoftTeams is reported as installed (version `TEAMS_VERSION`); the Microsoft
//! Graph, AzureAD, MSOnline and Exchange Online modules and pwsh's own modules import offline
//! without doing anything (their cmdlets stay "not recognized" unless aapsh emulates them). Any
//! other module fails the way pwsh fails when it finds no module file.

use crate::runtime::CmdletDef;
use crate::runtime::conversion;
use crate::runtime::scope::Qualifier;
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, Flow, Hashtable, PsObject, Value,
};
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, PipelineMode, types};

const CORE: &str = "Microsoft.PowerShell.Core";
const POWERSHELLGET: &str = "PowerShellGet";
const SECURITY: &str = "Microsoft.PowerShell.Security";
const UTILITY: &str = "Microsoft.PowerShell.Utility";

/// The MicrosoftTeams version aapsh reports (7.6.0, January 2026, the release documented on
/// Microsoft Learn's Teams PowerShell release notes).
pub const TEAMS_VERSION: &str = "7.6.0";

/// Where the session remembers imported and installed modules: a global variable whose name
/// cannot be written as `$name` in script.
const MODULE_STATE: &str = "aapsh:modules";

const SCOPE: ParamType = ParamType::new(
    ParamKind::Enum(&["CurrentUser", "AllUsers"]),
    "String",
    "System.String",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Import-Module", CORE, import_module)
            .class("Microsoft.PowerShell.Commands.ImportModuleCommand")
            .synopsis("Adds modules to the current session.")
            .description("Offline stand-in: MicrosoftTeams (whose cmdlets aapsh emulates), the Microsoft Graph, AzureAD, MSOnline and Exchange Online modules and pwsh's own modules import without doing anything. Any other name fails as in pwsh when no module file is found. Importing a module file by path is not emulated.")
            .fidelity(Fidelity::StandIn)
            .alias("ipmo")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().help("The names of the modules to import."))
            .param(ParamDef::new("Force", types::SWITCH).help("Re-imports a module that is already imported."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns an object for each imported module."))
            .param(ParamDef::new("Global", types::SWITCH).help("Imports into the global session state."))
            .param(ParamDef::new("Prefix", types::STRING).ignored_offline().help("A prefix for the nouns of imported commands (not applied offline)."))
            .param(ParamDef::new("MinimumVersion", types::STRING).alias("Version").help("The lowest version to import."))
            .param(ParamDef::new("RequiredVersion", types::STRING).help("The exact version to import."))
            .param(ParamDef::new("MaximumVersion", types::STRING).help("The highest version to import."))
            .param(ParamDef::new("DisableNameChecking", types::SWITCH).help("Suppresses the unapproved-verb warning."))
            .param(ParamDef::new("NoClobber", types::SWITCH).help("Does not replace existing commands."))
            .param(ParamDef::new("Scope", ParamType::new(ParamKind::Enum(&["Local", "Global"]), "String", "System.String")).help("Local or Global."))
            .param(ParamDef::new("UseWindowsPowerShell", types::SWITCH).alias("UseWinPS").ignored_offline().help("Loads the module in a Windows PowerShell compatibility session (ignored offline)."))
            .example("Import the Teams module", "Import-Module MicrosoftTeams", "Makes the Teams cmdlets available (they always are in aapsh)."),
        CmdletDef::new("Install-Module", POWERSHELLGET, install_module)
            .class("InstallModule")
            .synopsis("Downloads one or more modules from a repository, and installs them on the local computer.")
            .description("Offline stand-in: MicrosoftTeams, the Microsoft Graph modules, AzureAD, MSOnline and ExchangeOnlineManagement install silently (nothing is downloaded); any other name fails as PowerShellGet does when the gallery has no match.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The names of the modules to install."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("Force", types::SWITCH).help("Installs without asking, even over an installed version."))
            .param(ParamDef::new("AllowClobber", types::SWITCH).help("Allows commands that clash with existing ones."))
            .param(ParamDef::new("Repository", types::STRING_ARRAY).help("The repository to install from (PSGallery)."))
            .param(ParamDef::new("RequiredVersion", types::STRING).help("The exact version to install."))
            .param(ParamDef::new("MinimumVersion", types::STRING).help("The lowest version to install."))
            .param(ParamDef::new("MaximumVersion", types::STRING).help("The highest version to install."))
            .param(ParamDef::new("AllowPrerelease", types::SWITCH).help("Allows prerelease versions."))
            .param(ParamDef::new("AcceptLicense", types::SWITCH).help("Accepts the license agreement."))
            .param(ParamDef::new("SkipPublisherCheck", types::SWITCH).help("Skips the publisher check."))
            .param(ParamDef::new("Credential", types::CREDENTIAL).help("Credentials for the repository (not needed offline)."))
            .param(ParamDef::new("Proxy", types::STRING).ignored_offline().help("A proxy server (ignored offline)."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the installed module."))
            .example("Install the Teams module", "Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber", "Nothing is downloaded offline; the module counts as installed."),
        CmdletDef::new("Get-Module", CORE, get_module)
            .class("Microsoft.PowerShell.Commands.GetModuleCommand")
            .synopsis("List the modules imported in the current session or that can be imported from the PSModulePath.")
            .description("Offline stand-in: -ListAvailable reports MicrosoftTeams (and modules installed this session) as installed; without it, the modules imported this session.")
            .fidelity(Fidelity::StandIn)
            .alias("gmo")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).from_pipeline().help("Names (wildcards allowed) of the modules to list."))
            .param(ParamDef::new("ListAvailable", types::SWITCH).help("Lists the installed modules instead of the imported ones."))
            .param(ParamDef::new("All", types::SWITCH).help("Lists every module, including nested ones."))
            .param(ParamDef::new("Refresh", types::SWITCH).help("Refreshes the module cache."))
            .example("Check that the Teams module is installed", "if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) { Install-Module MicrosoftTeams -Scope CurrentUser -Force }", "The usual module guard."),
        CmdletDef::new("Get-Credential", SECURITY, get_credential)
            .class("Microsoft.PowerShell.Commands.GetCredentialCommand")
            .synopsis("Gets a credential object based on a user name and password.")
            .description("Prompts for a user name and a password as the pwsh console does. Under -NonInteractive (no prompt possible) it returns a fixed offline credential: the given -UserName, or the tenant's admin account, with the password 'offline'.")
            .fidelity(Fidelity::StandIn)
            .param(ParamDef::new("Credential", types::CREDENTIAL).position(0).help("A user name or credential to start from."))
            .param(ParamDef::new("Message", types::STRING).help("The message shown in the prompt."))
            .param(ParamDef::new("UserName", types::STRING).help("The user name to fill in."))
            .param(ParamDef::new("Title", types::STRING).help("The title of the prompt."))
            .example("Connect with a credential", "$cred = Get-Credential; Connect-MicrosoftTeams -Credential $cred", "The password is not checked offline."),
        CmdletDef::new("ConvertTo-SecureString", SECURITY, convert_to_secure_string)
            .class("Microsoft.PowerShell.Commands.ConvertToSecureStringCommand")
            .synopsis("Converts plain text or encrypted strings to secure strings.")
            .fidelity(Fidelity::StandIn)
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("String", types::STRING).position(0).mandatory().from_pipeline().help("The string to convert."))
            .param(ParamDef::new("AsPlainText", types::SWITCH).help("Treats the string as plain text."))
            .param(ParamDef::new("Force", types::SWITCH).help("Confirms that plain text is intended."))
            .param(ParamDef::new("Key", types::OBJECT_ARRAY).not_emulated().help("An encryption key (decryption is not emulated offline)."))
            .param(ParamDef::new("SecureKey", types::SECURE_STRING).not_emulated().help("An encryption key as a SecureString (not emulated offline)."))
            .example("A password from plain text", "$pass = ConvertTo-SecureString \"P@ssw0rd\" -AsPlainText -Force", "Builds a SecureString for New-Object PSCredential."),
        CmdletDef::new("New-Object", UTILITY, new_object)
            .class("Microsoft.PowerShell.Commands.NewObjectCommand")
            .synopsis("Creates an instance of a Microsoft .NET Framework or COM object.")
            .description("Offline: PSObject / PSCustomObject (with -Property), PSCredential, Hashtable, ArrayList, List[T] and SecureString. Other types fail as types that cannot be found.")
            .fidelity(Fidelity::StandIn)
            .param(ParamDef::new("TypeName", types::STRING).position(0).mandatory().help("The .NET type to create."))
            .param(ParamDef::new("ArgumentList", types::OBJECT_ARRAY).position(1).alias("Args").help("Arguments for the constructor."))
            .param(ParamDef::new("Property", types::HASHTABLE).help("Property values to set on the new object."))
            .param(ParamDef::new("ComObject", types::STRING).not_emulated().help("A COM object (not emulated offline)."))
            .example("A credential", "$cred = New-Object System.Management.Automation.PSCredential ($user, $pass)", "A PSCredential from a user name and a SecureString.")
            .example("A custom object", "New-Object PSObject -Property @{ Name = 'Bot'; AppId = $appId }", "A PSCustomObject with two properties."),
    ]
}

// ----- modules -------------------------------------------------------------------------------

/// Modules that import offline.
fn is_known_module(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "microsoftteams"
            | "azuread"
            | "azureadpreview"
            | "msonline"
            | "exchangeonlinemanagement"
            | "powershellget"
            | "packagemanagement"
            | "psreadline"
            | "threadjob"
            | "microsoft.graph"
    ) || lower.starts_with("microsoft.graph.")
        || lower.starts_with("microsoft.powershell.")
}

/// Modules Install-Module accepts offline.
fn is_installable(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(
        lower.as_str(),
        "microsoftteams"
            | "azuread"
            | "azureadpreview"
            | "msonline"
            | "exchangeonlinemanagement"
            | "microsoft.graph"
    ) || lower.starts_with("microsoft.graph.")
}

/// The canonical spelling of a known module name.
fn canonical(name: &str) -> String {
    const NAMES: &[&str] = &[
        "MicrosoftTeams",
        "AzureAD",
        "AzureADPreview",
        "MSOnline",
        "ExchangeOnlineManagement",
        "PowerShellGet",
        "PackageManagement",
        "PSReadLine",
        "ThreadJob",
        "Microsoft.Graph",
    ];
    NAMES
        .iter()
        .find(|n| n.eq_ignore_ascii_case(name))
        .map(|n| n.to_string())
        .unwrap_or_else(|| name.to_string())
}

fn module_version(name: &str) -> &'static str {
    match name.to_ascii_lowercase().as_str() {
        "microsoftteams" => TEAMS_VERSION,
        "azuread" | "azureadpreview" => "2.0.2.182",
        "msonline" => "1.1.183.81",
        "exchangeonlinemanagement" => "3.9.0",
        "powershellget" => "2.2.5",
        "packagemanagement" => "1.4.8.1",
        "psreadline" => "2.3.5",
        "threadjob" => "2.0.3",
        n if n.starts_with("microsoft.graph") => "2.32.0",
        _ => "7.0.0.0",
    }
}

/// The state kept between calls: `(imported, installed)` module names.
fn module_state(ctx: &CommandContext<'_>) -> (Vec<String>, Vec<String>) {
    let read = |key: &str| -> Vec<String> {
        match ctx.session.scopes.get(MODULE_STATE, Qualifier::Global) {
            Some(var) => var
                .value
                .property(key)
                .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    };
    (read("Imported"), read("Installed"))
}

fn save_module_state(ctx: &mut CommandContext<'_>, imported: Vec<String>, installed: Vec<String>) {
    let mut h = Hashtable::new(true);
    h.insert(
        Value::str("Imported"),
        Value::array(imported.into_iter().map(Value::str).collect()),
    );
    h.insert(
        Value::str("Installed"),
        Value::array(installed.into_iter().map(Value::str).collect()),
    );
    ctx.session
        .scopes
        .set(MODULE_STATE, Value::hashtable(h), Qualifier::Global);
}

fn modules_root() -> String {
    let home = std::env::var("HOME").unwrap_or_default();
    if cfg!(windows) {
        format!("{home}\\Documents\\PowerShell\\Modules")
    } else {
        format!("{home}/.local/share/powershell/Modules")
    }
}

/// A `PSModuleInfo` for a module; `grouping` adds the type name `Get-Module -ListAvailable`
/// output carries (its table view has a PSEdition column).
fn module_info(ctx: &CommandContext<'_>, name: &str, grouping: bool) -> Value {
    let name = canonical(name);
    let version = module_version(&name);
    let sep = if cfg!(windows) { "\\" } else { "/" };
    let base = format!("{}{sep}{name}{sep}{version}", modules_root());
    let commands: Vec<Value> = if name.eq_ignore_ascii_case("MicrosoftTeams")
        || name.eq_ignore_ascii_case("ExchangeOnlineManagement")
    {
        let mut names: Vec<String> = ctx
            .session
            .commands
            .iter()
            .filter(|d| d.module.eq_ignore_ascii_case(&name))
            .map(|d| d.name.to_string())
            .collect();
        names.sort_by_key(|n| n.to_ascii_lowercase());
        names.into_iter().map(Value::str).collect()
    } else {
        Vec::new()
    };
    let mut o = PsObject::new("System.Management.Automation.PSModuleInfo");
    if grouping {
        o.type_names.insert(0, "ModuleInfoGrouping".into());
    }
    o.set("Name", Value::str(&name));
    o.set("Path", Value::str(format!("{base}{sep}{name}.psd1")));
    o.set("ModuleBase", Value::str(&base));
    o.set("ModuleType", Value::str("Script"));
    o.set("Version", Value::str(version));
    o.set("PreRelease", Value::Null);
    o.set("PSEdition", Value::str("Core,Desk"));
    o.set(
        "CompatiblePSEditions",
        Value::array(vec![Value::str("Core"), Value::str("Desktop")]),
    );
    o.set("ExportedCommands", Value::array(commands));
    o.set("Description", Value::Null);
    Value::object(o)
}

fn module_not_found(ctx: &CommandContext<'_>, name: &str) -> crate::runtime::ErrorRecord {
    let mut r = ctx.error(
        "System.IO.FileNotFoundException",
        format!(
            "The specified module '{name}' was not loaded because no valid module file was found in any module directory."
        ),
        "Modules_ModuleNotFound",
        ErrorCategory::ResourceUnavailable,
    );
    r.target_name = name.to_string();
    r.target_type = "String".into();
    r.target_object = Some(Value::str(name));
    r
}

fn import_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let names: Vec<String> = b
        .get("Name")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let (mut imported, installed) = module_state(ctx);
    for name in names {
        let looks_like_file = name.contains('/')
            || name.contains('\\')
            || [".psm1", ".psd1", ".ps1", ".dll"]
                .iter()
                .any(|ext| name.to_ascii_lowercase().ends_with(ext));
        if looks_like_file && ctx.session.resolve_path(&name).is_file() {
            let r = crate::runtime::errors::not_emulated(&ctx.def, "Importing a module file");
            ctx.write_error(r)?;
            continue;
        }
        if !is_known_module(&name) {
            let r = module_not_found(ctx, &name);
            ctx.write_error(r)?;
            continue;
        }
        let name = canonical(&name);
        if !imported.iter().any(|m| m.eq_ignore_ascii_case(&name)) {
            imported.push(name.clone());
        }
        if b.switch("PassThru") {
            let info = module_info(ctx, &name, false);
            ctx.write_object(info);
        }
    }
    save_module_state(ctx, imported, installed);
    Ok(())
}

fn install_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let names: Vec<String> = b
        .get("Name")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let (imported, mut installed) = module_state(ctx);
    for name in names {
        if !is_installable(&name) {
            // PowerShellGet 2.2.5 (the version pwsh 7.4 ships) when the gallery has no match.
            let mut r = ctx.error(
                "System.Exception",
                format!(
                    "No match was found for the specified search criteria and module name '{name}'. Try Get-PSRepository to see all available registered module repositories."
                ),
                "NoMatchFoundForCriteria",
                ErrorCategory::ObjectNotFound,
            );
            r.command_class =
                "Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage".into();
            r.activity = "Install-Package".into();
            r.target_name = "Microsoft.PowerShell.Commands.InstallPackage".into();
            r.target_type = "InstallPackage".into();
            ctx.write_error(r)?;
            continue;
        }
        let name = canonical(&name);
        let version = b
            .string("RequiredVersion")
            .unwrap_or_else(|| module_version(&name).to_string());
        let target = format!("Version '{version}' of module '{name}'");
        if !ctx.should_process(&target, "Install-Module")? {
            continue;
        }
        if !installed.iter().any(|m| m.eq_ignore_ascii_case(&name)) {
            installed.push(name.clone());
        }
        if b.switch("PassThru") {
            let info = module_info(ctx, &name, false);
            ctx.write_object(info);
        }
    }
    save_module_state(ctx, imported, installed);
    Ok(())
}

fn get_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let patterns: Vec<String> = b
        .get("Name")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default();
    let (imported, installed) = module_state(ctx);
    let list_available = b.switch("ListAvailable");
    let mut names: Vec<String> = if list_available {
        let mut all = vec![
            "ExchangeOnlineManagement".to_string(),
            "MicrosoftTeams".to_string(),
        ];
        for m in installed {
            if !all.iter().any(|a| a.eq_ignore_ascii_case(&m)) {
                all.push(m);
            }
        }
        all
    } else {
        imported
    };
    names.sort_by_key(|n| n.to_ascii_lowercase());
    for name in names {
        let wanted = patterns.is_empty()
            || patterns
                .iter()
                .any(|p| crate::runtime::operators::wildcard_match(p, &name, false));
        if wanted {
            let info = module_info(ctx, &name, list_available);
            ctx.write_object(info);
        }
    }
    Ok(())
}

// ----- credentials ---------------------------------------------------------------------------

fn get_credential(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let given_user = b.string("UserName").or_else(|| {
        b.get("Credential")
            .and_then(|c| c.property("UserName"))
            .map(|u| u.to_ps_string())
    });
    if ctx.session.options.non_interactive {
        let user = given_user.unwrap_or_else(|| ctx.session.default_connection().account);
        ctx.write_object(Value::object(conversion::credential(&user, "offline")));
        return Ok(());
    }
    // The console host's credential prompt (pwsh 7): caption, message, then the two fields.
    let caption = b
        .string("Title")
        .unwrap_or_else(|| "PowerShell credential request".into());
    let message = b
        .string("Message")
        .unwrap_or_else(|| "Enter your credentials.".into());
    ctx.write_host(&format!("{caption}\n{message}\n"));
    let user = match given_user {
        Some(u) => u,
        None => match ctx.session.prompt_line("User: ")? {
            Some(u) => u,
            None => return Ok(()),
        },
    };
    let Some(password) = ctx
        .session
        .prompt_secret(&format!("Password for user {user}: "))?
    else {
        return Ok(());
    };
    ctx.write_host("\n");
    ctx.write_object(Value::object(conversion::credential(&user, &password)));
    Ok(())
}

fn convert_to_secure_string(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let text = b.string("String").unwrap_or_default();
    if !b.switch("AsPlainText") {
        let r = crate::runtime::errors::not_emulated(
            &ctx.def,
            "Decrypting an encrypted standard string (use -AsPlainText)",
        );
        return Err(ctx.terminate(r));
    }
    ctx.write_object(Value::SecureString(std::rc::Rc::from(text.as_str())));
    Ok(())
}

// ----- New-Object ----------------------------------------------------------------------------

fn new_object(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let typed = b.string("TypeName").unwrap_or_default();
    let args: Vec<Value> = b
        .get("ArgumentList")
        .map(Value::enumerate)
        .unwrap_or_default();
    let lower = typed.trim().to_ascii_lowercase();
    let bare = lower.strip_prefix("system.").unwrap_or(&lower);
    let value = match bare {
        "management.automation.psobject"
        | "psobject"
        | "object"
        | "management.automation.pscustomobject"
        | "pscustomobject" => Value::object(PsObject::custom()),
        "management.automation.pscredential" | "pscredential" => {
            if args.len() != 2 {
                return Err(ctx.terminate(overload_error(ctx, "PSCredential", args.len())));
            }
            let user = args[0].to_ps_string();
            let password = match &args[1] {
                Value::SecureString(p) => p.to_string(),
                other => {
                    let text = other.to_ps_string();
                    let r = ctx.error(
                        "System.Management.Automation.MethodException",
                        format!(
                            "Cannot convert argument \"password\", with value: \"{text}\", for \"PSCredential\" to type \"System.Security.SecureString\": \"Cannot convert the \"{text}\" value of type \"{}\" to type \"System.Security.SecureString\".\"",
                            other.type_name()
                        ),
                        "ConstructorInvokedThrowException",
                        ErrorCategory::InvalidOperation,
                    );
                    return Err(ctx.terminate(r));
                }
            };
            Value::object(conversion::credential(&user, &password))
        }
        "collections.hashtable" | "hashtable" => Value::hashtable(Hashtable::new(false)),
        "collections.specialized.ordereddictionary" => Value::hashtable(Hashtable::new(true)),
        // Lists are made as `[type]::new(args)` makes them, so they keep Add, Remove, ...
        _ if crate::runtime::lists::list_kind_for(&typed).is_some() => {
            let span = ctx.command_span;
            ctx.session.new_object(&typed, args, span)?
        }
        "object[]" => Value::array(Vec::new()),
        "security.securestring" | "securestring" => Value::SecureString(std::rc::Rc::from("")),
        "guid" => Value::Guid(uuid::Uuid::nil()),
        _ => {
            let mut r = ctx.error(
                "System.Management.Automation.PSArgumentException",
                format!(
                    "Cannot find type [{typed}]: verify that the assembly containing this type is loaded."
                ),
                "TypeNotFound",
                ErrorCategory::InvalidType,
            );
            r.target_object = None;
            return Err(ctx.terminate(r));
        }
    };
    if let Some(Value::Hashtable(props)) = b.get("Property") {
        match &value {
            Value::Object(o) => {
                for (k, v) in props.borrow().iter() {
                    o.borrow_mut().set(&k.to_ps_string(), v.clone());
                }
            }
            Value::Hashtable(h) => {
                for (k, v) in props.borrow().iter() {
                    h.borrow_mut().insert(k.clone(), v.clone());
                }
            }
            _ => {}
        }
    }
    ctx.write_object(value);
    Ok(())
}

fn overload_error(
    ctx: &CommandContext<'_>,
    type_short: &str,
    count: usize,
) -> crate::runtime::ErrorRecord {
    ctx.error(
        "System.Management.Automation.MethodException",
        format!(
            "Cannot find an overload for \"{type_short}\" and the argument count: \"{count}\"."
        ),
        "ConstructorInvokedThrowException",
        ErrorCategory::InvalidOperation,
    )
}
