//! The two cultures aapsh formats in, as .NET on Linux has them: the invariant culture (what
//! pwsh uses when `LANG` is unset, as in CI) and en-US (a `LANG` of English). They differ in
//! date and time patterns, the currency symbol and the percent pattern; names of days and
//! months are English in both. The culture is chosen once from the environment, as .NET does.

/// One culture's formatting data (CultureInfo.DateTimeFormat and NumberFormat).
#[derive(Debug, PartialEq, Eq)]
pub struct Culture {
    /// `(Get-Culture).Name`: empty for the invariant culture.
    pub name: &'static str,
    pub short_date: &'static str,
    pub long_date: &'static str,
    pub short_time: &'static str,
    pub long_time: &'static str,
    pub month_day: &'static str,
    pub year_month: &'static str,
    pub currency_symbol: &'static str,
    /// Currency: `$n` / `¤n`, and the negative forms `-$n` / `(¤n)`.
    pub currency_negative_parens: bool,
    /// Percent: `n %` (invariant) or `n%` (en-US).
    pub percent_space: bool,
    pub percent_decimals: usize,
}

pub static INVARIANT: Culture = Culture {
    name: "",
    short_date: "MM/dd/yyyy",
    long_date: "dddd, dd MMMM yyyy",
    short_time: "HH:mm",
    long_time: "HH:mm:ss",
    month_day: "MMMM dd",
    year_month: "yyyy MMMM",
    currency_symbol: "¤",
    currency_negative_parens: true,
    percent_space: true,
    percent_decimals: 2,
};

pub static EN_US: Culture = Culture {
    name: "en-US",
    short_date: "M/d/yyyy",
    long_date: "dddd, MMMM d, yyyy",
    short_time: "h:mm tt",
    long_time: "h:mm:ss tt",
    month_day: "MMMM d",
    year_month: "MMMM yyyy",
    currency_symbol: "$",
    currency_negative_parens: false,
    percent_space: false,
    percent_decimals: 3,
};

impl Culture {
    /// The culture .NET picks from the environment: `LC_ALL`, else `LANG`; English is en-US,
    /// anything else (including unset, `C` and `POSIX`) the invariant culture.
    pub fn from_env() -> &'static Culture {
        let value = ["LC_ALL", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Culture::named(&value)
    }

    /// The culture a locale name (`en_US.UTF-8`, `en-US`, `C`) stands for.
    pub fn named(locale: &str) -> &'static Culture {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("en") {
            &EN_US
        } else {
            &INVARIANT
        }
    }

    /// `G`: the short date and the long time.
    pub fn general(&self) -> String {
        format!("{} {}", self.short_date, self.long_time)
    }

    /// The custom pattern a standard date format stands for (`d`, `D`, `g`, `G`, `f`, `F`, `t`,
    /// `T`, `M`, `Y`), or None.
    pub fn date_pattern(&self, format: &str) -> Option<String> {
        Some(match format {
            "d" => self.short_date.to_string(),
            "D" => self.long_date.to_string(),
            "t" => self.short_time.to_string(),
            "T" => self.long_time.to_string(),
            "g" => format!("{} {}", self.short_date, self.short_time),
            "G" => self.general(),
            "f" => format!("{} {}", self.long_date, self.short_time),
            "F" => format!("{} {}", self.long_date, self.long_time),
            "M" | "m" => self.month_day.to_string(),
            "Y" | "y" => self.year_month.to_string(),
            _ => return None,
        })
    }
}

impl Default for &'static Culture {
    fn default() -> Self {
        &INVARIANT
    }
}
