//! Keyword lookups in the small mappings schemas and operations are written as, and the two
//! small helpers every rewrite shares (a note in a description, the kind of a value).
//! `serde_json::Map` hashes every key it is asked about with SipHash; a schema holds a handful
//! of keywords and the normalizer asks each for dozens, so comparing the few keys directly is
//! several times faster. Larger mappings (properties, paths) are still hashed.

use serde_json::{Map, Value};

/// Mappings up to this many entries are scanned rather than hashed.
const SCAN_UP_TO: usize = 12;

/// Lookups by key, with the results `Map::get` and friends give.
pub(crate) trait Fields {
    /// The value at `key`.
    fn field(&self, key: &str) -> Option<&Value>;
    /// The value at `key`, to change.
    fn field_mut(&mut self, key: &str) -> Option<&mut Value>;
    /// Whether `key` is present.
    fn has(&self, key: &str) -> bool {
        self.field(key).is_some()
    }
    /// Removes `key` as `Map::remove` does (a look first: most keywords asked about are absent).
    fn take(&mut self, key: &str) -> Option<Value>;
}

impl Fields for Map<String, Value> {
    fn field(&self, key: &str) -> Option<&Value> {
        if self.len() > SCAN_UP_TO {
            return self.get(key);
        }
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut Value> {
        if self.len() > SCAN_UP_TO {
            return self.get_mut(key);
        }
        self.iter_mut().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        if self.has(key) {
            self.remove(key)
        } else {
            None
        }
    }
}

impl Fields for Value {
    fn field(&self, key: &str) -> Option<&Value> {
        self.as_object()?.field(key)
    }

    fn field_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut()?.field_mut(key)
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        self.as_object_mut()?.take(key)
    }
}

/// Appends a paragraph to a schema's description, which becomes the doc comment of the item
/// generated for it: the reader of the generated code learns why a type is looser than the spec.
pub(crate) fn add_note(map: &mut Map<String, Value>, note: &str) {
    let text = match map.field("description") {
        Some(Value::String(existing)) if !existing.trim().is_empty() => {
            format!("{}\n\n{note}", existing.trim_end())
        }
        _ => note.to_string(),
    };
    map.insert("description".into(), Value::String(text));
}

/// The kind of a JSON value, as an error message names it.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Scanned and hashed lookups agree, on both sides of the size at which they switch.
    #[test]
    fn lookups_agree_with_the_map() {
        for size in [0, 1, SCAN_UP_TO, SCAN_UP_TO + 1, 40] {
            let mut map = Map::new();
            for i in 0..size {
                map.insert(format!("k{i}"), json!(i));
            }
            for probe in ["k0", "k5", "k12", "k13", "k39", "absent", ""] {
                assert_eq!(map.field(probe), map.get(probe), "{size} {probe}");
                assert_eq!(map.has(probe), map.contains_key(probe));
                let mut a = map.clone();
                let mut b = map.clone();
                assert_eq!(a.take(probe), b.remove(probe));
                assert_eq!(a, b);
                assert_eq!(a.field_mut("k1").is_some(), b.get_mut("k1").is_some());
            }
        }
        let value = json!({"type": "string"});
        assert_eq!(value.field("type"), Some(&json!("string")));
        assert_eq!(json!([1]).field("type"), None);
    }
}
