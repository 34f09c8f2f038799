//! `oneOf` schemas in request bodies that no value fits exactly once, read from the document:
//! a branch that constrains nothing (every value fits it, so a value of any other branch
//! fits two), or branches that each accept everything another accepts (the same properties
//! and a superset of its `required`: whatever fits one fits both). Prism's complaint that a
//! body matches several branches is then the document's contradiction.

use std::collections::{BTreeSet, HashMap};

use serde_json::{Map, Value};

use super::spec_doc;

/// `(METHOD, path template)` -> the overlapping `oneOf`s of the operation's request body.
pub type Overlaps = HashMap<(String, String), Vec<Overlap>>;

/// One `oneOf` no value fits exactly once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overlap {
    /// Where in the body, as property names (`*` for list items); empty for the body itself.
    pub at: Vec<String>,
    /// Why, naming the schema.
    pub evidence: String,
}

/// Keywords that say nothing about which values are valid.
const ANNOTATIONS: [&str; 9] = [
    "description",
    "title",
    "example",
    "examples",
    "externalDocs",
    "deprecated",
    "xml",
    "discriminator",
    "default",
];

/// The document's overlapping `oneOf`s (empty for a document that did not read).
pub fn overlaps(doc: &Value) -> Overlaps {
    let mut found = Overlaps::new();
    for (key, operation) in spec_doc::operations(doc) {
        let Some(body) = operation.get("requestBody") else {
            continue;
        };
        let body = spec_doc::resolve(doc, body).0;
        let Some(content) = body.get("content").and_then(Value::as_object) else {
            continue;
        };
        let mut walk = Walk {
            doc,
            at: Vec::new(),
            seen: BTreeSet::new(),
            found: Vec::new(),
        };
        for media in content.values() {
            if let Some(schema) = media.get("schema") {
                walk.schema(schema, 0);
            }
        }
        let overlaps = walk.found;
        if !overlaps.is_empty() {
            found.insert(key, overlaps);
        }
    }
    found
}

/// A walk through a body's schema: each referenced schema is visited once (a document's
/// references form a graph that paths through would take exponential time to list).
struct Walk<'a> {
    doc: &'a Value,
    /// Where the walk is, as property names (`*` for list items).
    at: Vec<String>,
    seen: BTreeSet<&'a str>,
    found: Vec<Overlap>,
}

impl<'a> Walk<'a> {
    fn schema(&mut self, schema: &'a Value, depth: usize) {
        if depth > 24 {
            return;
        }
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            if !self.seen.insert(reference) {
                return;
            }
        }
        let (schema, name) = spec_doc::resolve(self.doc, schema);
        if let Some(branches) = schema.get("oneOf").and_then(Value::as_array) {
            if let Some(evidence) = overlap(self.doc, branches) {
                let place = name.map_or(String::new(), |n| format!(" of `{n}`"));
                self.found.push(Overlap {
                    at: self.at.clone(),
                    evidence: format!("the oneOf{place}: {evidence}"),
                });
            }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            for part in schema
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                self.schema(part, depth + 1);
            }
        }
        if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
            for (property, inner) in properties {
                self.at.push(property.clone());
                self.schema(inner, depth + 1);
                self.at.pop();
            }
        }
        if let Some(items) = schema.get("items") {
            self.at.push("*".into());
            self.schema(items, depth + 1);
            self.at.pop();
        }
    }
}

/// Why no value fits exactly one of `branches`, if none can.
fn overlap(doc: &Value, branches: &[Value]) -> Option<String> {
    let resolved: Vec<(Value, String)> = branches
        .iter()
        .enumerate()
        .map(|(index, branch)| {
            let (schema, name) = spec_doc::resolve(doc, branch);
            let label = name.map_or(format!("branch {index}"), |n| format!("`{n}`"));
            (canonical(doc, schema, 0), label)
        })
        .collect();
    if let Some((_, label)) = resolved
        .iter()
        .find(|(s, _)| s.as_object().is_some_and(Map::is_empty))
    {
        return Some(format!(
            "{label} constrains nothing, so every value of another branch fits two"
        ));
    }
    if resolved.len() < 2 {
        return None;
    }
    let mut pairs = Vec::new();
    for (index, (narrow, narrow_label)) in resolved.iter().enumerate() {
        let wider = resolved
            .iter()
            .enumerate()
            .find(|(other, (wide, _))| *other != index && accepts_all_of(wide, narrow))?;
        pairs.push(format!("{narrow_label} fits {}", wider.1 .1));
    }
    Some(format!(
        "every branch's value fits another branch too ({})",
        pairs.join(", ")
    ))
}

/// The schema with annotations left out, for comparing; the schema's own reference is
/// followed, nested ones are compared as written (following them all could take long on a
/// large document, and two references to one schema still compare equal).
fn canonical(doc: &Value, schema: &Value, depth: usize) -> Value {
    let schema = match depth {
        0 => spec_doc::resolve(doc, schema).0,
        _ => schema,
    };
    match schema {
        Value::Object(map) if depth < 6 => Value::Object(
            map.iter()
                .filter(|(key, _)| !ANNOTATIONS.contains(&key.as_str()) && !key.starts_with("x-"))
                .map(|(key, value)| {
                    let value = match key.as_str() {
                        "properties" => match value.as_object() {
                            Some(properties) => Value::Object(
                                properties
                                    .iter()
                                    .map(|(k, v)| (k.clone(), canonical(doc, v, depth + 1)))
                                    .collect(),
                            ),
                            None => value.clone(),
                        },
                        "items" | "additionalProperties" => canonical(doc, value, depth + 1),
                        _ => value.clone(),
                    };
                    (key.clone(), value)
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Whether every value `narrow` accepts, `wide` accepts too: `wide` is a plain object schema
/// (type, properties, required, nothing else) whose properties `narrow` declares the same
/// way and whose required ones `narrow` requires too.
fn accepts_all_of(wide: &Value, narrow: &Value) -> bool {
    let (Some(wide), Some(narrow)) = (wide.as_object(), narrow.as_object()) else {
        return false;
    };
    let plain = wide
        .keys()
        .all(|k| matches!(k.as_str(), "type" | "properties" | "required"));
    let object = |m: &Map<String, Value>| {
        m.get("type")
            .map_or(m.contains_key("properties"), |t| t == "object")
    };
    if !plain || !object(narrow) || wide.get("type").is_some_and(|t| t != "object") {
        return false;
    }
    if narrow.contains_key("allOf") || narrow.contains_key("oneOf") || narrow.contains_key("anyOf")
    {
        return false;
    }
    let names = |m: &Map<String, Value>| -> BTreeSet<String> {
        m.get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    if !names(wide).is_subset(&names(narrow)) {
        return false;
    }
    let empty = Map::new();
    let properties = |m: &Map<String, Value>| -> Map<String, Value> {
        m.get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty)
            .clone()
    };
    let narrow_properties = properties(narrow);
    properties(wide)
        .iter()
        .all(|(name, schema)| narrow_properties.get(name) == Some(schema))
}

/// The overlap that explains a body violation at `location` (`request.body.a.0.b`).
pub fn explaining<'a>(overlaps: &'a [Overlap], violation: &str) -> Option<&'a Overlap> {
    let location = violation.split(' ').next()?;
    let rest = location.strip_prefix("request.body")?;
    let segments: Vec<&str> = rest.split('.').filter(|s| !s.is_empty()).collect();
    overlaps.iter().find(|overlap| {
        overlap.at.len() <= segments.len()
            && overlap
                .at
                .iter()
                .zip(&segments)
                .all(|(want, got)| want == got || (want == "*" && got.parse::<usize>().is_ok()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(schemas: Value, body: Value) -> Value {
        serde_json::json!({
            "paths": {"/r": {"post": {"requestBody": {"content": {"application/json": {"schema": body}}}}}},
            "components": {"schemas": schemas}
        })
    }

    #[test]
    fn a_branch_that_constrains_nothing_overlaps() {
        let schemas = serde_json::json!({
            "A": {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["a"]}}},
            "B": {"x-kind": {"enum": ["b"]}, "description": "broken"}
        });
        let body = serde_json::json!({"oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]});
        let found = overlaps(&doc(schemas, body));
        let overlaps = &found[&("POST".into(), "/r".into())];
        assert_eq!(overlaps[0].at, Vec::<String>::new());
        assert!(overlaps[0]
            .evidence
            .contains("`#/components/schemas/B` constrains nothing"));
    }

    #[test]
    fn branches_that_accept_each_other_overlap_where_they_are() {
        let schemas = serde_json::json!({
            "Query": {"type": "object", "required": ["type", "name"], "properties": {"type": {"type": "string", "description": "q"}, "name": {"type": "string"}}},
            "Cookie": {"type": "object", "required": ["type", "name"], "properties": {"type": {"type": "string", "description": "c"}, "name": {"type": "string"}}},
            "Header": {"type": "object", "required": ["type", "name", "remove"], "properties": {"type": {"type": "string"}, "name": {"type": "string"}, "remove": {"type": "string"}}}
        });
        let body = serde_json::json!({"type": "object", "properties": {"source": {"oneOf": [
            {"$ref": "#/components/schemas/Query"},
            {"$ref": "#/components/schemas/Header"},
            {"$ref": "#/components/schemas/Cookie"}
        ]}}});
        let found = overlaps(&doc(schemas, body));
        let overlaps = &found[&("POST".into(), "/r".into())];
        assert_eq!(overlaps[0].at, ["source"]);
        let hit = "request.body.source Request body property source must match exactly one schema in oneOf";
        assert!(explaining(overlaps, hit).is_some());
        assert!(explaining(
            overlaps,
            "request.body.name Request body property name must be string"
        )
        .is_none());
    }

    #[test]
    fn branches_a_value_can_tell_apart_do_not_overlap() {
        let schemas = serde_json::json!({
            "Chat": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "url": {"type": "string"}}},
            "Hook": {"type": "object", "required": ["name", "url"], "properties": {"name": {"type": "string"}, "url": {"type": "string"}}},
            "Map": {"type": "object", "properties": {"type": {"enum": ["map"]}}},
            "List": {"type": "object", "properties": {"type": {"enum": ["list"]}}}
        });
        let body = serde_json::json!({"type": "object", "properties": {
            "endpoint": {"oneOf": [{"$ref": "#/components/schemas/Chat"}, {"$ref": "#/components/schemas/Hook"}]},
            "args": {"oneOf": [{"$ref": "#/components/schemas/Map"}, {"$ref": "#/components/schemas/List"}]}
        }});
        assert!(overlaps(&doc(schemas, body)).is_empty());
    }
}
