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

/// Makes one schema node readable on its own: a keyword that keeps it from reading is dropped
/// with a warning; a node that still does not read becomes any value.
pub(crate) fn make_readable(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    if reads(&shallow(map)) {
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
        if !reads(&shallow(map)) {
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
