//! Colour roles, painted the way pwsh 7.4 paints them (`$PSStyle.Formatting.*`, `ESC[31;1m`
//! style: colour first, then bold) and Write-Host's ConsoleColor names. Colour numbers come
//! from the `colored` crate's `Color`; the sequences are assembled here so that colored's
//! global on/off switch (which only looks at stdout) never decides for stderr. Must not decide
//! *whether* to colour: the caller passes that in.

use colored::Color;

/// `$PSStyle.Reset`.
pub const RESET: &str = "\x1b[0m";

/// One `$PSStyle.Formatting` role: a foreground colour, bold or not.
#[derive(Clone, Copy, Debug)]
struct Role {
    color: Color,
    bold: bool,
}

impl Role {
    fn sequence(self) -> String {
        let code = self.color.to_fg_str();
        if self.bold {
            format!("\x1b[{code};1m")
        } else {
            format!("\x1b[{code}m")
        }
    }
}

/// pwsh 7.4 defaults: Error `ESC[31;1m`, ErrorAccent `ESC[36;1m`, FormatAccent and TableHeader
/// `ESC[32;1m`, Warning/Verbose/Debug `ESC[33;1m`.
const ERROR: Role = Role {
    color: Color::Red,
    bold: true,
};
const ERROR_ACCENT: Role = Role {
    color: Color::Cyan,
    bold: true,
};
const FORMAT_ACCENT: Role = Role {
    color: Color::Green,
    bold: true,
};
const TABLE_HEADER: Role = Role {
    color: Color::Green,
    bold: true,
};
const WARNING: Role = Role {
    color: Color::Yellow,
    bold: true,
};
const VERBOSE: Role = Role {
    color: Color::Yellow,
    bold: true,
};
const DEBUG: Role = Role {
    color: Color::Yellow,
    bold: true,
};

/// Paints text by semantic role; every method returns the text unchanged when disabled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    enabled: bool,
}

impl Palette {
    pub fn new(enabled: bool) -> Palette {
        Palette { enabled }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    fn paint(&self, role: Role, s: &str) -> String {
        if self.enabled {
            format!("{}{s}{RESET}", role.sequence())
        } else {
            s.to_string()
        }
    }

    fn code(&self, role: Role) -> String {
        if self.enabled {
            role.sequence()
        } else {
            String::new()
        }
    }

    /// The bare opening sequence of the Error role ("" when disabled).
    pub fn error_code(&self) -> String {
        self.code(ERROR)
    }

    /// The bare opening sequence of the ErrorAccent role ("" when disabled).
    pub fn error_accent_code(&self) -> String {
        self.code(ERROR_ACCENT)
    }

    /// The bare opening sequence of the TableHeader role ("" when disabled).
    pub fn table_header_code(&self) -> String {
        self.code(TABLE_HEADER)
    }

    /// `$PSStyle.Reset` ("" when disabled).
    pub fn reset(&self) -> &'static str {
        if self.enabled { RESET } else { "" }
    }

    pub fn error(&self, s: &str) -> String {
        self.paint(ERROR, s)
    }

    pub fn error_accent(&self, s: &str) -> String {
        self.paint(ERROR_ACCENT, s)
    }

    /// List labels (incl. padding and ` : `).
    pub fn format_accent(&self, s: &str) -> String {
        self.paint(FORMAT_ACCENT, s)
    }

    pub fn table_header(&self, s: &str) -> String {
        self.paint(TABLE_HEADER, s)
    }

    pub fn warning(&self, s: &str) -> String {
        self.paint(WARNING, s)
    }

    pub fn verbose(&self, s: &str) -> String {
        self.paint(VERBOSE, s)
    }

    pub fn debug(&self, s: &str) -> String {
        self.paint(DEBUG, s)
    }

    /// Write-Host `-ForegroundColor` / `-BackgroundColor`: ConsoleColor names, case-insensitive.
    /// Unknown names are ignored (the binder rejects them before we get here).
    pub fn console_color(&self, s: &str, fg: Option<&str>, bg: Option<&str>) -> String {
        if !self.enabled {
            return s.to_string();
        }
        let mut codes = Vec::new();
        if let Some(c) = fg.and_then(console_color) {
            codes.push(c.to_fg_str().into_owned());
        }
        if let Some(c) = bg.and_then(console_color) {
            codes.push(c.to_bg_str().into_owned());
        }
        if codes.is_empty() {
            return s.to_string();
        }
        format!("\x1b[{}m{s}{RESET}", codes.join(";"))
    }
}

/// `System.ConsoleColor` names in enum order, with the ANSI colour a terminal shows for each.
const CONSOLE_COLORS: &[(&str, Color)] = &[
    ("Black", Color::Black),
    ("DarkBlue", Color::Blue),
    ("DarkGreen", Color::Green),
    ("DarkCyan", Color::Cyan),
    ("DarkRed", Color::Red),
    ("DarkMagenta", Color::Magenta),
    ("DarkYellow", Color::Yellow),
    ("Gray", Color::White),
    ("DarkGray", Color::BrightBlack),
    ("Blue", Color::BrightBlue),
    ("Green", Color::BrightGreen),
    ("Cyan", Color::BrightCyan),
    ("Red", Color::BrightRed),
    ("Magenta", Color::BrightMagenta),
    ("Yellow", Color::BrightYellow),
    ("White", Color::BrightWhite),
];

fn console_color(name: &str) -> Option<Color> {
    CONSOLE_COLORS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, c)| *c)
}

/// True for the sixteen `System.ConsoleColor` names (case-insensitive).
pub fn is_console_color(name: &str) -> bool {
    console_color(name).is_some()
}

/// The canonical spelling of a ConsoleColor name (`darkred` → `DarkRed`), for messages.
pub fn console_color_name(name: &str) -> Option<&'static str> {
    CONSOLE_COLORS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(n, _)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_use_pwsh_byte_order() {
        let p = Palette::new(true);
        assert_eq!(p.error("x"), "\x1b[31;1mx\x1b[0m");
        assert_eq!(p.error_accent("x"), "\x1b[36;1mx\x1b[0m");
        assert_eq!(p.format_accent("x"), "\x1b[32;1mx\x1b[0m");
        assert_eq!(p.warning("x"), "\x1b[33;1mx\x1b[0m");
        assert_eq!(Palette::new(false).error("x"), "x");
    }

    #[test]
    fn console_colors() {
        let p = Palette::new(true);
        assert_eq!(
            p.console_color("hi", Some("darkred"), None),
            "\x1b[31mhi\x1b[0m"
        );
        assert_eq!(
            p.console_color("hi", Some("White"), Some("DarkBlue")),
            "\x1b[97;44mhi\x1b[0m"
        );
        assert_eq!(p.console_color("hi", Some("nope"), None), "hi");
        assert!(is_console_color("DARKYELLOW"));
        assert!(!is_console_color("Orange"));
        assert_eq!(console_color_name("gray"), Some("Gray"));
        assert_eq!(
            Palette::new(false).console_color("hi", Some("Red"), None),
            "hi"
        );
    }
}
