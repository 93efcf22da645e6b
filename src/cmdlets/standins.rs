//! Offline stand-ins for the credential and object cmdlets every real script calls:
//! Get-Credential, ConvertTo-SecureString and New-Object (PSObject, PSCredential, a few
//! collection types, and the Teams module's app references). The module cmdlets are in
//! `modules`.

use crate::runtime::CmdletDef;
use crate::runtime::conversion;
use crate::runtime::{
    BoundParameters, CommandContext, ErrorCategory, Flow, Hashtable, PsObject, Value,
};
use crate::vocab::{Fidelity, ParamDef, PipelineMode, types};

const SECURITY: &str = "Microsoft.PowerShell.Security";
const UTILITY: &str = "Microsoft.PowerShell.Utility";

pub fn definitions() -> Vec<CmdletDef> {
    vec![
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
        // A class a script defined: its constructor taking the arguments.
        _ if ctx.session.class(typed.trim()).is_some() => {
            let class = ctx.session.class(typed.trim()).expect("checked");
            let span = ctx.command_span;
            ctx.session.construct(&class, args, span)?
        }
        "collections.hashtable" | "hashtable" => Value::hashtable(Hashtable::new(false)),
        "collections.specialized.ordereddictionary" => Value::hashtable(Hashtable::new(true)),
        // Lists are made as `[type]::new(args)` makes them, so they keep Add, Remove, ...
        _ if crate::runtime::dotnet::lists::list_kind_for(&typed).is_some()
            || crate::runtime::dotnet::generic::generic_type_for(&typed).is_some()
            || matches!(
                crate::runtime::dotnet::full_type_name(&typed).as_str(),
                crate::runtime::dotnet::STRING_BUILDER
                    | crate::runtime::dotnet::STOPWATCH
                    | "System.Version"
                    | "System.DateTime"
                    | "System.TimeSpan"
            ) =>
        {
            let span = ctx.command_span;
            ctx.session.new_object(&typed, args, span)?
        }
        "object[]" => Value::array(Vec::new()),
        // The Teams module's app references (New-CsTeamsAppSetupPolicy's documented example:
        // `New-Object -TypeName Microsoft.Teams.Policy.Administration.Cmdlets.Core.PinnedApp
        // -Property @{Id="..."}`), which exist once MicrosoftTeams is loaded.
        _ if is_teams_app_type(bare) => {
            let name = typed.trim().trim_start_matches("System.").to_string();
            let mut o = PsObject::new(name);
            if let Some(Value::Hashtable(props)) = b.get("Property") {
                for (k, v) in props.borrow().iter() {
                    o.set(&k.to_ps_string(), v.clone());
                }
            }
            let id = o.get("Id").map(|v| v.to_ps_string()).unwrap_or_default();
            let text = match o.get("Order") {
                Some(order) => format!("Id={id};Order={}", order.to_ps_string()),
                None => format!("Id={id}"),
            };
            ctx.write_object(Value::object(o.with_text(text)));
            return Ok(());
        }
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

/// `Microsoft.Teams.Policy.Administration.Cmdlets.Core.<App type>` (lowercase, without
/// `system.`).
fn is_teams_app_type(bare: &str) -> bool {
    const APP_TYPES: &[&str] = &[
        "pinnedapp",
        "pinnedmessagebarapp",
        "pinnedcallingbarapp",
        "apppreset",
        "apppresetmeeting",
        "defaultcatalogapp",
        "globalcatalogapp",
        "privatecatalogapp",
        "additionalcustomizationapp",
    ];
    bare.strip_prefix("microsoft.teams.policy.administration.cmdlets.core.")
        .is_some_and(|t| APP_TYPES.contains(&t))
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
