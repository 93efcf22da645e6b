//! Replays every input the fuzzer (`fuzz/`) ever crashed or hung on, saved in
//! `fuzz/regressions/`: the parser, the incomplete-input check and the highlighter must
//! return normally on each, with every error span inside the text and on character boundaries.

use aapsh::syntax::{SourceFile, highlight, parse_script, sexpr};

#[test]
fn fuzz_regressions_parse_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fuzz/regressions")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    for path in files {
        let bytes = std::fs::read(&path).expect("read");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        match parse_script(SourceFile::new(None, text.as_str())) {
            Ok(ast) => {
                let _ = sexpr(&ast);
            }
            Err(errors) => {
                let _ = errors.is_incomplete();
                for e in &errors.errors {
                    let (s, t) = (e.span.start as usize, e.span.end as usize);
                    assert!(
                        s <= t
                            && t <= text.len()
                            && text.is_char_boundary(s)
                            && text.is_char_boundary(t),
                        "{}: bad span {e:?}",
                        path.display()
                    );
                }
            }
        }
        let _ = highlight::classify(&text);
    }
}
