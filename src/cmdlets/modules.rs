//! Offline module management: Get-Module, Import-Module, and the PowerShellGet (Find-, Install-,
//! Update-, Uninstall-Module, Get-InstalledModule) and PSResourceGet (Find-, Install-, Update-,
//! Uninstall-PSResource, Get-InstalledPSResource) commands, over one table of modules.
//!
//! The modules aapsh emulates (MicrosoftTeams and the Microsoft Graph modules whose cmdlets it
//! has) are installed for the current user, as on an admin's machine, and are the whole offline
//! gallery: Find-/Install-Module and their PSResourceGet equivalents know them and nothing else.
//! pwsh's own modules are installed in $PSHOME. Anything else is not installed: Import-Module
//! fails as pwsh fails when no module file is found, and the gallery commands fail with the
//! texts PowerShellGet 2.2.5 and PSResourceGet 1.2.1 give when a name matches nothing (each
//! recorded from pwsh 7.6.10 against a local repository). What a session installs or uninstalls
//! lasts for the session.

use crate::runtime::scope::Qualifier;
use crate::runtime::{
    BoundParameters, CmdletDef, CommandContext, ErrorCategory, ErrorRecord, Flow, Hashtable,
    InvocationInfo, PsObject, Value,
};
use crate::syntax::{SourceFile, Span};
use crate::vocab::{Fidelity, ParamDef, ParamKind, ParamType, PipelineMode, types};

const CORE: &str = "Microsoft.PowerShell.Core";
const POWERSHELLGET: &str = "PowerShellGet";
const PSRESOURCEGET: &str = "Microsoft.PowerShell.PSResourceGet";
const GALLERY: &str = "PSGallery";

/// Where the session keeps what it imported and uninstalled: a global variable whose name
/// cannot be written as `$name` in script.
const MODULE_STATE: &str = "aapsh:modules";

/// The version aapsh reports for MicrosoftTeams (7.6.0, the release of January 2026 on the
/// Teams PowerShell release notes).
pub const TEAMS_VERSION: &str = "7.6.0";
/// The Microsoft Graph PowerShell SDK version of the emulated Graph modules.
pub const GRAPH_VERSION: &str = "2.32.0";

/// Where a module lives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Home {
    /// The current user's module folder: installed from the gallery (emulated).
    User,
    /// $PSHOME/Modules: pwsh's own.
    PsHome,
}

struct Module {
    name: &'static str,
    version: &'static str,
    module_type: &'static str,
    home: Home,
    description: &'static str,
    /// Also imports these (the Microsoft.Graph roll-up module).
    imports: &'static [&'static str],
}

const fn emulated(name: &'static str, version: &'static str, description: &'static str) -> Module {
    Module {
        name,
        version,
        module_type: "Script",
        home: Home::User,
        description,
        imports: &[],
    }
}

const fn builtin(name: &'static str, version: &'static str, module_type: &'static str) -> Module {
    Module {
        name,
        version,
        module_type,
        home: Home::PsHome,
        description: "",
        imports: &[],
    }
}

const GRAPH_DESCRIPTION: &str = "Microsoft Graph PowerShell Cmdlets";

/// Every module aapsh knows. The emulated ones first (the offline gallery), then pwsh 7.6.10's
/// own (names, versions and types as its `Get-Module -ListAvailable` lists them).
const MODULES: &[Module] = &[
    emulated(
        "MicrosoftTeams",
        TEAMS_VERSION,
        "Microsoft Teams cmdlets module for Windows PowerShell and PowerShell Core.",
    ),
    emulated(
        "Microsoft.Graph.Authentication",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated(
        "Microsoft.Graph.Applications",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated(
        "Microsoft.Graph.CloudCommunications",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated("Microsoft.Graph.Groups", GRAPH_VERSION, GRAPH_DESCRIPTION),
    emulated(
        "Microsoft.Graph.Identity.DirectoryManagement",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated(
        "Microsoft.Graph.Identity.SignIns",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated("Microsoft.Graph.Teams", GRAPH_VERSION, GRAPH_DESCRIPTION),
    emulated("Microsoft.Graph.Users", GRAPH_VERSION, GRAPH_DESCRIPTION),
    emulated("Microsoft.Graph.Mail", GRAPH_VERSION, GRAPH_DESCRIPTION),
    emulated("Microsoft.Graph.Calendar", GRAPH_VERSION, GRAPH_DESCRIPTION),
    emulated(
        "Microsoft.Graph.PersonalContacts",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated(
        "Microsoft.Graph.Users.Actions",
        GRAPH_VERSION,
        GRAPH_DESCRIPTION,
    ),
    emulated(
        "ExchangeOnlineManagement",
        "3.9.0",
        "Exchange Online PowerShell module (offline stand-in: the Exchange cmdlets exist after Connect-ExchangeOnline).",
    ),
    Module {
        name: "Microsoft.Graph",
        version: GRAPH_VERSION,
        module_type: "Manifest",
        home: Home::User,
        description: GRAPH_DESCRIPTION,
        imports: &[
            "Microsoft.Graph.Authentication",
            "Microsoft.Graph.Applications",
            "Microsoft.Graph.CloudCommunications",
            "Microsoft.Graph.Groups",
            "Microsoft.Graph.Identity.DirectoryManagement",
            "Microsoft.Graph.Identity.SignIns",
            "Microsoft.Graph.Teams",
            "Microsoft.Graph.Users",
            "Microsoft.Graph.Mail",
            "Microsoft.Graph.Calendar",
            "Microsoft.Graph.PersonalContacts",
            "Microsoft.Graph.Users.Actions",
        ],
    },
    builtin("Microsoft.PowerShell.Archive", "1.2.7", "Manifest"),
    builtin("Microsoft.PowerShell.Host", "7.0.0.0", "Manifest"),
    builtin("Microsoft.PowerShell.Management", "7.0.0.0", "Manifest"),
    builtin("Microsoft.PowerShell.PSResourceGet", "1.2.1", "Binary"),
    builtin("Microsoft.PowerShell.Security", "7.0.0.0", "Manifest"),
    builtin("Microsoft.PowerShell.ThreadJob", "2.2.0", "Binary"),
    builtin("Microsoft.PowerShell.Utility", "7.0.0.0", "Manifest"),
    builtin("PackageManagement", "1.4.8.1", "Script"),
    builtin("PowerShellGet", "2.2.5", "Script"),
    builtin("PSReadLine", "2.4.5", "Script"),
];

fn find(name: &str) -> Option<&'static Module> {
    MODULES
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
}

/// The version Get-Command reports for a module's commands (`None`: not in the table).
pub fn module_version(name: &str) -> Option<&'static str> {
    find(name).map(|m| m.version)
}

fn wildcard(pattern: &str, name: &str) -> bool {
    crate::runtime::operators::wildcard_match(pattern.trim(), name, false)
}

fn has_wildcard(pattern: &str) -> bool {
    pattern.contains(['*', '?', '['])
}

/// What the session changed: (imported, uninstalled) module names.
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
    (read("Imported"), read("Uninstalled"))
}

fn save_module_state(
    ctx: &mut CommandContext<'_>,
    imported: Vec<String>,
    uninstalled: Vec<String>,
) {
    let mut h = Hashtable::new(true);
    h.insert(
        Value::str("Imported"),
        Value::array(imported.into_iter().map(Value::str).collect()),
    );
    h.insert(
        Value::str("Uninstalled"),
        Value::array(uninstalled.into_iter().map(Value::str).collect()),
    );
    ctx.session
        .scopes
        .set(MODULE_STATE, Value::hashtable(h), Qualifier::Global);
}

fn is_installed(ctx: &CommandContext<'_>, m: &Module) -> bool {
    let (_, uninstalled) = module_state(ctx);
    !uninstalled.iter().any(|u| u.eq_ignore_ascii_case(m.name))
}

fn sep() -> &'static str {
    if cfg!(windows) { "\\" } else { "/" }
}

/// The folder a module lives in (for Path, ModuleBase and Get-Module's Directory header).
fn modules_root(home: Home) -> String {
    match home {
        Home::User => {
            let home = std::env::var("HOME").unwrap_or_default();
            if cfg!(windows) {
                format!("{home}\\Documents\\PowerShell\\Modules")
            } else {
                format!("{home}/.local/share/powershell/Modules")
            }
        }
        Home::PsHome => {
            if cfg!(windows) {
                "C:\\Program Files\\PowerShell\\7\\Modules".to_string()
            } else {
                "/opt/microsoft/powershell/7/Modules".to_string()
            }
        }
    }
}

fn module_base(m: &Module) -> String {
    let s = sep();
    match m.home {
        // Gallery installs keep a version folder; $PSHOME's modules do not.
        Home::User => format!("{}{s}{}{s}{}", modules_root(m.home), m.name, m.version),
        Home::PsHome => format!("{}{s}{}", modules_root(m.home), m.name),
    }
}

/// A `PSModuleInfo`; `grouping` adds the type name `Get-Module -ListAvailable` output carries
/// (its table view has a PSEdition column and a Directory header).
fn module_info(ctx: &CommandContext<'_>, m: &Module, grouping: bool) -> Value {
    let base = module_base(m);
    let mut names: Vec<String> = ctx
        .session
        .commands
        .iter()
        .filter(|d| d.module.eq_ignore_ascii_case(m.name) || m.imports.contains(&d.module))
        .map(|d| d.name.to_string())
        .collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    let mut o = PsObject::new("System.Management.Automation.PSModuleInfo");
    if grouping {
        o.type_names.insert(0, "ModuleInfoGrouping".into());
    }
    o.set("Name", Value::str(m.name));
    o.set(
        "Path",
        Value::str(format!(
            "{base}{}{}.{}",
            sep(),
            m.name,
            if m.module_type == "Binary" {
                "dll"
            } else {
                "psd1"
            }
        )),
    );
    o.set("ModuleBase", Value::str(&base));
    o.set("ModuleType", Value::str(m.module_type));
    o.set("Version", Value::str(m.version));
    o.set("PreRelease", Value::Null);
    o.set("PSEdition", Value::str("Core,Desk"));
    o.set(
        "CompatiblePSEditions",
        Value::array(vec![Value::str("Core"), Value::str("Desktop")]),
    );
    o.set(
        "ExportedCommands",
        Value::array(names.into_iter().map(Value::str).collect()),
    );
    o.set(
        "Description",
        if m.description.is_empty() {
            Value::Null
        } else {
            Value::str(m.description)
        },
    );
    Value::object(o)
}

/// A gallery entry as PowerShellGet returns it (Find-Module, Get-InstalledModule).
fn repository_item(m: &Module, installed: bool) -> Value {
    let mut o = PsObject::new("Microsoft.PowerShell.Commands.PSRepositoryItemInfo");
    o.set("Name", Value::str(m.name));
    o.set("Version", Value::str(m.version));
    o.set("Type", Value::str("Module"));
    o.set("Description", Value::str(m.description));
    o.set("Author", Value::str("Microsoft Corporation"));
    o.set("CompanyName", Value::str("Microsoft Corporation"));
    o.set("Repository", Value::str(GALLERY));
    o.set(
        "InstalledLocation",
        if installed {
            Value::str(module_base(m))
        } else {
            Value::Null
        },
    );
    o.set(
        "RepositorySourceLocation",
        Value::str("https://www.powershellgallery.com/api/v2"),
    );
    Value::object(o)
}

/// A resource as PSResourceGet returns it (Find-PSResource, Get-InstalledPSResource).
fn resource_info(m: &Module, installed: bool) -> Value {
    let mut o = PsObject::new("Microsoft.PowerShell.PSResourceGet.UtilClasses.PSResourceInfo");
    o.set("Name", Value::str(m.name));
    o.set("Version", Value::str(m.version));
    o.set("Prerelease", Value::Null);
    o.set("Type", Value::str("Module"));
    o.set("Description", Value::str(m.description));
    o.set("Author", Value::str("Microsoft Corporation"));
    o.set("CompanyName", Value::str("Microsoft Corporation"));
    o.set("Repository", Value::str(GALLERY));
    o.set(
        "InstalledLocation",
        if installed {
            Value::str(module_base(m))
        } else {
            Value::Null
        },
    );
    Value::object(o)
}

/// The names given (`-Name`), or none.
fn names(b: &BoundParameters) -> Vec<String> {
    b.get("Name")
        .map(|v| v.enumerate().iter().map(Value::to_ps_string).collect())
        .unwrap_or_default()
}

/// An error raised inside a script module's internal call (PowerShellGet's `Install-Package`,
/// `Find-Package`...): ConciseView names that command and shows no position, as pwsh does.
fn module_internal_error(
    ctx: &CommandContext<'_>,
    inner: &str,
    inner_class: &str,
    message: String,
    id: &str,
    category: ErrorCategory,
) -> ErrorRecord {
    let mut r = ctx.error("System.Exception", message, id, category);
    let call = format!("{inner} @PSBoundParameters");
    let source = SourceFile::new(
        Some(std::path::PathBuf::from(format!(
            "{}{}PowerShellGet{}PSModule.psm1",
            modules_root(Home::PsHome),
            sep(),
            sep()
        ))),
        call.clone(),
    );
    r.invocation = Some(InvocationInfo {
        command_name: Some(inner.to_string()),
        invocation_name: Some(inner.to_string()),
        source,
        extent: Span::new(0, call.len()),
        command_kind: Default::default(),
    });
    r.command_class = inner_class.to_string();
    r.activity = inner.to_string();
    r.target_name = inner_class.to_string();
    r.target_type = inner_class
        .rsplit('.')
        .next()
        .unwrap_or(inner_class)
        .to_string();
    r
}

/// An error of a binary cmdlet (PSResourceGet): its own name and position, as pwsh shows them.
fn cmdlet_error(
    ctx: &CommandContext<'_>,
    exception: &str,
    message: String,
    id: &str,
    category: ErrorCategory,
) -> ErrorRecord {
    let mut r = ctx.error(exception, message, id, category);
    r.target_name = ctx.def.class_name.to_string();
    r.target_type = ctx
        .def
        .class_name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_string();
    r
}

const SCOPE: ParamType = ParamType::new(
    ParamKind::Enum(&["CurrentUser", "AllUsers"]),
    "String",
    "System.String",
);

fn gallery_params(d: CmdletDef) -> CmdletDef {
    d.param(ParamDef::new("RequiredVersion", types::STRING).help("The exact version."))
        .param(ParamDef::new("MinimumVersion", types::STRING).help("The lowest version."))
        .param(ParamDef::new("MaximumVersion", types::STRING).help("The highest version."))
        .param(ParamDef::new("AllowPrerelease", types::SWITCH).help("Allows prerelease versions."))
        .param(
            ParamDef::new("Credential", types::CREDENTIAL)
                .ignored_offline()
                .help("Credentials for the repository (not needed offline)."),
        )
        .param(
            ParamDef::new("Proxy", types::STRING)
                .ignored_offline()
                .help("A proxy server (ignored offline)."),
        )
        .param(
            ParamDef::new("ProxyCredential", types::CREDENTIAL)
                .ignored_offline()
                .help("Proxy credentials (ignored offline)."),
        )
}

fn resource_params(d: CmdletDef) -> CmdletDef {
    d.param(ParamDef::new("Version", types::STRING).help("The version or version range."))
        .param(ParamDef::new("Prerelease", types::SWITCH).help("Includes prerelease versions."))
        .param(
            ParamDef::new("Repository", types::STRING_ARRAY)
                .help("The repositories (PSGallery offline)."),
        )
        .param(
            ParamDef::new("Credential", types::CREDENTIAL)
                .ignored_offline()
                .help("Credentials for the repository (not needed offline)."),
        )
}

pub fn definitions() -> Vec<CmdletDef> {
    let installs = "The offline gallery holds exactly the modules aapsh emulates: MicrosoftTeams, Microsoft.Graph and the Microsoft.Graph submodules whose cmdlets aapsh has.";
    vec![
        CmdletDef::new("Import-Module", CORE, import_module)
            .class("Microsoft.PowerShell.Commands.ImportModuleCommand")
            .synopsis("Adds modules to the current session.")
            .description("Offline stand-in: an installed module (MicrosoftTeams, the emulated Microsoft Graph modules, pwsh's own) imports (their cmdlets are always available in aapsh); Microsoft.Graph imports the emulated Graph submodules. Any other name fails as in pwsh when no module file is found. Importing a module file by path is not emulated.")
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
        CmdletDef::new("Get-Module", CORE, get_module)
            .class("Microsoft.PowerShell.Commands.GetModuleCommand")
            .synopsis("List the modules imported in the current session or that can be imported from the PSModulePath.")
            .description("Offline stand-in: -ListAvailable lists the installed modules (MicrosoftTeams and the emulated Microsoft Graph modules for the current user, pwsh's own in $PSHOME), grouped by folder; without it, the modules imported this session.")
            .fidelity(Fidelity::StandIn)
            .alias("gmo")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).from_pipeline().help("Names (wildcards allowed) of the modules to list."))
            .param(ParamDef::new("ListAvailable", types::SWITCH).help("Lists the installed modules instead of the imported ones."))
            .param(ParamDef::new("All", types::SWITCH).help("Lists every module, including nested ones."))
            .param(ParamDef::new("Refresh", types::SWITCH).help("Refreshes the module cache."))
            .example("Check that the Teams module is installed", "if (-not (Get-Module -ListAvailable -Name MicrosoftTeams)) { Install-Module MicrosoftTeams -Scope CurrentUser -Force }", "The usual module guard."),
        gallery_params(CmdletDef::new("Find-Module", POWERSHELLGET, find_module)
            .class("FindModule")
            .synopsis("Finds modules in a repository that match specified criteria.")
            .description(installs)
            .fidelity(Fidelity::StandIn)
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).from_pipeline().by_property_name().help("The names of the modules (wildcards allowed)."))
            .param(ParamDef::new("Repository", types::STRING_ARRAY).help("The repositories to search (PSGallery)."))
            .param(ParamDef::new("AllVersions", types::SWITCH).help("Every version (there is one offline)."))
            .param(ParamDef::new("Tag", types::STRING_ARRAY).ignored_offline().help("Tags to match."))
            .param(ParamDef::new("Filter", types::STRING).ignored_offline().help("A provider-specific filter."))
            .example("Find the Teams module", "Find-Module MicrosoftTeams", "Shows its version in the gallery.")),
        gallery_params(CmdletDef::new("Install-Module", POWERSHELLGET, install_module)
            .class("InstallModule")
            .synopsis("Downloads one or more modules from a repository, and installs them on the local computer.")
            .description(installs)
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The names of the modules to install."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("Force", types::SWITCH).help("Installs without asking, even over an installed version."))
            .param(ParamDef::new("AllowClobber", types::SWITCH).help("Allows commands that clash with existing ones."))
            .param(ParamDef::new("Repository", types::STRING_ARRAY).help("The repository to install from (PSGallery)."))
            .param(ParamDef::new("AcceptLicense", types::SWITCH).help("Accepts the license agreement."))
            .param(ParamDef::new("SkipPublisherCheck", types::SWITCH).help("Skips the publisher check."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the installed module."))
            .example("Install the Teams module", "Install-Module MicrosoftTeams -Scope CurrentUser -Force -AllowClobber", "Nothing is downloaded offline; the module counts as installed.")),
        gallery_params(CmdletDef::new("Update-Module", POWERSHELLGET, update_module)
            .class("UpdateModule")
            .synopsis("Downloads and installs the newest version of specified modules from an online gallery to the local computer.")
            .description("Offline the installed emulated modules are the newest there is; a module that is not installed fails as PowerShellGet does.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).from_pipeline().by_property_name().help("The names of the modules to update (every installed one when left out)."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("Force", types::SWITCH).help("Updates without asking."))
            .param(ParamDef::new("AcceptLicense", types::SWITCH).help("Accepts the license agreement."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the updated module."))),
        CmdletDef::new("Uninstall-Module", POWERSHELLGET, uninstall_module)
            .class("UninstallModule")
            .synopsis("Uninstalls a module.")
            .description("Uninstalls an emulated module for the rest of the session: Get-Module -ListAvailable no longer lists it and Import-Module fails until Install-Module installs it again.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The names of the modules to uninstall."))
            .param(ParamDef::new("RequiredVersion", types::STRING).help("The exact version."))
            .param(ParamDef::new("AllVersions", types::SWITCH).help("Every version."))
            .param(ParamDef::new("Force", types::SWITCH).help("Uninstalls without asking.")),
        CmdletDef::new("Get-InstalledModule", POWERSHELLGET, get_installed_module)
            .class("GetInstalledModule")
            .synopsis("Gets a list of modules on the computer that were installed by PowerShellGet.")
            .fidelity(Fidelity::StandIn)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).from_pipeline().by_property_name().help("The names of the modules (wildcards allowed)."))
            .param(ParamDef::new("RequiredVersion", types::STRING).help("The exact version."))
            .param(ParamDef::new("MinimumVersion", types::STRING).help("The lowest version."))
            .param(ParamDef::new("MaximumVersion", types::STRING).help("The highest version."))
            .param(ParamDef::new("AllVersions", types::SWITCH).help("Every version.")),
        resource_params(CmdletDef::new("Find-PSResource", PSRESOURCEGET, find_resource)
            .class("Microsoft.PowerShell.PSResourceGet.Cmdlets.FindPSResource")
            .synopsis("Searches for packages from a repository (local or remote), based on a name or other package properties.")
            .description(installs)
            .fidelity(Fidelity::StandIn)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).help("The names of the resources (wildcards allowed)."))
            .param(ParamDef::new("Type", types::STRING).help("Module, Script or None."))
            .param(ParamDef::new("Tag", types::STRING_ARRAY).ignored_offline().help("Tags to match."))),
        resource_params(CmdletDef::new("Install-PSResource", PSRESOURCEGET, install_resource)
            .class("Microsoft.PowerShell.PSResourceGet.Cmdlets.InstallPSResource")
            .synopsis("Installs resources from a registered repository.")
            .description(installs)
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The names of the resources to install."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("TrustRepository", types::SWITCH).help("Installs without asking about the repository."))
            .param(ParamDef::new("Reinstall", types::SWITCH).help("Installs again over an installed version."))
            .param(ParamDef::new("AcceptLicense", types::SWITCH).help("Accepts the license agreement."))
            .param(ParamDef::new("Quiet", types::SWITCH).help("Shows no progress."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the installed resource."))
            .example("Install the Teams module", "Install-PSResource -Name MicrosoftTeams -Scope CurrentUser -TrustRepository", "Nothing is downloaded offline; the module counts as installed.")),
        resource_params(CmdletDef::new("Update-PSResource", PSRESOURCEGET, update_resource)
            .class("Microsoft.PowerShell.PSResourceGet.Cmdlets.UpdatePSResource")
            .synopsis("Downloads and installs the newest version of a package already installed on the local machine.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).help("The names of the resources to update (every installed one when left out)."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("TrustRepository", types::SWITCH).help("Installs without asking about the repository."))
            .param(ParamDef::new("AcceptLicense", types::SWITCH).help("Accepts the license agreement."))
            .param(ParamDef::new("Force", types::SWITCH).help("Updates without asking."))
            .param(ParamDef::new("PassThru", types::SWITCH).help("Returns the updated resource."))),
        CmdletDef::new("Uninstall-PSResource", PSRESOURCEGET, uninstall_resource)
            .class("Microsoft.PowerShell.PSResourceGet.Cmdlets.UninstallPSResource")
            .synopsis("Uninstalls a resource that was installed using PowerShellGet.")
            .fidelity(Fidelity::StandIn)
            .should_process()
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).mandatory().from_pipeline().by_property_name().help("The names of the resources to uninstall."))
            .param(ParamDef::new("Version", types::STRING).help("The version or version range."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers."))
            .param(ParamDef::new("SkipDependencyCheck", types::SWITCH).help("Uninstalls even if other resources depend on it.")),
        CmdletDef::new("Get-InstalledPSResource", PSRESOURCEGET, get_installed_resource)
            .class("Microsoft.PowerShell.PSResourceGet.Cmdlets.GetInstalledPSResourceCommand")
            .synopsis("Returns modules and scripts installed on the machine via PowerShellGet.")
            .fidelity(Fidelity::StandIn)
            .alias("Get-PSResource")
            .param(ParamDef::new("Name", types::STRING_ARRAY).position(0).help("The names of the resources (wildcards allowed)."))
            .param(ParamDef::new("Version", types::STRING).help("The version or version range."))
            .param(ParamDef::new("Path", types::STRING).help("The folder to look in."))
            .param(ParamDef::new("Scope", SCOPE).help("CurrentUser or AllUsers.")),
    ]
}

// ----- Import-Module and Get-Module ----------------------------------------------------------

fn module_not_found(ctx: &CommandContext<'_>, name: &str) -> ErrorRecord {
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
    let (mut imported, uninstalled) = module_state(ctx);
    for name in names(b) {
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
        let Some(m) =
            find(&name).filter(|m| !uninstalled.iter().any(|u| u.eq_ignore_ascii_case(m.name)))
        else {
            let r = module_not_found(ctx, &name);
            ctx.write_error(r)?;
            continue;
        };
        for n in std::iter::once(m.name).chain(m.imports.iter().copied()) {
            if !imported.iter().any(|i| i.eq_ignore_ascii_case(n)) {
                imported.push(n.to_string());
            }
        }
        if b.switch("PassThru") {
            let info = module_info(ctx, m, false);
            ctx.write_object(info);
        }
    }
    save_module_state(ctx, imported, uninstalled);
    Ok(())
}

fn get_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let patterns = names(b);
    let (imported, _) = module_state(ctx);
    let list_available = b.switch("ListAvailable");
    let mut found: Vec<&Module> = MODULES
        .iter()
        .filter(|m| {
            if list_available {
                is_installed(ctx, m)
            } else {
                imported.iter().any(|i| i.eq_ignore_ascii_case(m.name))
            }
        })
        .filter(|m| patterns.is_empty() || patterns.iter().any(|p| wildcard(p, m.name)))
        .collect();
    // Grouped by folder (the user's first, as $env:PSModulePath lists them), then by name.
    found.sort_by_key(|m| (m.home != Home::User, m.name.to_ascii_lowercase()));
    for m in found {
        let info = module_info(ctx, m, list_available);
        ctx.write_object(info);
    }
    Ok(())
}

// ----- PowerShellGet -------------------------------------------------------------------------

/// The gallery's modules matching the names (all when none given), and the names that match
/// nothing.
fn gallery_matches(names: &[String]) -> (Vec<&'static Module>, Vec<String>) {
    let gallery: Vec<&Module> = MODULES.iter().filter(|m| m.home == Home::User).collect();
    if names.is_empty() {
        return (gallery, Vec::new());
    }
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        let hits: Vec<&Module> = gallery
            .iter()
            .copied()
            .filter(|m| wildcard(n, m.name))
            .collect();
        if hits.is_empty() && !has_wildcard(n) {
            missing.push(n.clone());
        }
        for h in hits {
            if !found.iter().any(|f: &&Module| f.name == h.name) {
                found.push(h);
            }
        }
    }
    (found, missing)
}

fn find_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = gallery_matches(&names(b));
    for m in found {
        let installed = is_installed(ctx, m);
        ctx.write_object(repository_item(m, installed));
    }
    for name in missing {
        let r = module_internal_error(
            ctx,
            "Find-Package",
            "Microsoft.PowerShell.PackageManagement.Cmdlets.FindPackage",
            format!(
                "No match was found for the specified search criteria and module name '{name}'.\nTry Get-PSRepository to see all available registered module repositories."
            ),
            "NoMatchFoundForCriteria",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

/// Installs (or re-installs) emulated modules; the names the gallery lacks are returned.
fn install(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    action: &str,
) -> Result<Vec<String>, Flow> {
    let (found, missing) = gallery_matches(&names(b));
    let (imported, mut uninstalled) = module_state(ctx);
    for m in found {
        let version = b
            .string("RequiredVersion")
            .unwrap_or_else(|| m.version.to_string());
        let target = format!("Version '{version}' of module '{}'", m.name);
        if !ctx.should_process(&target, action)? {
            continue;
        }
        let was_installed = !uninstalled.iter().any(|u| u.eq_ignore_ascii_case(m.name));
        if was_installed && !b.switch("Force") && !b.switch("Reinstall") {
            if action == "Install-PSResource" {
                ctx.write_warning(&format!(
                    "Resource '{}' with version '{}' is already installed.  If you would like to reinstall, please run the cmdlet again with the -Reinstall parameter",
                    m.name, m.version
                ))?;
            } else {
                ctx.write_verbose(&format!(
                    "Version '{}' of module '{}' is already installed at '{}'.",
                    m.version,
                    m.name,
                    module_base(m)
                ));
            }
        }
        uninstalled.retain(|u| !u.eq_ignore_ascii_case(m.name));
        if b.switch("PassThru") {
            let item = if action == "Install-PSResource" {
                resource_info(m, true)
            } else {
                repository_item(m, true)
            };
            ctx.write_object(item);
        }
    }
    save_module_state(ctx, imported, uninstalled);
    Ok(missing)
}

fn install_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for name in install(ctx, b, "Install-Module")? {
        let r = module_internal_error(
            ctx,
            "Install-Package",
            "Microsoft.PowerShell.PackageManagement.Cmdlets.InstallPackage",
            format!(
                "No match was found for the specified search criteria and module name '{name}'.\nTry Get-PSRepository to see all available registered module repositories."
            ),
            "NoMatchFoundForCriteria",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

/// The installed emulated modules the names select (all when none given), and the names that
/// select no installed module.
fn installed_matches(
    ctx: &CommandContext<'_>,
    names: &[String],
) -> (Vec<&'static Module>, Vec<String>) {
    let installed: Vec<&Module> = MODULES
        .iter()
        .filter(|m| m.home == Home::User && is_installed(ctx, m))
        .collect();
    if names.is_empty() {
        return (installed, Vec::new());
    }
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for n in names {
        let hits: Vec<&Module> = installed
            .iter()
            .copied()
            .filter(|m| wildcard(n, m.name))
            .collect();
        if hits.is_empty() && !has_wildcard(n) {
            missing.push(n.clone());
        }
        for h in hits {
            if !found.iter().any(|f: &&Module| f.name == h.name) {
                found.push(h);
            }
        }
    }
    (found, missing)
}

fn update_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = installed_matches(ctx, &names(b));
    for m in found {
        if !ctx.should_process(m.name, "Update-Module")? {
            continue;
        }
        ctx.write_verbose(&format!("No updates were found for module '{}'.", m.name));
        if b.switch("PassThru") {
            ctx.write_object(repository_item(m, true));
        }
    }
    for name in missing {
        // PowerShellGet's Update-Module reports this with Write-Error.
        let mut r = ctx.error(
            "Microsoft.PowerShell.Commands.WriteErrorException",
            format!(
                "Module '{name}' was not updated because no valid module was found in the module directory. Verify that the module is located in the folder specified by $env:PSModulePath."
            ),
            "ModuleNotInstalledOnThisMachine",
            ErrorCategory::InvalidOperation,
        );
        r.command_class = String::new();
        r.activity = "Write-Error".into();
        r.target_name = name.clone();
        r.target_type = "String".into();
        r.target_object = Some(Value::str(&name));
        ctx.write_error(r)?;
    }
    Ok(())
}

/// Uninstalls the installed emulated modules the names select; returns the names that select
/// none.
fn uninstall(
    ctx: &mut CommandContext<'_>,
    b: &BoundParameters,
    action: &str,
) -> Result<Vec<String>, Flow> {
    let given = names(b);
    let (found, missing) = installed_matches(ctx, &given);
    let (mut imported, mut uninstalled) = module_state(ctx);
    for m in found {
        if !ctx.should_process(
            &format!("Version '{}' of module '{}'", m.version, m.name),
            action,
        )? {
            continue;
        }
        if !uninstalled.iter().any(|u| u.eq_ignore_ascii_case(m.name)) {
            uninstalled.push(m.name.to_string());
        }
        imported.retain(|i| !i.eq_ignore_ascii_case(m.name));
    }
    save_module_state(ctx, imported, uninstalled);
    Ok(missing)
}

fn uninstall_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for name in uninstall(ctx, b, "Uninstall-Module")? {
        let r = module_internal_error(
            ctx,
            "Uninstall-Package",
            "Microsoft.PowerShell.PackageManagement.Cmdlets.UninstallPackage",
            format!(
                "No match was found for the specified search criteria and module names '{name}'."
            ),
            "NoMatchFound",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

fn get_installed_module(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = installed_matches(ctx, &names(b));
    for m in found {
        ctx.write_object(repository_item(m, true));
    }
    for name in missing {
        let r = module_internal_error(
            ctx,
            "Get-Package",
            "Microsoft.PowerShell.PackageManagement.Cmdlets.GetPackage",
            format!(
                "No match was found for the specified search criteria and module names '{name}'."
            ),
            "NoMatchFound",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

// ----- PSResourceGet -------------------------------------------------------------------------

fn find_resource(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = gallery_matches(&names(b));
    for m in found {
        let installed = is_installed(ctx, m);
        ctx.write_object(resource_info(m, installed));
    }
    for name in missing {
        let r = cmdlet_error(
            ctx,
            "Microsoft.PowerShell.PSResourceGet.UtilClasses.ResourceNotFoundException",
            format!("Package '{name}' could not be found in any registered repositories."),
            "PackageNotFound",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

fn install_resource(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for name in install(ctx, b, "Install-PSResource")? {
        let r = cmdlet_error(
            ctx,
            "Microsoft.PowerShell.PSResourceGet.UtilClasses.ResourceNotFoundException",
            format!("Package(s) '{name}' could not be installed from repository '{GALLERY}'."),
            "InstallPackageFailure",
            ErrorCategory::InvalidData,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

fn update_resource(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = installed_matches(ctx, &names(b));
    for m in found {
        if !ctx.should_process(m.name, "Update-PSResource")? {
            continue;
        }
        if b.switch("PassThru") {
            ctx.write_object(resource_info(m, true));
        }
    }
    let scope = b.string("Scope").unwrap_or_else(|| "CurrentUser".into());
    for name in missing {
        let r = cmdlet_error(
            ctx,
            "System.Management.Automation.PSInvalidOperationException",
            format!(
                "No installed packages were found with name '{name}' in scope '{scope}'. First install package using 'Install-PSResource'."
            ),
            "NoInstalledPackagesFoundWithNameProvided",
            ErrorCategory::InvalidOperation,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

fn uninstall_resource(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    for name in uninstall(ctx, b, "Uninstall-PSResource")? {
        let r = cmdlet_error(
            ctx,
            "Microsoft.PowerShell.PSResourceGet.UtilClasses.ResourceNotFoundException",
            format!("Cannot uninstall resource '{name}' because it does not exist"),
            "ResourceNotInstalled",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}

fn get_installed_resource(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let (found, missing) = installed_matches(ctx, &names(b));
    for m in found {
        ctx.write_object(resource_info(m, true));
    }
    for name in missing {
        let r = cmdlet_error(
            ctx,
            "Microsoft.PowerShell.PSResourceGet.UtilClasses.ResourceNotFoundException",
            format!("No match was found for package '{name}'."),
            "InstalledPackageNotFound",
            ErrorCategory::ObjectNotFound,
        );
        ctx.write_error(r)?;
    }
    Ok(())
}
