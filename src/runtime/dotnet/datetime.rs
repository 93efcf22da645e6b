//! `System.DateTime` helpers: ParseExact and TryParse, Min/MaxValue, ticks, month arithmetic.

use super::*;
use crate::runtime::flow::Flow;
use crate::runtime::session::Session;
use crate::runtime::timespan::TimeSpan;
use crate::runtime::value::{DateKind, Value, with_kind};
use crate::syntax::Span;

/// `[datetime]::ParseExact(text, format, provider)` for the custom patterns `format_date` writes
/// (numeric fields, `MMM`/`MMMM` month names, `tt`, literal text); Unspecified kind.
pub fn parse_exact(text: &str, format: &str) -> Option<time::OffsetDateTime> {
    let pattern = crate::runtime::culture::INVARIANT
        .date_pattern(format)
        .unwrap_or_else(|| format.to_string());
    let f: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut year, mut month, mut day) = (1i32, 1u8, 1u8);
    let (mut hour, mut minute, mut second, mut nanos) = (0u8, 0u8, 0u8, 0u32);
    let mut pm: Option<bool> = None;
    let (mut i, mut j) = (0usize, 0usize);
    let digits = |j: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *j;
        while *j < t.len() && *j - start < max && t[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j - start < min {
            return None;
        }
        t[start..*j].iter().collect::<String>().parse().ok()
    };
    while i < f.len() {
        let c = f[i];
        let mut n = 1;
        while i + n < f.len() && f[i + n] == c {
            n += 1;
        }
        match c {
            'y' => {
                let v = digits(&mut j, n.min(4), if n <= 2 { 2 } else { n.max(4) })?;
                year = if n <= 2 { 2000 + v as i32 } else { v as i32 };
            }
            'M' if n >= 3 => {
                let rest: String = t[j..].iter().collect();
                let (m, len) = (1..=12u8).find_map(|m| {
                    let full = time::Month::try_from(m).ok()?.to_string();
                    let name = if n == 3 { full[..3].to_string() } else { full };
                    rest.to_ascii_lowercase()
                        .starts_with(&name.to_ascii_lowercase())
                        .then_some((m, name.len()))
                })?;
                month = m;
                j += len;
            }
            'd' if n >= 3 => {
                let rest: String = t[j..].iter().collect::<String>().to_ascii_lowercase();
                let len = [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .iter()
                .find_map(|d| {
                    let name = if n == 3 { &d[..3] } else { d };
                    rest.starts_with(name).then_some(name.len())
                })?;
                j += len;
            }
            'M' | 'd' | 'H' | 'h' | 'm' | 's' => {
                let v = u8::try_from(digits(&mut j, n, 2)?).ok()?;
                match c {
                    'M' => month = v,
                    'd' => day = v,
                    'H' | 'h' => hour = v,
                    'm' => minute = v,
                    _ => second = v,
                }
            }
            'f' | 'F' => {
                let start = j;
                let v = digits(&mut j, if c == 'f' { n } else { 0 }, n)?;
                let width = (j - start) as u32;
                nanos = if width == 0 {
                    0
                } else {
                    v * 10u32.pow(9 - width)
                };
            }
            't' => {
                let rest: String = t[j..].iter().take(n.min(2)).collect();
                let upper = rest.to_ascii_uppercase();
                pm = Some(upper.starts_with('P'));
                if !upper.starts_with('A') && !upper.starts_with('P') {
                    return None;
                }
                j += rest.chars().count();
            }
            '\'' | '"' => {
                let close = f[i + 1..].iter().position(|x| *x == c)? + i + 1;
                for lit in &f[i + 1..close] {
                    if t.get(j) != Some(lit) {
                        return None;
                    }
                    j += 1;
                }
                i = close + 1;
                continue;
            }
            '\\' => {
                if t.get(j) != f.get(i + 1) {
                    return None;
                }
                j += 1;
                i += 2;
                continue;
            }
            other => {
                for _ in 0..n {
                    if t.get(j) != Some(&other) {
                        return None;
                    }
                    j += 1;
                }
            }
        }
        i += n;
    }
    if j != t.len() {
        return None;
    }
    if let Some(pm) = pm {
        hour = match (pm, hour) {
            (false, 12) => 0,
            (true, h) if h < 12 => h + 12,
            (_, h) => h,
        };
    }
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let time = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(with_kind(
        time::PrimitiveDateTime::new(date, time).assume_utc(),
        DateKind::Unspecified,
    ))
}

/// A TryParse result: writes the parsed value (or the type's default) through the `[ref]`
/// argument at `out` and returns whether it parsed.
pub(super) fn try_parse_result(
    s: &mut Session,
    args: &[Value],
    out: usize,
    parsed: Option<Value>,
    default: Value,
) -> Value {
    let ok = parsed.is_some();
    if let Some(target) = args.get(out) {
        set_reference(s, target, parsed.unwrap_or(default));
    }
    Value::Bool(ok)
}

/// `[datetime]::MinValue`: 1/1/0001, Unspecified.
/// DateTime.MaxValue: 12/31/9999 23:59:59.9999999, Unspecified.
pub(super) fn max_date() -> Value {
    let last = time::Date::from_calendar_date(9999, time::Month::December, 31)
        .unwrap_or(time::Date::MAX)
        .with_hms_nano(23, 59, 59, 999_999_900)
        .map(|d| d.assume_utc())
        .unwrap_or_else(|_| time::Date::MAX.midnight().assume_utc());
    Value::DateTime(with_kind(last, DateKind::Unspecified))
}

/// DateTime.Parse / ParseExact on text that is not a date.
pub(super) fn not_a_date(s: &Session, name: &str, argc: usize, text: &str, span: Span) -> Flow {
    method_exception(
        s,
        name,
        argc,
        "System.FormatException",
        &crate::runtime::conversion::datetime_parse_message(text),
        span,
    )
}

pub(super) fn min_date() -> Value {
    let first = time::Date::from_calendar_date(1, time::Month::January, 1)
        .unwrap_or(time::Date::MIN)
        .midnight()
        .assume_utc();
    Value::DateTime(with_kind(first, DateKind::Unspecified))
}

/// DateTime.Ticks: 100 ns intervals since 1/1/0001.
pub(super) fn date_ticks(dt: time::OffsetDateTime) -> i64 {
    let epoch = time::Date::from_calendar_date(1, time::Month::January, 1)
        .map(|d| time::PrimitiveDateTime::new(d, time::Time::MIDNIGHT).assume_utc());
    epoch
        .ok()
        .and_then(|e| TimeSpan::between(dt.to_offset(time::UtcOffset::UTC), e))
        .map_or(0, TimeSpan::ticks)
}

/// AddMonths: the same day, clamped to the target month's last day.
pub(super) fn add_months(dt: time::OffsetDateTime, months: i64) -> Option<time::OffsetDateTime> {
    let index = i64::from(dt.year()) * 12 + i64::from(dt.month() as u8) - 1 + months;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = time::Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    if !(1..=9999).contains(&year) {
        return None;
    }
    let day = dt.day().min(month.length(year));
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    Some(dt.replace_date(date))
}
