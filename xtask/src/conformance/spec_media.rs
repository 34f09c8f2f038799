//! The request media types each operation of a document declares, read from the document
//! itself: the classifier needs them to tell a body Prism parses as JSON from one it reads as
//! text (multipart parts, NDJSON, raw bytes).

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

/// `(METHOD, path template)` -> the media types of the operation's request body.
pub type RequestMedia = HashMap<(String, String), Vec<String>>;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The document's request media types; empty when it does not read (the classifier then
/// knows nothing more than the violation).
pub fn request_media(spec: &Path) -> RequestMedia {
    let Ok(bytes) = std::fs::read(spec) else {
        return RequestMedia::new();
    };
    match serde_yaml::from_slice::<Value>(&bytes) {
        Ok(doc) => from_document(&doc),
        Err(_) => RequestMedia::new(),
    }
}

fn from_document(doc: &Value) -> RequestMedia {
    let mut media = RequestMedia::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return media;
    };
    for (path, item) in paths {
        for method in METHODS {
            let Some(body) = item.get(method).and_then(|op| op.get("requestBody")) else {
                continue;
            };
            let body = resolve(doc, body);
            if let Some(content) = body.get("content").and_then(Value::as_object) {
                let types = content.keys().cloned().collect();
                media.insert((method.to_ascii_uppercase(), path.clone()), types);
            }
        }
    }
    media
}

/// A local `$ref` (`#/components/requestBodies/X`) followed once.
fn resolve<'a>(doc: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => reference
            .strip_prefix('#')
            .and_then(|pointer| doc.pointer(pointer))
            .unwrap_or(node),
        None => node,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_and_referenced_bodies() {
        let doc = serde_json::json!({
            "paths": {
                "/a": {"post": {"requestBody": {"content": {"multipart/form-data": {}}}}},
                "/b": {"put": {"requestBody": {"$ref": "#/components/requestBodies/B"}}},
                "/c": {"get": {}}
            },
            "components": {"requestBodies": {"B": {"content": {"application/x-ndjson": {}}}}}
        });
        let media = from_document(&doc);
        assert_eq!(
            media[&("POST".into(), "/a".into())],
            ["multipart/form-data"]
        );
        assert_eq!(
            media[&("PUT".into(), "/b".into())],
            ["application/x-ndjson"]
        );
        assert_eq!(media.len(), 2);
    }
}
