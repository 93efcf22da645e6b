//! Character classes as .NET builds them (`RegexCharClass`): ranges of UTF-16 code units,
//! Unicode categories each possibly negated (`\P{L}`, `\D` inside `[...]`), the class's own
//! negation (`[^...]`) and a subtraction (`[a-z-[aeiou]]`). Under IgnoreCase the ranges (not
//! the categories) gain their case equivalents when the class is built, as .NET's
//! `AddCaseEquivalences` does, so `[^a]` rejects `A`.

use super::unicode::{self, CategoryMask};

/// One test a class applies besides its ranges.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    /// In one of these categories (or, negated, in none of them).
    Categories(CategoryMask, bool),
    /// `\s` / `\S`: `char.IsWhiteSpace`.
    Space(bool),
    /// `\w` / `\W`.
    Word(bool),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CharClass {
    pub negate: bool,
    /// Sorted, non-overlapping, inclusive.
    ranges: Vec<(u16, u16)>,
    tests: Vec<Test>,
    subtraction: Option<Box<CharClass>>,
    /// Bit n: ASCII unit n is in the class (the whole answer, subtraction included).
    ascii: [u64; 2],
}

impl CharClass {
    pub fn new() -> CharClass {
        CharClass::default()
    }

    /// `.` with Singleline, and what `[\s\S]` amounts to.
    pub fn any() -> CharClass {
        let mut c = CharClass::new();
        c.add_range(0, 0xFFFF);
        c.finish()
    }

    pub fn add_range(&mut self, first: u16, last: u16) {
        self.ranges.push((first, last));
    }

    pub fn add_char(&mut self, c: u16) {
        self.ranges.push((c, c));
    }

    pub fn add_test(&mut self, test: Test) {
        self.tests.push(test);
    }

    /// `\d` (`\D` when negated); ECMAScript's is `[0-9]`.
    pub fn add_digit(&mut self, ecma: bool, negate: bool) {
        if ecma {
            if negate {
                self.add_range(0, b'0' as u16 - 1);
                self.add_range(b'9' as u16 + 1, 0xFFFF);
            } else {
                self.add_range(b'0' as u16, b'9' as u16);
            }
        } else {
            self.add_test(Test::Categories(unicode::bit(unicode::ND), negate));
        }
    }

    /// `\s`; ECMAScript's is `[\f\n\r\t\v ]`.
    pub fn add_space(&mut self, ecma: bool, negate: bool) {
        if ecma {
            let set: &[(u16, u16)] = if negate {
                &[(0, 8), (0x0E, 0x1F), (0x21, 0xFFFF)]
            } else {
                &[(9, 0x0D), (0x20, 0x20)]
            };
            for &(a, b) in set {
                self.add_range(a, b);
            }
        } else {
            self.add_test(Test::Space(negate));
        }
    }

    /// `\w`; ECMAScript's is `[a-zA-Z_0-9]`.
    pub fn add_word(&mut self, ecma: bool, negate: bool) {
        if ecma {
            let set: &[(u16, u16)] = if negate {
                &[
                    (0, 0x2F),
                    (0x3A, 0x40),
                    (0x5B, 0x5E),
                    (0x60, 0x60),
                    (0x7B, 0xFFFF),
                ]
            } else {
                &[(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
            };
            for &(a, b) in set {
                self.add_range(a, b);
            }
        } else {
            self.add_test(Test::Word(negate));
        }
    }

    pub fn set_subtraction(&mut self, sub: CharClass) {
        self.subtraction = Some(Box::new(sub));
    }

    /// Adds every case equivalent of the ranges (IgnoreCase).
    pub fn add_case_equivalences(&mut self) {
        let mut extra = Vec::new();
        for &(a, b) in &self.ranges {
            if a == 0 && b == 0xFFFF {
                continue;
            }
            for u in a..=b {
                for e in unicode::equivalents(u) {
                    if e != u {
                        extra.push((e, e));
                    }
                }
            }
        }
        self.ranges.extend(extra);
    }

    /// Sorts and merges the ranges and computes the ASCII table; call once when built.
    pub fn finish(mut self) -> CharClass {
        self.ranges.sort_unstable();
        let mut merged: Vec<(u16, u16)> = Vec::with_capacity(self.ranges.len());
        for &(a, b) in &self.ranges {
            match merged.last_mut() {
                Some(last) if a as u32 <= last.1 as u32 + 1 => {
                    if b > last.1 {
                        last.1 = b;
                    }
                }
                _ => merged.push((a, b)),
            }
        }
        self.ranges = merged;
        if let Some(sub) = self.subtraction.take() {
            self.subtraction = Some(Box::new(sub.finish()));
        }
        let mut ascii = [0u64; 2];
        for u in 0..128u16 {
            if self.slow_contains(u) {
                ascii[(u >> 6) as usize] |= 1 << (u & 63);
            }
        }
        self.ascii = ascii;
        self
    }

    #[inline]
    pub fn contains(&self, u: u16) -> bool {
        if u < 128 {
            return self.ascii[(u >> 6) as usize] & (1 << (u & 63)) != 0;
        }
        self.slow_contains(u)
    }

    fn slow_contains(&self, u: u16) -> bool {
        let mut hit = self.in_ranges(u) || self.tests.iter().any(|t| test(t, u));
        if self.negate {
            hit = !hit;
        }
        if hit && let Some(sub) = &self.subtraction {
            hit = !sub.contains(u);
        }
        hit
    }

    fn in_ranges(&self, u: u16) -> bool {
        // Binary search over the sorted ranges.
        let (mut lo, mut hi) = (0usize, self.ranges.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (a, b) = self.ranges[mid];
            if u < a {
                hi = mid;
            } else if u > b {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        false
    }

    /// The one unit this class matches, if it is a single unit (for literal prefixes).
    pub fn single(&self) -> Option<u16> {
        match (
            self.negate,
            self.tests.is_empty(),
            &self.subtraction,
            &self.ranges[..],
        ) {
            (false, true, None, [(a, b)]) if a == b => Some(*a),
            _ => None,
        }
    }
}

fn test(t: &Test, u: u16) -> bool {
    match *t {
        Test::Categories(mask, negate) => {
            (mask & unicode::bit(unicode::category(u)) != 0) != negate
        }
        Test::Space(negate) => unicode::is_space(u) != negate,
        Test::Word(negate) => unicode::is_word(u) != negate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_negation_and_subtraction() {
        let mut c = CharClass::new();
        c.add_range(b'a' as u16, b'z' as u16);
        let mut sub = CharClass::new();
        for v in "aeiou".encode_utf16() {
            sub.add_char(v);
        }
        c.set_subtraction(sub);
        let c = c.finish();
        assert!(c.contains(b'b' as u16));
        assert!(!c.contains(b'e' as u16));
        assert!(!c.contains(b'B' as u16));
    }

    #[test]
    fn case_equivalents_apply_before_negation() {
        let mut c = CharClass::new();
        c.negate = true;
        c.add_char(b'a' as u16);
        c.add_case_equivalences();
        let c = c.finish();
        assert!(!c.contains(b'A' as u16));
        assert!(c.contains(b'b' as u16));
    }

    #[test]
    fn unicode_word_and_digit() {
        let mut w = CharClass::new();
        w.add_word(false, false);
        let w = w.finish();
        assert!(w.contains('Ü' as u16));
        assert!(!w.contains('-' as u16));
        let mut d = CharClass::new();
        d.add_digit(false, false);
        let d = d.finish();
        assert!(d.contains('٣' as u16));
    }
}
