use super::*;

fn first(pattern: &str, options: u32, input: &str) -> Option<String> {
    let re = Regex::new(pattern, options).unwrap();
    let u = units(input);
    re.find(&u).unwrap().map(|m| text(&u, (m.index(), m.len())))
}

fn group(pattern: &str, input: &str, name: &str) -> Option<String> {
    let re = Regex::new(pattern, 0).unwrap();
    let u = units(input);
    let m = re.find(&u).unwrap()?;
    m.group(re.slot_by_name(name)?).map(|g| text(&u, g))
}

fn replace(pattern: &str, options: u32, input: &str, rep: &str) -> String {
    let re = Regex::new(pattern, options).unwrap();
    let u = units(input);
    let r = Replacement::parse(&re, rep);
    String::from_utf16_lossy(&re.replace(&u, &r, None).unwrap())
}

fn split(pattern: &str, options: u32, input: &str, count: usize) -> Vec<String> {
    let re = Regex::new(pattern, options).unwrap();
    let u = units(input);
    re.split(&u, count)
        .unwrap()
        .iter()
        .map(|p| String::from_utf16_lossy(p))
        .collect()
}

fn count(pattern: &str, options: u32, input: &str) -> usize {
    let re = Regex::new(pattern, options).unwrap();
    let u = units(input);
    let start = if re.right_to_left() { u.len() } else { 0 };
    re.find_all(&u, start, None).unwrap().len()
}

#[test]
fn literals_classes_and_quantifiers() {
    assert_eq!(first("\\d+", 0, "abc123").as_deref(), Some("123"));
    assert_eq!(first("<.+?>", 0, "<a><b>").as_deref(), Some("<a>"));
    assert_eq!(first("<.+>", 0, "<a><b>").as_deref(), Some("<a><b>"));
    assert_eq!(first("a{2,3}?", 0, "aaaa").as_deref(), Some("aa"));
    assert_eq!(first("^a{2,3}$", 0, "aaaa"), None);
    assert_eq!(first("x{2,}", 0, "xxxx").as_deref(), Some("xxxx"));
    assert_eq!(first("a{,2}", 0, "a{,2}").as_deref(), Some("a{,2}"));
    assert_eq!(first("[^abc]", 0, "abd").as_deref(), Some("d"));
    assert_eq!(
        first("^(\\d{1,3}\\.){3}\\d{1,3}$", 0, "10.0.0.1").as_deref(),
        Some("10.0.0.1")
    );
    assert_eq!(first("(ab)*c", 0, "xababc").as_deref(), Some("ababc"));
    assert_eq!(
        first("(a|ab)(c|bcd)(d*)", 0, "abcd").as_deref(),
        Some("abcd")
    );
    assert_eq!(first("(?:a*)*b", 0, "aaab").as_deref(), Some("aaab"));
    assert_eq!(first("(a*)*", 0, "b").as_deref(), Some(""));
    assert_eq!(first("(a?){3}", 0, "aa").as_deref(), Some("aa"));
    assert_eq!(
        first("(?:ab){2,3}?c", 0, "abababc").as_deref(),
        Some("abababc")
    );
}

#[test]
fn case_options_and_anchors() {
    assert_eq!(
        first("abc", opt::IGNORE_CASE, "xABC").as_deref(),
        Some("ABC")
    );
    assert_eq!(first("abc", 0, "ABC"), None);
    assert_eq!(first("(?i)abc", 0, "ABC").as_deref(), Some("ABC"));
    assert_eq!(
        first("[a-z]+", opt::IGNORE_CASE, "XY").as_deref(),
        Some("XY")
    );
    assert_eq!(first("[^a]", opt::IGNORE_CASE, "A"), None);
    assert_eq!(first("^two$", 0, "one\ntwo"), None);
    assert_eq!(first("(?m)^two$", 0, "one\ntwo").as_deref(), Some("two"));
    assert_eq!(first("a$", 0, "a\n").as_deref(), Some("a"));
    assert_eq!(first("a\\z", 0, "a\n"), None);
    assert_eq!(first("a.b", 0, "a\nb"), None);
    assert_eq!(first("(?s)a.b", 0, "a\nb").as_deref(), Some("a\nb"));
    assert_eq!(
        first("(?x) a  b  c  # letters", 0, "abc").as_deref(),
        Some("abc")
    );
    assert_eq!(count("\\bcat\\b", 0, "cat concat"), 1);
    assert_eq!(first("^\\w+$", 0, "Ünïcödé").as_deref(), Some("Ünïcödé"));
    assert_eq!(first("\\d", 0, "٣").as_deref(), Some("٣"));
    assert_eq!(first("\\d", opt::ECMA_SCRIPT, "٣"), None);
    assert_eq!(first("\\p{Lu}", 0, "abC").as_deref(), Some("C"));
    assert_eq!(first("[\\p{L}-[a-z]]+", 0, "abCDe").as_deref(), Some("CD"));
}

#[test]
fn lookaround_atomic_and_backreferences() {
    assert_eq!(
        first("\\d+(?=USD)", 0, "price: 100USD").as_deref(),
        Some("100")
    );
    assert_eq!(first("foo(?!bar)", 0, "foobar"), None);
    assert_eq!(first("(?<=USD)\\d+", 0, "USD100").as_deref(), Some("100"));
    assert_eq!(first("(?<!a)1", 0, "a1"), None);
    assert_eq!(first("(?<=x+)abc", 0, "xxabc").as_deref(), Some("abc"));
    assert_eq!(first("(?>a+)b", 0, "aaab").as_deref(), Some("aaab"));
    assert_eq!(first("(?>a+)ab", 0, "aaab"), None);
    assert_eq!(first("(l)\\1", 0, "hello").as_deref(), Some("ll"));
    assert_eq!(
        first("(?<t>xyz)\\k<t>", 0, "xyzxyz").as_deref(),
        Some("xyzxyz")
    );
    assert_eq!(
        first("(a)\\1", opt::IGNORE_CASE, "aA").as_deref(),
        Some("aA")
    );
    assert_eq!(
        first("^(\\()?a(?(1)\\))$", 0, "(a)").as_deref(),
        Some("(a)")
    );
    assert_eq!(first("^(\\()?a(?(1)\\))$", 0, "(a"), None);
    assert_eq!(first("^(?(a)ab|cd)$", 0, "cd").as_deref(), Some("cd"));
    let balanced = "^(?:[^()]|(?<o>\\()|(?<-o>\\)))*(?(o)(?!))$";
    assert!(first(balanced, 0, "((a))").is_some());
    assert!(first(balanced, 0, "((a)").is_none());
    assert_eq!(
        group("(?<o>\\()a(?<c-o>\\))", "(a)", "c").as_deref(),
        Some("a")
    );
}

#[test]
fn group_numbers_names_and_captures() {
    let re = Regex::new("(?<n>a)(b)", 0).unwrap();
    assert_eq!(re.names, ["0", "1", "n"]);
    assert_eq!(group("(?<n>a)(b)", "ab", "1").as_deref(), Some("b"));
    assert_eq!(group("(?<n>a)(b)", "ab", "n").as_deref(), Some("a"));
    let re = Regex::new("(\\w)+", 0).unwrap();
    let m = re.find(&units("abc")).unwrap().unwrap();
    assert_eq!(m.caps[1].len(), 3);
    assert_eq!(m.group(1), Some((2, 1)));
    let re = Regex::new("(a)|b", opt::EXPLICIT_CAPTURE).unwrap();
    assert_eq!(re.names, ["0"]);
}

#[test]
fn scanning_replacing_and_splitting() {
    assert_eq!(count("x*", 0, "abc"), 4);
    assert_eq!(count("a", opt::IGNORE_CASE, "A a"), 2);
    let re = Regex::new("abc", opt::RIGHT_TO_LEFT).unwrap();
    assert_eq!(re.find(&units("abcabc")).unwrap().unwrap().index(), 3);
    assert_eq!(replace("(\\w)(\\w)", 0, "abcd", "$2$1"), "badc");
    assert_eq!(replace("b", 0, "abc", "<$0>|<$&>"), "a<b>|<b>c");
    assert_eq!(replace("b", 0, "abc", "[$`|$']"), "a[a|c]c");
    assert_eq!(replace("(?<x>b)", 0, "abc", "${y}"), "a${y}c");
    assert_eq!(replace("(?<x>b)", 0, "abc", "${x}$$"), "ab$c");
    assert_eq!(replace("b", 0, "abc", "$1$"), "a$1$c");
    assert_eq!(replace("b", 0, "abc", "$_"), "aabcc");
    assert_eq!(
        replace("(?<=\\d)(?=(\\d{3})+$)", 0, "1234567", ","),
        "1,234,567"
    );
    assert_eq!(replace("x*", 0, "ab", "-"), "-a-b-");
    assert_eq!(split("\\d", 0, "a1b2c", 0), ["a", "b", "c"]);
    assert_eq!(split("(-)", 0, "a-b", 0), ["a", "-", "b"]);
    assert_eq!(split("-", 0, "1-2-3-4", 3), ["1", "2", "3-4"]);
    assert_eq!(split("-", opt::RIGHT_TO_LEFT, "1-2-3-4", 2), ["1-2-3", "4"]);
    assert_eq!(split("(?=[A-Z])", 0, "CamelCase", 0), ["", "Camel", "Case"]);
}

#[test]
fn errors_escape_and_unescape() {
    assert_eq!(
        Regex::new("(", 0).unwrap_err(),
        "Invalid pattern '(' at offset 1. Not enough )'s."
    );
    assert_eq!(
        Regex::new("[abc", 0).unwrap_err(),
        "Invalid pattern '[abc' at offset 4. Unterminated [] set."
    );
    assert_eq!(
        escape("a.b*c?(d)[e] {f} $^|\\"),
        "a\\.b\\*c\\?\\(d\\)\\[e]\\ \\{f}\\ \\$\\^\\|\\\\"
    );
    assert_eq!(escape("tab\tspace "), "tab\\tspace\\ ");
    assert_eq!(unescape("a\\.b\\tc").unwrap(), "a.b\tc");
    assert!(unescape("\\q").is_err());
    assert_eq!(option_names("IgnoreCase, Multiline"), Some(3));
    assert_eq!(option_text(3), "IgnoreCase, Multiline");
}

#[test]
fn hostile_patterns_end() {
    // Exponential backtracking stops at the budget instead of running for ever.
    let re = Regex::new("(a+)+$", 0).unwrap().with_budget(100_000);
    let input = format!("{}b", "a".repeat(40));
    assert_eq!(re.find(&units(&input)), Err(Timeout));
    // Deep nesting is refused before anything recursive sees it.
    let deep = format!("{}a{}", "(".repeat(100_000), ")".repeat(100_000));
    assert!(
        Regex::new(&deep, 0)
            .unwrap_err()
            .contains("nested too deeply")
    );
    let ok = format!("{}a{}", "(".repeat(500), ")".repeat(500));
    assert!(Regex::new(&ok, 0).is_ok());
    // Long inputs run on the explicit stack, not the call stack.
    let long = "ab".repeat(200_000);
    assert_eq!(first("^(ab)*$", 0, &long).map(|s| s.len()), Some(400_000));
    assert_eq!(
        first("^(?:a|b)*?$", 0, &long).map(|s| s.len()),
        Some(400_000)
    );
}
