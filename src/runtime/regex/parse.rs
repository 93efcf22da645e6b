//! A .NET regular expression pattern to a tree, the way `System.Text.RegularExpressions`'
//! parser reads it: a first pass numbers the groups (so `\2` and `\k<name>` may refer forward
//! and `(?<a>x)(?<a>y)` share a slot), the second builds the tree. Where .NET reads a `{` that
//! is not a well-formed quantifier as a literal, where it stops on an error and the offset it
//! reports all follow that parser, so `Invalid pattern '[' at offset 1. Unterminated [] set.`
//! comes out byte for byte. Works on UTF-16 code units, as .NET does.

use std::collections::HashMap;
use std::rc::Rc;

use super::class::CharClass;
use super::unicode;

/// `System.Text.RegularExpressions.RegexOptions`.
pub mod opt {
    pub const IGNORE_CASE: u32 = 1;
    pub const MULTILINE: u32 = 2;
    pub const EXPLICIT_CAPTURE: u32 = 4;
    pub const COMPILED: u32 = 8;
    pub const SINGLELINE: u32 = 16;
    pub const IGNORE_PATTERN_WHITESPACE: u32 = 32;
    pub const RIGHT_TO_LEFT: u32 = 64;
    pub const ECMA_SCRIPT: u32 = 256;
    pub const CULTURE_INVARIANT: u32 = 512;
    pub const NON_BACKTRACKING: u32 = 1024;
}

use opt::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `^` without Multiline, `\A`.
    Beginning,
    /// `^` with Multiline.
    Bol,
    /// `$` without Multiline, `\Z`.
    EndZ,
    /// `$` with Multiline.
    Eol,
    /// `\z`.
    End,
    /// `\G`.
    Start,
    Boundary,
    NonBoundary,
    EcmaBoundary,
    NonEcmaBoundary,
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    One {
        c: u16,
        ci: bool,
        rtl: bool,
    },
    /// Any unit but `c` (`.` without Singleline is `NotOne('\n')`).
    NotOne {
        c: u16,
        rtl: bool,
    },
    Set {
        class: Rc<CharClass>,
        rtl: bool,
    },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Loop {
        body: Box<Node>,
        min: u32,
        max: u32,
        lazy: bool,
    },
    /// A capturing group (slot `None` for `(?<-x>...)`), balancing when `uncap` is set.
    Capture {
        slot: Option<usize>,
        uncap: Option<usize>,
        body: Box<Node>,
    },
    Group(Box<Node>),
    /// A lookaround; its body carries its own direction (right to left for a lookbehind).
    Look {
        negative: bool,
        body: Box<Node>,
    },
    Atomic(Box<Node>),
    Backref {
        slot: usize,
        ci: bool,
        rtl: bool,
    },
    BackrefCond {
        slot: usize,
        yes: Box<Node>,
        no: Option<Box<Node>>,
    },
    ExprCond {
        cond: Box<Node>,
        yes: Box<Node>,
        no: Option<Box<Node>>,
    },
    Anchor(Anchor),
}

/// A pattern .NET refuses: the offset and the reason (`Unterminated [] set.`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub reason: String,
}

/// A parsed pattern: the tree and its groups.
#[derive(Debug)]
pub struct Parsed {
    pub root: Node,
    /// The group numbers, ascending; a group's slot is its index here.
    pub numbers: Vec<i32>,
    /// The group names by slot (`"0"`, `"1"`, `"name"`), as `GetGroupNames` lists them.
    pub names: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Capture { num: i32, uncap: i32 },
    Group,
    Look { negative: bool },
    Atomic,
    BackrefCond(i32),
    ExprCond,
}

struct Frame {
    kind: Kind,
    /// Conditionals' own children (condition, yes, no).
    children: Vec<Node>,
    alts: Vec<Node>,
    concat: Vec<Node>,
    rtl: bool,
}

impl Frame {
    fn new(kind: Kind, options: u32) -> Frame {
        Frame {
            kind,
            children: Vec::new(),
            alts: Vec::new(),
            concat: Vec::new(),
            rtl: options & RIGHT_TO_LEFT != 0,
        }
    }
}

struct Parser<'p> {
    max_nesting: usize,
    p: &'p [u16],
    pos: usize,
    options: u32,
    options_stack: Vec<u32>,
    frames: Vec<Frame>,
    unit: Option<Node>,
    ignore_next_paren: bool,
    autocap: i32,
    /// Group number → position of its opening in the pattern (first pass).
    caps: HashMap<i32, usize>,
    captop: i32,
    capnames: HashMap<String, i32>,
    /// Names in the order first seen, then merged with the numbers (AssignNameSlots).
    capnamelist: Vec<String>,
    numbers: Vec<i32>,
    slot_of: HashMap<i32, usize>,
}

const MAX_DIV10: i32 = i32::MAX / 10;
const MAX_MOD10: i32 = i32::MAX % 10;

/// Parses `pattern` with `options` (already validated). Groups nested deeper than
/// `max_nesting` are refused (a choice of aapsh's; .NET has no limit), so that no pattern can
/// exhaust the stack of the recursive steps after parsing.
pub fn parse(pattern: &[u16], options: u32, max_nesting: usize) -> Result<Parsed, ParseError> {
    let mut parser = Parser {
        max_nesting,
        p: pattern,
        pos: 0,
        options,
        options_stack: Vec::new(),
        frames: Vec::new(),
        unit: None,
        ignore_next_paren: false,
        autocap: 1,
        caps: HashMap::new(),
        captop: 0,
        capnames: HashMap::new(),
        capnamelist: Vec::new(),
        numbers: Vec::new(),
        slot_of: HashMap::new(),
    };
    parser.count_captures()?;
    parser.pos = 0;
    parser.autocap = 1;
    parser.ignore_next_paren = false;
    parser.options_stack.clear();
    parser.options = options;
    let root = parser.scan_regex()?;
    let names = parser
        .numbers
        .iter()
        .map(|n| {
            parser
                .capnamelist
                .get(parser.slot_of[n])
                .cloned()
                .unwrap_or_else(|| n.to_string())
        })
        .collect();
    Ok(Parsed {
        root,
        numbers: parser.numbers,
        names,
    })
}

/// What `IsSpecial` stops a run of literal characters at.
fn is_special(c: u16) -> bool {
    matches!(
        c,
        0x24 | 0x28 | 0x29 | 0x2A | 0x2B | 0x2E | 0x3F | 0x5B | 0x5C | 0x5E | 0x7B | 0x7C
    )
}

fn is_space(c: u16) -> bool {
    matches!(c, 0x09 | 0x0A | 0x0C | 0x0D | 0x20)
}

fn is_special_or_space(c: u16) -> bool {
    is_special(c) || is_space(c) || c == b'#' as u16
}

fn is_quantifier(c: u16) -> bool {
    matches!(c, 0x2A | 0x2B | 0x3F | 0x7B)
}

fn ch(c: u8) -> u16 {
    c as u16
}

impl<'p> Parser<'p> {
    fn err(&self, reason: impl Into<String>) -> ParseError {
        ParseError {
            offset: self.pos,
            reason: reason.into(),
        }
    }

    fn at(&self, i: usize) -> u16 {
        self.p[i]
    }

    fn len(&self) -> usize {
        self.p.len()
    }

    fn text(&self, from: usize, to: usize) -> String {
        String::from_utf16_lossy(&self.p[from..to])
    }

    fn has(&self, o: u32) -> bool {
        self.options & o != 0
    }

    // ---- the first pass: group numbers and names ----

    fn count_captures(&mut self) -> Result<(), ParseError> {
        self.note_capture_slot(0, 0);
        self.autocap = 1;
        while self.pos < self.len() {
            let pos = self.pos;
            let c = self.at(self.pos);
            self.pos += 1;
            match c {
                0x5C if self.pos < self.len() => {
                    self.scan_backslash(true)?;
                }
                0x23 if self.has(IGNORE_PATTERN_WHITESPACE) => {
                    self.pos -= 1;
                    self.scan_blank()?;
                }
                0x5B => {
                    self.scan_char_class(false, true)?;
                }
                0x29 => {
                    if let Some(o) = self.options_stack.pop() {
                        self.options = o;
                    }
                }
                0x28 => {
                    if self.pos + 1 < self.len()
                        && self.at(self.pos + 1) == ch(b'#')
                        && self.at(self.pos) == ch(b'?')
                    {
                        self.pos -= 1;
                        self.scan_blank()?;
                    } else {
                        self.options_stack.push(self.options);
                        if self.pos < self.len() && self.at(self.pos) == ch(b'?') {
                            self.pos += 1;
                            if self.pos + 1 < self.len()
                                && (self.at(self.pos) == ch(b'<') || self.at(self.pos) == ch(b'\''))
                            {
                                self.pos += 1;
                                let c = self.at(self.pos);
                                if c != ch(b'0') && unicode::is_boundary_word(c) {
                                    if (ch(b'1')..=ch(b'9')).contains(&c) {
                                        let n = self.scan_decimal()?;
                                        self.note_capture_slot(n, pos);
                                    } else {
                                        let name = self.scan_capname();
                                        self.note_capture_name(name, pos);
                                    }
                                }
                            } else {
                                self.scan_options();
                                if self.pos < self.len() {
                                    if self.at(self.pos) == ch(b')') {
                                        self.pos += 1;
                                        self.options_stack.pop();
                                    } else if self.at(self.pos) == ch(b'(') {
                                        self.ignore_next_paren = true;
                                        continue;
                                    }
                                }
                            }
                        } else if !self.has(EXPLICIT_CAPTURE) && !self.ignore_next_paren {
                            let n = self.autocap;
                            self.autocap += 1;
                            self.note_capture_slot(n, pos);
                        }
                    }
                    self.ignore_next_paren = false;
                }
                _ => {}
            }
        }
        self.assign_name_slots();
        Ok(())
    }

    fn note_capture_slot(&mut self, i: i32, pos: usize) {
        if let std::collections::hash_map::Entry::Vacant(e) = self.caps.entry(i) {
            e.insert(pos);
            if self.captop <= i {
                self.captop = if i == i32::MAX { i } else { i + 1 };
            }
        }
    }

    fn note_capture_name(&mut self, name: String, _pos: usize) {
        if !self.capnames.contains_key(&name) {
            self.capnames.insert(name.clone(), -1);
            self.capnamelist.push(name);
        }
    }

    fn assign_name_slots(&mut self) {
        let names = std::mem::take(&mut self.capnamelist);
        for name in &names {
            while self.caps.contains_key(&self.autocap) {
                self.autocap += 1;
            }
            let n = self.autocap;
            self.capnames.insert(name.clone(), n);
            self.note_capture_slot(n, 0);
            self.autocap = self.autocap.saturating_add(1);
        }
        let mut numbers: Vec<i32> = self.caps.keys().copied().collect();
        numbers.sort_unstable();
        // Merge: each slot's name is its group name, or its number.
        let mut list = Vec::with_capacity(numbers.len());
        for n in &numbers {
            match names
                .iter()
                .find(|name| self.capnames.get(*name) == Some(n))
            {
                Some(name) => list.push(name.clone()),
                None => {
                    let text = n.to_string();
                    self.capnames.insert(text.clone(), *n);
                    list.push(text);
                }
            }
        }
        self.slot_of = numbers.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        self.numbers = numbers;
        self.capnamelist = list;
    }

    fn is_capture_slot(&self, i: i32) -> bool {
        self.caps.contains_key(&i)
    }

    fn slot(&self, num: i32) -> usize {
        self.slot_of.get(&num).copied().unwrap_or(0)
    }

    // ---- the second pass ----

    fn scan_regex(&mut self) -> Result<Node, ParseError> {
        let mut is_quant = false;
        self.frames.push(Frame::new(
            Kind::Capture { num: 0, uncap: -1 },
            self.options,
        ));
        'outer: while self.pos < self.len() {
            let mut was_prev_quant = is_quant;
            is_quant = false;
            self.scan_blank()?;
            let startpos = self.pos;
            if self.has(IGNORE_PATTERN_WHITESPACE) {
                while self.pos < self.len()
                    && (!is_special_or_space(self.at(self.pos))
                        || (self.at(self.pos) == ch(b'{') && !self.is_true_quantifier()))
                {
                    self.pos += 1;
                }
            } else {
                while self.pos < self.len()
                    && (!is_special(self.at(self.pos))
                        || (self.at(self.pos) == ch(b'{') && !self.is_true_quantifier()))
                {
                    self.pos += 1;
                }
            }
            let endpos = self.pos;
            self.scan_blank()?;
            let c: u16;
            if self.pos == self.len() {
                c = ch(b'!');
            } else if is_special(self.at(self.pos)) {
                c = self.at(self.pos);
                is_quant = is_quantifier(c);
                self.pos += 1;
            } else {
                c = ch(b' ');
            }
            if startpos < endpos {
                let cch = endpos - startpos - usize::from(is_quant);
                was_prev_quant = false;
                if cch > 0 {
                    self.add_to_concatenate(startpos, cch);
                }
                if is_quant {
                    self.unit = Some(self.one(self.at(endpos - 1)));
                }
            }
            match c as u8 {
                b'!' => break 'outer,
                b' ' => continue 'outer,
                b'[' => {
                    let class = self
                        .scan_char_class(self.has(IGNORE_CASE), false)?
                        .unwrap_or_default();
                    self.unit = Some(Node::Set {
                        class: Rc::new(class.finish()),
                        rtl: self.has(RIGHT_TO_LEFT),
                    });
                }
                b'(' => {
                    self.options_stack.push(self.options);
                    match self.scan_group_open()? {
                        Some(kind) => {
                            if self.frames.len() > self.max_nesting {
                                return Err(self.err("Groups are nested too deeply."));
                            }
                            self.frames.push(Frame::new(kind, self.options))
                        }
                        None => {
                            self.options_stack.pop();
                        }
                    }
                    continue 'outer;
                }
                b'|' => {
                    self.add_alternate();
                    continue 'outer;
                }
                b')' => {
                    if self.frames.len() == 1 {
                        return Err(self.err("Too many )'s."));
                    }
                    self.add_group()?;
                    self.pop_group()?;
                    self.options = self.options_stack.pop().unwrap_or(self.options);
                    if self.unit.is_none() {
                        continue 'outer;
                    }
                }
                b'\\' => {
                    if self.pos == self.len() {
                        return Err(self.err("Illegal \\ at end of pattern."));
                    }
                    self.unit = self.scan_backslash(false)?;
                }
                b'^' => {
                    self.unit = Some(Node::Anchor(if self.has(MULTILINE) {
                        Anchor::Bol
                    } else {
                        Anchor::Beginning
                    }));
                }
                b'$' => {
                    self.unit = Some(Node::Anchor(if self.has(MULTILINE) {
                        Anchor::Eol
                    } else {
                        Anchor::EndZ
                    }));
                }
                b'.' => {
                    let rtl = self.has(RIGHT_TO_LEFT);
                    self.unit = Some(if self.has(SINGLELINE) {
                        Node::Set {
                            class: Rc::new(CharClass::any()),
                            rtl,
                        }
                    } else {
                        Node::NotOne { c: 0x0A, rtl }
                    });
                }
                b'{' | b'*' | b'+' | b'?' => {
                    if self.unit.is_none() {
                        let q = char::from(c as u8);
                        return Err(if was_prev_quant {
                            self.err(format!("Nested quantifier '{q}'."))
                        } else {
                            self.err(format!("Quantifier '{q}' following nothing."))
                        });
                    }
                    self.pos -= 1;
                }
                _ => {}
            }
            self.scan_blank()?;
            if self.pos == self.len() || {
                is_quant = self.is_true_quantifier();
                !is_quant
            } {
                if let Some(u) = self.unit.take() {
                    self.concat().push(u);
                }
                continue 'outer;
            }
            let q = self.at(self.pos);
            self.pos += 1;
            let (min, max): (i32, i32);
            match q as u8 {
                b'*' => (min, max) = (0, i32::MAX),
                b'?' => (min, max) = (0, 1),
                b'+' => (min, max) = (1, i32::MAX),
                _ => {
                    let startpos = self.pos;
                    let m = self.scan_decimal()?;
                    let mut mx = m;
                    if startpos < self.pos && self.pos < self.len() && self.at(self.pos) == ch(b',')
                    {
                        self.pos += 1;
                        mx = if self.pos == self.len() || self.at(self.pos) == ch(b'}') {
                            i32::MAX
                        } else {
                            self.scan_decimal()?
                        };
                    }
                    let closed = startpos != self.pos && self.pos < self.len() && {
                        let close = self.at(self.pos);
                        self.pos += 1;
                        close == ch(b'}')
                    };
                    if !closed {
                        if let Some(u) = self.unit.take() {
                            self.concat().push(u);
                        }
                        self.pos = startpos - 1;
                        continue 'outer;
                    }
                    (min, max) = (m, mx);
                }
            }
            self.scan_blank()?;
            let mut lazy = false;
            if self.pos < self.len() && self.at(self.pos) == ch(b'?') {
                self.pos += 1;
                lazy = true;
            }
            if min > max {
                return Err(self.err("Illegal {x,y} with x > y."));
            }
            let unit = self.unit.take().unwrap_or(Node::Empty);
            let node = make_quantifier(unit, lazy, min as u32, max as u32);
            self.concat().push(node);
        }
        if self.frames.len() > 1 {
            return Err(self.err("Not enough )'s."));
        }
        self.add_group()?;
        Ok(self.unit.take().unwrap_or(Node::Empty))
    }

    fn concat(&mut self) -> &mut Vec<Node> {
        &mut self.frames.last_mut().expect("a frame").concat
    }

    fn one(&self, c: u16) -> Node {
        Node::One {
            c,
            ci: self.has(IGNORE_CASE),
            rtl: self.has(RIGHT_TO_LEFT),
        }
    }

    fn add_to_concatenate(&mut self, pos: usize, cch: usize) {
        for i in pos..pos + cch {
            let node = self.one(self.at(i));
            self.concat().push(node);
        }
    }

    fn finish_concat(frame: &mut Frame) -> Node {
        let mut items = std::mem::take(&mut frame.concat);
        if frame.rtl {
            items.reverse();
        }
        match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        }
    }

    fn add_alternate(&mut self) {
        let options = self.options;
        let frame = self.frames.last_mut().expect("a frame");
        let node = Self::finish_concat(frame);
        match frame.kind {
            Kind::BackrefCond(_) | Kind::ExprCond => frame.children.push(node),
            _ => frame.alts.push(node),
        }
        let _ = options;
    }

    fn add_group(&mut self) -> Result<(), ParseError> {
        let frame = self.frames.last_mut().expect("a frame");
        let node = Self::finish_concat(frame);
        let kind = frame.kind;
        match kind {
            Kind::BackrefCond(_) | Kind::ExprCond => {
                frame.children.push(node);
                let n = frame.children.len();
                if (matches!(kind, Kind::BackrefCond(_)) && n > 2) || n > 3 {
                    return Err(self.err("Too many | in (?()|)."));
                }
            }
            _ => frame.alts.push(node),
        }
        let frame = self.frames.last_mut().expect("a frame");
        let taken = frame_take(frame);
        let node = self.build_group(taken);
        self.unit = Some(node);
        Ok(())
    }

    fn build_group(&self, (kind, children, mut alts): (Kind, Vec<Node>, Vec<Node>)) -> Node {
        let mut alternation = || -> Node {
            if alts.len() == 1 {
                alts.pop().unwrap_or(Node::Empty)
            } else {
                Node::Alt(std::mem::take(&mut alts))
            }
        };
        match kind {
            Kind::Capture { num, uncap } => Node::Capture {
                slot: (num >= 0).then(|| self.slot(num)),
                uncap: (uncap >= 0).then(|| self.slot(uncap)),
                body: Box::new(alternation()),
            },
            Kind::Group => Node::Group(Box::new(alternation())),
            Kind::Look { negative } => Node::Look {
                negative,
                body: Box::new(alternation()),
            },
            Kind::Atomic => Node::Atomic(Box::new(alternation())),
            Kind::BackrefCond(num) => {
                let mut it = children.into_iter();
                Node::BackrefCond {
                    slot: self.slot(num),
                    yes: Box::new(it.next().unwrap_or(Node::Empty)),
                    no: it.next().map(Box::new),
                }
            }
            Kind::ExprCond => {
                let mut it = children.into_iter();
                Node::ExprCond {
                    cond: Box::new(it.next().unwrap_or(Node::Empty)),
                    yes: Box::new(it.next().unwrap_or(Node::Empty)),
                    no: it.next().map(Box::new),
                }
            }
        }
    }

    fn pop_group(&mut self) -> Result<(), ParseError> {
        self.frames.pop();
        let frame = self.frames.last_mut().expect("the enclosing frame");
        if frame.kind == Kind::ExprCond && frame.children.is_empty() {
            match self.unit.take() {
                Some(u) => frame.children.push(u),
                None => return Err(self.err("Illegal conditional (?(...)) expression.")),
            }
        }
        Ok(())
    }

    fn scan_blank(&mut self) -> Result<(), ParseError> {
        loop {
            if self.has(IGNORE_PATTERN_WHITESPACE) {
                while self.pos < self.len() && is_space(self.at(self.pos)) {
                    self.pos += 1;
                }
            }
            if self.has(IGNORE_PATTERN_WHITESPACE)
                && self.pos < self.len()
                && self.at(self.pos) == ch(b'#')
            {
                self.pos = self.p[self.pos..]
                    .iter()
                    .position(|&c| c == 0x0A)
                    .map(|i| self.pos + i)
                    .unwrap_or(self.len());
            } else if self.pos + 2 < self.len()
                && self.at(self.pos + 2) == ch(b'#')
                && self.at(self.pos + 1) == ch(b'?')
                && self.at(self.pos) == ch(b'(')
            {
                match self.p[self.pos..].iter().position(|&c| c == ch(b')')) {
                    Some(i) => self.pos += i + 1,
                    None => {
                        self.pos = self.len();
                        return Err(self.err("Unterminated (?#...) comment."));
                    }
                }
            } else {
                return Ok(());
            }
        }
    }

    fn is_true_quantifier(&self) -> bool {
        let start = self.pos;
        let c = self.at(start);
        if c != ch(b'{') {
            return is_quantifier(c);
        }
        let mut pos = start;
        let mut n = self.len() - self.pos;
        let mut c = c;
        loop {
            n -= 1;
            if n == 0 {
                break;
            }
            pos += 1;
            c = self.at(pos);
            if !c.is_ascii_digit_u16() {
                break;
            }
        }
        if n == 0 || pos - start == 1 {
            return false;
        }
        if c == ch(b'}') {
            return true;
        }
        if c != ch(b',') {
            return false;
        }
        loop {
            n -= 1;
            if n == 0 {
                break;
            }
            pos += 1;
            c = self.at(pos);
            if !c.is_ascii_digit_u16() {
                break;
            }
        }
        n > 0 && c == ch(b'}')
    }

    fn scan_char_class(
        &mut self,
        case_insensitive: bool,
        scan_only: bool,
    ) -> Result<Option<CharClass>, ParseError> {
        let mut prev: u16 = 0;
        let mut in_range = false;
        let mut first = true;
        let mut closed = false;
        let mut class = CharClass::new();
        let ecma = self.has(ECMA_SCRIPT);
        if self.pos < self.len() && self.at(self.pos) == ch(b'^') {
            self.pos += 1;
            class.negate = true;
            if ecma && self.pos < self.len() && self.at(self.pos) == ch(b']') {
                first = false;
            }
        }
        while self.pos < self.len() {
            let mut translated = false;
            let mut c = self.at(self.pos);
            self.pos += 1;
            if c == ch(b']') {
                if !first {
                    closed = true;
                    break;
                }
            } else if c == ch(b'\\') && self.pos < self.len() {
                c = self.at(self.pos);
                self.pos += 1;
                match c as u8 {
                    b'D' | b'd' | b'S' | b's' | b'W' | b'w' if c < 0x80 => {
                        if !scan_only {
                            if in_range {
                                return Err(self.err(format!(
                                    "Cannot include class \\{} in character range.",
                                    char::from(c as u8)
                                )));
                            }
                            let negate = (c as u8).is_ascii_uppercase();
                            match (c as u8).to_ascii_lowercase() {
                                b'd' => class.add_digit(ecma, negate),
                                b's' => class.add_space(ecma, negate),
                                _ => class.add_word(ecma, negate),
                            }
                        }
                        first = false;
                        continue;
                    }
                    b'p' | b'P' if c < 0x80 => {
                        if !scan_only {
                            if in_range {
                                return Err(self.err(format!(
                                    "Cannot include class \\{} in character range.",
                                    char::from(c as u8)
                                )));
                            }
                            let name = self.parse_property()?;
                            self.add_category(&mut class, &name, c == ch(b'P'), case_insensitive)?;
                        } else {
                            self.parse_property()?;
                        }
                        first = false;
                        continue;
                    }
                    b'-' if c < 0x80 => {
                        if !scan_only {
                            if in_range {
                                if prev > c {
                                    return Err(self.err("[x-y] range in reverse order."));
                                }
                                class.add_range(prev, c);
                                in_range = false;
                                prev = 0;
                            } else {
                                class.add_char(c);
                            }
                        }
                        first = false;
                        continue;
                    }
                    _ => {
                        self.pos -= 1;
                        c = self.scan_char_escape()?;
                        translated = true;
                    }
                }
            }
            if in_range {
                in_range = false;
                if !scan_only {
                    if c == ch(b'[') && !translated && !first {
                        // Not a range after all: a subtraction.
                        class.add_char(prev);
                        let sub = self.scan_char_class(case_insensitive, scan_only)?;
                        class.set_subtraction(sub.unwrap_or_default());
                        if self.pos < self.len() && self.at(self.pos) != ch(b']') {
                            return Err(self.err(
                                "A subtraction must be the last element in a character class.",
                            ));
                        }
                    } else {
                        if prev > c {
                            return Err(self.err("[x-y] range in reverse order."));
                        }
                        class.add_range(prev, c);
                    }
                }
            } else if self.pos + 1 < self.len()
                && self.at(self.pos) == ch(b'-')
                && self.at(self.pos + 1) != ch(b']')
            {
                prev = c;
                in_range = true;
                self.pos += 1;
            } else if self.pos < self.len()
                && c == ch(b'-')
                && !translated
                && self.at(self.pos) == ch(b'[')
                && !first
            {
                self.pos += 1;
                let sub = self.scan_char_class(case_insensitive, scan_only)?;
                if !scan_only {
                    class.set_subtraction(sub.unwrap_or_default());
                    if self.pos < self.len() && self.at(self.pos) != ch(b']') {
                        return Err(self
                            .err("A subtraction must be the last element in a character class."));
                    }
                }
            } else if !scan_only {
                class.add_char(c);
            }
            first = false;
        }
        if !closed {
            return Err(self.err("Unterminated [] set."));
        }
        if scan_only {
            return Ok(None);
        }
        if case_insensitive {
            class.add_case_equivalences();
        }
        Ok(Some(class))
    }

    fn add_category(
        &self,
        class: &mut CharClass,
        name: &str,
        negate: bool,
        case_insensitive: bool,
    ) -> Result<(), ParseError> {
        use super::class::Test;
        let mask = match unicode::category_group(name) {
            Some(_) if case_insensitive && matches!(name, "Lu" | "Ll" | "Lt") => {
                unicode::bit(unicode::LU) | unicode::bit(unicode::LL) | unicode::bit(unicode::LT)
            }
            Some(mask) => mask,
            None => match unicode::block(name) {
                Some((first, last)) => {
                    if negate {
                        let mut inner = CharClass::new();
                        inner.add_range(first, last);
                        // A negated block inside a class: every unit outside it.
                        if first > 0 {
                            class.add_range(0, first - 1);
                        }
                        if last < 0xFFFF {
                            class.add_range(last + 1, 0xFFFF);
                        }
                    } else {
                        class.add_range(first, last);
                    }
                    return Ok(());
                }
                None => return Err(self.err(format!("Unknown property '{name}'."))),
            },
        };
        class.add_test(Test::Categories(mask, negate));
        Ok(())
    }

    fn scan_group_open(&mut self) -> Result<Option<Kind>, ParseError> {
        if self.pos == self.len()
            || self.at(self.pos) != ch(b'?')
            || (self.pos + 1 < self.len() && self.at(self.pos + 1) == ch(b')'))
        {
            if self.has(EXPLICIT_CAPTURE) || self.ignore_next_paren {
                self.ignore_next_paren = false;
                return Ok(Some(Kind::Group));
            }
            let n = self.autocap;
            self.autocap += 1;
            return Ok(Some(Kind::Capture { num: n, uncap: -1 }));
        }
        self.pos += 1;
        let bad = |s: &Self| Err(s.err("Unrecognized grouping construct."));
        if self.pos == self.len() {
            return bad(self);
        }
        let mut close = ch(b'>');
        let c = self.at(self.pos);
        self.pos += 1;
        let kind = match c as u8 {
            b':' if c < 0x80 => Kind::Group,
            b'=' if c < 0x80 => {
                self.options &= !RIGHT_TO_LEFT;
                Kind::Look { negative: false }
            }
            b'!' if c < 0x80 => {
                self.options &= !RIGHT_TO_LEFT;
                Kind::Look { negative: true }
            }
            b'>' if c < 0x80 => Kind::Atomic,
            b'\'' | b'<' if c < 0x80 => {
                if c == ch(b'\'') {
                    close = ch(b'\'');
                }
                if self.pos == self.len() {
                    return bad(self);
                }
                let c = self.at(self.pos);
                self.pos += 1;
                if c == ch(b'=') || c == ch(b'!') {
                    if close == ch(b'\'') {
                        return bad(self);
                    }
                    self.options |= RIGHT_TO_LEFT;
                    Kind::Look {
                        negative: c == ch(b'!'),
                    }
                } else {
                    self.pos -= 1;
                    let mut capnum = -1;
                    let mut uncapnum = -1;
                    let mut proceed = false;
                    if c.is_ascii_digit_u16() {
                        capnum = self.scan_decimal()?;
                        if !self.is_capture_slot(capnum) {
                            capnum = -1;
                        }
                        if self.pos < self.len()
                            && !(self.at(self.pos) == close || self.at(self.pos) == ch(b'-'))
                        {
                            return Err(self.err(
                                "Invalid group name: Group names must begin with a word character.",
                            ));
                        }
                        if capnum == 0 {
                            return Err(self.err("Capture number cannot be zero."));
                        }
                    } else if unicode::is_boundary_word(c) {
                        let name = self.scan_capname();
                        if let Some(&n) = self.capnames.get(&name) {
                            capnum = n;
                        }
                        if self.pos < self.len()
                            && !(self.at(self.pos) == close || self.at(self.pos) == ch(b'-'))
                        {
                            return Err(self.err(
                                "Invalid group name: Group names must begin with a word character.",
                            ));
                        }
                    } else if c == ch(b'-') {
                        proceed = true;
                    } else {
                        return Err(self.err(
                            "Invalid group name: Group names must begin with a word character.",
                        ));
                    }
                    if (capnum != -1 || proceed)
                        && self.pos + 1 < self.len()
                        && self.at(self.pos) == ch(b'-')
                    {
                        self.pos += 1;
                        let c = self.at(self.pos);
                        if c.is_ascii_digit_u16() {
                            uncapnum = self.scan_decimal()?;
                            if !self.is_capture_slot(uncapnum) {
                                return Err(self.err(format!(
                                    "Reference to undefined group number {uncapnum}."
                                )));
                            }
                            if self.pos < self.len() && self.at(self.pos) != close {
                                return Err(self.err(
                                    "Invalid group name: Group names must begin with a word character.",
                                ));
                            }
                        } else if unicode::is_boundary_word(c) {
                            let name = self.scan_capname();
                            match self.capnames.get(&name) {
                                Some(&n) => uncapnum = n,
                                None => {
                                    return Err(self.err(format!(
                                        "Reference to undefined group name '{name}'."
                                    )));
                                }
                            }
                            if self.pos < self.len() && self.at(self.pos) != close {
                                return Err(self.err(
                                    "Invalid group name: Group names must begin with a word character.",
                                ));
                            }
                        } else {
                            return Err(self.err(
                                "Invalid group name: Group names must begin with a word character.",
                            ));
                        }
                    }
                    if (capnum != -1 || uncapnum != -1) && self.pos < self.len() && {
                        let c = self.at(self.pos);
                        self.pos += 1;
                        c == close
                    } {
                        return Ok(Some(Kind::Capture {
                            num: capnum,
                            uncap: uncapnum,
                        }));
                    }
                    return bad(self);
                }
            }
            b'(' if c < 0x80 => {
                let paren_pos = self.pos;
                if self.pos < self.len() {
                    let c = self.at(self.pos);
                    if c.is_ascii_digit_u16() {
                        let capnum = self.scan_decimal()?;
                        if self.pos < self.len() && {
                            let c = self.at(self.pos);
                            self.pos += 1;
                            c == ch(b')')
                        } {
                            if self.is_capture_slot(capnum) {
                                return Ok(Some(Kind::BackrefCond(capnum)));
                            }
                            return Err(self.err(format!(
                                "Conditional alternation refers to an undefined group number {capnum}."
                            )));
                        }
                        return Err(self.err(format!(
                            "Conditional alternation is missing a closing parenthesis after the group number {capnum}."
                        )));
                    } else if unicode::is_boundary_word(c) {
                        let name = self.scan_capname();
                        if let Some(&n) = self.capnames.get(&name)
                            && self.pos < self.len()
                            && {
                                let c = self.at(self.pos);
                                self.pos += 1;
                                c == ch(b')')
                            }
                        {
                            return Ok(Some(Kind::BackrefCond(n)));
                        }
                    }
                }
                self.pos = paren_pos - 1;
                self.ignore_next_paren = true;
                if self.pos + 2 < self.len() && self.at(self.pos + 1) == ch(b'?') {
                    if self.at(self.pos + 2) == ch(b'#') {
                        return Err(self.err("Alternation conditions cannot be comments."));
                    }
                    if self.at(self.pos + 2) == ch(b'\'')
                        || (self.pos + 3 < self.len()
                            && self.at(self.pos + 2) == ch(b'<')
                            && self.at(self.pos + 3) != ch(b'!')
                            && self.at(self.pos + 3) != ch(b'='))
                    {
                        return Err(
                            self.err("Alternation conditions do not capture and cannot be named.")
                        );
                    }
                }
                Kind::ExprCond
            }
            _ => {
                self.pos -= 1;
                let in_cond = self.frames.last().map(|f| f.kind) == Some(Kind::ExprCond);
                if !in_cond {
                    self.scan_options();
                }
                if self.pos == self.len() {
                    return bad(self);
                }
                let c = self.at(self.pos);
                self.pos += 1;
                if c == ch(b')') {
                    return Ok(None);
                }
                if c != ch(b':') {
                    return bad(self);
                }
                Kind::Group
            }
        };
        Ok(Some(kind))
    }

    fn scan_backslash(&mut self, scan_only: bool) -> Result<Option<Node>, ParseError> {
        let c = self.at(self.pos);
        let rtl = self.has(RIGHT_TO_LEFT);
        let ecma = self.has(ECMA_SCRIPT);
        let anchor = match c as u8 {
            b'b' if c < 0x80 => Some(if ecma {
                Anchor::EcmaBoundary
            } else {
                Anchor::Boundary
            }),
            b'B' if c < 0x80 => Some(if ecma {
                Anchor::NonEcmaBoundary
            } else {
                Anchor::NonBoundary
            }),
            b'A' if c < 0x80 => Some(Anchor::Beginning),
            b'G' if c < 0x80 => Some(Anchor::Start),
            b'Z' if c < 0x80 => Some(Anchor::EndZ),
            b'z' if c < 0x80 => Some(Anchor::End),
            _ => None,
        };
        if let Some(a) = anchor {
            self.pos += 1;
            return Ok((!scan_only).then_some(Node::Anchor(a)));
        }
        let set = |f: &dyn Fn(&mut CharClass)| {
            let mut class = CharClass::new();
            f(&mut class);
            Node::Set {
                class: Rc::new(class.finish()),
                rtl,
            }
        };
        let shorthand = match c as u8 {
            b'w' | b'W' | b's' | b'S' | b'd' | b'D' if c < 0x80 => Some(c as u8),
            _ => None,
        };
        if let Some(s) = shorthand {
            self.pos += 1;
            if scan_only {
                return Ok(None);
            }
            let negate = s.is_ascii_uppercase();
            return Ok(Some(match s.to_ascii_lowercase() {
                b'w' => set(&|cl| cl.add_word(ecma, negate)),
                b's' => set(&|cl| cl.add_space(ecma, negate)),
                _ => set(&|cl| cl.add_digit(ecma, negate)),
            }));
        }
        if c == ch(b'p') || c == ch(b'P') {
            self.pos += 1;
            if scan_only {
                return Ok(None);
            }
            let name = self.parse_property()?;
            let mut class = CharClass::new();
            let ci = self.has(IGNORE_CASE);
            self.add_category(&mut class, &name, c == ch(b'P'), ci)?;
            if ci {
                class.add_case_equivalences();
            }
            return Ok(Some(Node::Set {
                class: Rc::new(class.finish()),
                rtl,
            }));
        }
        self.scan_basic_backslash(scan_only)
    }

    fn scan_basic_backslash(&mut self, scan_only: bool) -> Result<Option<Node>, ParseError> {
        let backpos = self.pos;
        let mut close = 0u16;
        let mut angled = false;
        let mut c = self.at(self.pos);
        if c == ch(b'k') {
            if self.pos + 1 < self.len() {
                self.pos += 1;
                c = self.at(self.pos);
                self.pos += 1;
                if c == ch(b'<') || c == ch(b'\'') {
                    angled = true;
                    close = if c == ch(b'\'') { ch(b'\'') } else { ch(b'>') };
                }
            }
            if !angled || self.pos == self.len() {
                return Err(self.err("Malformed \\k<...> named back reference."));
            }
            c = self.at(self.pos);
        } else if (c == ch(b'<') || c == ch(b'\'')) && self.pos + 1 < self.len() {
            angled = true;
            close = if c == ch(b'\'') { ch(b'\'') } else { ch(b'>') };
            self.pos += 1;
            c = self.at(self.pos);
        }
        let backref = |s: &Self, num: i32| Node::Backref {
            slot: s.slot(num),
            ci: s.has(IGNORE_CASE),
            rtl: s.has(RIGHT_TO_LEFT),
        };
        if angled && c.is_ascii_digit_u16() {
            let capnum = self.scan_decimal()?;
            if self.pos < self.len() && {
                let c = self.at(self.pos);
                self.pos += 1;
                c == close
            } {
                if scan_only {
                    return Ok(None);
                }
                if self.is_capture_slot(capnum) {
                    return Ok(Some(backref(self, capnum)));
                }
                return Err(self.err(format!("Reference to undefined group number {capnum}.")));
            }
        } else if !angled && (ch(b'1')..=ch(b'9')).contains(&c) {
            if self.has(ECMA_SCRIPT) {
                let mut capnum = -1;
                let mut newcapnum = (c - ch(b'0')) as i32;
                let pos = self.pos.saturating_sub(1);
                while newcapnum <= self.captop {
                    if self.is_capture_slot(newcapnum)
                        && self.caps.get(&newcapnum).is_none_or(|&at| at < pos)
                    {
                        capnum = newcapnum;
                    }
                    self.pos += 1;
                    if self.pos == self.len() || !self.at(self.pos).is_ascii_digit_u16() {
                        break;
                    }
                    let d = (self.at(self.pos) - ch(b'0')) as i32;
                    newcapnum = match newcapnum.checked_mul(10).and_then(|v| v.checked_add(d)) {
                        Some(v) => v,
                        None => break,
                    };
                }
                if capnum >= 0 {
                    return Ok((!scan_only).then(|| backref(self, capnum)));
                }
            } else {
                let capnum = self.scan_decimal()?;
                if scan_only {
                    return Ok(None);
                }
                if self.is_capture_slot(capnum) {
                    return Ok(Some(backref(self, capnum)));
                }
                if capnum <= 9 {
                    return Err(self.err(format!("Reference to undefined group number {capnum}.")));
                }
            }
        } else if angled && unicode::is_boundary_word(c) {
            let name = self.scan_capname();
            if self.pos < self.len() && {
                let c = self.at(self.pos);
                self.pos += 1;
                c == close
            } {
                if scan_only {
                    return Ok(None);
                }
                return match self.capnames.get(&name) {
                    Some(&n) => Ok(Some(backref(self, n))),
                    None => Err(self.err(format!("Reference to undefined group name '{name}'."))),
                };
            }
        }
        self.pos = backpos;
        let c = self.scan_char_escape()?;
        Ok((!scan_only).then(|| self.one(c)))
    }

    fn scan_capname(&mut self) -> String {
        let start = self.pos;
        while self.pos < self.len() && unicode::is_boundary_word(self.at(self.pos)) {
            self.pos += 1;
        }
        self.text(start, self.pos)
    }

    fn scan_octal(&mut self) -> u16 {
        let mut c = 3.min(self.len() - self.pos);
        let mut i: u32 = 0;
        while c > 0 {
            let d = self.at(self.pos).wrapping_sub(ch(b'0'));
            if d > 7 {
                break;
            }
            self.pos += 1;
            i = i * 8 + d as u32;
            if self.has(ECMA_SCRIPT) && i >= 0x20 {
                break;
            }
            c -= 1;
        }
        (i & 0xFF) as u16
    }

    fn scan_decimal(&mut self) -> Result<i32, ParseError> {
        let mut i: i32 = 0;
        while self.pos < self.len() && self.at(self.pos).is_ascii_digit_u16() {
            let d = (self.at(self.pos) - ch(b'0')) as i32;
            self.pos += 1;
            if i > MAX_DIV10 || (i == MAX_DIV10 && d > MAX_MOD10) {
                return Err(self.err(
                    "Quantifier and capture group numbers must be less than or equal to Int32.MaxValue.",
                ));
            }
            i = i * 10 + d;
        }
        Ok(i)
    }

    fn scan_hex(&mut self, mut c: usize) -> Result<u16, ParseError> {
        let mut i: u32 = 0;
        if self.pos + c <= self.len() {
            while c > 0 {
                let h = self.at(self.pos);
                self.pos += 1;
                match char::from_u32(h as u32).and_then(|x| x.to_digit(16)) {
                    Some(d) => i = i * 16 + d,
                    None => break,
                }
                c -= 1;
            }
        }
        if c > 0 {
            return Err(self.err("Insufficient or invalid hexadecimal digits."));
        }
        Ok(i as u16)
    }

    fn scan_control(&mut self) -> Result<u16, ParseError> {
        if self.pos == self.len() {
            return Err(self.err("Missing control character."));
        }
        let mut c = self.at(self.pos);
        self.pos += 1;
        if (ch(b'a')..=ch(b'z')).contains(&c) {
            c -= 0x20;
        }
        let c = c.wrapping_sub(ch(b'@'));
        if c < ch(b' ') {
            return Ok(c);
        }
        Err(self.err("Unrecognized control character."))
    }

    fn scan_options(&mut self) {
        let mut off = false;
        while self.pos < self.len() {
            let c = self.at(self.pos);
            if c == ch(b'-') {
                off = true;
            } else if c == ch(b'+') {
                off = false;
            } else {
                let o = match (c | 0x20) as u8 {
                    b'i' if c < 0x80 => IGNORE_CASE,
                    b'm' if c < 0x80 => MULTILINE,
                    b'n' if c < 0x80 => EXPLICIT_CAPTURE,
                    b's' if c < 0x80 => SINGLELINE,
                    b'x' if c < 0x80 => IGNORE_PATTERN_WHITESPACE,
                    _ => 0,
                };
                if o == 0 {
                    return;
                }
                if off {
                    self.options &= !o;
                } else {
                    self.options |= o;
                }
            }
            self.pos += 1;
        }
    }

    fn scan_char_escape(&mut self) -> Result<u16, ParseError> {
        let c = self.at(self.pos);
        self.pos += 1;
        if (ch(b'0')..=ch(b'7')).contains(&c) {
            self.pos -= 1;
            return Ok(self.scan_octal());
        }
        Ok(match c as u8 {
            b'x' if c < 0x80 => self.scan_hex(2)?,
            b'u' if c < 0x80 => self.scan_hex(4)?,
            b'a' if c < 0x80 => 7,
            b'b' if c < 0x80 => 8,
            b'e' if c < 0x80 => 0x1B,
            b'f' if c < 0x80 => 0x0C,
            b'n' if c < 0x80 => 0x0A,
            b'r' if c < 0x80 => 0x0D,
            b't' if c < 0x80 => 0x09,
            b'v' if c < 0x80 => 0x0B,
            b'c' if c < 0x80 => self.scan_control()?,
            _ => {
                if !self.has(ECMA_SCRIPT) && unicode::is_boundary_word(c) {
                    return Err(self.err(format!(
                        "Unrecognized escape sequence \\{}.",
                        String::from_utf16_lossy(&[c])
                    )));
                }
                c
            }
        })
    }

    fn parse_property(&mut self) -> Result<String, ParseError> {
        if self.pos + 2 >= self.len() {
            return Err(self.err("Incomplete \\p{X} character escape."));
        }
        let c = self.at(self.pos);
        self.pos += 1;
        if c != ch(b'{') {
            return Err(self.err("Malformed \\p{X} character escape."));
        }
        let start = self.pos;
        while self.pos < self.len() {
            let c = self.at(self.pos);
            if !(unicode::is_boundary_word(c) || c == ch(b'-')) {
                break;
            }
            self.pos += 1;
        }
        let name = self.text(start, self.pos);
        if self.pos == self.len() || {
            let c = self.at(self.pos);
            self.pos += 1;
            c != ch(b'}')
        } {
            return Err(self.err("Incomplete \\p{X} character escape."));
        }
        Ok(name)
    }
}

/// `Regex.Unescape`: every escape the pattern syntax knows becomes its character; a trailing
/// backslash is dropped, as .NET drops it.
pub fn unescape(input: &[u16]) -> Result<Vec<u16>, ParseError> {
    let mut parser = Parser {
        max_nesting: 0,
        p: input,
        pos: 0,
        options: 0,
        options_stack: Vec::new(),
        frames: Vec::new(),
        unit: None,
        ignore_next_paren: false,
        autocap: 1,
        caps: HashMap::new(),
        captop: 0,
        capnames: HashMap::new(),
        capnamelist: Vec::new(),
        numbers: Vec::new(),
        slot_of: HashMap::new(),
    };
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        if input[i] != ch(b'\\') {
            out.push(input[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i < input.len() {
            parser.pos = i;
            out.push(parser.scan_char_escape()?);
            i = parser.pos;
        }
    }
    Ok(out)
}

fn frame_take(frame: &mut Frame) -> (Kind, Vec<Node>, Vec<Node>) {
    (
        frame.kind,
        std::mem::take(&mut frame.children),
        std::mem::take(&mut frame.alts),
    )
}

fn make_quantifier(unit: Node, lazy: bool, min: u32, max: u32) -> Node {
    if min == 1 && max == 1 {
        return unit;
    }
    Node::Loop {
        body: Box::new(unit),
        min,
        max,
        lazy,
    }
}

trait DigitU16 {
    fn is_ascii_digit_u16(&self) -> bool;
}

impl DigitU16 for u16 {
    fn is_ascii_digit_u16(&self) -> bool {
        (0x30..=0x39).contains(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> String {
        let units: Vec<u16> = p.encode_utf16().collect();
        match parse(&units, 0, 1000) {
            Ok(_) => "ok".into(),
            Err(e) => format!("{} {}", e.offset, e.reason),
        }
    }

    #[test]
    fn errors_at_dotnet_offsets() {
        assert_eq!(err("["), "1 Unterminated [] set.");
        assert_eq!(err("*a"), "1 Quantifier '*' following nothing.");
        assert_eq!(err("a**"), "3 Nested quantifier '*'.");
        assert_eq!(err("a{1}{2}"), "5 Nested quantifier '{'.");
        assert_eq!(
            err("(?<1a>a)"),
            "4 Invalid group name: Group names must begin with a word character."
        );
        assert_eq!(err("a{2,1}"), "6 Illegal {x,y} with x > y.");
        assert_eq!(err("(a"), "2 Not enough )'s.");
        assert_eq!(err("a)"), "2 Too many )'s.");
        assert_eq!(err("\\p{Foo}"), "7 Unknown property 'Foo'.");
        assert_eq!(
            err("[a-\\d]"),
            "5 Cannot include class \\d in character range."
        );
        assert_eq!(
            err("(?(1)a)"),
            "5 Conditional alternation refers to an undefined group number 1."
        );
        assert_eq!(err("\\k<x>"), "5 Reference to undefined group name 'x'.");
    }

    #[test]
    fn literal_braces_are_not_quantifiers() {
        for p in ["{", "a{", "a{1", "a{1,", "a{,1}", "x{2,}", "a{b"] {
            assert_eq!(err(p), "ok", "{p}");
        }
    }

    #[test]
    fn group_names_and_numbers() {
        let units: Vec<u16> = "(?<n>a)(b)(?<5>c)".encode_utf16().collect();
        let parsed = parse(&units, 0, 1000).unwrap();
        assert_eq!(parsed.numbers, vec![0, 1, 2, 5]);
        assert_eq!(parsed.names, vec!["0", "1", "n", "5"]);
    }
}
