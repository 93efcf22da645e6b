//! Feeds any text to the parser, as a script and as REPL input would reach it: the parse, the
//! incomplete-input judgement, the highlighter the REPL runs on every key and the tree dump.
//! None of them may panic, overflow the stack or hang.
#![no_main]

use aapsh::syntax::{SourceFile, highlight, parse_script, sexpr};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    match parse_script(SourceFile::new(None, text.as_str())) {
        Ok(ast) => {
            let _ = sexpr(&ast);
        }
        Err(errors) => {
            let _ = errors.is_incomplete();
            for e in &errors.errors {
                assert!(e.span.start <= e.span.end, "inverted span {e:?}");
                assert!(e.span.end as usize <= text.len(), "span past the end {e:?}");
                let (s, t) = (e.span.start as usize, e.span.end as usize);
                assert!(text.is_char_boundary(s) && text.is_char_boundary(t), "span inside a character {e:?}");
            }
        }
    }
    let _ = highlight::classify(&text);
});
