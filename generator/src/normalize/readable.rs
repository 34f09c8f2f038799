//! Every schema node made readable by `openapiv3` on its own. Its derived deserializers
//! backtrack through untagged enums (`ReferenceOr`, `SchemaKind`): when a keyword deep inside
//! nested schemas does not read, every level above tries each of its alternatives again, which
//! takes time exponential in the depth (24 nested `allOf`s around one `externalDocs: 5` took
//! over a minute). Checking each node with its subschemas replaced by `{}` costs time linear
//! in the document, and once every node reads on its own, no failure can start deep inside.

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

/// Whether a node reads without trying: a reference, or one of the plain typed schemas most
/// of a real document is made of, whose every keyword has the JSON type openapiv3 reads it as.
/// Trying (`reads(&shallow(..))`) copies the node and runs openapiv3's backtracking
/// deserializer on it, which was a tenth of the time before rendering.
fn plainly_readable(map: &Map<String, Value>) -> bool {
    if matches!(map.get("$ref"), Some(Value::String(_))) {
        // `ReferenceOr` reads any mapping with a string `$ref` as a reference.
        return true;
    }
    let Some(Value::String(kind)) = map.get("type") else {
        return false;
    };
    let scalar = matches!(kind.as_str(), "string" | "integer" | "number" | "boolean");
    map.iter().all(|(key, value)| match (key.as_str(), value) {
        ("type", _) => scalar || kind == "object" || kind == "array",
        ("description" | "title" | "format", Value::String(_)) => true,
        ("nullable" | "readOnly" | "writeOnly" | "deprecated", Value::Bool(_)) => true,
        ("example" | "default", _) => true,
        (key, _) if key.starts_with("x-") => true,
        ("properties", Value::Object(_)) => kind == "object",
        ("required", Value::Array(names)) => kind == "object" && names.iter().all(Value::is_string),
        ("additionalProperties", Value::Bool(_) | Value::Object(_)) => kind == "object",
        ("items", Value::Object(_)) => kind == "array",
        _ => false,
    })
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
        without.remove(&key);
        if reads(&shallow(&without)) {
            map.remove(&key);
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
            "string", "integer", "number", "boolean", "object", "array", "null", "int",
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
            "pattern",
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
                            node.insert("type".into(), json!(kind));
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
