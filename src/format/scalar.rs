//! How Out-Default prints values that are not property bags: strings raw, numbers and
//! booleans by their ToString, dates in the en-US long form (`Thursday, November 26, 2026
//! 5:33:01 AM`), script blocks by their text. Also the en-US short date used inside cells.
//! Must not decide grouping or framing (see `out_default`).

use crate::runtime::Value;

use super::collection::dotnet_to_string;

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `h:mm:ss tt` (en-US long time).
fn time_12h(dt: time::OffsetDateTime) -> String {
    let hour = match dt.hour() % 12 {
        0 => 12,
        h => h,
    };
    let ampm = if dt.hour() < 12 { "AM" } else { "PM" };
    format!("{hour}:{:02}:{:02} {ampm}", dt.minute(), dt.second())
}

/// en-US `DateTime.ToString()`: `M/d/yyyy h:mm:ss tt`, as a date shows inside a table cell or
/// list value.
pub fn datetime_short(dt: time::OffsetDateTime) -> String {
    format!(
        "{}/{}/{} {}",
        dt.month() as u8,
        dt.day(),
        dt.year(),
        time_12h(dt)
    )
}

/// en-US `ToLongDateString() + ' ' + ToLongTimeString()`, what pwsh prints for a lone
/// DateTime: `Thursday, November 26, 2026 5:33:01 AM`.
pub fn datetime_long(dt: time::OffsetDateTime) -> String {
    let day = DAYS[dt.weekday().number_days_from_monday() as usize];
    let month = MONTHS[(dt.month() as usize).saturating_sub(1) % 12];
    format!(
        "{day}, {month} {}, {} {}",
        dt.day(),
        dt.year(),
        time_12h(dt)
    )
}

/// The text of a value Out-Default prints on its own line(s), or `None` for values that are
/// shown through a view (objects, hashtables, GUIDs, dates, errors, `$null`, collections).
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::Bool(_)
        | Value::Num(_)
        | Value::Char(_)
        | Value::String(_)
        | Value::ScriptBlock(_)
        | Value::Type(_)
        | Value::SecureString(_) => Some(dotnet_to_string(value)),
        // An enum value shows its name.
        Value::Object(o) => o.borrow().as_enum().map(|(name, _)| name.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn long_and_short_dates() {
        let dt = datetime!(2026-11-26 05:33:01 UTC);
        assert_eq!(datetime_long(dt), "Thursday, November 26, 2026 5:33:01 AM");
        assert_eq!(datetime_short(dt), "11/26/2026 5:33:01 AM");
        let noon = datetime!(2026-01-04 12:00:09 UTC);
        assert_eq!(datetime_long(noon), "Sunday, January 4, 2026 12:00:09 PM");
        let midnight = datetime!(2026-01-04 00:07:00 UTC);
        assert_eq!(datetime_short(midnight), "1/4/2026 12:07:00 AM");
    }

    #[test]
    fn scalars() {
        assert_eq!(scalar_text(&Value::Bool(true)).as_deref(), Some("True"));
        assert_eq!(scalar_text(&Value::double(1.5)).as_deref(), Some("1.5"));
        assert_eq!(scalar_text(&Value::str("a\nb")).as_deref(), Some("a\nb"));
        assert_eq!(scalar_text(&Value::Null), None);
    }
}
