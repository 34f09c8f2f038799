//! The document itself, read for the classifier's rules that need more than a violation's
//! text: its operations and its local references.

use std::path::Path;

use serde_json::Value;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The document at `spec` (YAML or JSON); `None` when it does not read, and a rule then knows
/// nothing more than the violation.
pub fn read(spec: &Path) -> Option<Value> {
    let bytes = std::fs::read(spec).ok()?;
    serde_yaml::from_slice(&bytes).ok()
}

/// Every operation of the document: `(METHOD, path template)` as the report names it, and
/// the operation object.
pub fn operations(doc: &Value) -> impl Iterator<Item = ((String, String), &Value)> {
    doc.get("paths")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .flat_map(|(path, item)| {
            METHODS.into_iter().filter_map(move |method| {
                let operation = item.get(method)?;
                Some(((method.to_ascii_uppercase(), path.clone()), operation))
            })
        })
}

/// A local `$ref` followed (a few times, so a cycle ends), with the reference it was reached
/// by.
pub fn resolve<'a>(doc: &'a Value, mut node: &'a Value) -> (&'a Value, Option<&'a str>) {
    let mut name = None;
    for _ in 0..8 {
        let Some(reference) = node.get("$ref").and_then(Value::as_str) else {
            break;
        };
        match reference.strip_prefix('#').and_then(|p| doc.pointer(p)) {
            Some(target) => {
                name = Some(reference);
                node = target;
            }
            None => break,
        }
    }
    (node, name)
}
