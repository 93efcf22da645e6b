//! `System.Management.Automation.PSListModifier` semantics (fidelity.md §3): a string or array
//! means Replace; a hashtable carries Add / Remove / Replace keys (case-insensitive). Applying:
//! a non-empty Replace wins; otherwise Remove (first occurrence, ordinal) then Add.

use super::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListModifier {
    pub add: Vec<String>,
    pub remove: Vec<String>,
    pub replace: Vec<String>,
}

impl ListModifier {
    /// Converts a bound argument. The error is the inner text pwsh puts after `Error:`.
    pub fn from_value(value: &Value) -> Result<ListModifier, String> {
        let mut m = ListModifier::default();
        match value {
            Value::Null => {}
            Value::Hashtable(h) => {
                for (k, v) in h.borrow().iter() {
                    let key = k.to_ps_string();
                    let items: Vec<String> =
                        v.enumerate().iter().map(Value::to_ps_string).collect();
                    match key.to_ascii_lowercase().as_str() {
                        "add" => m.add.extend(items),
                        "remove" => m.remove.extend(items),
                        "replace" => m.replace.extend(items),
                        _ => {
                            return Err(format!(
                                "The following unknown list modifier was detected: '{key}'. Valid list modifiers are Add, Remove, and Replace."
                            ));
                        }
                    }
                }
            }
            other => {
                m.replace = other.enumerate().iter().map(Value::to_ps_string).collect();
            }
        }
        Ok(m)
    }

    /// True when applying changes nothing whatever the list (`@{Replace=@()}`, `$null`).
    pub fn is_noop(&self) -> bool {
        self.add.is_empty() && self.remove.is_empty() && self.replace.is_empty()
    }

    /// The list after the modifier, as `PSListModifier.ApplyTo` computes it.
    pub fn apply_to(&self, list: &[String]) -> Vec<String> {
        if !self.replace.is_empty() {
            return self.replace.clone();
        }
        let mut out = list.to_vec();
        for r in &self.remove {
            if let Some(i) = out.iter().position(|x| x == r) {
                out.remove(i);
            }
        }
        out.extend(self.add.iter().cloned());
        out
    }

    /// Every id the modifier mentions as a value to store (Add and Replace items).
    pub fn stored_items(&self) -> impl Iterator<Item = &String> {
        self.add.iter().chain(self.replace.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::value::Hashtable;

    fn table(pairs: &[(&str, Value)]) -> Value {
        let mut h = Hashtable::new(false);
        for (k, v) in pairs {
            h.insert(Value::str(k), v.clone());
        }
        Value::hashtable(h)
    }

    #[test]
    fn replace_wins_then_remove_then_add() {
        let list = vec!["a".to_string(), "b".to_string()];
        let m = ListModifier::from_value(&table(&[
            ("ADD", Value::str("c")),
            ("remove", Value::str("a")),
        ]))
        .unwrap();
        assert_eq!(m.apply_to(&list), vec!["b", "c"]);
        let m = ListModifier::from_value(&Value::array(vec![Value::str("x")])).unwrap();
        assert_eq!(m.apply_to(&list), vec!["x"]);
        let m = ListModifier::from_value(&table(&[("Replace", Value::array(vec![]))])).unwrap();
        assert_eq!(m.apply_to(&list), list);
    }

    #[test]
    fn unknown_key_is_rejected() {
        let err = ListModifier::from_value(&table(&[("Bogus", Value::str("x"))])).unwrap_err();
        assert!(err.contains("'Bogus'"));
    }
}
