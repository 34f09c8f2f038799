//! The request media types each operation of a document declares, read from the document
//! itself: the classifier needs them to tell a body Prism parses as JSON from one it reads as
//! text (multipart parts, NDJSON, raw bytes).

use std::collections::HashMap;

use serde_json::Value;

use super::spec_doc;

/// `(METHOD, path template)` -> the media types of the operation's request body.
pub type RequestMedia = HashMap<(String, String), Vec<String>>;

/// The document's request media types; empty for a document that did not read (the
/// classifier then knows nothing more than the violation).
pub fn request_media(doc: &Value) -> RequestMedia {
    let mut media = RequestMedia::new();
    for (key, operation) in spec_doc::operations(doc) {
        let Some(body) = operation.get("requestBody") else {
            continue;
        };
        let body = spec_doc::resolve(doc, body).0;
        if let Some(content) = body.get("content").and_then(Value::as_object) {
            media.insert(key, content.keys().cloned().collect());
        }
    }
    media
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
        let media = request_media(&doc);
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
