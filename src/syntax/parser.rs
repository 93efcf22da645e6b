//! Placeholder until the nom parser lands (same commit series).

use std::rc::Rc;

use super::ast::{Block, ScriptBlockAst};
use super::{ParseErrors, SourceFile, Span};

pub fn parse_script(source: Rc<SourceFile>) -> Result<Rc<ScriptBlockAst>, ParseErrors> {
    let span = Span::new(0, source.text.len());
    Ok(Rc::new(ScriptBlockAst {
        span,
        source,
        attributes: Vec::new(),
        param_block: None,
        begin: None,
        process: None,
        end: Some(Block::default()),
    }))
}
