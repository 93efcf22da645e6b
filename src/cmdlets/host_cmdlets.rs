//! Host and clock cmdlets scripts lean on: Read-Host, Get-Date, New-TimeSpan, Start-Sleep,
//! Measure-Command and Write-Progress (Set-StrictMode lives with the engine switches in `language.rs`).
//! The clock is the session's (`AAPSH_NOW` fixes it); Start-Sleep advances it at once.

use crate::runtime::CmdletDef;
use crate::runtime::timespan::TimeSpan;
use crate::runtime::{BoundParameters, CommandContext, ErrorCategory, Flow, Value};
use crate::vocab::{ParamDef, ParamKind, ParamType, PipelineMode, Validation, types};

const UTILITY: &str = "Microsoft.PowerShell.Utility";

const DISPLAY_HINT: ParamType = ParamType::new(
    ParamKind::Enum(&["Date", "Time", "DateTime"]),
    "DisplayHintType",
    "Microsoft.PowerShell.Commands.DisplayHintType",
);

pub fn definitions() -> Vec<CmdletDef> {
    vec![
        CmdletDef::new("Read-Host", UTILITY, read_host)
            .class("Microsoft.PowerShell.Commands.ReadHostCommand")
            .synopsis("Reads a line of input from the console.")
            .description("Writes the prompt followed by ': ' and reads one line from standard input. Under -NonInteractive it fails as pwsh does.")
            .param(ParamDef::new("Prompt", types::OBJECT).position(0).remaining().help("The prompt text."))
            .param(ParamDef::new("AsSecureString", types::SWITCH).help("Returns the answer as a SecureString."))
            .param(ParamDef::new("MaskInput", types::SWITCH).help("Hides what is typed; returns a string."))
            .example("Ask for the app id", "$AppId = Read-Host \"Application (client) ID\"", "Prints 'Application (client) ID: ' and reads a line."),
        CmdletDef::new("Get-Date", UTILITY, get_date)
            .class("Microsoft.PowerShell.Commands.GetDateCommand")
            .synopsis("Gets the current date and time.")
            .description("Reads the session clock (AAPSH_NOW fixes it for reproducible transcripts; Start-Sleep moves it).")
            .pipeline(PipelineMode::PerRecord)
            .param(ParamDef::new("Date", types::DATETIME).position(0).from_pipeline().by_property_name().alias("LastWriteTime").help("The date to use instead of now."))
            .param(ParamDef::new("Year", types::INT32).help("The year to set."))
            .param(ParamDef::new("Month", types::INT32).help("The month to set."))
            .param(ParamDef::new("Day", types::INT32).help("The day to set."))
            .param(ParamDef::new("Hour", types::INT32).help("The hour to set."))
            .param(ParamDef::new("Minute", types::INT32).help("The minute to set."))
            .param(ParamDef::new("Second", types::INT32).help("The second to set."))
            .param(ParamDef::new("Millisecond", types::INT32).help("The millisecond to set."))
            .param(ParamDef::new("DisplayHint", DISPLAY_HINT).help("Date, Time or DateTime."))
            .param(ParamDef::new("Format", types::STRING).help("A .NET format string; the result is a string."))
            .param(ParamDef::new("UFormat", types::STRING).help("A Unix format string (%Y-%m-%d); the result is a string."))
            .param(ParamDef::new("AsUTC", types::SWITCH).help("Converts to UTC."))
            .example("A timestamp for a log file", "Get-Date -Format 'yyyyMMdd-HHmmss'", "20261126-090000"),
        CmdletDef::new("New-TimeSpan", UTILITY, new_timespan)
            .class("Microsoft.PowerShell.Commands.NewTimeSpanCommand")
            .synopsis("Creates a TimeSpan object.")
            .description("Either the interval from -Start to -End (a missing end is now on the session clock, so a fixed AAPSH_NOW gives reproducible spans), or a span of -Days, -Hours, -Minutes, -Seconds and -Milliseconds. Without parameters the span is zero.")
            .pipeline(PipelineMode::PerRecord)
            .default_set("Date")
            .param(ParamDef::new("Start", types::DATETIME).sets(&["Date"]).position(0).from_pipeline().by_property_name().alias("LastWriteTime").help("The start of the interval (default: now)."))
            .param(ParamDef::new("End", types::DATETIME).sets(&["Date"]).position(1).by_property_name().help("The end of the interval (default: now)."))
            .param(ParamDef::new("Days", types::INT32).sets(&["Time"]).help("The days in the span."))
            .param(ParamDef::new("Hours", types::INT32).sets(&["Time"]).help("The hours in the span."))
            .param(ParamDef::new("Minutes", types::INT32).sets(&["Time"]).help("The minutes in the span."))
            .param(ParamDef::new("Seconds", types::INT32).sets(&["Time"]).help("The seconds in the span."))
            .param(ParamDef::new("Milliseconds", types::INT32).sets(&["Time"]).help("The milliseconds in the span."))
            .example("Time a script", "$start = Get-Date\n# ... grant the policies ...\n$elapsed = New-TimeSpan -Start $start\n\"Took {0:N1} s\" -f $elapsed.TotalSeconds", "The seconds since $start on the session clock.")
            .example("A deadline 30 minutes from now", "(Get-Date).Add((New-TimeSpan -Minutes 30))", "The date 30 minutes later."),
        CmdletDef::new("Start-Sleep", UTILITY, start_sleep)
            .class("Microsoft.PowerShell.Commands.StartSleepCommand")
            .synopsis("Suspends the activity in a script or session for the specified period of time.")
            .description("Offline the session clock moves forward at once: nothing waits, and Get-Date afterwards shows the later time.")
            .alias("sleep")
            .default_set("Seconds")
            .param({
                // pwsh: [ValidateRange(0.0, (double)(int.MaxValue / 1000))].
                let mut p = ParamDef::new("Seconds", types::DOUBLE).sets(&["Seconds"]).position(0).mandatory().from_pipeline().by_property_name().help("How many seconds to wait (0 to 2147483).");
                p.validations.push(Validation::Range(0, i64::from(i32::MAX / 1000)));
                p
            })
            .param({
                let mut p = ParamDef::new("Milliseconds", types::INT32).sets(&["Milliseconds"]).mandatory().by_property_name().alias("ms").help("How many milliseconds to wait (0 or more).");
                p.validations.push(Validation::Range(0, i64::from(i32::MAX)));
                p
            })
            .example("Wait for replication", "Start-Sleep -Seconds 30", "Moves the session clock 30 seconds on."),
        CmdletDef::new("Measure-Command", UTILITY, measure_command)
            .class("Microsoft.PowerShell.Commands.MeasureCommandCommand")
            .synopsis("Measures the time it takes to run script blocks and cmdlets.")
            .description("Runs the script block in the current scope (variables it sets stay set), once per piped object with $_ as the object, or once without input; its output is discarded and the time it took on the session clock is returned as a System.TimeSpan. Offline the clock moves only with Start-Sleep, so most blocks take zero time; errors and host output still show.")
            .pipeline(PipelineMode::Collect)
            .param(ParamDef::new("InputObject", types::PSOBJECT).from_pipeline().help("Objects piped to the script block, each as $_."))
            .param(ParamDef::new("Expression", types::SCRIPTBLOCK).position(0).mandatory().help("The script block to time."))
            .example("Time a bulk grant", "$t = Measure-Command { $users | Grant-CsApplicationAccessPolicy -PolicyName Bot }\n\"Took {0:N1} s\" -f $t.TotalSeconds", "The seconds the grants took on the session clock.")
            .outputs("System.TimeSpan"),
        CmdletDef::new("Write-Progress", UTILITY, write_progress)
            .class("Microsoft.PowerShell.Commands.WriteProgressCommand")
            .synopsis("Displays a progress bar within a PowerShell command window.")
            .description("Prints nothing: pwsh draws no progress bar when its output is redirected (ConsoleHostUserInterface.WriteProgress), and a transient bar is not part of a transcript.")
            .param(ParamDef::new("Activity", types::STRING).position(0).help("The first line of text in the heading."))
            .param(ParamDef::new("Status", types::STRING).position(1).help("The second line of text in the heading."))
            .param(ParamDef::new("Id", types::INT32).position(2).help("An ID that distinguishes each progress bar."))
            .param(ParamDef::new("PercentComplete", types::INT32).help("The percentage of the activity that is completed."))
            .param(ParamDef::new("SecondsRemaining", types::INT32).help("The projected number of seconds remaining."))
            .param(ParamDef::new("CurrentOperation", types::STRING).help("The text below the progress bar."))
            .param(ParamDef::new("ParentId", types::INT32).help("The parent activity of the current activity."))
            .param(ParamDef::new("Completed", types::SWITCH).help("Indicates the progress bar is complete."))
            .param(ParamDef::new("SourceId", types::INT32).help("The source of the record."))
            .example("Report progress in a grant loop", "Write-Progress -Activity 'Granting' -Status \"$i of $total\" -PercentComplete ($i * 100 / $total)", "Nothing is printed."),
    ]
}

/// Measure-Command: the block runs where the command runs (dot-sourced), once per record
/// (or once without input), its output thrown away; the result is the session clock's
/// elapsed time.
fn measure_command(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let Some(Value::ScriptBlock(sb)) = b.get("Expression").cloned() else {
        return Ok(());
    };
    let items: Vec<Value> = if !ctx.collected.is_empty() {
        ctx.collected.clone()
    } else {
        vec![b.get("InputObject").cloned().unwrap_or(Value::Null)]
    };
    let start = ctx.session.clock.now();
    for item in &items {
        super::objects::run_with_item(ctx, &sb, item)?;
    }
    let elapsed = TimeSpan::between(ctx.session.clock.now(), start).unwrap_or_default();
    ctx.write_object(Value::TimeSpan(elapsed));
    Ok(())
}

fn write_progress(_: &mut CommandContext<'_>, _: &BoundParameters) -> Result<(), Flow> {
    Ok(())
}

fn read_host(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    if ctx.session.options.non_interactive {
        let mut r = crate::runtime::errors::non_interactive(&ctx.def.name);
        ctx.complete(&mut r);
        return Err(ctx.terminate(r));
    }
    let prompt = match b.get("Prompt") {
        None | Some(Value::Null) => String::new(),
        Some(v) => {
            let text = ctx.session.stringify(v);
            format!("{text}: ")
        }
    };
    // -AsSecureString and -MaskInput echo `*` per character, as pwsh's console host does.
    let masked = b.switch("AsSecureString") || b.switch("MaskInput");
    let read = if masked {
        ctx.session.prompt_secret(&prompt)?
    } else {
        ctx.session.prompt_line(&prompt)?
    };
    let Some(line) = read else {
        return Ok(());
    };
    if b.switch("AsSecureString") {
        ctx.write_object(Value::SecureString(std::rc::Rc::from(line.as_str())));
    } else {
        ctx.write_object(Value::str(line));
    }
    Ok(())
}

/// A .NET date format string (standard or custom) in the session's culture.
pub fn dotnet_date_format(
    dt: time::OffsetDateTime,
    f: &str,
    culture: &crate::runtime::culture::Culture,
) -> String {
    crate::runtime::dotnet_format::format_date(dt, f, culture)
}

/// `Get-Date -UFormat`: the common Unix specifiers.
pub fn uformat(dt: time::OffsetDateTime, f: &str) -> String {
    let fd = |dt, pattern: &str| {
        crate::runtime::dotnet_format::custom_date(dt, pattern, &crate::runtime::culture::INVARIANT)
    };
    let mut out = String::new();
    let mut chars = f.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(spec) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match spec {
            'Y' => fd(dt, "yyyy"),
            'y' => fd(dt, "yy"),
            'm' => fd(dt, "MM"),
            'd' => fd(dt, "dd"),
            'e' => format!("{:>2}", dt.day()),
            'H' => fd(dt, "HH"),
            'I' => fd(dt, "hh"),
            'M' => fd(dt, "mm"),
            'S' => fd(dt, "ss"),
            'p' => fd(dt, "tt"),
            'A' => fd(dt, "dddd"),
            'a' => fd(dt, "ddd"),
            'B' => fd(dt, "MMMM"),
            'b' | 'h' => fd(dt, "MMM"),
            'j' => format!("{:03}", dt.ordinal()),
            'u' => dt.weekday().number_from_monday().to_string(),
            'w' => dt.weekday().number_days_from_sunday().to_string(),
            'F' => fd(dt, "yyyy-MM-dd"),
            'T' | 'X' => fd(dt, "HH:mm:ss"),
            'R' => fd(dt, "HH:mm"),
            'D' | 'x' => fd(dt, "MM/dd/yy"),
            's' => dt.unix_timestamp().to_string(),
            'Z' => {
                let (h, _, _) = dt.offset().as_hms();
                format!("{}{:02}", if h < 0 { '-' } else { '+' }, h.abs())
            }
            'n' => "\n".into(),
            't' => "\t".into(),
            '%' => "%".into(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

fn get_date(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let mut dt = match ctx.input.clone().or_else(|| b.get("Date").cloned()) {
        Some(Value::DateTime(d)) => d,
        Some(other) if !other.is_null() => {
            let text = other.to_ps_string();
            match crate::runtime::conversion::parse_datetime(&text) {
                Some(d) => d,
                None => {
                    let r = ctx.error(
                        "System.Management.Automation.ParameterBindingException",
                        format!(
                            "Cannot bind parameter 'Date'. Cannot convert value \"{text}\" to type \"System.DateTime\". Error: \"String '{text}' was not recognized as a valid DateTime.\""
                        ),
                        "CannotConvertArgumentNoMessage",
                        ErrorCategory::InvalidArgument,
                    );
                    return ctx.write_error(r);
                }
            }
        }
        _ => ctx.session.clock.now(),
    };
    let set =
        |dt: time::OffsetDateTime, name: &str| -> Option<Result<time::OffsetDateTime, String>> {
            let n = b.int(name)?;
            let r = match name {
                "Year" => i32::try_from(n).ok().and_then(|y| dt.replace_year(y).ok()),
                "Month" => u8::try_from(n)
                    .ok()
                    .and_then(|m| time::Month::try_from(m).ok())
                    .and_then(|m| dt.replace_month(m).ok()),
                "Day" => u8::try_from(n).ok().and_then(|d| dt.replace_day(d).ok()),
                "Hour" => u8::try_from(n).ok().and_then(|h| dt.replace_hour(h).ok()),
                "Minute" => u8::try_from(n).ok().and_then(|m| dt.replace_minute(m).ok()),
                "Second" => u8::try_from(n).ok().and_then(|s| dt.replace_second(s).ok()),
                _ => u16::try_from(n)
                    .ok()
                    .and_then(|ms| dt.replace_millisecond(ms).ok()),
            };
            Some(r.ok_or_else(|| name.to_string()))
        };
    for name in [
        "Year",
        "Month",
        "Day",
        "Hour",
        "Minute",
        "Second",
        "Millisecond",
    ] {
        match set(dt, name) {
            None => {}
            Some(Ok(d)) => dt = d,
            Some(Err(param)) => {
                let r = ctx.error(
                    "System.ArgumentOutOfRangeException",
                    "Year, Month, and Day parameters describe an un-representable DateTime.",
                    "GetDateArgumentOutOfRange",
                    ErrorCategory::InvalidArgument,
                );
                let _ = param;
                return Err(ctx.terminate(r));
            }
        }
    }
    if b.switch("AsUTC") {
        dt = crate::runtime::value::with_kind(
            dt.to_offset(time::UtcOffset::UTC),
            crate::runtime::value::DateKind::Utc,
        );
    }
    if let Some(f) = b.string("UFormat") {
        ctx.write_object(Value::str(uformat(dt, &f)));
    } else if let Some(f) = b.string("Format") {
        ctx.write_object(Value::str(dotnet_date_format(dt, &f, ctx.session.culture)));
    } else {
        ctx.write_object(Value::DateTime(dt));
    }
    Ok(())
}

fn new_timespan(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let span = if b.set == "Time" {
        let n = |name: &str| b.int(name).unwrap_or(0);
        TimeSpan::from_parts(
            n("Days"),
            n("Hours"),
            n("Minutes"),
            n("Seconds"),
            n("Milliseconds"),
        )
    } else {
        let now = ctx.session.clock.now();
        let date = |name: &str| match b.get(name) {
            Some(Value::DateTime(d)) => *d,
            _ => now,
        };
        TimeSpan::between(date("End"), date("Start"))
    };
    match span {
        Some(t) => {
            ctx.write_object(Value::TimeSpan(t));
            Ok(())
        }
        None => {
            let r = ctx.error(
                "System.ArgumentOutOfRangeException",
                crate::runtime::timespan::OVERFLOW,
                "System.ArgumentOutOfRangeException",
                ErrorCategory::NotSpecified,
            );
            Err(ctx.terminate(r))
        }
    }
}

fn start_sleep(ctx: &mut CommandContext<'_>, b: &BoundParameters) -> Result<(), Flow> {
    let millis = match (b.get("Seconds"), b.int("Milliseconds")) {
        (Some(v), _) => {
            crate::runtime::conversion::to_double(v, "System.Double").unwrap_or(0.0) * 1000.0
        }
        (None, Some(ms)) => ms as f64,
        _ => 0.0,
    };
    if millis.is_finite() && millis > 0.0 {
        let by = time::Duration::milliseconds(millis.min(1e15) as i64);
        ctx.session.clock.advance(by);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn date_formats() {
        use crate::runtime::culture::{EN_US, INVARIANT};
        let dt = datetime!(2026-11-26 09:05:03 UTC);
        assert_eq!(
            dotnet_date_format(dt, "yyyy-MM-dd HH:mm", &INVARIANT),
            "2026-11-26 09:05"
        );
        assert_eq!(dotnet_date_format(dt, "d", &EN_US), "11/26/2026");
        assert_eq!(
            dotnet_date_format(dt, "F", &EN_US),
            "Thursday, November 26, 2026 9:05:03 AM"
        );
        assert_eq!(
            dotnet_date_format(dt, "F", &INVARIANT),
            "Thursday, 26 November 2026 09:05:03"
        );
        assert_eq!(uformat(dt, "%Y%m%d-%H%M%S"), "20261126-090503");
        assert_eq!(uformat(dt, "%A %j %Z"), "Thursday 330 +00");
    }
}
