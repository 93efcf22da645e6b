//! The backtracking machine: runs a `Program` over UTF-16 code units with an explicit stack
//! (never the call stack, so no input or pattern can overflow it) and a step budget (so no
//! pattern can run forever: past the budget the match fails with a timeout, as .NET's
//! RegexMatchTimeoutException does when a match timeout is set).

use super::compile::{Inst, Program, Unit};
use super::parse::Anchor;
use super::unicode;

/// A match that ran out of steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeout;

/// Every capture of every group of one match, by slot: (index, length) in code units.
pub type Captures = Vec<Vec<(usize, usize)>>;

enum Bt {
    Choice {
        pc: usize,
        pos: usize,
    },
    Reg {
        reg: usize,
        old: usize,
    },
    CapPushed(usize),
    CapPopped {
        slot: usize,
        cap: (usize, usize),
    },
    /// A greedy single-unit loop that can still give back units down to `lo`.
    GiveBack {
        next: usize,
        lo: usize,
        cur: usize,
        rtl: bool,
    },
    /// A lazy single-unit loop that can still take one more.
    TakeMore {
        pc: usize,
        pos: usize,
        count: u32,
    },
    Barrier {
        pos: usize,
        fail: Option<usize>,
    },
}

impl Bt {
    fn is_undo(&self) -> bool {
        matches!(
            self,
            Bt::Reg { .. } | Bt::CapPushed(_) | Bt::CapPopped { .. }
        )
    }
}

pub struct Machine<'a> {
    prog: &'a Program,
    input: &'a [u16],
    regs: Vec<usize>,
    caps: Captures,
    bt: Vec<Bt>,
    barriers: Vec<usize>,
    steps: u64,
    budget: u64,
    scan_start: usize,
}

/// The default budget: generous for any linear work on the input, far below what an
/// exponential pattern needs.
pub fn default_budget(input_len: usize) -> u64 {
    50_000_000 + 200 * input_len as u64
}

impl<'a> Machine<'a> {
    pub fn new(prog: &'a Program, input: &'a [u16], budget: u64) -> Machine<'a> {
        Machine {
            prog,
            input,
            regs: vec![0; prog.regs],
            caps: vec![Vec::new(); prog.slots],
            bt: Vec::new(),
            barriers: Vec::new(),
            steps: 0,
            budget,
            scan_start: 0,
        }
    }

    /// The first match at or after `start` (at or before it, right to left).
    pub fn find(&mut self, start: usize, rtl: bool) -> Result<Option<Captures>, Timeout> {
        let len = self.input.len();
        if start > len {
            return Ok(None);
        }
        self.scan_start = start;
        let try_at = |m: &mut Machine, p: usize| -> Result<Option<Captures>, Timeout> {
            if m.run(p)? {
                Ok(Some(std::mem::take(&mut m.caps)))
            } else {
                Ok(None)
            }
        };
        match self.prog.anchored {
            Some(Anchor::Beginning) => {
                return if start == 0 || rtl {
                    try_at(self, 0)
                } else {
                    Ok(None)
                };
            }
            Some(Anchor::Start) => return try_at(self, start),
            _ => {}
        }
        if rtl {
            let mut p = start;
            loop {
                if let Some(c) = try_at(self, p)? {
                    return Ok(Some(c));
                }
                if p == 0 {
                    return Ok(None);
                }
                p -= 1;
            }
        }
        let mut p = start;
        while p <= len {
            if let Some(first) = self.prog.first {
                match self.input[p..].iter().position(|&u| u == first) {
                    Some(i) => p += i,
                    None => return Ok(None),
                }
            }
            if let Some(c) = try_at(self, p)? {
                return Ok(Some(c));
            }
            p += 1;
        }
        Ok(None)
    }

    fn reset(&mut self) {
        self.bt.clear();
        self.barriers.clear();
        if self.caps.len() != self.prog.slots {
            self.caps = vec![Vec::new(); self.prog.slots];
        }
        for c in &mut self.caps {
            c.clear();
        }
    }

    fn set_reg(&mut self, reg: usize, value: usize) {
        let old = self.regs[reg];
        self.bt.push(Bt::Reg { reg, old });
        self.regs[reg] = value;
    }

    #[inline]
    fn step_unit(&self, unit: &Unit, pos: usize, rtl: bool) -> Option<usize> {
        if rtl {
            (pos > 0 && unit.matches(self.input[pos - 1])).then(|| pos - 1)
        } else {
            (pos < self.input.len() && unit.matches(self.input[pos])).then(|| pos + 1)
        }
    }

    fn tick(&mut self) -> Result<(), Timeout> {
        self.steps += 1;
        if self.steps > self.budget {
            Err(Timeout)
        } else {
            Ok(())
        }
    }

    /// Pops the stack to the next place to resume, undoing as it goes.
    fn backtrack(&mut self) -> Result<Option<(usize, usize)>, Timeout> {
        while let Some(entry) = self.bt.pop() {
            self.tick()?;
            match entry {
                Bt::Choice { pc, pos } => return Ok(Some((pc, pos))),
                Bt::Reg { reg, old } => self.regs[reg] = old,
                Bt::CapPushed(slot) => {
                    self.caps[slot].pop();
                }
                Bt::CapPopped { slot, cap } => self.caps[slot].push(cap),
                Bt::GiveBack { next, lo, cur, rtl } => {
                    if cur != lo {
                        let cur = if rtl { cur + 1 } else { cur - 1 };
                        self.bt.push(Bt::GiveBack { next, lo, cur, rtl });
                        return Ok(Some((next, cur)));
                    }
                }
                Bt::TakeMore { pc, pos, count } => {
                    if let Inst::Repeat { unit, rtl, max, .. } = &self.prog.insts[pc]
                        && count < *max
                        && let Some(np) = self.step_unit(unit, pos, *rtl)
                    {
                        self.bt.push(Bt::TakeMore {
                            pc,
                            pos: np,
                            count: count + 1,
                        });
                        return Ok(Some((pc + 1, np)));
                    }
                }
                Bt::Barrier { pos, fail } => {
                    self.barriers.pop();
                    if let Some(f) = fail {
                        return Ok(Some((f, pos)));
                    }
                }
            }
        }
        Ok(None)
    }

    /// Drops the choices made since the innermost region opened, keeping their undo records;
    /// returns where the region began.
    fn cut(&mut self) -> usize {
        let Some(idx) = self.barriers.pop() else {
            return 0;
        };
        let tail = self.bt.split_off(idx + 1);
        let pos = match self.bt.pop() {
            Some(Bt::Barrier { pos, .. }) => pos,
            _ => 0,
        };
        self.bt.extend(tail.into_iter().filter(Bt::is_undo));
        pos
    }

    fn is_word_at(&self, i: usize, ecma: bool) -> bool {
        self.input.get(i).is_some_and(|&u| {
            if ecma {
                u < 128 && ((u as u8).is_ascii_alphanumeric() || u == b'_' as u16)
            } else {
                unicode::is_boundary_word(u)
            }
        })
    }

    fn boundary(&self, pos: usize, ecma: bool) -> bool {
        let before = pos > 0 && self.is_word_at(pos - 1, ecma);
        let after = self.is_word_at(pos, ecma);
        before != after
    }

    fn anchor(&self, a: Anchor, pos: usize) -> bool {
        let input = self.input;
        let len = input.len();
        match a {
            Anchor::Beginning => pos == 0,
            Anchor::Bol => pos == 0 || input[pos - 1] == 0x0A,
            Anchor::EndZ => pos == len || (pos + 1 == len && input[pos] == 0x0A),
            Anchor::Eol => pos == len || input[pos] == 0x0A,
            Anchor::End => pos == len,
            Anchor::Start => pos == self.scan_start,
            Anchor::Boundary => self.boundary(pos, false),
            Anchor::NonBoundary => !self.boundary(pos, false),
            Anchor::EcmaBoundary => self.boundary(pos, true),
            Anchor::NonEcmaBoundary => !self.boundary(pos, true),
        }
    }

    fn run(&mut self, start: usize) -> Result<bool, Timeout> {
        self.reset();
        let prog = self.prog;
        let input = self.input;
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            self.tick()?;
            let ok = match &prog.insts[pc] {
                Inst::Unit { unit, rtl } => match self.step_unit(unit, pos, *rtl) {
                    Some(np) => {
                        pos = np;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Repeat {
                    unit,
                    rtl,
                    min,
                    max,
                    lazy,
                } => {
                    let (min, max, rtl) = (*min, *max, *rtl);
                    let mut n = 0u32;
                    let mut p = pos;
                    let want = if *lazy { min } else { max };
                    while n < want {
                        match self.step_unit(unit, p, rtl) {
                            Some(np) => {
                                p = np;
                                n += 1;
                            }
                            None => break,
                        }
                    }
                    self.steps += u64::from(n);
                    if n < min {
                        false
                    } else {
                        if *lazy {
                            if max > min {
                                self.bt.push(Bt::TakeMore {
                                    pc,
                                    pos: p,
                                    count: n,
                                });
                            }
                        } else if n > min {
                            let lo = if rtl {
                                pos - min as usize
                            } else {
                                pos + min as usize
                            };
                            self.bt.push(Bt::GiveBack {
                                next: pc + 1,
                                lo,
                                cur: p,
                                rtl,
                            });
                        }
                        pos = p;
                        pc += 1;
                        true
                    }
                }
                Inst::Split(alt) => {
                    self.bt.push(Bt::Choice { pc: *alt, pos });
                    pc += 1;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Anchor(a) => {
                    if self.anchor(*a, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::CapStart(reg) => {
                    self.set_reg(*reg, pos);
                    pc += 1;
                    true
                }
                Inst::CapEnd { reg, slot, uncap } => {
                    let begun = self.regs[*reg];
                    let (a, b) = (begun.min(pos), begun.max(pos));
                    match uncap {
                        Some(u) => match self.caps[*u].pop() {
                            None => false,
                            Some(cap) => {
                                self.bt.push(Bt::CapPopped { slot: *u, cap });
                                if let Some(slot) = slot {
                                    let (start2, end2) = (cap.0, cap.0 + cap.1);
                                    let (mut start, mut end) = (a, b);
                                    if start >= end2 {
                                        end = start;
                                        start = end2;
                                    } else if end <= start2 {
                                        start = start2;
                                    } else {
                                        end = end.min(end2);
                                        start = start.max(start2);
                                    }
                                    self.caps[*slot].push((start, end.saturating_sub(start)));
                                    self.bt.push(Bt::CapPushed(*slot));
                                }
                                pc += 1;
                                true
                            }
                        },
                        None => {
                            if let Some(slot) = slot {
                                self.caps[*slot].push((a, b - a));
                                self.bt.push(Bt::CapPushed(*slot));
                            }
                            pc += 1;
                            true
                        }
                    }
                }
                Inst::Backref {
                    slot,
                    ci,
                    rtl,
                    ecma,
                } => match self.caps[*slot].last().copied() {
                    None => {
                        if *ecma {
                            pc += 1;
                        }
                        *ecma
                    }
                    Some((i, l)) => {
                        let text = &input[i..i + l];
                        let at = if *rtl {
                            pos.checked_sub(l)
                        } else {
                            (pos + l <= input.len()).then_some(pos)
                        };
                        let hit = at.is_some_and(|at| {
                            let here = &input[at..at + l];
                            if *ci {
                                here.iter()
                                    .zip(text)
                                    .all(|(&x, &y)| unicode::equal_ignoring_case(x, y))
                            } else {
                                here == text
                            }
                        });
                        self.steps += l as u64;
                        if hit {
                            pos = if *rtl { pos - l } else { pos + l };
                            pc += 1;
                        }
                        hit
                    }
                },
                Inst::LoopInit(reg) => {
                    self.set_reg(*reg, 0);
                    self.set_reg(*reg + 1, usize::MAX);
                    pc += 1;
                    true
                }
                Inst::LoopTest {
                    reg,
                    min,
                    max,
                    lazy,
                    body,
                    exit,
                } => {
                    let count = self.regs[*reg];
                    if count < *min as usize {
                        pc = *body;
                    } else if count >= *max as usize || (count > 0 && self.regs[*reg + 1] == pos) {
                        pc = *exit;
                    } else if *lazy {
                        self.bt.push(Bt::Choice { pc: *body, pos });
                        pc = *exit;
                    } else {
                        self.bt.push(Bt::Choice { pc: *exit, pos });
                        pc = *body;
                    }
                    true
                }
                Inst::LoopBody(reg) => {
                    self.set_reg(*reg + 1, pos);
                    pc += 1;
                    true
                }
                Inst::LoopInc(reg) => {
                    let count = self.regs[*reg];
                    self.set_reg(*reg, count + 1);
                    pc += 1;
                    true
                }
                Inst::Enter { fail } => {
                    self.barriers.push(self.bt.len());
                    self.bt.push(Bt::Barrier { pos, fail: *fail });
                    pc += 1;
                    true
                }
                Inst::ExitAtomic => {
                    self.cut();
                    pc += 1;
                    true
                }
                Inst::ExitLook => {
                    pos = self.cut();
                    pc += 1;
                    true
                }
                Inst::ExitNegative => {
                    // The body matched, so the lookaround fails: undo it, barrier included.
                    let idx = self.barriers.pop().unwrap_or(0);
                    while self.bt.len() > idx {
                        match self.bt.pop() {
                            Some(Bt::Reg { reg, old }) => self.regs[reg] = old,
                            Some(Bt::CapPushed(slot)) => {
                                self.caps[slot].pop();
                            }
                            Some(Bt::CapPopped { slot, cap }) => self.caps[slot].push(cap),
                            _ => {}
                        }
                    }
                    false
                }
                Inst::IfCaptured { slot, no } => {
                    pc = if self.caps[*slot].is_empty() {
                        *no
                    } else {
                        pc + 1
                    };
                    true
                }
                Inst::Match => return Ok(true),
            };
            if !ok {
                match self.backtrack()? {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return Ok(false),
                }
            }
        }
    }
}
