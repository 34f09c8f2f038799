//! Responses: the `schema` under each media type of `produces`, `headers` with schemas,
//! `examples` by media type.

use super::Converter;
use crate::error::join;
use serde_json::{Map, Value};

impl Converter<'_> {
    /// One response (or a `$ref` to a shared one).
    pub(crate) fn response(
        &mut self,
        value: &Value,
        produces: &[String],
        original: &str,
        converted: &str,
    ) -> Value {
        self.pointers.record(converted, original);
        let Value::Object(map) = value else {
            return value.clone();
        };
        if let Some(Value::String(reference)) = map.get("$ref") {
            return serde_json::json!({ "$ref": super::schemas::rewrite_ref(reference) });
        }
        let mut out = Map::new();
        let description = map.get("description").cloned().unwrap_or_default();
        out.insert(
            "description".into(),
            if description.is_string() {
                description
            } else {
                Value::String(String::new())
            },
        );
        if let Some(Value::Object(headers)) = map.get("headers") {
            let headers = self.response_headers(headers, original, converted);
            out.insert("headers".into(), headers);
        }
        if let Some(schema) = map.get("schema") {
            let content = self.response_content(map, schema, produces, original, converted);
            out.insert("content".into(), content);
        } else if let Some(Value::Object(examples)) = map.get("examples") {
            // No schema but an example body: the response has a body of unknown shape, which
            // the client keeps as it arrives rather than dropping.
            let content = examples
                .iter()
                .map(|(media, example)| (media.clone(), serde_json::json!({ "example": example })))
                .collect();
            out.insert("content".into(), Value::Object(content));
        }
        for (key, value) in map {
            if key.starts_with("x-") {
                out.insert(key.clone(), value.clone());
            }
        }
        Value::Object(out)
    }

    fn response_content(
        &mut self,
        map: &Map<String, Value>,
        schema: &Value,
        produces: &[String],
        original: &str,
        converted: &str,
    ) -> Value {
        let schema_at = join(original, "schema");
        let is_file = schema.get("type").and_then(Value::as_str) == Some("file");
        let schema = self.schema(schema.clone(), &schema_at);
        let media_types: Vec<String> = match produces {
            [] if is_file => vec!["application/octet-stream".into()],
            [] => vec!["application/json".into()],
            listed => listed.to_vec(),
        };
        let examples = map.get("examples").and_then(Value::as_object);
        let mut content = Map::new();
        let listed = !produces.is_empty();
        for (index, media) in media_types.into_iter().enumerate() {
            let media_at = join(&join(converted, "content"), &media);
            if listed {
                let origin = join(&self.produces_at, &index.to_string());
                self.pointers.record(media_at.clone(), origin);
            }
            let at = join(&media_at, "schema");
            self.pointers.record(at, schema_at.clone());
            let mut media_type = Map::new();
            media_type.insert("schema".into(), schema.clone());
            if let Some(example) = examples.and_then(|e| e.get(&media)) {
                media_type.insert("example".into(), example.clone());
            }
            content.insert(media, Value::Object(media_type));
        }
        Value::Object(content)
    }

    fn response_headers(
        &mut self,
        headers: &Map<String, Value>,
        original: &str,
        converted: &str,
    ) -> Value {
        let mut out = Map::new();
        for (name, header) in headers {
            let header_original = join(&join(original, "headers"), name);
            let header_converted = join(&join(converted, "headers"), name);
            self.pointers
                .record(join(&header_converted, "schema"), header_original.clone());
            let Value::Object(header) = header else {
                continue;
            };
            let mut converted_header = Map::new();
            if let Some(description) = header.get("description") {
                converted_header.insert("description".into(), description.clone());
            }
            for (key, value) in header {
                if key.starts_with("x-") && key != "x-nullable" && key != "x-isnullable" {
                    converted_header.insert(key.clone(), value.clone());
                }
            }
            if let Some(Value::String(format)) = header.get("collectionFormat") {
                if format != "csv" {
                    self.diagnostics.warn(
                        &join(&header_original, "collectionFormat"),
                        format!("collectionFormat `{format}` cannot be expressed for a response header (3.0 headers are comma-separated); ignored"),
                    );
                }
            }
            let schema = self.simple_schema(header, &header_original);
            converted_header.insert("schema".into(), schema);
            out.insert(name.clone(), Value::Object(converted_header));
        }
        Value::Object(out)
    }
}
