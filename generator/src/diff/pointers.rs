//! JSON pointers the IR does not keep, found in the document itself: where a parameter is
//! declared (the operation's list or the path item's, possibly through a `$ref`).

use crate::ir::{Operation, Param, ParamLocation};
use serde_json::Value;

/// The node at a `#/...` pointer.
pub(super) fn node<'a>(document: &'a Value, pointer: &str) -> Option<&'a Value> {
    document.pointer(pointer.strip_prefix('#').unwrap_or(pointer))
}

/// Where `param` of `op` is declared: `<operation>/parameters/<index>`, else the path item's
/// list, else the operation's `parameters` (a path variable with no declaration).
pub(super) fn parameter(document: &Value, op: &Operation, param: &Param) -> String {
    let item = op
        .origin
        .rsplit_once('/')
        .map_or(op.origin.as_str(), |(parent, _)| parent);
    for owner in [op.origin.as_str(), item] {
        let list = super::classify::child(owner, "parameters");
        let Some(Value::Array(entries)) = node(document, &list) else {
            continue;
        };
        let found = entries.iter().position(|entry| {
            let entry = follow(document, entry);
            entry.get("name").and_then(Value::as_str) == Some(param.wire_name.as_str())
                && entry.get("in").and_then(Value::as_str) == Some(location(param.location))
        });
        if let Some(index) = found {
            return format!("{list}/{index}");
        }
    }
    super::classify::child(&op.origin, "parameters")
}

/// The target of a local `$ref` (one level; a chain of references is rare in parameters).
fn follow<'a>(document: &'a Value, entry: &'a Value) -> &'a Value {
    entry
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|target| node(document, target))
        .unwrap_or(entry)
}

fn location(location: ParamLocation) -> &'static str {
    match location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    }
}
