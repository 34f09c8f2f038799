//! Every schema node made readable by `openapiv3` on its own. Its derived deserializers
//! backtrack through untagged enums (`ReferenceOr`, `SchemaKind`): when a keyword deep inside
//! nested schemas does not read, every level above tries each of its alternatives again, which
//! takes time exponential in the depth (24 nested `allOf`s around one `externalDocs: 5` took
//! over a minute). Checking each node with its subschemas replaced by `{}` costs time linear
//! in the document, and once every node reads on its own, no failure can start deep inside.

use super::fields::Fields;
use crate::error::{join, Diagnostics};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Keywords whose value is one subschema.
pub(crate) const ONE_SCHEMA: [&str; 9] = [
    "items",
    "not",
    "additionalProperties",
    "additionalItems",
    "contains",
    "propertyNames",
    "if",
    "then",
    "else",
];
/// Keywords whose value is a list of subschemas.
pub(crate) const LIST_OF_SCHEMAS: [&str; 4] = ["allOf", "oneOf", "anyOf", "prefixItems"];
/// Keywords whose value maps names to subschemas.
pub(crate) const MAP_OF_SCHEMAS: [&str; 5] = [
    "properties",
    "patternProperties",
    "$defs",
    "definitions",
    "dependentSchemas",
];

/// The node with every subschema replaced by `{}`.
fn shallow(map: &Map<String, Value>) -> Value {
    let empty = || Value::Object(Map::new());
    let mut out = Map::new();
    for (key, value) in map {
        let key_str = key.as_str();
        let value = match value {
            Value::Object(_) if ONE_SCHEMA.contains(&key_str) => empty(),
            Value::Array(items) if LIST_OF_SCHEMAS.contains(&key_str) => {
                Value::Array(items.iter().map(|_| empty()).collect())
            }
            Value::Object(children) if MAP_OF_SCHEMAS.contains(&key_str) => {
                Value::Object(children.keys().map(|k| (k.clone(), empty())).collect())
            }
            other => other.clone(),
        };
        out.insert(key.clone(), value);
    }
    Value::Object(out)
}

fn reads(node: &Value) -> bool {
    openapiv3::ReferenceOr::<openapiv3::Schema>::deserialize(node).is_ok()
}

/// Whether a node reads without trying: a reference, or one of the plain schemas most of a
/// real document is made of (typed, or an untyped `allOf`/`oneOf`/`anyOf`), whose every keyword
/// has the JSON type openapiv3 reads it as. Trying (`reads(&shallow(..))`) copies the node and
/// runs openapiv3's backtracking deserializer on it, which was a tenth of the time before
/// rendering.
fn plainly_readable(map: &Map<String, Value>) -> bool {
    if matches!(map.field("$ref"), Some(Value::String(_))) {
        // `ReferenceOr` reads any mapping with a string `$ref` as a reference.
        return true;
    }
    let kind = match map.field("type") {
        Some(Value::String(kind)) => Some(kind.as_str()),
        Some(_) => return false,
        None => None,
    };
    map.iter().all(|(key, value)| match (key.as_str(), value) {
        ("type", _) => matches!(
            kind,
            Some("string" | "integer" | "number" | "boolean" | "object" | "array")
        ),
        ("description" | "title" | "format", Value::String(_)) => true,
        ("nullable" | "readOnly" | "writeOnly" | "deprecated", Value::Bool(_)) => true,
        ("example" | "default", _) => true,
        (key, _) if key.starts_with("x-") => true,
        ("allOf" | "oneOf" | "anyOf", Value::Array(items)) => {
            kind.is_none() && items.iter().all(Value::is_object)
        }
        (key, value) => kind.is_some_and(|kind| typed_keyword_reads(kind, key, value)),
    })
}

/// Whether a keyword of a schema of type `kind` has the JSON type openapiv3 reads it as.
fn typed_keyword_reads(kind: &str, key: &str, value: &Value) -> bool {
    let unsigned = Value::is_u64;
    match (kind, key) {
        ("string", "pattern") => value.is_string(),
        ("string", "minLength" | "maxLength") => unsigned(value),
        ("string", "enum") => all_items(value, |item| item.is_string() || item.is_null()),
        ("integer", "minimum" | "maximum") => value.is_i64(),
        ("integer", "enum") => all_items(value, |item| item.is_i64() || item.is_null()),
        ("number", "minimum" | "maximum") => value.is_number(),
        ("number", "enum") => all_items(value, |item| item.is_number() || item.is_null()),
        ("boolean", "enum") => all_items(value, |item| item.is_boolean() || item.is_null()),
        ("object", "properties") => value.is_object(),
        ("object", "required") => all_items(value, Value::is_string),
        ("object", "additionalProperties") => value.is_boolean() || value.is_object(),
        ("array", "items") => value.is_object(),
        ("array", "minItems" | "maxItems") => unsigned(value),
        ("array", "uniqueItems") => value.is_boolean(),
        _ => false,
    }
}

fn all_items(value: &Value, each: impl Fn(&Value) -> bool) -> bool {
    value.as_array().is_some_and(|items| items.iter().all(each))
}

/// Makes one schema node readable on its own: a keyword that keeps it from reading is dropped
/// with a warning; a node that still does not read becomes any value.
pub(crate) fn make_readable(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    if plainly_readable(map) || reads(&shallow(map)) {
        return;
    }
    let keys: Vec<String> = map.keys().cloned().collect();
    for key in keys {
        let mut without = map.clone();
        without.take(&key);
        if reads(&shallow(&without)) {
            map.take(&key);
            diagnostics.warn(
                &join(pointer, &key),
                format!("`{key}` does not have the form OpenAPI gives it; ignored"),
            );
            return;
        }
    }
    diagnostics.fallback(
        pointer,
        "the schema does not have the form OpenAPI gives it",
    );
    map.clear();
}

/// Whether a whole tree of schemas (one that was not normalized, reached by a `$ref` into
/// some other part of the document) reads without any node failing, checked node by node.
pub(crate) fn tree_reads(root: &Value) -> bool {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let Value::Object(map) = node else {
            return false;
        };
        if !plainly_readable(map) && !reads(&shallow(map)) {
            return false;
        }
        for (key, value) in map {
            let key = key.as_str();
            match value {
                Value::Object(_) if ONE_SCHEMA.contains(&key) => stack.push(value),
                Value::Array(items) if LIST_OF_SCHEMAS.contains(&key) => stack.extend(items),
                Value::Object(children) if MAP_OF_SCHEMAS.contains(&key) => {
                    stack.extend(children.values())
                }
                _ => {}
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every node made of one `type` and up to two other keywords, each with a value of every
    /// JSON kind: what `plainly_readable` accepts must read.
    #[test]
    fn what_is_plainly_readable_reads() {
        let types = [
            Some("string"),
            Some("integer"),
            Some("number"),
            Some("boolean"),
            Some("object"),
            Some("array"),
            Some("null"),
            Some("int"),
            None,
        ];
        let keys = [
            "description",
            "title",
            "format",
            "nullable",
            "readOnly",
            "writeOnly",
            "deprecated",
            "example",
            "default",
            "x-extra",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "minimum",
            "maximum",
            "pattern",
            "minLength",
            "maxLength",
            "minItems",
            "maxItems",
            "uniqueItems",
            "allOf",
            "oneOf",
            "anyOf",
            "$ref",
        ];
        let values = [
            json!(null),
            json!(true),
            json!(3),
            json!(-1.5),
            json!("text"),
            json!([]),
            json!(["a"]),
            json!([1]),
            json!([null, "a"]),
            json!([true]),
            json!([{}]),
            json!([{}, "a"]),
            json!({}),
            json!({"a": {}}),
        ];
        let mut accepted = 0;
        for kind in types {
            for (i, first) in keys.iter().enumerate() {
                for second in &keys[i..] {
                    for a in &values {
                        for b in &values {
                            let mut node = Map::new();
                            if let Some(kind) = kind {
                                node.insert("type".into(), json!(kind));
                            }
                            node.insert(first.to_string(), a.clone());
                            node.insert(second.to_string(), b.clone());
                            if plainly_readable(&node) {
                                accepted += 1;
                                assert!(reads(&shallow(&node)), "{node:?}");
                            }
                        }
                    }
                }
            }
        }
        assert!(accepted > 1000, "{accepted}");
        let reference = json!({"$ref": "#/components/schemas/A", "description": 5});
        assert!(plainly_readable(reference.as_object().unwrap()));
        assert!(reads(&reference));
    }
}
