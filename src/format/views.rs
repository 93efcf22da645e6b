//! Which view (list or table, and which properties) an object gets, keyed by type name like
//! pwsh's format data, plus the default rule for types without one (≤ 4 properties → table,
//! ≥ 5 → list; `PropertyCountForTable` = 4). Adding a view is one line in `VIEWS`. Also owns
//! property lookup for formatting (GUIDs have a `Guid` property, hashtables become
//! `DictionaryEntry` rows). Must not render text.

use crate::runtime::timespan::{
    PROPERTIES as TIMESPAN_PROPERTIES, VIEW_PROPERTIES as TIMESPAN_VIEW,
};
use crate::runtime::value::PSCUSTOMOBJECT;
use crate::runtime::{PsObject, Value};

/// pwsh's `PropertyCountForTable`: objects with more properties default to a list.
pub const PROPERTY_COUNT_FOR_TABLE: usize = 4;

/// Type name of the rows a hashtable is shown as.
pub const DICTIONARY_ENTRY: &str = "System.Collections.DictionaryEntry";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    List,
    Table,
}

#[derive(Clone, Copy, Debug)]
pub enum Columns {
    /// These properties, in this order.
    Named(&'static [&'static str]),
    /// Every property, in definition order.
    All,
}

/// A view's computed cell: the text of column `label` for an object (pwsh's script-block and
/// code-property columns such as the file table's `LastWriteTimeString`); `None` falls back to
/// the property of that name.
pub type CellFn = fn(&Value, &str) -> Option<Value>;

/// A view's GroupBy: the group header line for an object (pwsh starts a new group, with its own
/// header and table, whenever this changes).
pub type GroupFn = fn(&Value) -> Option<String>;

/// One entry of the built-in format data.
#[derive(Clone, Copy, Debug)]
pub struct ViewDef {
    pub type_name: &'static str,
    pub shape: Shape,
    pub columns: Columns,
    /// Fixed column widths for table views (0 = sized from the data); empty = all sized.
    pub widths: &'static [usize],
    /// Right-aligned columns of a table view (empty = all left, the format-data default).
    pub right: &'static [bool],
    pub cells: Option<CellFn>,
    pub group: Option<GroupFn>,
}

const fn list(type_name: &'static str, props: &'static [&'static str]) -> ViewDef {
    ViewDef {
        type_name,
        shape: Shape::List,
        columns: Columns::Named(props),
        widths: &[],
        right: &[],
        cells: None,
        group: None,
    }
}

const fn list_all(type_name: &'static str) -> ViewDef {
    ViewDef {
        type_name,
        shape: Shape::List,
        columns: Columns::All,
        widths: &[],
        right: &[],
        cells: None,
        group: None,
    }
}

const fn table(type_name: &'static str, props: &'static [&'static str]) -> ViewDef {
    ViewDef {
        type_name,
        shape: Shape::Table,
        columns: Columns::Named(props),
        widths: &[],
        right: &[],
        cells: None,
        group: None,
    }
}

const fn table_sized(
    type_name: &'static str,
    props: &'static [&'static str],
    widths: &'static [usize],
) -> ViewDef {
    ViewDef {
        type_name,
        shape: Shape::Table,
        columns: Columns::Named(props),
        widths,
        right: &[],
        cells: None,
        group: None,
    }
}

/// Get-ChildItem's table (pwsh's FileSystem `children` view, the Windows layout): grouped by
/// the parent folder (`    Directory: <path>`), Mode 7, LastWriteTime 26 (right), Length 14
/// (right), then Name. Files and folders share it through the `System.IO.FileSystemInfo` type
/// name.
const FILE_SYSTEM: ViewDef = ViewDef {
    type_name: "System.IO.FileSystemInfo",
    shape: Shape::Table,
    columns: Columns::Named(&["Mode", "LastWriteTime", "Length", "Name"]),
    widths: &[7, 26, 14, 0],
    right: &[false, true, true, false],
    cells: Some(file_system_cell),
    group: Some(file_system_group),
};

/// The file table's cells: `ModeWithoutHardLink`, `LastWriteTimeString` (en-US
/// `{0,10:d} {0,8:t}`), `LengthString` (empty for folders) and the name.
fn file_system_cell(item: &Value, label: &str) -> Option<Value> {
    match label {
        "LastWriteTime" => match item.property("LastWriteTime")? {
            Value::DateTime(dt) => {
                let (hour, ampm) = match dt.hour() {
                    0 => (12, "AM"),
                    h @ 1..=11 => (h, "AM"),
                    12 => (12, "PM"),
                    h => (h - 12, "PM"),
                };
                let date = format!("{}/{}/{}", dt.month() as u8, dt.day(), dt.year());
                let time = format!("{hour}:{:02} {ampm}", dt.minute());
                Some(Value::str(format!("{date:>10} {time:>8}")))
            }
            _ => None,
        },
        "Length" => Some(match item.property("PSIsContainer") {
            Some(Value::Bool(true)) => Value::str(""),
            _ => Value::str(item.property("Length")?.to_ps_string()),
        }),
        _ => None,
    }
}

/// Test-EmuAppAccess's rows fit 80 columns: the user's display name under `User` (the
/// property holds the UPN; `app_access_cell`), the app, the verdict, and the short reason in the rest.
const APP_ACCESS: ViewDef = ViewDef {
    type_name: "aapsh.AppAccess",
    shape: Shape::Table,
    columns: Columns::Named(&["User", "App", "Access", "Why"]),
    widths: &[17, 22, 9, 0],
    right: &[],
    cells: Some(app_access_cell),
    group: None,
};

/// Get-EmuEffectivePolicy's rows fit 80 columns the same way: the user's display name, the
/// policy, its route, and what Graph uses now (`GraphRoute` is in Format-List).
const EFFECTIVE_POLICY: ViewDef = ViewDef {
    type_name: "aapsh.EffectivePolicy",
    shape: Shape::Table,
    columns: Columns::Named(&["User", "Policy", "Route", "GraphPolicy"]),
    widths: &[17, 16, 28, 0],
    right: &[],
    cells: Some(app_access_cell),
    group: None,
};

fn app_access_cell(item: &Value, label: &str) -> Option<Value> {
    match label {
        "User" => match item.property("UserName")? {
            Value::String(s) if !s.is_empty() => Some(Value::String(s)),
            _ => None,
        },
        _ => None,
    }
}

/// The file table's group header: the folder the item is in (pwsh's `PSParentPath` without its
/// provider prefix), indented four spaces.
fn file_system_group(item: &Value) -> Option<String> {
    let parent = item.property("PSParentPath")?.to_ps_string();
    let folder = parent
        .strip_prefix("Microsoft.PowerShell.Core\\FileSystem::")
        .unwrap_or(&parent);
    Some(format!("    Directory: {folder}"))
}

/// Get-Module -ListAvailable's group header: the module folder the module is in (its
/// ModuleBase without the module's own folder and version folder), indented four spaces.
fn module_group(item: &Value) -> Option<String> {
    let base = item.property("ModuleBase")?.to_ps_string();
    let sep = if base.contains('\\') { '\\' } else { '/' };
    let (parent, last) = base.rsplit_once(sep)?;
    let root = if last.chars().all(|c| c.is_ascii_digit() || c == '.') {
        parent.rsplit_once(sep)?.0
    } else {
        parent
    };
    Some(format!("    Directory: {root}"))
}

/// Get-Member's table (pwsh's MemberDefinition view): grouped by the type name
/// (`   TypeName: System.String`).
const MEMBER_DEFINITION: ViewDef = ViewDef {
    type_name: "Microsoft.PowerShell.Commands.MemberDefinition",
    shape: Shape::Table,
    columns: Columns::Named(&["Name", "MemberType", "Definition"]),
    widths: &[],
    right: &[],
    cells: None,
    group: Some(member_group),
};

fn member_group(item: &Value) -> Option<String> {
    Some(format!(
        "   TypeName: {}",
        item.property("TypeName")?.to_ps_string()
    ))
}

/// The built-in views, one line each.
pub const VIEWS: &[ViewDef] = &[
    FILE_SYSTEM,
    MEMBER_DEFINITION,
    // A type object (`[int]`): pwsh's System.RuntimeType table.
    table_sized(
        "System.RuntimeType",
        &["IsPublic", "IsSerial", "Name", "BaseType"],
        &[8, 8, 40, 0],
    ),
    // Get-Location and $PWD.
    table("System.Management.Automation.PathInfo", &["Path"]),
    list(
        "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.ApplicationAccessPolicy",
        &["Identity", "AppIds", "Description"],
    ),
    list_all("Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser"),
    table(
        "Microsoft.TeamsCmdlets.Powershell.Connect.Models.PSAzureContext",
        &["Account", "Environment", "Tenant", "TenantId"],
    ),
    table(
        "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicy",
        &["PolicyType", "PolicyName", "PolicySource"],
    ),
    table(
        "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.GroupAssignment",
        &[
            "GroupId",
            "PolicyType",
            "PolicyName",
            "Rank",
            "CreatedTime",
            "CreatedBy",
        ],
    ),
    table(
        "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.PolicyAssignment",
        &["AssignmentType", "PolicyName", "Reference"],
    ),
    table(
        "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.BatchAssignmentOperation",
        &[
            "OperationId",
            "OperationName",
            "OverallStatus",
            "CreatedTime",
            "CreatedBy",
        ],
    ),
    table(
        "Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.BatchAssignmentUserState",
        &["Id", "Result", "State"],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphUser",
        &["DisplayName", "Id", "Mail", "UserPrincipalName"],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphGroup",
        &[
            "DisplayName",
            "Id",
            "MailNickname",
            "Description",
            "GroupTypes",
        ],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphApplication",
        &[
            "DisplayName",
            "Id",
            "AppId",
            "SignInAudience",
            "PublisherDomain",
        ],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphDirectoryObject",
        &["Id", "DeletedDateTime"],
    ),
    list(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOnlineMeeting",
        &[
            "Subject",
            "Id",
            "StartDateTime",
            "EndDateTime",
            "JoinWebUrl",
        ],
    ),
    list_all("Microsoft.Graph.PowerShell.Authentication.AuthContext"),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOrganization",
        &["Id", "DisplayName"],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphServicePrincipal",
        &[
            "DisplayName",
            "Id",
            "AppId",
            "SignInAudience",
            "ServicePrincipalType",
        ],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphAppRoleAssignment",
        &[
            "Id",
            "AppRoleId",
            "CreatedDateTime",
            "DeletedDateTime",
            "PrincipalDisplayName",
            "PrincipalId",
            "PrincipalType",
            "ResourceDisplayName",
        ],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphOAuth2PermissionGrant",
        &[
            "Id",
            "ClientId",
            "ConsentType",
            "PrincipalId",
            "ResourceId",
            "Scope",
        ],
    ),
    table(
        "Microsoft.Graph.PowerShell.Models.MicrosoftGraphTeam",
        &["Id", "DisplayName", "Description", "IsArchived"],
    ),
    APP_ACCESS,
    EFFECTIVE_POLICY,
    // Get-EmuLab -ListAvailable: the title last, so a narrow window cuts only it.
    ViewDef {
        type_name: "aapsh.LabInfo",
        shape: Shape::Table,
        columns: Columns::Named(&["Number", "Name", "Steps", "Title"]),
        widths: &[6, 16, 5, 0],
        right: &[true, false, true, false],
        cells: None,
        group: None,
    },
    list(
        "aapsh.PropagationDelay",
        &[
            "Delay",
            "PendingChanges",
            "NextArrival",
            "LastArrival",
            "GraphErrorStyle",
        ],
    ),
    table(
        "aapsh.Snapshot",
        &[
            "Name",
            "SavedAt",
            "Users",
            "Groups",
            "Applications",
            "Policies",
        ],
    ),
    table(
        "aapsh.AuditEntry",
        &["Time", "Command", "Outcome", "Parameters"],
    ),
    // pwsh's DictionaryEntry view: Name is 30 wide, Value takes the rest.
    table_sized(DICTIONARY_ENTRY, &["Name", "Value"], &[30, 0]),
    list(DICTIONARY_ENTRY, &["Name", "Value"]),
    // DotNetTypes.format.ps1xml's System.Version table.
    table_sized(
        "System.Version",
        &["Major", "Minor", "Build", "Revision"],
        &[6, 6, 6, 8],
    ),
    // Get-Variable (pwsh's Variable view: Name 30 wide, Value the rest).
    table_sized(
        "System.Management.Automation.PSVariable",
        &["Name", "Value"],
        &[30, 0],
    ),
    table("System.Guid", &["Guid"]),
    // pwsh's System.TimeSpan views: a list by default, a table for Format-Table.
    list("System.TimeSpan", TIMESPAN_VIEW),
    table(
        "System.TimeSpan",
        &["Days", "Hours", "Minutes", "Seconds", "Milliseconds"],
    ),
    // `$PSVersionTable.PSVersion` (pwsh 6+ SemanticVersion).
    table(
        "System.Management.Automation.SemanticVersion",
        &["Major", "Minor", "Patch", "PreReleaseLabel", "BuildLabel"],
    ),
    // Get-Module -ListAvailable output (pwsh's ModuleInfoGrouping view, grouped by folder)
    // and Get-Module.
    ViewDef {
        group: Some(module_group),
        ..table_sized(
            "ModuleInfoGrouping",
            &[
                "ModuleType",
                "Version",
                "PreRelease",
                "Name",
                "PSEdition",
                "ExportedCommands",
            ],
            &[10, 10, 10, 35, 9, 0],
        )
    },
    // PowerShellGet's PSRepositoryItemInfo view (Find-Module, Get-InstalledModule) and
    // PSResourceGet's PSResourceInfo view (Find-PSResource, Get-InstalledPSResource), as their
    // PSGet.Format.ps1xml files in pwsh 7.6.10 define them.
    table_sized(
        "Microsoft.PowerShell.Commands.PSRepositoryItemInfo",
        &["Version", "Name", "Repository", "Description"],
        &[20, 35, 20, 0],
    ),
    table(
        "Microsoft.PowerShell.PSResourceGet.UtilClasses.PSResourceInfo",
        &["Name", "Version", "Prerelease", "Repository", "Description"],
    ),
    table_sized(
        "System.Management.Automation.PSModuleInfo",
        &[
            "ModuleType",
            "Version",
            "PreRelease",
            "Name",
            "ExportedCommands",
        ],
        &[10, 10, 10, 35, 0],
    ),
    // Group-Object output: Count is 5 wide, Name 25 (pwsh right-aligns Count).
    // (PowerShellCore_format_ps1xml.cs: `AddHeader(Alignment.Right, label: "Count", width: 5)`.)
    ViewDef {
        right: &[true, false, false],
        ..table_sized(
            "Microsoft.PowerShell.Commands.GroupInfo",
            &["Count", "Name", "Group"],
            &[5, 25, 0],
        )
    },
    ViewDef {
        right: &[true, false],
        ..table_sized(
            "Microsoft.PowerShell.Commands.GroupInfoNoElement",
            &["Count", "Name"],
            &[5, 25],
        )
    },
    // Get-Culture (pwsh's CultureInfo view: LCID and Name 16 wide, then DisplayName).
    table_sized(
        "System.Globalization.CultureInfo",
        &["LCID", "Name", "DisplayName"],
        &[16, 16, 0],
    ),
    // Get-Command, Get-Alias and Get-History (pwsh's CommandInfo view: 15, 50 and 10 wide,
    // then Source; an alias shows as `gci -> Get-ChildItem`).
    ViewDef {
        cells: Some(command_cell),
        ..table_sized(
            "System.Management.Automation.CommandInfo",
            &["CommandType", "Name", "Version", "Source"],
            &[15, 50, 10, 0],
        )
    },
    HISTORY,
    // Exchange Online (the module's format data: the columns its tables show).
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.Management.Mailbox",
        &[
            "Name",
            "Alias",
            "Database",
            "ProhibitSendQuota",
            "ExternalDirectoryObjectId",
        ],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.Management.ReducedRecipient",
        &["Name", "RecipientType"],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.Management.DistributionGroup",
        &["Name", "DisplayName", "GroupType", "PrimarySmtpAddress"],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.Management.ServicePrincipal",
        &["DisplayName", "ObjectId", "AppId"],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ManagementScope",
        &[
            "Name",
            "ScopeRestrictionType",
            "Exclusive",
            "RecipientRoot",
            "RecipientFilter",
            "ServerFilter",
        ],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration.ExchangeRoleAssignment",
        &[
            "Name",
            "Role",
            "RoleAssigneeName",
            "RoleAssigneeType",
            "AssignmentMethod",
            "CustomResourceScope",
        ],
    ),
    table(
        "Deserialized.Microsoft.Exchange.Management.RbacTasks.ServicePrincipalAuthorizationResult",
        &[
            "RoleName",
            "GrantedPermissions",
            "AllowedResourceScope",
            "ScopeType",
            "InScope",
        ],
    ),
    table(
        "aapsh.MailboxAccess",
        &["User", "App", "Read", "Write", "Send"],
    ),
];

/// Get-History (pwsh 7.6.10 showed `  Id     Duration CommandLine`: Id right-aligned in 4,
/// Duration in 12 as seconds with three decimals, then the command line).
const HISTORY: ViewDef = ViewDef {
    type_name: "Microsoft.PowerShell.Commands.HistoryInfo",
    shape: Shape::Table,
    columns: Columns::Named(&["Id", "Duration", "CommandLine"]),
    widths: &[4, 12, 0],
    right: &[true, true, false],
    cells: Some(history_cell),
    group: None,
};

/// The CommandInfo table's Name column: an alias's DisplayName (`% -> ForEach-Object`).
fn command_cell(item: &Value, label: &str) -> Option<Value> {
    match label {
        "Name" => item.property("DisplayName"),
        _ => None,
    }
}

fn history_cell(item: &Value, label: &str) -> Option<Value> {
    match (label, item.property(label)?) {
        ("Duration", Value::TimeSpan(ts)) => {
            let seconds = ts.to_duration().as_seconds_f64();
            Some(Value::str(format!("{seconds:.3}")))
        }
        _ => None,
    }
}

/// A column of a resolved view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub label: String,
    /// Fixed width, or 0 to size from the data.
    pub width: usize,
}

/// A resolved view for one object: its shape, its columns, and the key objects must share to
/// join the same Out-Default group.
#[derive(Clone, Debug)]
pub struct View {
    pub key: String,
    pub shape: Shape,
    pub columns: Vec<Column>,
    /// True for views from format data: cells keep the view's (left) alignment instead of
    /// right-aligning numbers as auto-generated tables do.
    pub from_format_data: bool,
    /// Right-aligned columns from format data (empty = none).
    pub right: Vec<bool>,
    pub cells: Option<CellFn>,
    /// This object's group header, for views with a GroupBy.
    pub group: Option<String>,
}

/// Views compare by everything but their computed-cell function (two views of one type
/// share it).
impl PartialEq for View {
    fn eq(&self, other: &View) -> bool {
        self.key == other.key
            && self.shape == other.shape
            && self.columns == other.columns
            && self.from_format_data == other.from_format_data
            && self.right == other.right
            && self.group == other.group
    }
}

impl Eq for View {}

/// The most specific type name of a formattable value.
pub(crate) fn type_names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(o) => {
            let o = o.borrow();
            if o.type_names.is_empty() {
                vec![PSCUSTOMOBJECT.to_string()]
            } else {
                o.type_names.clone()
            }
        }
        other => vec![other.type_name()],
    }
}

/// The built-in view for the most specific of the value's type names that has one (the
/// type's first view when it has several, as pwsh picks the first).
pub fn find_view(value: &Value) -> Option<&'static ViewDef> {
    type_names(value)
        .iter()
        .find_map(|name| VIEWS.iter().find(|v| v.type_name == name.as_str()))
}

/// The built-in view of this shape for the most specific type name that has one.
fn find_view_shaped(value: &Value, shape: Shape) -> Option<&'static ViewDef> {
    type_names(value).iter().find_map(|name| {
        VIEWS
            .iter()
            .find(|v| v.type_name == name.as_str() && v.shape == shape)
    })
}

/// The view Format-Table starts from: the type's table view when it has one (System.TimeSpan
/// has a list view first and a table view second), else the default view.
pub fn table_view(value: &Value) -> Option<View> {
    match find_view_shaped(value, Shape::Table) {
        Some(def) => Some(view_from_def(def, value)),
        None => default_view(value),
    }
}

/// A built-in view resolved for one value.
fn view_from_def(def: &ViewDef, value: &Value) -> View {
    View {
        key: def.type_name.to_string(),
        shape: def.shape,
        columns: resolve(def, value),
        from_format_data: true,
        right: def.right.to_vec(),
        cells: def.cells,
        group: def.group.and_then(|g| g(value)),
    }
}

fn resolve(def: &ViewDef, value: &Value) -> Vec<Column> {
    let names: Vec<String> = match def.columns {
        Columns::Named(props) => props.iter().map(|p| p.to_string()).collect(),
        Columns::All => property_names(value),
    };
    names
        .into_iter()
        .enumerate()
        .map(|(i, label)| Column {
            label,
            width: def.widths.get(i).copied().unwrap_or(0),
        })
        .collect()
}

fn plain_columns(names: Vec<String>) -> Vec<Column> {
    names
        .into_iter()
        .map(|label| Column { label, width: 0 })
        .collect()
}

/// The view Out-Default uses for an object, or `None` for values that are not property bags
/// (scalars, dates, errors, `$null`) and for objects without properties.
pub fn default_view(value: &Value) -> Option<View> {
    if let Some(def) = find_view(value) {
        return Some(view_from_def(def, value));
    }
    if !matches!(value, Value::Object(_)) {
        return None;
    }
    let names = property_names(value);
    if names.is_empty() {
        return None;
    }
    let shape = if names.len() <= PROPERTY_COUNT_FOR_TABLE {
        Shape::Table
    } else {
        Shape::List
    };
    Some(View {
        key: type_names(value).remove(0),
        shape,
        columns: plain_columns(names),
        from_format_data: false,
        right: Vec::new(),
        cells: None,
        group: None,
    })
}

/// Columns for Format-List / Format-Table: the caller's property names (`*` = all), or else
/// the properties of the type's view of that shape (a list view for Format-List, a table view
/// for Format-Table), or else all properties, as pwsh does when the type has no such view.
pub fn explicit_columns(value: &Value, properties: Option<&[String]>, shape: Shape) -> Vec<Column> {
    match properties {
        Some(props) if props.iter().any(|p| p == "*") => plain_columns(property_names(value)),
        Some(props) => plain_columns(props.to_vec()),
        None => match find_view_shaped(value, shape) {
            Some(def) => resolve(def, value)
                .into_iter()
                .map(|c| Column { width: 0, ..c })
                .collect(),
            None => plain_columns(property_names(value)),
        },
    }
}

/// Property names in definition order.
pub fn property_names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(o) => o.borrow().property_names(),
        Value::Guid(_) => vec!["Guid".into()],
        Value::String(_) => vec!["Length".into()],
        Value::TimeSpan(_) => TIMESPAN_PROPERTIES.iter().map(|p| p.to_string()).collect(),
        _ => Vec::new(),
    }
}

/// A property for display, case-insensitively. GUIDs expose `Guid`; error records their
/// `$_.X` properties.
pub fn property(value: &Value, name: &str) -> Option<Value> {
    match value {
        Value::Guid(_) if name.eq_ignore_ascii_case("Guid") => Some(value.clone()),
        Value::String(s) if name.eq_ignore_ascii_case("Length") => {
            Some(Value::integer(s.encode_utf16().count() as i64))
        }
        other => other.property(name),
    }
}

/// What the formatter shows for one pipeline object: a hashtable is shown as its entries
/// (`DictionaryEntry` objects with Name, Key and Value), anything else as itself.
pub fn display_items(value: &Value) -> Vec<Value> {
    match value {
        Value::Type(t) => vec![Value::object(crate::runtime::dotnet::type_object(t))],
        Value::Hashtable(table) if table.borrow().generic.is_some() => {
            let table = table.borrow();
            let types = table.generic.clone().unwrap_or_default();
            crate::runtime::dotnet::generic::key_value_pairs(&types, &table)
        }
        Value::Hashtable(table) => table
            .borrow()
            .iter()
            .map(|(k, v)| {
                Value::object(
                    PsObject::new(DICTIONARY_ENTRY)
                        .with("Name", k.clone())
                        .with("Key", k.clone())
                        .with("Value", v.clone()),
                )
            })
            .collect(),
        other => vec![other.clone()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::Hashtable;

    fn custom(n: usize) -> Value {
        let mut o = PsObject::custom();
        for i in 0..n {
            o.set(&format!("P{i}"), Value::integer(i as i64));
        }
        Value::object(o)
    }

    #[test]
    fn property_count_decides_shape() {
        assert_eq!(
            default_view(&custom(4)).map(|v| v.shape),
            Some(Shape::Table)
        );
        assert_eq!(default_view(&custom(5)).map(|v| v.shape), Some(Shape::List));
        assert_eq!(default_view(&custom(0)), None);
        assert_eq!(default_view(&Value::integer(3)), None);
    }

    #[test]
    fn most_specific_type_name_with_a_view_wins() {
        let mut o = PsObject::new("Some.Unknown.Type")
            .with("Identity", Value::str("Global"))
            .with("Extra", Value::Null);
        o.type_names.push(
            "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.ApplicationAccessPolicy"
                .into(),
        );
        let view = default_view(&Value::object(o)).expect("view");
        assert_eq!(view.shape, Shape::List);
        let labels: Vec<_> = view.columns.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Identity", "AppIds", "Description"]);
    }

    #[test]
    fn hashtables_become_entries_and_guids_have_a_property() {
        let mut h = Hashtable::new(true);
        h.insert(Value::str("a"), Value::integer(1));
        let items = display_items(&Value::hashtable(h));
        assert_eq!(items.len(), 1);
        let view = default_view(&items[0]).expect("view");
        assert_eq!(
            view.columns[0],
            Column {
                label: "Name".into(),
                width: 30
            }
        );
        let g = Value::Guid(uuid::Uuid::nil());
        assert!(property(&g, "guid").is_some());
        assert_eq!(default_view(&g).map(|v| v.shape), Some(Shape::Table));
    }
}
