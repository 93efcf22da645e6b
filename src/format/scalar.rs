//! How Out-Default prints values that are not property bags: strings raw, numbers and
//! booleans by their ToString, dates in the culture's long form (`Thursday, 26 November 2026
//! 05:33:01` invariant), script blocks by their text. Also the date text used inside cells.
//! Must not decide grouping or framing (see `out_default`).

use crate::runtime::Value;
use crate::runtime::culture::Culture;
use crate::runtime::dotnet_format::format_date;

use super::collection::dotnet_to_string;

/// `DateTime.ToString()` in the culture (`G`), as a date shows inside a table cell or list
/// value: `11/26/2026 05:33:01` (invariant), `11/26/2026 5:33:01 AM` (en-US).
pub fn datetime_short(dt: time::OffsetDateTime, culture: &Culture) -> String {
    format_date(dt, "G", culture)
}

/// `ToLongDateString() + ' ' + ToLongTimeString()` in the culture, what pwsh prints for a lone
/// DateTime: `Thursday, 26 November 2026 05:33:01` (invariant),
/// `Thursday, November 26, 2026 5:33:01 AM` (en-US).
pub fn datetime_long(dt: time::OffsetDateTime, culture: &Culture) -> String {
    format!(
        "{} {}",
        format_date(dt, "D", culture),
        format_date(dt, "T", culture)
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
        | Value::SecureString(_) => {
            Some(dotnet_to_string(value, &crate::runtime::culture::INVARIANT))
        }
        // An enum value shows its name.
        Value::Enum(e) => Some(e.text()),
        // A script class instance without public properties shows its ToString() (its class
        // name), as pwsh's formatter does for an object with nothing to tabulate.
        Value::Object(o)
            if o.borrow().is_empty()
                && matches!(
                    o.borrow().native,
                    Some(crate::runtime::value::Native::ScriptInstance(_))
                ) =>
        {
            Some(o.borrow().to_ps_string())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn long_and_short_dates() {
        use crate::runtime::culture::{EN_US, INVARIANT};
        let dt = datetime!(2026-11-26 05:33:01 UTC);
        assert_eq!(
            datetime_long(dt, &EN_US),
            "Thursday, November 26, 2026 5:33:01 AM"
        );
        assert_eq!(datetime_short(dt, &EN_US), "11/26/2026 5:33:01 AM");
        // pwsh 7.6.10 with LANG unset: `Thursday, 26 November 2026 09:00:00`.
        assert_eq!(
            datetime_long(dt, &INVARIANT),
            "Thursday, 26 November 2026 05:33:01"
        );
        assert_eq!(datetime_short(dt, &INVARIANT), "11/26/2026 05:33:01");
        let noon = datetime!(2026-01-04 12:00:09 UTC);
        assert_eq!(
            datetime_long(noon, &EN_US),
            "Sunday, January 4, 2026 12:00:09 PM"
        );
        let midnight = datetime!(2026-01-04 00:07:00 UTC);
        assert_eq!(datetime_short(midnight, &EN_US), "1/4/2026 12:07:00 AM");
    }

    #[test]
    fn scalars() {
        assert_eq!(scalar_text(&Value::Bool(true)).as_deref(), Some("True"));
        assert_eq!(scalar_text(&Value::double(1.5)).as_deref(), Some("1.5"));
        assert_eq!(scalar_text(&Value::str("a\nb")).as_deref(), Some("a\nb"));
        assert_eq!(scalar_text(&Value::Null), None);
    }
}
