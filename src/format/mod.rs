//! Temporary stand-in until the format branch lands (same API, plain text).

use crate::runtime::{ErrorRecord, Value};

#[derive(Clone, Debug)]
pub struct FormatOptions {
    pub width: usize,
    pub color: bool,
    pub enumeration_limit: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorView {
    Concise,
    Normal,
}

#[derive(Default)]
pub struct OutDefault;

impl OutDefault {
    pub fn new() -> Self {
        OutDefault
    }
    pub fn write(&mut self, value: &Value, _opts: &FormatOptions) -> String {
        format!("{}\n", value.to_ps_string())
    }
    pub fn flush(&mut self, _opts: &FormatOptions) -> String {
        String::new()
    }
}

pub fn render_error(record: &ErrorRecord, _view: ErrorView, _opts: &FormatOptions) -> String {
    format!("{}\n", record.exception.message)
}

pub fn render_warning(text: &str, _opts: &FormatOptions) -> String {
    format!("WARNING: {text}\n")
}

pub fn render_verbose(text: &str, _opts: &FormatOptions) -> String {
    format!("VERBOSE: {text}\n")
}

pub fn paint_console(text: &str, _fg: Option<&str>, _bg: Option<&str>) -> String {
    text.to_string()
}

pub fn out_string(values: &[Value], opts: &FormatOptions) -> String {
    let mut o = OutDefault::new();
    let mut s = String::new();
    for v in values {
        s.push_str(&o.write(v, opts));
    }
    s.push_str(&o.flush(opts));
    s
}
