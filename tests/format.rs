//! Byte-exact expectations for the formatter: list and table views, Out-Default grouping,
//! collection rendering, ConciseView and NormalView (fidelity.md §2.5, §2.7, §4).

use std::path::PathBuf;
use std::rc::Rc;

use aapsh::format::{
    ListOptions, OutDefault, TableOptions, format_list, format_table, render_error, render_verbose,
    render_warning,
};
use aapsh::runtime::output::{ErrorView, FormatOptions};
use aapsh::runtime::{
    ErrorCategory, ErrorRecord, ExceptionInfo, Hashtable, InvocationInfo, PsObject, Value,
};
use aapsh::syntax::{SourceFile, Span};

const POLICY: &str =
    "Deserialized.Microsoft.Rtc.Management.WritableConfig.Policy.Teams.ApplicationAccessPolicy";

const ID1: &str = "d39597bf-8407-40ca-92ef-1ec26b885b71";
const ID2: &str = "57caaef9-5ed0-48d5-8862-e5abfa71b3e1";
const ID3: &str = "dc17674c-81d9-4adb-bfb2-8f6a442e4620";
const ID4: &str = "0f7e0c8a-3f4b-4d6e-9a1b-2c3d4e5f6a7b";
const ID5: &str = "11111111-2222-3333-4444-555555555555";

fn opts() -> FormatOptions {
    FormatOptions::default()
}

fn policy(identity: &str, app_ids: &[&str], description: &str) -> Value {
    Value::object(
        PsObject::new(POLICY)
            .with("Identity", Value::str(identity))
            .with(
                "AppIds",
                Value::array(app_ids.iter().map(Value::str).collect()),
            )
            .with("Description", Value::str(description)),
    )
}

fn custom(props: &[(&str, Value)]) -> Value {
    let mut o = PsObject::custom();
    for (name, value) in props {
        o.set(name, value.clone());
    }
    Value::object(o)
}

/// Everything Out-Default prints for these values.
fn out_default(values: &[Value], opts: &FormatOptions) -> String {
    let mut od = OutDefault::new();
    let mut out = String::new();
    for v in values {
        out.push_str(&od.write(v, opts));
    }
    out.push_str(&od.flush(opts));
    out
}

// ---------------------------------------------------------------- list view

#[test]
fn new_policy_prints_as_a_list() {
    // fidelity §4.1
    let v = policy(
        "Tag:MicrosoftTeamsApiTest-policy",
        &["AppID"],
        "For-Test-Only-Description",
    );
    assert_eq!(
        out_default(&[v], &opts()),
        "\nIdentity    : Tag:MicrosoftTeamsApiTest-policy\nAppIds      : {AppID}\nDescription : For-Test-Only-Description\n\n"
    );
}

#[test]
fn get_all_policies_wraps_long_app_ids_and_keeps_trailing_spaces() {
    // fidelity §4.3
    let values = [
        policy("Global", &[], ""),
        policy("Tag:ASimplePolicy", &[ID1, ID2, ID3], "Some description"),
    ];
    let expected = format!(
        "\nIdentity    : Global\nAppIds      : {{}}\nDescription : \n\n\
         Identity    : Tag:ASimplePolicy\nAppIds      : {{{ID1}, {ID2}, \n              {ID3}}}\nDescription : Some description\n\n"
    );
    // English cultures wrap at words (as the Teams documentation shows) ...
    assert_eq!(out_default(&values, &en_us()), expected);
    // ... the invariant culture cuts every 65 characters at 80 columns (pwsh 7.6.10 without
    // LANG).
    let cut = format!(
        "\nIdentity    : Global\nAppIds      : {{}}\nDescription : \n\n\
         Identity    : Tag:ASimplePolicy\nAppIds      : {{{ID1}, 57caaef9-5ed0-48d5-8862-e5\n              abfa71b3e1, {ID3}}}\nDescription : Some description\n\n"
    );
    let narrow = FormatOptions {
        width: 80,
        ..opts()
    };
    assert_eq!(out_default(&values, &narrow), cut);
}

fn en_us() -> FormatOptions {
    FormatOptions {
        culture: &aapsh::runtime::culture::EN_US,
        ..opts()
    }
}

#[test]
fn more_ids_than_the_enumeration_limit_end_in_an_ellipsis() {
    let values = [policy("Tag:Many", &[ID1, ID2, ID3, ID4, ID5], "")];
    let expected = format!(
        "\nIdentity    : Tag:Many\nAppIds      : {{{ID1}, {ID2}, \n              {ID3}, {ID4}\u{2026}}}\nDescription : \n\n"
    );
    assert_eq!(out_default(&values, &en_us()), expected);
}

#[test]
fn enumeration_limit_unlimited_and_zero() {
    let values = [policy("Tag:A", &["a", "b", "c", "d", "e", "f"], "x")];
    let unlimited = FormatOptions {
        enumeration_limit: -1,
        ..opts()
    };
    assert_eq!(
        out_default(&values, &unlimited),
        "\nIdentity    : Tag:A\nAppIds      : {a, b, c, d, e, f}\nDescription : x\n\n"
    );
    let zero = FormatOptions {
        enumeration_limit: 0,
        ..opts()
    };
    assert_eq!(
        out_default(&values, &zero),
        "\nIdentity    : Tag:A\nAppIds      : {\u{2026}}\nDescription : x\n\n"
    );
    let empty = [policy("Tag:B", &[], "x")];
    assert_eq!(
        out_default(&empty, &zero),
        "\nIdentity    : Tag:B\nAppIds      : {}\nDescription : x\n\n"
    );
}

#[test]
fn list_labels_are_painted_format_accent() {
    let colored = FormatOptions {
        color: true,
        ..opts()
    };
    let g = "\x1b[32;1m";
    let r = "\x1b[0m";
    assert_eq!(
        out_default(&[policy("Global", &[], "")], &colored),
        format!("\n{g}Identity    : {r}Global\n{g}AppIds      : {r}{{}}\n{g}Description : {r}\n\n")
    );
}

#[test]
fn list_values_with_newlines_indent_under_the_value_column() {
    let v = policy("Tag:A", &[], "first line\nsecond line");
    assert_eq!(
        out_default(&[v], &opts()),
        "\nIdentity    : Tag:A\nAppIds      : {}\nDescription : first line\n              second line\n\n"
    );
}

#[test]
fn online_users_list_every_property_in_order() {
    let user = Value::object(
        PsObject::new("Deserialized.Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.OnlineUser")
            .with("DisplayName", Value::str("Ken Myer"))
            .with("UserPrincipalName", Value::str("ken@contoso.com"))
            .with("ApplicationAccessPolicy", Value::Null),
    );
    assert_eq!(
        out_default(&[user], &opts()),
        "\nDisplayName             : Ken Myer\nUserPrincipalName       : ken@contoso.com\nApplicationAccessPolicy : \n\n"
    );
}

// ---------------------------------------------------------------- table view

#[test]
fn custom_objects_share_one_table() {
    let values = [
        custom(&[
            ("Name", Value::str("alpha")),
            ("Count", Value::integer(1)),
            ("Note", Value::str("x")),
        ]),
        custom(&[
            ("Name", Value::str("b")),
            ("Count", Value::integer(22)),
            ("Note", Value::Null),
        ]),
    ];
    assert_eq!(
        out_default(&values, &opts()),
        "\nName  Count Note\n----  ----- ----\nalpha     1 x\nb        22 \n\n"
    );
}

#[test]
fn later_custom_objects_keep_the_first_objects_columns() {
    let values = [
        custom(&[("one", Value::str("o")), ("two", Value::str("t"))]),
        custom(&[("two", Value::str("2")), ("three", Value::str("3"))]),
    ];
    assert_eq!(
        out_default(&values, &opts()),
        "\none two\n--- ---\no   t\n    2\n\n"
    );
}

#[test]
fn narrow_tables_truncate_the_last_column_with_an_ellipsis() {
    let values = [
        custom(&[
            ("Identity", Value::str("Tag:Short")),
            (
                "Description",
                Value::str("A description that is far too long for the window"),
            ),
        ]),
        custom(&[
            ("Identity", Value::str("Global")),
            ("Description", Value::str("")),
        ]),
    ];
    let narrow = FormatOptions {
        width: 30,
        ..opts()
    };
    // Layout width is 29: Identity takes 9, the separator 1, Description the remaining 19.
    assert_eq!(
        out_default(&values, &narrow),
        "\nIdentity  Description\n--------  -----------\nTag:Short A description that\u{2026}\nGlobal    \n\n"
    );
}

#[test]
fn table_header_is_painted_when_coloured() {
    let colored = FormatOptions {
        color: true,
        ..opts()
    };
    let h = "\x1b[32;1m";
    let r = "\x1b[0m";
    let v = custom(&[("A", Value::str("x")), ("B", Value::str("y"))]);
    assert_eq!(
        out_default(&[v], &colored),
        format!("\n{h}A{r}{h} B{r}\n{h}-{r} {h}-{r}\nx y\n\n")
    );
}

#[test]
fn hashtables_guids_and_views_with_fixed_widths() {
    let mut h = Hashtable::new(true);
    h.insert(Value::str("aa"), Value::integer(1));
    h.insert(
        Value::str("bb"),
        Value::array(vec![Value::integer(1), Value::integer(2)]),
    );
    assert_eq!(
        out_default(&[Value::hashtable(h)], &opts()),
        format!(
            "\nName{0}Value\n----{0}-----\naa{1}1\nbb{1}{{1, 2}}\n\n",
            " ".repeat(27),
            " ".repeat(29)
        )
    );
    let g = Value::Guid(uuid::Uuid::nil());
    assert_eq!(
        out_default(&[g], &opts()),
        "\nGuid\n----\n00000000-0000-0000-0000-000000000000\n\n"
    );
}

#[test]
fn teams_table_views() {
    let assignment = Value::object(
        PsObject::new("Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicy")
            .with("PolicyType", Value::str("ApplicationAccessPolicy"))
            .with("PolicyName", Value::str("ASimplePolicy"))
            .with("PolicySource", Value::str("Direct"))
            .with("Hidden", Value::str("not shown")),
    );
    assert_eq!(
        out_default(&[assignment], &opts()),
        "\nPolicyType              PolicyName    PolicySource\n----------              ----------    ------------\nApplicationAccessPolicy ASimplePolicy Direct\n\n"
    );
}

#[test]
fn format_list_ignores_a_table_view_and_format_table_a_list_view() {
    // A type with only a table view lists every property under Format-List, as pwsh does.
    let assignment = Value::object(
        PsObject::new("Microsoft.Teams.ConfigAPI.Cmdlets.Generated.Models.EffectivePolicy")
            .with("PolicyType", Value::str("ApplicationAccessPolicy"))
            .with("PolicyName", Value::str("P"))
            .with("PolicySource", Value::str("Direct"))
            .with("Hidden", Value::str("shown by Format-List")),
    );
    assert_eq!(
        format_list(&[assignment], None, &ListOptions::default(), &opts()),
        "\nPolicyType   : ApplicationAccessPolicy\nPolicyName   : P\nPolicySource : Direct\nHidden       : shown by Format-List\n\n"
    );
    // A list-view type becomes a table of its properties under Format-Table.
    let p = policy("Tag:A", &[], "d");
    assert_eq!(
        format_table(&[p], None, &TableOptions::default(), &opts()),
        "\nIdentity AppIds Description\n-------- ------ -----------\nTag:A    {}     d\n\n"
    );
}

// ---------------------------------------------------------------- grouping

#[test]
fn one_document_per_run_with_out_of_band_objects() {
    // The first object picks the view (the policy type's list view, from format data).
    let mut od = OutDefault::new();
    let o = opts();
    assert_eq!(
        od.write(&policy("Global", &[], ""), &o),
        "\nIdentity    : Global\nAppIds      : {}\nDescription : \n\n"
    );
    // Another type is drawn out of band: a list framed by blank lines; scalars inline.
    assert_eq!(
        od.write(&custom(&[("Name", Value::str("a"))]), &o),
        "\nName : a\n\n"
    );
    assert_eq!(od.write(&Value::integer(5), &o), "5\n");
    // The same type joins the document again.
    assert_eq!(
        od.write(&policy("Tag:X", &["1"], "d"), &o),
        "Identity    : Tag:X\nAppIds      : {1}\nDescription : d\n\n"
    );
    // A list document ends without another blank line (pwsh 7.4).
    assert_eq!(od.flush(&o), "");
}

#[test]
fn a_generated_table_keeps_its_columns_and_holds_rows_until_released() {
    let mut od = OutDefault::new();
    let o = opts();
    // The document starts with a blank line; rows are buffered to size the columns, and
    // scalars wait behind them.
    assert_eq!(od.write(&custom(&[("Name", Value::str("a"))]), &o), "\n");
    assert_eq!(od.write(&Value::str("text"), &o), "");
    assert_eq!(od.write(&custom(&[("Name", Value::str("bb"))]), &o), "");
    // An object from a later statement releases the buffer; a table generated from the first
    // object takes every later object, missing columns left empty.
    od.statement_boundary();
    assert_eq!(
        od.write(&custom(&[("Other", Value::str("x"))]), &o),
        "Name\n----\na\ntext\nbb\n\n"
    );
    // Released rows keep the widths already chosen (a longer value is cut).
    assert_eq!(
        od.write(&custom(&[("Name", Value::str("ccccc"))]), &o),
        "ccc…\n"
    );
    assert_eq!(od.flush(&o), "\n");
}

#[test]
fn scalars_dates_arrays_and_null() {
    let dt = time::macros::datetime!(2026-11-26 05:33:01 UTC);
    let values = [
        Value::Null,
        Value::array(vec![
            Value::Bool(true),
            Value::double(1.5),
            Value::str("raw\ntext"),
        ]),
        Value::DateTime(dt),
        Value::DateTime(dt),
        Value::integer(7),
    ];
    assert_eq!(
        out_default(&values, &opts()),
        // The invariant culture's long date and time, as pwsh 7.6.10 prints a lone date with
        // LANG unset (`Thursday, 26 November 2026 09:00:00`).
        "True\n1.5\nraw\ntext\n\nThursday, 26 November 2026 05:33:01\nThursday, 26 November 2026 05:33:01\n7\n\n"
    );
}

#[test]
fn error_values_on_the_pipeline_render_concise() {
    let rec = ErrorRecord::new(
        ExceptionInfo::new("System.Exception", "boom"),
        "x",
        ErrorCategory::NotSpecified,
    );
    let values = [Value::integer(1), Value::Error(Rc::new(rec))];
    // NotSpecified (0) is falsy in the format script: the reason is the exception type.
    assert_eq!(out_default(&values, &opts()), "1\nException: boom\n");
}

#[test]
fn format_list_and_table_entry_points() {
    let values = [
        custom(&[("Name", Value::str("a")), ("Size", Value::integer(10))]),
        custom(&[("Name", Value::str("b")), ("Size", Value::integer(2))]),
    ];
    assert_eq!(
        format_list(&values, None, &ListOptions::default(), &opts()),
        "\nName : a\nSize : 10\n\nName : b\nSize : 2\n\n"
    );
    let only_size = vec!["Size".to_string()];
    assert_eq!(
        format_list(&values, Some(&only_size), &ListOptions::default(), &opts()),
        "\nSize : 10\n\nSize : 2\n\n"
    );
    assert_eq!(
        format_table(
            &values,
            None,
            &TableOptions {
                hide_headers: true,
                ..TableOptions::default()
            },
            &opts()
        ),
        "\na      10\nb       2\n\n"
    );
    let star = vec!["*".to_string()];
    assert_eq!(
        format_table(
            &[policy("Global", &["x"], "")],
            Some(&star),
            &TableOptions {
                autosize: true,
                ..TableOptions::default()
            },
            &opts()
        ),
        "\nIdentity AppIds Description\n-------- ------ -----------\nGlobal   {x}    \n\n"
    );
}

// ---------------------------------------------------------------- errors

fn binding_error(
    command: &str,
    message: &str,
    id: &str,
    source: Rc<SourceFile>,
    extent: Span,
) -> ErrorRecord {
    let mut rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.ParameterBindingException",
            message,
        ),
        id,
        ErrorCategory::InvalidArgument,
    );
    rec.command_class = "<CmdletClassName>".into();
    rec.activity = command.into();
    rec.invocation = Some(InvocationInfo {
        command_name: Some(command.into()),
        invocation_name: Some(command.into()),
        source,
        extent,
        command_kind: Default::default(),
    });
    rec
}

const NEW_FOO: &str = "New-CsApplicationAccessPolicy -Identity Test -Foo bar";
const FOO_MESSAGE: &str = "A parameter cannot be found that matches parameter name 'Foo'.";

fn foo_error(source: Rc<SourceFile>, start: usize) -> ErrorRecord {
    binding_error(
        "New-CsApplicationAccessPolicy",
        FOO_MESSAGE,
        "NamedParameterNotFound",
        source,
        Span::new(start, start + 4),
    )
}

#[test]
fn concise_view_interactive_is_one_line() {
    // fidelity §4.6
    let rec = foo_error(SourceFile::new(None, NEW_FOO), 45);
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        format!("New-CsApplicationAccessPolicy: {FOO_MESSAGE}\n")
    );
    let colored = FormatOptions {
        color: true,
        ..opts()
    };
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &colored),
        format!("\x1b[31;1mNew-CsApplicationAccessPolicy: \x1b[31;1m{FOO_MESSAGE}\x1b[0m\n")
    );
}

#[test]
fn concise_view_from_a_script_shows_the_line() {
    // fidelity §4.7
    let text = format!("Connect-MicrosoftTeams\n\n{NEW_FOO}\n");
    let source = SourceFile::new(Some(PathBuf::from("C:\\scripts\\setup.ps1")), text);
    let start = source.line_start(3) + 45;
    let rec = foo_error(source, start);
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        "New-CsApplicationAccessPolicy: C:\\scripts\\setup.ps1:3\n\
         Line |\n\
         \x20  3 |  New-CsApplicationAccessPolicy -Identity Test -Foo bar\n\
         \x20    |                                               ~~~~\n\
         \x20    | A parameter cannot be found that matches parameter name 'Foo'.\n"
    );
}

#[test]
fn concise_view_script_colours_and_wrapping() {
    let source = SourceFile::new(Some(PathBuf::from("/s.ps1")), "Get-X -Foo");
    let mut rec = foo_error(source, 6);
    if let Some(i) = rec.invocation.as_mut() {
        i.command_name = Some("Get-X".into());
    }
    rec.exception.message = "word ".repeat(30).trim_end().to_string();
    let narrow = FormatOptions {
        width: 40,
        ..opts()
    };
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &narrow),
        "Get-X: /s.ps1:1\nLine |\n   1 |  Get-X -Foo\n     |        ~~~~\n\
         \x20    | word word word word word word\n\
         \x20    | word word word word word word\n\
         \x20    | word word word word word word\n\
         \x20    | word word word word word word\n\
         \x20    | word word word word word word\n"
    );
    let colored = FormatOptions {
        color: true,
        ..opts()
    };
    rec.exception.message = "Nope.".into();
    let (e, a, r) = ("\x1b[31;1m", "\x1b[36;1m", "\x1b[0m");
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &colored),
        format!(
            "{e}Get-X: {r}/s.ps1:1\n{a}Line |\n{a}   1 | {r} Get-X {a}-Foo{r}\n{a}     | {e}       ~~~~\n{e}{a}     | {e}Nope.{r}\n"
        )
    );
}

#[test]
fn concise_view_interactive_multi_line_has_an_empty_header() {
    let source = SourceFile::new(None, format!("Connect-MicrosoftTeams\n{NEW_FOO}"));
    let start = source.line_start(2) + 45;
    let rec = foo_error(source, start);
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        format!(
            "New-CsApplicationAccessPolicy: \nLine |\n   2 |  {NEW_FOO}\n     | {}~~~~\n     | {FOO_MESSAGE}\n",
            " ".repeat(46)
        )
    );
}

#[test]
fn concise_view_reason_falls_back_through_thrown_activity_and_category() {
    let mut rec = ErrorRecord::new(
        ExceptionInfo::new("System.Management.Automation.RuntimeException", "bad"),
        "bad",
        ErrorCategory::OperationStopped,
    );
    rec.thrown = true;
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        "Exception: bad\n"
    );
    rec.thrown = false;
    rec.activity = "Write-Error".into();
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        "Write-Error: bad\n"
    );
    rec.activity.clear();
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        "OperationStopped: bad\n"
    );
}

#[test]
fn concise_view_recommendation_and_suggestion() {
    let mut rec = foo_error(SourceFile::new(None, NEW_FOO), 45);
    rec.recommended_action = Some("Check the parameter names.".into());
    rec.suggestion = Some("Did you mean -Description?".into());
    assert_eq!(
        render_error(&rec, ErrorView::Concise, &opts()),
        format!(
            "New-CsApplicationAccessPolicy: {FOO_MESSAGE}\n  Recommendation: Check the parameter names.\n\nSuggestion [aapsh]: Did you mean -Description?\n"
        )
    );
}

#[test]
fn normal_view_unknown_parameter() {
    // fidelity §4.5
    let rec = foo_error(SourceFile::new(None, NEW_FOO), 45);
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()),
        format!(
            "New-CsApplicationAccessPolicy : {FOO_MESSAGE}\n\
             At line:1 char:46\n\
             + {NEW_FOO}\n\
             + {}~~~~\n\
             \x20   + CategoryInfo          : InvalidArgument: (:) [New-CsApplicationAccessPolicy], ParameterBindingException\n\
             \x20   + FullyQualifiedErrorId : NamedParameterNotFound,<CmdletClassName>\n \n",
            " ".repeat(45)
        )
    );
}

#[test]
fn normal_view_missing_argument_and_positional() {
    // fidelity §4.8
    let line = "Get-CsApplicationAccessPolicy -Identity";
    let rec = binding_error(
        "Get-CsApplicationAccessPolicy",
        "Missing an argument for parameter 'Identity'. Specify a parameter of type 'System.String' and try again.",
        "MissingArgument",
        SourceFile::new(None, line),
        Span::new(30, 39),
    );
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()),
        "Get-CsApplicationAccessPolicy : Missing an argument for parameter 'Identity'. Specify a parameter of type 'System.String' and try again.\n\
         At line:1 char:31\n\
         + Get-CsApplicationAccessPolicy -Identity\n\
         +                               ~~~~~~~~~\n\
         \x20   + CategoryInfo          : InvalidArgument: (:) [Get-CsApplicationAccessPolicy], ParameterBindingException\n\
         \x20   + FullyQualifiedErrorId : MissingArgument,<CmdletClassName>\n \n"
    );
    let line = "Remove-CsApplicationAccessPolicy A B";
    let rec = binding_error(
        "Remove-CsApplicationAccessPolicy",
        "A positional parameter cannot be found that accepts argument 'B'.",
        "PositionalParameterNotFound",
        SourceFile::new(None, line),
        Span::new(0, line.len()),
    );
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()),
        "Remove-CsApplicationAccessPolicy : A positional parameter cannot be found that accepts argument 'B'.\n\
         At line:1 char:1\n\
         + Remove-CsApplicationAccessPolicy A B\n\
         + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\
         \x20   + CategoryInfo          : InvalidArgument: (:) [Remove-CsApplicationAccessPolicy], ParameterBindingException\n\
         \x20   + FullyQualifiedErrorId : PositionalParameterNotFound,<CmdletClassName>\n \n"
    );
}

#[test]
fn normal_view_ellipsizes_category_parts_and_splits_long_lines() {
    let mut rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Exception",
            "[ClientError] : User policy update failed",
        ),
        "Exception",
        ErrorCategory::InvalidOperation,
    );
    rec.activity = "Grant-CsTeamsCallingPolicy".into();
    rec.target_name = "{ Identity = mobileAppCreateAssignmentUserRequest }".into();
    rec.target_type = "<>f__AnonymousType62`3".into();
    rec.command_class = "Grant-CsTeamsCallingPolicy".into();
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()),
        "[ClientError] : User policy update failed\n\
         \x20   + CategoryInfo          : InvalidOperation: ({ Identity = mo...ntUserRequest }:<>f__AnonymousType62`3) [Grant-CsTe\n\
         \x20   amsCallingPolicy], Exception\n\
         \x20   + FullyQualifiedErrorId : Exception,Grant-CsTeamsCallingPolicy\n \n"
    );
    // CommandNotFound at an 80-column window: the CategoryInfo line splits every 74 characters.
    let name = "Get-CsApplicationAccesPolicy";
    let mut rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.CommandNotFoundException",
            format!("The term '{name}' is not recognized as the name of a cmdlet."),
        ),
        "CommandNotFoundException",
        ErrorCategory::ObjectNotFound,
    );
    rec.target_name = name.into();
    rec.target_type = "String".into();
    rec.invocation = Some(InvocationInfo {
        command_name: None,
        invocation_name: Some(name.into()),
        source: SourceFile::new(None, name),
        extent: Span::new(0, name.len()),
        command_kind: Default::default(),
    });
    let narrow = FormatOptions {
        width: 80,
        ..opts()
    };
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &narrow),
        format!(
            "{name} : The term '{name}' is not recognized as the name of a cmdlet.\n\
             At line:1 char:1\n\
             + {name}\n\
             + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n\
             \x20   + CategoryInfo          : ObjectNotFound: (Get-CsApplicationAccesPolicy:St\n\
             \x20   ring) [], CommandNotFoundException\n\
             \x20   + FullyQualifiedErrorId : CommandNotFoundException\n \n"
        )
    );
}

#[test]
fn normal_view_windows_long_lines_to_69_columns() {
    let line = "$group = New-Team -alias \"TestTeam\" -displayname \"Test Teams\" -Visibility Private -Owner admin@contoso.com";
    let rec = binding_error(
        "New-Team",
        "A parameter cannot be found that matches parameter name 'alias'.",
        "NamedParameterNotFound",
        SourceFile::new(None, line),
        Span::new(18, 24),
    );
    let text = render_error(&rec, ErrorView::WindowsNormal, &opts());
    assert!(
        text.starts_with(
            "New-Team : A parameter cannot be found that matches parameter name 'alias'.\n\
             At line:1 char:19\n\
             + $group = New-Team -alias \"TestTeam\" -displayname \"Test Teams\" -Visibi ...\n\
             +                   ~~~~~~\n"
        ),
        "{text}"
    );
    // An error far to the right: context before it is cut with a leading ellipsis.
    let line = format!(
        "Set-CsApplicationAccessPolicy -Identity Test -Description {} -Bogus",
        "x".repeat(40)
    );
    let start = line.len() - 6;
    let rec = binding_error(
        "Set-CsApplicationAccessPolicy",
        "A parameter cannot be found that matches parameter name 'Bogus'.",
        "NamedParameterNotFound",
        SourceFile::new(Some(PathBuf::from("C:\\s.ps1")), line.clone()),
        Span::new(start, line.len()),
    );
    let shown = &line[line.len() - 69..];
    assert!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()).contains(&format!(
            "At C:\\s.ps1:1 char:{}\n+ ... {shown}\n+ {}~~~~~~\n",
            start + 1,
            " ".repeat(4 + 63)
        ))
    );
    // ConciseView uses pwsh 7's Unicode ellipsis in the same window.
    assert!(
        render_error(&rec, ErrorView::Concise, &opts()).contains(&format!(
            "   1 |  \u{2026} {shown}\n     | {}~~~~~~\n",
            " ".repeat(1 + 2 + 63)
        ))
    );
}

fn parse_error(path: Option<&str>) -> ErrorRecord {
    let mut rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Management.Automation.ParseException",
            "The string is missing the terminator: \".",
        ),
        "TerminatorExpectedAtEndOfString",
        ErrorCategory::ParserError,
    );
    rec.invocation = Some(InvocationInfo {
        command_name: None,
        invocation_name: None,
        source: SourceFile::new(path.map(PathBuf::from), "Write-Host \"abc"),
        extent: Span::new(11, 15),
        command_kind: Default::default(),
    });
    rec
}

#[test]
fn parse_errors_in_both_views() {
    assert_eq!(
        render_error(&parse_error(None), ErrorView::WindowsNormal, &opts()),
        "At line:1 char:12\n\
         + Write-Host \"abc\n\
         +            ~~~~\n\
         The string is missing the terminator: \".\n\
         \x20   + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException\n\
         \x20   + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString\n \n"
    );
    assert_eq!(
        render_error(&parse_error(None), ErrorView::Concise, &opts()),
        "ParserError: \n\
         Line |\n\
         \x20  1 |  Write-Host \"abc\n\
         \x20    |             ~~~~\n\
         \x20    | The string is missing the terminator: \".\n"
    );
    assert_eq!(
        render_error(
            &parse_error(Some("/tmp/a.ps1")),
            ErrorView::Concise,
            &opts()
        ),
        "ParserError: /tmp/a.ps1:1\n\
         Line |\n\
         \x20  1 |  Write-Host \"abc\n\
         \x20    |             ~~~~\n\
         \x20    | The string is missing the terminator: \".\n"
    );
}

#[test]
fn records_without_invocation_and_stream_prefixes() {
    let rec = ErrorRecord::new(
        ExceptionInfo::new(
            "System.Exception",
            "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.",
        ),
        "NotConnected",
        ErrorCategory::InvalidOperation,
    );
    assert_eq!(
        render_error(&rec, ErrorView::WindowsNormal, &opts()),
        "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.\n\
         \x20   + CategoryInfo          : InvalidOperation: (:) [], Exception\n\
         \x20   + FullyQualifiedErrorId : NotConnected\n \n"
    );
    assert_eq!(render_warning("careful", &opts()), "WARNING: careful\n");
    assert_eq!(render_verbose("talking", &opts()), "VERBOSE: talking\n");
    let colored = FormatOptions {
        color: true,
        ..opts()
    };
    assert_eq!(
        render_warning("careful", &colored),
        "\x1b[33;1mWARNING: careful\x1b[0m\n"
    );
}

#[test]
fn nothing_panics_on_degenerate_input() {
    let widths = [0, 1, 2, 3, 4, 5, 6, 7, 10];
    let empty_source = SourceFile::new(None, "");
    for width in widths {
        let o = FormatOptions { width, ..opts() };
        let _ = out_default(
            &[
                policy("Tag:A very long identity with spaces", &[ID1, ID2], "desc"),
                custom(&[
                    ("VeryLongPropertyName", Value::str("v")),
                    ("B", Value::integer(1)),
                ]),
                Value::str(""),
            ],
            &o,
        );
        let mut rec = foo_error(empty_source.clone(), 0);
        if let Some(i) = rec.invocation.as_mut() {
            i.extent = Span::new(0, 0);
        }
        let _ = render_error(&rec, ErrorView::Concise, &o);
        let _ = render_error(&rec, ErrorView::WindowsNormal, &o);
        let _ = render_error(&parse_error(Some("x.ps1")), ErrorView::Concise, &o);
    }
    let mut rec = foo_error(SourceFile::new(None, "é\tß"), 1);
    if let Some(i) = rec.invocation.as_mut() {
        i.extent = Span::new(1, 100);
    }
    let _ = render_error(&rec, ErrorView::WindowsNormal, &opts());
    let _ = render_error(
        &rec,
        ErrorView::Concise,
        &FormatOptions {
            color: true,
            ..opts()
        },
    );
}

#[test]
fn huge_widths_behave_like_wide_windows() {
    let wide = FormatOptions {
        width: usize::MAX,
        ..opts()
    };
    assert_eq!(
        out_default(&[custom(&[("A", Value::str("x"))])], &wide),
        "\nA\n-\nx\n\n"
    );
}

#[test]
fn huge_widths_do_not_hang_views_with_open_columns() {
    let wide = FormatOptions {
        width: usize::MAX,
        ..opts()
    };
    let mut h = Hashtable::new(false);
    h.insert(Value::str("k"), Value::str("v"));
    assert_eq!(
        out_default(&[Value::hashtable(h)], &wide),
        format!(
            "\nName{0}Value\n----{0}-----\nk{1}v\n\n",
            " ".repeat(27),
            " ".repeat(30)
        )
    );
}
