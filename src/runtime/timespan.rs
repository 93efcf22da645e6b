//! `System.TimeSpan`: a signed count of 100-nanosecond ticks, as .NET keeps it, with its
//! properties, `TimeSpan.Parse` (invariant culture) and `ToString` (the standard `c`, `g`, `G`
//! formats and custom patterns such as `hh\:mm\:ss`). Operators on time spans live in
//! `operators`, members in `members`; this module only knows the type itself.

use super::value::Value;

pub const TICKS_PER_MILLISECOND: i64 = 10_000;
pub const TICKS_PER_SECOND: i64 = 10_000_000;
pub const TICKS_PER_MINUTE: i64 = 600_000_000;
pub const TICKS_PER_HOUR: i64 = 36_000_000_000;
pub const TICKS_PER_DAY: i64 = 864_000_000_000;

/// .NET's `Overflow_TimeSpanTooLong`.
pub const OVERFLOW: &str = "TimeSpan overflowed because the duration is too long.";
/// .NET's `Arg_CannotBeNaN` as TimeSpan.FromX reports it.
pub const NAN: &str = "TimeSpan does not accept floating point Not-a-Number values.";
/// .NET's `Format_InvalidString`: a bad TimeSpan format string.
pub const BAD_FORMAT: &str = "Input string was not in a correct format.";

/// The properties pwsh's list view shows (DotNetTypes.format.ps1xml, `System.TimeSpan`).
pub const VIEW_PROPERTIES: &[&str] = &[
    "Days",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
    "Ticks",
    "TotalDays",
    "TotalHours",
    "TotalMinutes",
    "TotalSeconds",
    "TotalMilliseconds",
];

/// Every public instance property of .NET 8's TimeSpan, in declaration order (what reflection
/// and so ConvertTo-Json and `Format-List *` list).
pub const PROPERTIES: &[&str] = &[
    "Ticks",
    "Days",
    "Hours",
    "Milliseconds",
    "Microseconds",
    "Nanoseconds",
    "Minutes",
    "Seconds",
    "TotalDays",
    "TotalHours",
    "TotalMilliseconds",
    "TotalMicroseconds",
    "TotalNanoseconds",
    "TotalMinutes",
    "TotalSeconds",
];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeSpan {
    ticks: i64,
}

impl TimeSpan {
    pub const ZERO: TimeSpan = TimeSpan { ticks: 0 };
    pub const MAX: TimeSpan = TimeSpan { ticks: i64::MAX };
    pub const MIN: TimeSpan = TimeSpan { ticks: i64::MIN };

    pub const fn from_ticks(ticks: i64) -> TimeSpan {
        TimeSpan { ticks }
    }

    pub const fn ticks(self) -> i64 {
        self.ticks
    }

    /// `end - start` for two dates (sub-tick nanoseconds are dropped, as .NET has none).
    pub fn between(end: time::OffsetDateTime, start: time::OffsetDateTime) -> Option<TimeSpan> {
        let (end, start) = (super::value::ticks_of(end), super::value::ticks_of(start));
        let nanos = (end - start).whole_nanoseconds() / 100;
        i64::try_from(nanos).ok().map(TimeSpan::from_ticks)
    }

    /// The span as a `time::Duration`, for date arithmetic.
    pub fn to_duration(self) -> time::Duration {
        time::Duration::new(
            self.ticks / TICKS_PER_SECOND,
            ((self.ticks % TICKS_PER_SECOND) * 100) as i32,
        )
    }

    /// `new TimeSpan(days, hours, minutes, seconds, milliseconds)`; `None` when it overflows.
    pub fn from_parts(days: i64, hours: i64, minutes: i64, seconds: i64, ms: i64) -> Option<Self> {
        let total_ms = (((i128::from(days) * 24 + i128::from(hours)) * 60 + i128::from(minutes))
            * 60
            + i128::from(seconds))
            * 1000
            + i128::from(ms);
        let ticks = total_ms.checked_mul(i128::from(TICKS_PER_MILLISECOND))?;
        i64::try_from(ticks).ok().map(TimeSpan::from_ticks)
    }

    /// `TimeSpan.FromDays(value)` and friends: `value` units of `ticks_per_unit` ticks,
    /// truncated to whole ticks. The error is the exception message.
    pub fn from_units(value: f64, ticks_per_unit: i64) -> Result<TimeSpan, &'static str> {
        if value.is_nan() {
            return Err(NAN);
        }
        let ticks = value * ticks_per_unit as f64;
        if !(i64::MIN as f64..=i64::MAX as f64).contains(&ticks) {
            return Err(OVERFLOW);
        }
        Ok(TimeSpan::from_ticks(ticks as i64))
    }

    pub fn checked_add(self, other: TimeSpan) -> Option<TimeSpan> {
        self.ticks
            .checked_add(other.ticks)
            .map(TimeSpan::from_ticks)
    }

    pub fn checked_sub(self, other: TimeSpan) -> Option<TimeSpan> {
        self.ticks
            .checked_sub(other.ticks)
            .map(TimeSpan::from_ticks)
    }

    pub fn checked_neg(self) -> Option<TimeSpan> {
        self.ticks.checked_neg().map(TimeSpan::from_ticks)
    }

    /// `Duration()`: the absolute value.
    pub fn checked_abs(self) -> Option<TimeSpan> {
        self.ticks.checked_abs().map(TimeSpan::from_ticks)
    }

    pub fn days(self) -> i64 {
        self.ticks / TICKS_PER_DAY
    }

    pub fn hours(self) -> i64 {
        (self.ticks / TICKS_PER_HOUR) % 24
    }

    pub fn minutes(self) -> i64 {
        (self.ticks / TICKS_PER_MINUTE) % 60
    }

    pub fn seconds(self) -> i64 {
        (self.ticks / TICKS_PER_SECOND) % 60
    }

    pub fn milliseconds(self) -> i64 {
        (self.ticks / TICKS_PER_MILLISECOND) % 1000
    }

    /// A property by name, case-insensitively (`None` for names TimeSpan does not have).
    pub fn property(self, name: &str) -> Option<Value> {
        let t = self.ticks;
        let total = |per: i64| Value::double(t as f64 / per as f64);
        Some(match name.to_ascii_lowercase().as_str() {
            "ticks" => Value::integer(t),
            "days" => Value::integer(self.days()),
            "hours" => Value::integer(self.hours()),
            "minutes" => Value::integer(self.minutes()),
            "seconds" => Value::integer(self.seconds()),
            "milliseconds" => Value::integer(self.milliseconds()),
            "microseconds" => Value::integer((t / 10) % 1000),
            "nanoseconds" => Value::integer((t % 10) * 100),
            "totaldays" => total(TICKS_PER_DAY),
            "totalhours" => total(TICKS_PER_HOUR),
            "totalminutes" => total(TICKS_PER_MINUTE),
            "totalseconds" => total(TICKS_PER_SECOND),
            "totalmilliseconds" => {
                // .NET clamps to the milliseconds a long can count.
                let limit = (i64::MAX / TICKS_PER_MILLISECOND) as f64;
                Value::double((t as f64 / TICKS_PER_MILLISECOND as f64).clamp(-limit, limit))
            }
            "totalmicroseconds" => total(10),
            "totalnanoseconds" => Value::double(t as f64 * 100.0),
            _ => return None,
        })
    }

    /// The components without sign: days, hours, minutes, seconds, fraction (ticks).
    fn parts(self) -> (u64, u64, u64, u64, u64) {
        let t = self.ticks.unsigned_abs();
        let (day, hour, minute, second) = (
            TICKS_PER_DAY as u64,
            TICKS_PER_HOUR as u64,
            TICKS_PER_MINUTE as u64,
            TICKS_PER_SECOND as u64,
        );
        (
            t / day,
            (t / hour) % 24,
            (t / minute) % 60,
            (t / second) % 60,
            t % second,
        )
    }

    /// The `c` format, which `ToString()`, string expansion and `-f` use:
    /// `[-][d.]hh:mm:ss[.fffffff]`.
    pub fn to_constant_string(self) -> String {
        let (d, h, m, s, f) = self.parts();
        let mut out = String::new();
        if self.ticks < 0 {
            out.push('-');
        }
        if d > 0 {
            out.push_str(&format!("{d}."));
        }
        out.push_str(&format!("{h:02}:{m:02}:{s:02}"));
        if f > 0 {
            out.push_str(&format!(".{f:07}"));
        }
        out
    }

    /// `ToString(format)` in the invariant/en-US culture; `None` is a FormatException.
    pub fn format(self, format: &str) -> Option<String> {
        let (d, h, m, s, f) = self.parts();
        let sign = if self.ticks < 0 { "-" } else { "" };
        match format {
            "" | "c" | "t" | "T" => Some(self.to_constant_string()),
            "g" => {
                let mut out = sign.to_string();
                if d > 0 {
                    out.push_str(&format!("{d}:"));
                }
                out.push_str(&format!("{h}:{m:02}:{s:02}"));
                if f > 0 {
                    let frac = format!("{f:07}");
                    out.push('.');
                    out.push_str(frac.trim_end_matches('0'));
                }
                Some(out)
            }
            "G" => Some(format!("{sign}{d}:{h:02}:{m:02}:{s:02}.{f:07}")),
            _ if format.chars().count() == 1 => None,
            _ => custom_format(d, h, m, s, f, format),
        }
    }

    /// `TimeSpan.Parse(text, CultureInfo.InvariantCulture)`:
    /// `[ws][-]{d | [d.]hh:mm[:ss[.fffffff]] | d:hh:mm:ss[.fffffff]}[ws]`. The error is the
    /// exception message.
    pub fn parse(text: &str) -> Result<TimeSpan, String> {
        let bad = || format!("String '{text}' was not recognized as a valid TimeSpan.");
        let range = || {
            format!(
                "The TimeSpan string '{text}' could not be parsed because at least one of the numeric components is out of range or contains too many digits."
            )
        };
        let t = text.trim();
        let (negative, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t),
        };
        if body.is_empty() {
            return Err(bad());
        }
        let number = |p: &str| -> Result<u64, String> {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            p.parse::<u64>().map_err(|_| range())
        };
        // Split off the fraction (after the seconds) and the days (before the hours).
        let colons: Vec<&str> = body.split(':').collect();
        let (days, hms, fraction): (u64, Vec<&str>, Option<&str>) = match colons.len() {
            1 => (number(body)?, Vec::new(), None),
            2 | 3 => {
                let (days, first) = match colons[0].split_once('.') {
                    Some((d, h)) => (number(d)?, h),
                    None => (0, colons[0]),
                };
                let mut parts = vec![first];
                parts.extend(&colons[1..]);
                let last = parts.len() - 1;
                let fraction = if parts.len() == 3 {
                    match parts[last].split_once('.') {
                        Some((sec, frac)) => {
                            parts[last] = sec;
                            Some(frac)
                        }
                        None => None,
                    }
                } else {
                    None
                };
                (days, parts, fraction)
            }
            4 => {
                let mut parts: Vec<&str> = colons[1..].to_vec();
                let fraction = match parts[2].split_once('.') {
                    Some((sec, frac)) => {
                        parts[2] = sec;
                        Some(frac)
                    }
                    None => None,
                };
                (number(colons[0])?, parts, fraction)
            }
            _ => return Err(bad()),
        };
        let mut hms_values = [0u64; 3];
        for (i, p) in hms.iter().enumerate() {
            hms_values[i] = number(p)?;
        }
        let [h, m, s] = hms_values;
        let frac_ticks = match fraction {
            None => 0,
            Some(f) => {
                if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(bad());
                }
                if f.len() > 7 {
                    return Err(range());
                }
                format!("{f:0<7}").parse::<u64>().map_err(|_| bad())?
            }
        };
        if h > 23 || m > 59 || s > 59 || days > 10_675_199 {
            return Err(range());
        }
        let ticks = i128::from(days) * i128::from(TICKS_PER_DAY)
            + i128::from(h) * i128::from(TICKS_PER_HOUR)
            + i128::from(m) * i128::from(TICKS_PER_MINUTE)
            + i128::from(s) * i128::from(TICKS_PER_SECOND)
            + i128::from(frac_ticks);
        let ticks = if negative { -ticks } else { ticks };
        i64::try_from(ticks)
            .map(TimeSpan::from_ticks)
            .map_err(|_| range())
    }
}

/// A custom TimeSpan pattern: `d`–`dddddddd`, `h`/`hh`, `m`/`mm`, `s`/`ss`, `f`–`fffffff`,
/// `F`–`FFFFFFF`, `'literal'`, `"literal"`, `\c`, `%x`. Anything else is a FormatException
/// (`None`), as in .NET (so `hh:mm` fails and scripts write `hh\:mm`).
fn custom_format(d: u64, h: u64, m: u64, s: u64, f: u64, format: &str) -> Option<String> {
    let chars: Vec<char> = format.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut n = 1;
        while i + n < chars.len() && chars[i + n] == c {
            n += 1;
        }
        match c {
            'd' if n <= 8 => out.push_str(&format!("{d:0n$}")),
            'h' if n <= 2 => out.push_str(&format!("{h:0n$}")),
            'm' if n <= 2 => out.push_str(&format!("{m:0n$}")),
            's' if n <= 2 => out.push_str(&format!("{s:0n$}")),
            'f' if n <= 7 => out.push_str(&format!("{f:07}")[..n]),
            'F' if n <= 7 => {
                let digits = format!("{f:07}");
                out.push_str(digits[..n].trim_end_matches('0'));
            }
            '\'' | '"' => {
                let close = chars[i + 1..].iter().position(|&x| x == c)? + i + 1;
                out.extend(&chars[i + 1..close]);
                i = close + 1;
                continue;
            }
            '\\' => {
                out.push(*chars.get(i + 1)?);
                i += 2;
                continue;
            }
            // `%x`: a one-letter custom pattern.
            '%' if n == 1 && chars.get(i + 1).is_some_and(|x| *x != '%') => {
                i += 1;
                continue;
            }
            _ => return None,
        }
        i += n;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> TimeSpan {
        TimeSpan::parse(text).expect("parses")
    }

    #[test]
    fn constant_format() {
        assert_eq!(ts("00:30:00").to_constant_string(), "00:30:00");
        assert_eq!(
            ts("1.02:03:04.5").to_constant_string(),
            "1.02:03:04.5000000"
        );
        assert_eq!(ts("-00:00:01").to_constant_string(), "-00:00:01");
        assert_eq!(
            TimeSpan::from_ticks(1).to_constant_string(),
            "00:00:00.0000001"
        );
    }

    #[test]
    fn parse_forms() {
        assert_eq!(ts("5").days(), 5);
        assert_eq!(ts("1:30").minutes(), 30);
        assert_eq!(ts(" 1:02:03:04 ").to_constant_string(), "1.02:03:04");
        assert!(
            TimeSpan::parse("abc")
                .unwrap_err()
                .contains("'abc' was not recognized")
        );
        assert!(
            TimeSpan::parse("25:00")
                .unwrap_err()
                .contains("out of range")
        );
        assert!(TimeSpan::parse("1:2:3:4:5").is_err());
        assert!(TimeSpan::parse("-").is_err());
        assert!(TimeSpan::parse("99999999999999999999").is_err());
    }

    #[test]
    fn custom_and_standard_formats() {
        let t = ts("1.02:03:04.5");
        assert_eq!(t.format("hh\\:mm\\:ss").as_deref(), Some("02:03:04"));
        assert_eq!(t.format("g").as_deref(), Some("1:2:03:04.5"));
        assert_eq!(t.format("G").as_deref(), Some("1:02:03:04.5000000"));
        assert_eq!(t.format("%d").as_deref(), Some("1"));
        assert_eq!(t.format("d' days 'h' h'").as_deref(), Some("1 days 2 h"));
        assert_eq!(t.format("ss\\.fff").as_deref(), Some("04.500"));
        assert_eq!(t.format("ss\\.FFF").as_deref(), Some("04.5"));
        assert_eq!(t.format("hh:mm"), None);
        assert_eq!(t.format("x"), None);
        assert_eq!(t.format("hhh"), None);
        assert_eq!(t.format("'open"), None);
        assert_eq!(t.format("\\"), None);
    }

    #[test]
    fn properties_and_units() {
        let t = TimeSpan::from_parts(0, 1, 25, 0, 0).expect("fits");
        assert_eq!(t.ticks(), 51_000_000_000);
        assert!(
            matches!(t.property("totalminutes"), Some(x) if x.type_name() == "System.Double" && x.as_f64() == Some(85.0))
        );
        assert!(t.property("nope").is_none());
        assert_eq!(
            TimeSpan::from_units(1.5, TICKS_PER_MINUTE),
            Ok(ts("00:01:30"))
        );
        assert_eq!(TimeSpan::from_units(f64::NAN, 1), Err(NAN));
        assert_eq!(TimeSpan::from_units(1e300, TICKS_PER_DAY), Err(OVERFLOW));
        assert!(TimeSpan::from_parts(i32::MAX as i64, 0, 0, 0, 0).is_none());
        assert_eq!(TimeSpan::MIN.format("c").map(|s| s.len()), Some(26));
    }
}
