//! References to a parameter, request body or response that sits somewhere other than under
//! `components` (`$ref: '#/paths/~1pets/get/responses/200'`, as some specs share a response
//! between operations). `openapiv3` and the resolver only follow references to components, so
//! each such target is copied once under `components` and every reference to it (also at the
//! end of a chain of them) is pointed at the copy. One copy per target, not per reference,
//! keeps the document's size bounded by what it was. A target that is missing, or a chain that
//! loops, is left as written for the reference check to report.

use super::refs::lookup;
use crate::error::join;
use crate::openapi::ComponentKind;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Where a node sits: its raw (unescaped) keys and indices from the root.
type Location = Vec<String>;

/// Hops followed along a chain of references before giving up on it.
const MAX_HOPS: usize = 32;

/// Where a reference should lead instead.
enum Replacement {
    /// A reference to a component, as found at the end of a chain.
    Reference(Value),
    /// The target at this pointer, copied under `components/<kind>`.
    Hoisted { kind: &'static str, pointer: String },
}

/// Points references to parameters, request bodies and responses outside `components` at
/// copies of their targets under `components`.
pub(crate) fn hoist_foreign_refs(doc: &mut Value) {
    let mut replacements = Vec::new();
    if let Some(Value::Object(paths)) = doc.get("paths") {
        for (path, item) in paths {
            let at = |rest: &[&str]| -> Location {
                ["paths", path.as_str()]
                    .iter()
                    .chain(rest)
                    .map(|s| s.to_string())
                    .collect()
            };
            collect_list(
                doc,
                item.get("parameters"),
                at(&["parameters"]),
                ComponentKind::Parameters.key(),
                &mut replacements,
            );
            for method in crate::openapi::HTTP_METHODS {
                let Some(op) = item.get(method) else {
                    continue;
                };
                collect_list(
                    doc,
                    op.get("parameters"),
                    at(&[method, "parameters"]),
                    ComponentKind::Parameters.key(),
                    &mut replacements,
                );
                if let Some(body) = op.get("requestBody") {
                    collect_one(
                        doc,
                        body,
                        at(&[method, "requestBody"]),
                        ComponentKind::RequestBodies.key(),
                        &mut replacements,
                    );
                }
                if let Some(Value::Object(responses)) = op.get("responses") {
                    for (status, response) in responses {
                        collect_one(
                            doc,
                            response,
                            at(&[method, "responses", status]),
                            ComponentKind::Responses.key(),
                            &mut replacements,
                        );
                    }
                }
            }
        }
    }
    if replacements.is_empty() {
        return;
    }
    let names = hoist(doc, &replacements);
    for (location, replacement) in replacements {
        let value = match replacement {
            Replacement::Reference(value) => value,
            Replacement::Hoisted { kind, pointer } => match names.get(&(kind, pointer)) {
                Some(name) => {
                    let target = join(&join("#/components", kind), name);
                    Value::Object(Map::from_iter([(
                        "$ref".to_string(),
                        Value::String(target),
                    )]))
                }
                None => continue,
            },
        };
        if let Some(slot) = node_mut(doc, &location) {
            *slot = value;
        }
    }
}

/// Copies each hoisted target under `components/<kind>` with a name of its own, derived from
/// its pointer; returns the names.
fn hoist(
    doc: &mut Value,
    replacements: &[(Location, Replacement)],
) -> BTreeMap<(&'static str, String), String> {
    let mut names = BTreeMap::new();
    // Names given so far, kept apart so each check is a lookup, not a scan of `names`.
    let mut given: BTreeSet<(&'static str, String)> = BTreeSet::new();
    let mut copies = Vec::new();
    for (_, replacement) in replacements {
        let Replacement::Hoisted { kind, pointer } = replacement else {
            continue;
        };
        let key = (*kind, pointer.clone());
        if names.contains_key(&key) {
            continue;
        }
        let Some(target) = lookup(doc, pointer) else {
            continue;
        };
        let existing = doc
            .get("components")
            .and_then(|c| c.get(*kind))
            .and_then(Value::as_object);
        let stem = name_from_pointer(pointer);
        let mut name = stem.clone();
        let mut suffix = 2;
        while given.contains(&(*kind, name.clone()))
            || existing.is_some_and(|e| e.contains_key(&name))
        {
            name = format!("{stem}_{suffix}");
            suffix += 1;
        }
        copies.push((*kind, name.clone(), target.clone()));
        given.insert((*kind, name.clone()));
        names.insert(key, name);
    }
    let Some(root) = doc.as_object_mut() else {
        return BTreeMap::new();
    };
    let components = root
        .entry("components")
        .or_insert_with(|| Value::Object(Map::new()));
    if !components.is_object() {
        *components = Value::Object(Map::new());
    }
    for (kind, name, copy) in copies {
        if let Some(Value::Object(section)) = components
            .as_object_mut()
            .map(|c| c.entry(kind).or_insert_with(|| Value::Object(Map::new())))
        {
            section.insert(name, copy);
        }
    }
    names
}

/// `#/paths/~1pets/get/responses/200` -> `paths_pets_get_responses_200`.
fn name_from_pointer(pointer: &str) -> String {
    let segments = crate::pointer::local_segments(pointer).unwrap_or_default();
    let text: String = segments
        .join("_")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let squeezed = text
        .split('_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    if squeezed.is_empty() {
        "shared".to_string()
    } else {
        squeezed
    }
}

fn collect_list(
    doc: &Value,
    list: Option<&Value>,
    location: Location,
    kind: &'static str,
    out: &mut Vec<(Location, Replacement)>,
) {
    if let Some(Value::Array(items)) = list {
        for (index, item) in items.iter().enumerate() {
            let mut at = location.clone();
            at.push(index.to_string());
            collect_one(doc, item, at, kind, out);
        }
    }
}

/// Notes the replacement for `node` when it is a reference to a `kind` outside `components`.
fn collect_one(
    doc: &Value,
    node: &Value,
    location: Location,
    kind: &'static str,
    out: &mut Vec<(Location, Replacement)>,
) {
    let Some(reference) = reference_of(node) else {
        return;
    };
    if is_component(reference, kind) || !reference.starts_with('#') {
        return;
    }
    let mut current = reference;
    for _ in 0..MAX_HOPS {
        let Some(target) = lookup(doc, current) else {
            return;
        };
        let replacement = match reference_of(target) {
            Some(next) if next.starts_with('#') && !is_component(next, kind) => {
                current = next;
                continue;
            }
            // The end of the chain: a reference the resolver follows itself, or the object.
            Some(_) => Replacement::Reference(target.clone()),
            None => Replacement::Hoisted {
                kind,
                pointer: current.to_string(),
            },
        };
        out.push((location, replacement));
        return;
    }
}

fn reference_of(node: &Value) -> Option<&str> {
    node.get("$ref").and_then(Value::as_str)
}

/// Whether `reference` is `#/components/<kind>/<name>`.
fn is_component(reference: &str, kind: &str) -> bool {
    matches!(
        crate::pointer::local_segments(reference).as_deref(),
        Ok([components, k, _]) if components == "components" && k == kind
    )
}

fn node_mut<'d>(doc: &'d mut Value, location: &[String]) -> Option<&'d mut Value> {
    let mut node = doc;
    for segment in location {
        node = match node {
            Value::Object(map) => map.get_mut(segment)?,
            Value::Array(items) => items.get_mut(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn one_copy_per_target_whatever_the_number_of_references() {
        let shared = json!({"$ref": "#/paths/~1a/get/responses/200"});
        let mut doc = json!({
            "paths": {
                "/a": {"get": {"responses": {"200": {"description": "big"}}}},
                "/b": {"get": {"responses": {"200": shared.clone()}}},
                "/c": {"get": {"responses": {"200": shared.clone(), "201": {"$ref": "#/paths/~1b/get/responses/200"}}}},
            },
            "components": {"responses": {"paths_a_get_responses_200": {"description": "taken"}}}
        });
        hoist_foreign_refs(&mut doc);
        let copy = json!({"$ref": "#/components/responses/paths_a_get_responses_200_2"});
        assert_eq!(doc["paths"]["/b"]["get"]["responses"]["200"], copy);
        assert_eq!(doc["paths"]["/c"]["get"]["responses"]["200"], copy);
        // A chain leads to the same copy.
        assert_eq!(doc["paths"]["/c"]["get"]["responses"]["201"], copy);
        let responses = doc["components"]["responses"].as_object().unwrap();
        assert_eq!(responses.len(), 2);
        assert_eq!(
            responses["paths_a_get_responses_200_2"],
            json!({"description": "big"})
        );
    }

    #[test]
    fn loops_and_missing_targets_stay_as_written() {
        let mut doc = json!({
            "paths": {
                "/a": {"get": {"responses": {"200": {"$ref": "#/paths/~1b/get/responses/200"}}}},
                "/b": {"get": {"responses": {"200": {"$ref": "#/paths/~1a/get/responses/200"}, "404": {"$ref": "#/paths/~1nowhere"}}}},
            }
        });
        let before = doc.clone();
        hoist_foreign_refs(&mut doc);
        assert_eq!(doc, before);
    }

    #[test]
    fn a_chain_ending_in_a_component_points_at_the_component() {
        let mut doc = json!({
            "paths": {
                "/a": {"get": {"parameters": [{"$ref": "#/components/parameters/Limit"}], "responses": {}}},
                "/b": {"get": {"parameters": [{"$ref": "#/paths/~1a/get/parameters/0"}], "responses": {}}},
            },
            "components": {"parameters": {"Limit": {"name": "limit", "in": "query"}}}
        });
        hoist_foreign_refs(&mut doc);
        assert_eq!(
            doc["paths"]["/b"]["get"]["parameters"][0],
            json!({"$ref": "#/components/parameters/Limit"})
        );
        assert_eq!(
            doc["components"]["parameters"].as_object().unwrap().len(),
            1
        );
    }
}
