//! Builds a `serde_json::Value` straight from the YAML or JSON deserializer, without an
//! intermediate tree, and refuses what would silently lose or explode data: duplicate keys,
//! nesting deeper than [`MAX_DEPTH`](super::MAX_DEPTH), and (through serde_yaml's own bound)
//! alias expansion. Every refusal names the JSON pointer where it happened; the deserializer
//! adds the line and column.

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess};
use serde::de::{VariantAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::cell::RefCell;
use std::fmt;

/// Where a node sits, as a chain of borrowed parents; rendered only when an error needs it.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn pointer(&self) -> String {
        match self {
            Path::Root => "#".to_string(),
            Path::Key(parent, key) => crate::error::join(&parent.pointer(), key),
            Path::Index(parent, index) => format!("{}/{index}", parent.pointer()),
        }
    }
}

/// What went wrong, recorded by the innermost node that saw the error.
#[derive(Default)]
pub(super) struct Failure {
    /// JSON pointer of the innermost node whose reading failed.
    pub pointer: Option<String>,
    /// Our own explanation when the refusal is ours (duplicate key, too deep); the
    /// deserializer's message otherwise.
    pub message: Option<String>,
}

/// Shared by every node of one parse.
#[derive(Default)]
pub(super) struct State {
    pub failure: RefCell<Failure>,
    /// YAML merge keys (`<<: *anchor`) are applied: set for YAML, where `<<` is the merge
    /// key; in JSON it is an ordinary key.
    pub merge_keys: bool,
}

impl State {
    fn note_pointer(&self, path: &Path<'_>) {
        let mut failure = self.failure.borrow_mut();
        if failure.pointer.is_none() {
            failure.pointer = Some(path.pointer());
        }
    }

    fn refuse(&self, path: &Path<'_>, message: String) {
        let mut failure = self.failure.borrow_mut();
        if failure.pointer.is_none() {
            failure.pointer = Some(path.pointer());
            failure.message = Some(message);
        }
    }
}

/// Reads one node (and everything under it) into a `Value`.
pub(super) struct Node<'a> {
    path: Path<'a>,
    /// Number of mappings and lists enclosing this node.
    depth: usize,
    state: &'a State,
}

impl<'a> Node<'a> {
    pub(super) fn root(state: &'a State) -> Self {
        Node {
            path: Path::Root,
            depth: 0,
            state,
        }
    }

    fn enter_container<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= super::MAX_DEPTH {
            self.state.refuse(
                &self.path,
                format!(
                    "the document nests mappings and lists deeper than {} levels, the supported limit",
                    super::MAX_DEPTH
                ),
            );
            return Err(E::custom("nesting too deep"));
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

fn float(value: f64) -> Value {
    // YAML's `.inf` and `.nan` have no JSON form.
    Number::from_f64(value).map_or(Value::Null, Value::Number)
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML or JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    // Integers beyond 64 bits are kept as the nearest float, as serde_json does for JSON text;
    // the normalizer then treats them as out-of-range bounds or enum values.
    fn visit_i128<E>(self, v: i128) -> Result<Value, E> {
        Ok(float(v as f64))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Value, E> {
        Ok(float(v as f64))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(float(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.enter_container()?;
        let mut items = Vec::new();
        loop {
            let path = Path::Index(&self.path, items.len());
            let child = Node {
                path,
                depth: self.depth + 1,
                state: self.state,
            };
            match seq.next_element_seed(child) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(error) => {
                    self.state.note_pointer(&path);
                    return Err(error);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.enter_container()?;
        let mut out = Map::new();
        let mut merged = Vec::new();
        loop {
            let key = match map.next_key_seed(Key) {
                Ok(Some(key)) => key,
                Ok(None) => {
                    apply_merges(&mut out, merged);
                    return Ok(Value::Object(out));
                }
                Err(error) => {
                    self.state.note_pointer(&self.path);
                    return Err(error);
                }
            };
            let path = Path::Key(&self.path, &key);
            if out.contains_key(&key) {
                // Reading the repeated entry's value through a seed that always fails makes
                // the deserializer report the line of the repeated entry, not of the mapping.
                self.state.refuse(
                    &path,
                    format!("duplicate key `{key}`: the mapping holds it twice and one value would be lost"),
                );
                map.next_value_seed(Refuse)?;
                return Err(de::Error::custom("duplicate key"));
            }
            let child = Node {
                path,
                depth: self.depth + 1,
                state: self.state,
            };
            match map.next_value_seed(child) {
                Ok(value) if self.state.merge_keys && key == "<<" => merged.push(value),
                Ok(value) => {
                    out.insert(key, value);
                }
                Err(error) => {
                    self.state.note_pointer(&path);
                    return Err(error);
                }
            }
        }
    }

    /// A YAML tag (`!Ref x`) carries no meaning in OpenAPI; the tagged value is kept.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Value, A::Error> {
        let (_tag, variant): (String, _) = data.variant()?;
        variant.newtype_variant_seed(self)
    }
}

/// A mapping key: any scalar, read as its text (`200:` and `"200":` are the same key).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scalar mapping key")
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

/// Fails on whatever it is given, so the deserializer attaches that node's position.
struct Refuse;

impl<'de> DeserializeSeed<'de> for Refuse {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Refuse {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("no value (the key is a duplicate)")
    }
}

/// YAML merge keys: the entries of each merged mapping (`<<: *a`, or `<<: [*a, *b]`, where
/// earlier mappings win) that the mapping does not set itself. A merge value that is not a
/// mapping is kept under `<<`, for validation to report.
fn apply_merges(out: &mut Map<String, Value>, merged: Vec<Value>) {
    for value in merged {
        let sources = match value {
            Value::Array(items) if items.iter().all(Value::is_object) => items,
            Value::Object(_) => vec![value],
            other => {
                out.insert("<<".to_string(), other);
                continue;
            }
        };
        for source in sources {
            if let Value::Object(entries) = source {
                for (key, value) in entries {
                    out.entry(key).or_insert(value);
                }
            }
        }
    }
}
