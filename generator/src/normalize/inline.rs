//! References to a parameter, request body or response that sits somewhere other than under
//! `components` (`$ref: '#/paths/~1pets/get/responses/200'`, as some specs share a response
//! between operations). `openapiv3` and the resolver only follow references to components, so
//! such a reference is replaced by a copy of what it points at; a chain of them is followed to
//! its end. A target that is missing, or a chain that loops, is left as written for the
//! reference check to report.

use super::refs::lookup;
use serde_json::Value;

/// Where a node sits: its raw (unescaped) keys and indices from the root.
type Location = Vec<String>;

/// Hops followed along a chain of references before giving up on it.
const MAX_HOPS: usize = 32;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Replaces references to parameters, request bodies and responses outside `components` with
/// copies of their targets.
pub(crate) fn inline_foreign_refs(doc: &mut Value) {
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
                "parameters",
                &mut replacements,
            );
            for method in METHODS {
                let Some(op) = item.get(method) else {
                    continue;
                };
                collect_list(
                    doc,
                    op.get("parameters"),
                    at(&[method, "parameters"]),
                    "parameters",
                    &mut replacements,
                );
                if let Some(body) = op.get("requestBody") {
                    collect_one(
                        doc,
                        body,
                        at(&[method, "requestBody"]),
                        "requestBodies",
                        &mut replacements,
                    );
                }
                if let Some(Value::Object(responses)) = op.get("responses") {
                    for (status, response) in responses {
                        collect_one(
                            doc,
                            response,
                            at(&[method, "responses", status]),
                            "responses",
                            &mut replacements,
                        );
                    }
                }
            }
        }
    }
    for (location, value) in replacements {
        if let Some(slot) = node_mut(doc, &location) {
            *slot = value;
        }
    }
}

fn collect_list(
    doc: &Value,
    list: Option<&Value>,
    location: Location,
    kind: &str,
    out: &mut Vec<(Location, Value)>,
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
    kind: &str,
    out: &mut Vec<(Location, Value)>,
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
        match reference_of(target) {
            Some(next) if next.starts_with('#') && !is_component(next, kind) => current = next,
            // The end of the chain: an object, or a reference the resolver follows itself.
            _ => {
                out.push((location, target.clone()));
                return;
            }
        }
    }
}

fn reference_of(node: &Value) -> Option<&str> {
    node.get("$ref").and_then(Value::as_str)
}

/// Whether `reference` is `#/components/<kind>/<name>`.
fn is_component(reference: &str, kind: &str) -> bool {
    matches!(
        crate::resolve::local_segments(reference).as_deref(),
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
