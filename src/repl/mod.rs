//! The interactive shell (rustyline). Owns prompt, history and multi-line input.
