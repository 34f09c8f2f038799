//! The document's object schemas and the operations whose replies it gives examples of. A
//! decode error that found a non-object where the client expected one of those objects
//! (`invalid type: sequence, expected struct Name`) is not ours: the reply breaks the
//! document's schema (a schema with properties but no `type` lets any non-object through to
//! the letter, while describing an object). Prism serves the document's own example where it
//! has one, so such a reply is the document's; a reply Prism made up is Prism's.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::spec_doc;

/// What the classifier needs to know of the document's objects.
#[derive(Clone, Debug, Default)]
pub struct Objects {
    /// Rust type name (as the generator names a component) -> the schema's JSON pointer.
    pub schemas: BTreeMap<String, String>,
    /// `(METHOD, path template)` of operations with an example reply in the document.
    pub with_examples: BTreeSet<(String, String)>,
}

/// The document's objects (empty for a document that did not read).
pub fn objects(doc: &Value) -> Objects {
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(_, schema)| {
            let typed = schema.get("type").and_then(Value::as_str);
            typed == Some("object") || (typed.is_none() && schema.get("properties").is_some())
        })
        .map(|(name, _)| {
            let pointer = format!(
                "#/components/schemas/{}",
                name.replace('~', "~0").replace('/', "~1")
            );
            (generator::ir::names::type_name(name, "Type"), pointer)
        })
        .collect();
    let mut with_examples = BTreeSet::new();
    for (key, operation) in spec_doc::operations(doc) {
        let Some(responses) = operation.get("responses") else {
            continue;
        };
        // Any example under the responses (a media type's or its schema's) counts.
        if serde_json::to_string(responses)
            .is_ok_and(|text| text.contains("\"example\"") || text.contains("\"examples\""))
        {
            with_examples.insert(key);
        }
    }
    Objects {
        schemas,
        with_examples,
    }
}

/// The object schema a decode error (`invalid type: sequence, expected struct Name`) names,
/// when the value found was not an object.
pub fn explaining<'a>(objects: &'a Objects, message: &str) -> Option<&'a str> {
    let (_, rest) = message.split_once("invalid type: ")?;
    let (found, rest) = rest.split_once(", expected struct ")?;
    if found.starts_with("map") {
        return None;
    }
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    objects.schemas.get(&name).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_schemas_are_named_as_the_generator_names_them() {
        let doc = serde_json::json!({
            "paths": {
                "/a": {"post": {"responses": {"200": {"content": {"application/json": {"examples": {"x": {"value": 1}}}}}}}},
                "/b": {"get": {"responses": {"200": {"description": "no example"}}}}
            },
            "components": {"schemas": {
                "income_breakdown": {"properties": {"hours": {"type": "number"}}},
                "Typed": {"type": "object", "properties": {"a": {"type": "string"}}},
                "Text": {"type": "string"}
            }}
        });
        let objects = objects(&doc);
        assert_eq!(
            objects.schemas.get("IncomeBreakdown").map(String::as_str),
            Some("#/components/schemas/income_breakdown")
        );
        assert_eq!(objects.schemas.len(), 2);
        assert!(objects
            .with_examples
            .contains(&("POST".into(), "/a".into())));
        assert_eq!(objects.with_examples.len(), 1);
        let message = "answered 200 OK with a body that does not match its schema at `a[0].b`: invalid type: sequence, expected struct IncomeBreakdown";
        assert_eq!(
            explaining(&objects, message),
            Some("#/components/schemas/income_breakdown")
        );
        assert!(explaining(&objects, "invalid type: map, expected struct Typed").is_none());
        assert!(explaining(&objects, "invalid type: string, expected struct Typed").is_some());
        assert!(explaining(&objects, "invalid type: string, expected struct Other").is_none());
    }
}
