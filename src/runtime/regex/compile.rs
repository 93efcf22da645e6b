//! The parsed tree to a program for the backtracking machine in `exec`: one instruction per
//! step, loops with counters (so `a{1000}` stays small), single-unit loops as one instruction
//! that gives back one unit at a time, lookarounds, atomic groups and expression conditions as
//! regions between an `Enter` and an exit that cut or undo the backtracking inside them.

use std::rc::Rc;

use super::class::CharClass;
use super::parse::{Anchor, Node};
use super::unicode;

/// What one step of a single-unit match tests.
#[derive(Clone, Debug)]
pub enum Unit {
    One(u16),
    /// A literal under IgnoreCase: any unit of its case-equivalence set.
    OneOf(Rc<[u16]>),
    NotOne(u16),
    Set(Rc<CharClass>),
}

impl Unit {
    #[inline]
    pub fn matches(&self, u: u16) -> bool {
        match self {
            Unit::One(c) => u == *c,
            Unit::OneOf(set) => set.contains(&u),
            Unit::NotOne(c) => u != *c,
            Unit::Set(class) => class.contains(u),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Inst {
    Unit {
        unit: Unit,
        rtl: bool,
    },
    /// A loop over one unit: greedy ones take all they can and give back one at a time.
    Repeat {
        unit: Unit,
        rtl: bool,
        min: u32,
        max: u32,
        lazy: bool,
    },
    /// Try the next instruction; on failure resume at the target.
    Split(usize),
    Jmp(usize),
    Anchor(Anchor),
    /// Records where a group starts in a register.
    CapStart(usize),
    CapEnd {
        reg: usize,
        slot: Option<usize>,
        uncap: Option<usize>,
    },
    Backref {
        slot: usize,
        ci: bool,
        rtl: bool,
        ecma: bool,
    },
    /// A general loop: its count in `reg`, where its last iteration began in `reg + 1`.
    LoopInit(usize),
    LoopTest {
        reg: usize,
        min: u32,
        max: u32,
        lazy: bool,
        body: usize,
        exit: usize,
    },
    LoopBody(usize),
    LoopInc(usize),
    /// Opens a region; on its failure resume at `fail` (negative lookaround, condition).
    Enter {
        fail: Option<usize>,
    },
    /// Leaves an atomic group: its choices are dropped, the position stays.
    ExitAtomic,
    /// Leaves a positive lookaround or a condition that held: choices dropped, position back.
    ExitLook,
    /// A negative lookaround's body matched: undo it and fail.
    ExitNegative,
    IfCaptured {
        slot: usize,
        no: usize,
    },
    Match,
}

#[derive(Debug)]
pub struct Program {
    pub insts: Vec<Inst>,
    pub regs: usize,
    pub slots: usize,
    /// The literal every left-to-right match starts with, if any (skips start positions).
    pub first: Option<u16>,
    /// Matches only where the scan starts (`\A`, `\G`, `^` without Multiline at the start).
    pub anchored: Option<Anchor>,
}

struct Compiler {
    insts: Vec<Inst>,
    regs: usize,
    ecma: bool,
}

pub fn compile(root: &Node, slots: usize, ecma: bool) -> Program {
    let mut c = Compiler {
        insts: Vec::new(),
        regs: 0,
        ecma,
    };
    c.node(root);
    c.insts.push(Inst::Match);
    let (first, anchored) = c.prefix(root);
    Program {
        insts: c.insts,
        regs: c.regs,
        slots,
        first,
        anchored,
    }
}

fn unit_of(node: &Node) -> Option<(Unit, bool)> {
    match node {
        Node::One { c, ci, rtl } => Some((literal(*c, *ci), *rtl)),
        Node::NotOne { c, rtl } => Some((Unit::NotOne(*c), *rtl)),
        Node::Set { class, rtl } => Some((
            match class.single() {
                Some(c) => Unit::One(c),
                None => Unit::Set(class.clone()),
            },
            *rtl,
        )),
        _ => None,
    }
}

fn literal(c: u16, ci: bool) -> Unit {
    if ci {
        let set = unicode::equivalents(c);
        if set.len() > 1 {
            return Unit::OneOf(set.into());
        }
    }
    Unit::One(c)
}

impl Compiler {
    fn reg(&mut self, n: usize) -> usize {
        let r = self.regs;
        self.regs += n;
        r
    }

    fn emit(&mut self, inst: Inst) -> usize {
        self.insts.push(inst);
        self.insts.len() - 1
    }

    fn patch(&mut self, at: usize, target: usize) {
        match &mut self.insts[at] {
            Inst::Split(t) | Inst::Jmp(t) => *t = target,
            Inst::Enter { fail } => *fail = Some(target),
            Inst::IfCaptured { no, .. } => *no = target,
            Inst::LoopTest { exit, .. } => *exit = target,
            _ => {}
        }
    }

    fn node(&mut self, node: &Node) {
        match node {
            Node::Empty => {}
            Node::One { .. } | Node::NotOne { .. } | Node::Set { .. } => {
                if let Some((unit, rtl)) = unit_of(node) {
                    self.emit(Inst::Unit { unit, rtl });
                }
            }
            Node::Concat(items) => {
                for item in items {
                    self.node(item);
                }
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0));
                        self.node(alt);
                        jumps.push(self.emit(Inst::Jmp(0)));
                        let next = self.insts.len();
                        self.patch(split, next);
                    } else {
                        self.node(alt);
                    }
                }
                let end = self.insts.len();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Node::Loop {
                body,
                min,
                max,
                lazy,
            } => {
                if let Some((unit, rtl)) = unit_of(body) {
                    self.emit(Inst::Repeat {
                        unit,
                        rtl,
                        min: *min,
                        max: *max,
                        lazy: *lazy,
                    });
                    return;
                }
                if *max == 0 {
                    return;
                }
                let reg = self.reg(2);
                self.emit(Inst::LoopInit(reg));
                let test = self.emit(Inst::LoopTest {
                    reg,
                    min: *min,
                    max: *max,
                    lazy: *lazy,
                    body: 0,
                    exit: 0,
                });
                let body_pc = self.emit(Inst::LoopBody(reg));
                self.node(body);
                self.emit(Inst::LoopInc(reg));
                self.emit(Inst::Jmp(test));
                let exit = self.insts.len();
                if let Inst::LoopTest { body, exit: e, .. } = &mut self.insts[test] {
                    *body = body_pc;
                    *e = exit;
                }
            }
            Node::Capture { slot, uncap, body } => {
                let reg = self.reg(1);
                self.emit(Inst::CapStart(reg));
                self.node(body);
                self.emit(Inst::CapEnd {
                    reg,
                    slot: *slot,
                    uncap: *uncap,
                });
            }
            Node::Group(body) => self.node(body),
            Node::Look { negative, body } => {
                let enter = self.emit(Inst::Enter { fail: None });
                self.node(body);
                if *negative {
                    self.emit(Inst::ExitNegative);
                    let after = self.insts.len();
                    self.patch(enter, after);
                } else {
                    self.emit(Inst::ExitLook);
                }
            }
            Node::Atomic(body) => {
                self.emit(Inst::Enter { fail: None });
                self.node(body);
                self.emit(Inst::ExitAtomic);
            }
            Node::Backref { slot, ci, rtl } => {
                self.emit(Inst::Backref {
                    slot: *slot,
                    ci: *ci,
                    rtl: *rtl,
                    ecma: self.ecma,
                });
            }
            Node::BackrefCond { slot, yes, no } => {
                let test = self.emit(Inst::IfCaptured { slot: *slot, no: 0 });
                self.node(yes);
                let jump = self.emit(Inst::Jmp(0));
                let else_pc = self.insts.len();
                self.patch(test, else_pc);
                if let Some(no) = no {
                    self.node(no);
                }
                let end = self.insts.len();
                self.patch(jump, end);
            }
            Node::ExprCond { cond, yes, no } => {
                let enter = self.emit(Inst::Enter { fail: None });
                self.node(cond);
                self.emit(Inst::ExitLook);
                self.node(yes);
                let jump = self.emit(Inst::Jmp(0));
                let else_pc = self.insts.len();
                self.patch(enter, else_pc);
                if let Some(no) = no {
                    self.node(no);
                }
                let end = self.insts.len();
                self.patch(jump, end);
            }
            Node::Anchor(a) => {
                self.emit(Inst::Anchor(*a));
            }
        }
    }

    /// The literal first unit and the start anchor of a left-to-right pattern.
    fn prefix(&self, root: &Node) -> (Option<u16>, Option<Anchor>) {
        let mut node = root;
        loop {
            match node {
                Node::Capture {
                    body, uncap: None, ..
                } => node = body,
                Node::Group(body) => node = body,
                Node::Concat(items) if !items.is_empty() => node = &items[0],
                Node::One {
                    c,
                    ci: false,
                    rtl: false,
                } => return (Some(*c), None),
                Node::Anchor(a @ (Anchor::Beginning | Anchor::Start)) => return (None, Some(*a)),
                _ => return (None, None),
            }
        }
    }
}
