//! Component schemas with properties but no `type`, read from the document. JSON Schema
//! applies `properties` and `required` to objects only, so any array, string or number fits
//! such a schema; the generator reads it as the object it describes. A reply that fills one
//! with a non-object fits the letter of the schema and breaks what the document says of it:
//! the document's contradiction, not our decoding.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// Rust type name (as the generator names a component) -> the schema's JSON pointer.
pub type Untyped = BTreeMap<String, String>;

/// The document's untyped object schemas; empty when it does not read.
pub fn untyped(spec: &Path) -> Untyped {
    let Ok(bytes) = std::fs::read(spec) else {
        return Untyped::new();
    };
    match serde_yaml::from_slice::<Value>(&bytes) {
        Ok(doc) => from_document(&doc),
        Err(_) => Untyped::new(),
    }
}

fn from_document(doc: &Value) -> Untyped {
    let schemas = doc
        .pointer("/components/schemas")
        .or_else(|| doc.get("definitions"))
        .and_then(Value::as_object);
    let base = match doc.get("definitions") {
        Some(_) if doc.pointer("/components/schemas").is_none() => "#/definitions",
        _ => "#/components/schemas",
    };
    schemas
        .into_iter()
        .flatten()
        .filter(|(_, schema)| {
            schema.get("properties").is_some()
                && ["type", "allOf", "oneOf", "anyOf", "$ref"]
                    .iter()
                    .all(|key| schema.get(key).is_none())
        })
        .map(|(name, _)| {
            let pointer = format!("{base}/{}", name.replace('~', "~0").replace('/', "~1"));
            (generator::ir::names::type_name(name, "Type"), pointer)
        })
        .collect()
}

/// The schema a decode error (`invalid type: sequence, expected struct Name`) names, when
/// it is one of these and the value was not an object.
pub fn explaining<'a>(untyped: &'a Untyped, message: &str) -> Option<&'a str> {
    let (_, rest) = message.split_once("invalid type: ")?;
    let (found, rest) = rest.split_once(", expected struct ")?;
    if found.starts_with("map") {
        return None;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    untyped.get(&name).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_schemas_without_a_type_are_named_as_the_generator_names_them() {
        let doc = serde_json::json!({"components": {"schemas": {
            "income_breakdown": {"properties": {"hours": {"type": "number"}}, "required": ["hours"]},
            "Typed": {"type": "object", "properties": {"a": {"type": "string"}}},
            "Merged": {"allOf": [{"$ref": "#/components/schemas/Typed"}], "properties": {}}
        }}});
        let untyped = from_document(&doc);
        assert_eq!(
            untyped.get("IncomeBreakdown").map(String::as_str),
            Some("#/components/schemas/income_breakdown")
        );
        assert_eq!(untyped.len(), 1);
        let message = "answered 200 OK with a body that does not match its schema at `a[0].b`: invalid type: sequence, expected struct IncomeBreakdown";
        assert!(explaining(&untyped, message).is_some());
        let object = "invalid type: map, expected struct IncomeBreakdown";
        assert!(explaining(&untyped, object).is_none());
        assert!(explaining(&untyped, "invalid type: sequence, expected struct Typed").is_none());
    }
}
