//! The first pass over a store document: JSON syntax, and no key given twice in one object.
//!
//! JSON allows a repeated key and most readers keep the last value, so a hand-edited file with
//! `"users"` twice (or `"displayName"` twice in one user) would load with the second value and
//! lose the first for good at the next save. aapsh refuses such a file instead, naming the key
//! and where it is. The pass walks the whole text without building anything: each object
//! remembers only its own keys (borrowed from the text when they hold no escapes), so it costs
//! little beside the file itself. It must not read values into the model (`parse`, `stream`).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::error::StoreError;

/// Objects with more keys than this remember them in a hash set rather than a list.
const LINEAR_KEYS: usize = 16;

/// Checks `text`'s JSON syntax and that no object repeats a key. Errors carry no file name.
pub(crate) fn check(text: &str) -> Result<(), StoreError> {
    let found = RefCell::new(None);
    let root = At {
        parent: None,
        step: Step::Root,
        found: &found,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let walked = root.deserialize(&mut de).and_then(|()| de.end());
    match (walked, found.into_inner()) {
        (_, Some(duplicate)) => Err(duplicate),
        (Ok(()), None) => Ok(()),
        (Err(e), None) => Err(super::parse::syntax_error(e)),
    }
}

/// One step of the path from the top of the document to a value.
#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// Where a value sits, as a chain of steps on the stack of the walk.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: Option<&'a At<'a>>,
    step: Step<'a>,
    found: &'a RefCell<Option<StoreError>>,
}

impl At<'_> {
    /// The path in the notation of the store's other messages: `users[2].displayName`, with a
    /// key that is not a plain name (an object id) quoted: `assignments.users["ddb8..."]`.
    fn path(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(a) = at {
            steps.push(a.step);
            at = a.parent;
        }
        let mut out = String::new();
        for step in steps.into_iter().rev() {
            match step {
                Step::Root => {}
                Step::Index(i) => out.push_str(&format!("[{i}]")),
                Step::Key(key) if is_plain(key) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                Step::Key(key) => out.push_str(&format!("[{}]", quoted(key))),
            }
        }
        out
    }

    fn duplicate<E: de::Error>(&self, key: &str) -> E {
        let object = match self.path() {
            p if p.is_empty() => "the top-level object".to_string(),
            p => p,
        };
        let key_at = At {
            parent: Some(self),
            step: Step::Key(key),
            found: self.found,
        };
        *self.found.borrow_mut() = Some(StoreError::DuplicateKey {
            file: None,
            place: key_at.path(),
            message: format!(
                "the key {} is given more than once in {object}, and only one of its values \
                 could be kept",
                quoted(key)
            ),
        });
        E::custom("duplicate key")
    }
}

/// A key that reads unambiguously after a dot.
fn is_plain(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A key as a JSON string: quoted, with control characters escaped.
fn quoted(key: &str) -> String {
    serde_json::Value::from(key).to_string()
}

impl<'de> DeserializeSeed<'de> for At<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for At<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            let element = At {
                parent: Some(&self),
                step: Step::Index(i),
                found: self.found,
            };
            if seq.next_element_seed(element)?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut few: Vec<Cow<'de, str>> = Vec::new();
        let mut many: HashSet<Cow<'de, str>> = HashSet::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let repeated = if many.is_empty() && few.len() < LINEAR_KEYS {
                few.contains(&key)
            } else {
                if many.is_empty() {
                    many.extend(few.drain(..));
                }
                many.contains(&key)
            };
            if repeated {
                return Err(self.duplicate(&key));
            }
            map.next_value_seed(At {
                parent: Some(&self),
                step: Step::Key(&key),
                found: self.found,
            })?;
            if many.is_empty() && few.len() < LINEAR_KEYS {
                few.push(key);
            } else {
                many.insert(key);
            }
        }
        Ok(())
    }
}

/// A key, borrowed from the text when it holds no escape.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<String> {
        match check(text) {
            Err(StoreError::DuplicateKey { place, .. }) => Some(place),
            Err(other) => panic!("{other}"),
            Ok(()) => None,
        }
    }

    #[test]
    fn a_repeated_key_is_found_at_any_level() {
        assert_eq!(place(r#"{"a":1,"b":2}"#), None);
        assert_eq!(
            place(r#"{"users":[],"users":[]}"#).as_deref(),
            Some("users")
        );
        assert_eq!(
            place(r#"{"users":[{"x":1},{"x":1,"y":2,"x":3}]}"#).as_deref(),
            Some("users[1].x")
        );
        assert_eq!(
            place(r#"{"a":{"users":{"0-1":"P","0-1":"Q"}}}"#).as_deref(),
            Some(r#"a.users["0-1"]"#)
        );
        // Keys that differ only in case, or by an escape that spells the same key.
        assert_eq!(place(r#"{"Users":1,"users":2}"#), None);
        assert_eq!(
            place(r#"{"users":1,"u\u0073ers":2}"#).as_deref(),
            Some("users")
        );
        // The same key in two objects is no repeat.
        assert_eq!(place(r#"[{"a":1},{"a":1}]"#), None);
    }

    #[test]
    fn many_keys_are_checked_through_a_set() {
        let mut text = String::from("{");
        for i in 0..1000 {
            text.push_str(&format!("\"k{i}\":{i},"));
        }
        text.push_str("\"k999\":0}");
        assert_eq!(place(&text).as_deref(), Some("k999"));
        assert_eq!(place(&text.replace("\"k999\":0", "\"k1000\":0")), None);
    }

    #[test]
    fn syntax_errors_keep_their_line_and_column() {
        match check("{\n  \"a\": [1,\n") {
            Err(StoreError::Syntax { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(check("{} x"), Err(StoreError::Syntax { .. })));
    }
}
