//! What .NET's regular expressions know of Unicode, per UTF-16 code unit: the general
//! category of every unit and the sets of units that match one another under IgnoreCase, both
//! recorded from pwsh into `unicode.tsv` (tests/record/unicode-categories.ps1), and the named
//! blocks `\p{IsGreek}` accepts.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A set of general categories, one bit per category.
pub type CategoryMask = u32;

// The categories in the order of .NET's UnicodeCategory.
pub const LU: u8 = 0;
pub const LL: u8 = 1;
pub const LT: u8 = 2;
pub const LM: u8 = 3;
pub const LO: u8 = 4;
pub const MN: u8 = 5;
pub const ND: u8 = 8;
pub const PC: u8 = 18;

const CODES: [&str; 30] = [
    "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
    "Cs", "Co", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cn",
];

pub fn bit(category: u8) -> CategoryMask {
    1 << category
}

struct Tables {
    categories: Vec<u8>,
    /// Unit → the other units of its case-equivalence set (itself included).
    equivalents: HashMap<u16, Vec<u16>>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut categories = vec![29u8; 0x10000];
        let mut equivalents = HashMap::new();
        for line in include_str!("unicode.tsv").lines() {
            let mut fields = line.split(' ');
            match fields.next() {
                Some("c") => {
                    let first = fields
                        .next()
                        .and_then(|f| usize::from_str_radix(f, 16).ok());
                    let last = fields
                        .next()
                        .and_then(|f| usize::from_str_radix(f, 16).ok());
                    let cat = fields
                        .next()
                        .and_then(|f| CODES.iter().position(|c| *c == f));
                    if let (Some(a), Some(b), Some(cat)) = (first, last, cat) {
                        for slot in categories.iter_mut().take(b.min(0xFFFF) + 1).skip(a) {
                            *slot = cat as u8;
                        }
                    }
                }
                Some("e") => {
                    let set: Vec<u16> = fields
                        .filter_map(|f| u16::from_str_radix(f, 16).ok())
                        .collect();
                    for &u in &set {
                        equivalents.insert(u, set.clone());
                    }
                }
                _ => {}
            }
        }
        Tables {
            categories,
            equivalents,
        }
    })
}

/// The general category of a code unit (an index into the UnicodeCategory order).
pub fn category(u: u16) -> u8 {
    tables().categories[u as usize]
}

/// The units that match `u` under IgnoreCase, `u` included.
pub fn equivalents(u: u16) -> Vec<u16> {
    tables()
        .equivalents
        .get(&u)
        .cloned()
        .unwrap_or_else(|| vec![u])
}

/// Whether two units match under IgnoreCase.
pub fn equal_ignoring_case(a: u16, b: u16) -> bool {
    a == b
        || tables()
            .equivalents
            .get(&a)
            .is_some_and(|set| set.contains(&b))
}

const WORD: CategoryMask =
    (1 << LU) | (1 << LL) | (1 << LT) | (1 << LM) | (1 << LO) | (1 << MN) | (1 << ND) | (1 << PC);

/// `\w`: letters, non-spacing marks, decimal digits and connector punctuation (pwsh says a
/// spacing mark such as U+0903 is not a word character).
pub fn is_word(u: u16) -> bool {
    if u < 128 {
        return u.is_ascii_alphanumeric_u16() || u == b'_' as u16;
    }
    WORD & bit(category(u)) != 0
}

/// A word character for `\b` and group names: `\w` and the zero-width joiner and non-joiner.
pub fn is_boundary_word(u: u16) -> bool {
    is_word(u) || u == 0x200C || u == 0x200D
}

/// `\s`: `char.IsWhiteSpace`.
pub fn is_space(u: u16) -> bool {
    matches!(u, 0x09..=0x0D | 0x20 | 0x85 | 0xA0) || (u > 0xFF && matches!(category(u), 11..=13))
}

trait AsciiU16 {
    fn is_ascii_alphanumeric_u16(&self) -> bool;
}

impl AsciiU16 for u16 {
    fn is_ascii_alphanumeric_u16(&self) -> bool {
        (*self as u8 as u16 == *self) && (*self as u8).is_ascii_alphanumeric()
    }
}

/// The categories a `\p{...}` name stands for: a two-letter category or a one-letter group.
pub fn category_group(name: &str) -> Option<CategoryMask> {
    if let Some(i) = CODES.iter().position(|c| *c == name) {
        return Some(bit(i as u8));
    }
    let mut first = name.chars();
    let (Some(letter), None) = (first.next(), first.next()) else {
        return None;
    };
    if !"LMNZCPS".contains(letter) {
        return None;
    }
    let mask = CODES
        .iter()
        .enumerate()
        .filter(|(_, c)| c.starts_with(letter))
        .fold(0, |m, (i, _)| m | bit(i as u8));
    Some(mask)
}

/// The range of a named block (`IsGreek`).
pub fn block(name: &str) -> Option<(u16, u16)> {
    BLOCKS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, a, b)| (a, b))
}

const BLOCKS: &[(&str, u16, u16)] = &[
    ("IsAlphabeticPresentationForms", 0xFB00, 0xFB4F),
    ("IsArabic", 0x0600, 0x06FF),
    ("IsArabicPresentationForms-A", 0xFB50, 0xFDFF),
    ("IsArabicPresentationForms-B", 0xFE70, 0xFEFF),
    ("IsArmenian", 0x0530, 0x058F),
    ("IsArrows", 0x2190, 0x21FF),
    ("IsBasicLatin", 0x0000, 0x007F),
    ("IsBengali", 0x0980, 0x09FF),
    ("IsBlockElements", 0x2580, 0x259F),
    ("IsBopomofo", 0x3100, 0x312F),
    ("IsBopomofoExtended", 0x31A0, 0x31BF),
    ("IsBoxDrawing", 0x2500, 0x257F),
    ("IsBraillePatterns", 0x2800, 0x28FF),
    ("IsBuhid", 0x1740, 0x175F),
    ("IsCJKCompatibility", 0x3300, 0x33FF),
    ("IsCJKCompatibilityForms", 0xFE30, 0xFE4F),
    ("IsCJKCompatibilityIdeographs", 0xF900, 0xFAFF),
    ("IsCJKRadicalsSupplement", 0x2E80, 0x2EFF),
    ("IsCJKSymbolsandPunctuation", 0x3000, 0x303F),
    ("IsCJKUnifiedIdeographs", 0x4E00, 0x9FFF),
    ("IsCJKUnifiedIdeographsExtensionA", 0x3400, 0x4DBF),
    ("IsCherokee", 0x13A0, 0x13FF),
    ("IsCombiningDiacriticalMarks", 0x0300, 0x036F),
    ("IsCombiningDiacriticalMarksforSymbols", 0x20D0, 0x20FF),
    ("IsCombiningHalfMarks", 0xFE20, 0xFE2F),
    ("IsCombiningMarksforSymbols", 0x20D0, 0x20FF),
    ("IsControlPictures", 0x2400, 0x243F),
    ("IsCurrencySymbols", 0x20A0, 0x20CF),
    ("IsCyrillic", 0x0400, 0x04FF),
    ("IsCyrillicSupplement", 0x0500, 0x052F),
    ("IsDevanagari", 0x0900, 0x097F),
    ("IsDingbats", 0x2700, 0x27BF),
    ("IsEnclosedAlphanumerics", 0x2460, 0x24FF),
    ("IsEnclosedCJKLettersandMonths", 0x3200, 0x32FF),
    ("IsEthiopic", 0x1200, 0x137F),
    ("IsGeneralPunctuation", 0x2000, 0x206F),
    ("IsGeometricShapes", 0x25A0, 0x25FF),
    ("IsGeorgian", 0x10A0, 0x10FF),
    ("IsGreek", 0x0370, 0x03FF),
    ("IsGreekExtended", 0x1F00, 0x1FFF),
    ("IsGreekandCoptic", 0x0370, 0x03FF),
    ("IsGujarati", 0x0A80, 0x0AFF),
    ("IsGurmukhi", 0x0A00, 0x0A7F),
    ("IsHalfwidthandFullwidthForms", 0xFF00, 0xFFEF),
    ("IsHangulCompatibilityJamo", 0x3130, 0x318F),
    ("IsHangulJamo", 0x1100, 0x11FF),
    ("IsHangulSyllables", 0xAC00, 0xD7AF),
    ("IsHanunoo", 0x1720, 0x173F),
    ("IsHebrew", 0x0590, 0x05FF),
    ("IsHighPrivateUseSurrogates", 0xDB80, 0xDBFF),
    ("IsHighSurrogates", 0xD800, 0xDB7F),
    ("IsHiragana", 0x3040, 0x309F),
    ("IsIPAExtensions", 0x0250, 0x02AF),
    ("IsIdeographicDescriptionCharacters", 0x2FF0, 0x2FFF),
    ("IsKanbun", 0x3190, 0x319F),
    ("IsKangxiRadicals", 0x2F00, 0x2FDF),
    ("IsKannada", 0x0C80, 0x0CFF),
    ("IsKatakana", 0x30A0, 0x30FF),
    ("IsKatakanaPhoneticExtensions", 0x31F0, 0x31FF),
    ("IsKhmer", 0x1780, 0x17FF),
    ("IsKhmerSymbols", 0x19E0, 0x19FF),
    ("IsLao", 0x0E80, 0x0EFF),
    ("IsLatin-1Supplement", 0x0080, 0x00FF),
    ("IsLatinExtended-A", 0x0100, 0x017F),
    ("IsLatinExtended-B", 0x0180, 0x024F),
    ("IsLatinExtendedAdditional", 0x1E00, 0x1EFF),
    ("IsLetterlikeSymbols", 0x2100, 0x214F),
    ("IsLimbu", 0x1900, 0x194F),
    ("IsLowSurrogates", 0xDC00, 0xDFFF),
    ("IsMalayalam", 0x0D00, 0x0D7F),
    ("IsMathematicalOperators", 0x2200, 0x22FF),
    ("IsMiscellaneousMathematicalSymbols-A", 0x27C0, 0x27EF),
    ("IsMiscellaneousMathematicalSymbols-B", 0x2980, 0x29FF),
    ("IsMiscellaneousSymbols", 0x2600, 0x26FF),
    ("IsMiscellaneousSymbolsandArrows", 0x2B00, 0x2BFF),
    ("IsMiscellaneousTechnical", 0x2300, 0x23FF),
    ("IsMongolian", 0x1800, 0x18AF),
    ("IsMyanmar", 0x1000, 0x109F),
    ("IsNumberForms", 0x2150, 0x218F),
    ("IsOgham", 0x1680, 0x169F),
    ("IsOpticalCharacterRecognition", 0x2440, 0x245F),
    ("IsOriya", 0x0B00, 0x0B7F),
    ("IsPhoneticExtensions", 0x1D00, 0x1D7F),
    ("IsPrivateUse", 0xE000, 0xF8FF),
    ("IsPrivateUseArea", 0xE000, 0xF8FF),
    ("IsRunic", 0x16A0, 0x16FF),
    ("IsSinhala", 0x0D80, 0x0DFF),
    ("IsSmallFormVariants", 0xFE50, 0xFE6F),
    ("IsSpacingModifierLetters", 0x02B0, 0x02FF),
    ("IsSpecials", 0xFFF0, 0xFFFF),
    ("IsSuperscriptsandSubscripts", 0x2070, 0x209F),
    ("IsSupplementalArrows-A", 0x27F0, 0x27FF),
    ("IsSupplementalArrows-B", 0x2900, 0x297F),
    ("IsSupplementalMathematicalOperators", 0x2A00, 0x2AFF),
    ("IsSyriac", 0x0700, 0x074F),
    ("IsTagalog", 0x1700, 0x171F),
    ("IsTagbanwa", 0x1760, 0x177F),
    ("IsTaiLe", 0x1950, 0x197F),
    ("IsTamil", 0x0B80, 0x0BFF),
    ("IsTelugu", 0x0C00, 0x0C7F),
    ("IsThaana", 0x0780, 0x07BF),
    ("IsThai", 0x0E00, 0x0E7F),
    ("IsTibetan", 0x0F00, 0x0FFF),
    ("IsUnifiedCanadianAboriginalSyllabics", 0x1400, 0x167F),
    ("IsVariationSelectors", 0xFE00, 0xFE0F),
    ("IsYiRadicals", 0xA490, 0xA4CF),
    ("IsYiSyllables", 0xA000, 0xA48F),
    ("IsYijingHexagramSymbols", 0x4DC0, 0x4DFF),
];
