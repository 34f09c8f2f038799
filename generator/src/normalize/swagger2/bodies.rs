//! `in: body` and `in: formData` parameters to a 3.0 `requestBody`, one media type per entry
//! of the operation's `consumes`.

use super::Converter;
use crate::error::join;
use serde_json::{Map, Value};

const URLENCODED: &str = "application/x-www-form-urlencoded";
const MULTIPART: &str = "multipart/form-data";

/// A body or form parameter of an operation, resolved, with its 2.0 pointer.
pub(crate) struct BodyParam {
    pub map: Map<String, Value>,
    pub original: String,
}

impl Converter<'_> {
    /// The request body from the operation's `in: body` parameter (the first one: 2.0 allows
    /// one) or from its `in: formData` parameters; `None` when it has neither.
    pub(crate) fn request_body(
        &mut self,
        body: Vec<BodyParam>,
        form: Vec<BodyParam>,
        consumes: &[String],
        converted: &str,
        operation: &str,
    ) -> Option<Value> {
        let mut bodies = body.into_iter();
        let first = bodies.next();
        for extra in bodies {
            self.diagnostics.warn(
                &extra.original,
                "an operation has at most one `in: body` parameter; this one was ignored",
            );
        }
        if let Some(body) = first {
            if !form.is_empty() {
                self.diagnostics.warn(
                    &form[0].original,
                    "an operation with an `in: body` parameter cannot also have formData parameters; they were ignored",
                );
            }
            return Some(self.json_body(body, consumes, converted));
        }
        if form.is_empty() {
            return None;
        }
        Some(self.form_body(form, consumes, converted, operation))
    }

    fn json_body(&mut self, body: BodyParam, consumes: &[String], converted: &str) -> Value {
        self.pointers.record(converted, body.original.clone());
        let schema_at = join(&body.original, "schema");
        let schema = match body.map.get("schema") {
            Some(schema) => self.schema(schema.clone(), &schema_at),
            None => {
                self.diagnostics.warn(
                    &body.original,
                    "a body parameter without a `schema`; the body is any JSON value",
                );
                Value::Object(Map::new())
            }
        };
        let media_types: Vec<String> = if consumes.is_empty() {
            vec!["application/json".into()]
        } else {
            consumes.to_vec()
        };
        let mut content = Map::new();
        let listed = !consumes.is_empty();
        for (index, media) in media_types.into_iter().enumerate() {
            let media_at = join(&join(converted, "content"), &media);
            if listed {
                let origin = join(&self.consumes_at, &index.to_string());
                self.pointers.record(media_at.clone(), origin);
            }
            let at = join(&media_at, "schema");
            self.pointers.record(at, schema_at.clone());
            content.insert(media, serde_json::json!({ "schema": schema.clone() }));
        }
        let mut out = Map::new();
        copy_doc_fields(&body.map, &mut out);
        out.insert("content".into(), Value::Object(content));
        Value::Object(out)
    }

    /// formData parameters as the properties of one object schema. `type: file` makes the
    /// body multipart whatever `consumes` says, since a file cannot be URL-encoded.
    fn form_body(
        &mut self,
        form: Vec<BodyParam>,
        consumes: &[String],
        converted: &str,
        operation: &str,
    ) -> Value {
        self.pointers
            .record(converted, join(operation, "parameters"));
        let has_file = form
            .iter()
            .any(|p| p.map.get("type").and_then(Value::as_str) == Some("file"));
        let mut media_types: Vec<&str> = consumes
            .iter()
            .map(String::as_str)
            .filter(|m| media_essence(m) == URLENCODED || media_essence(m) == MULTIPART)
            .collect();
        if has_file {
            media_types.retain(|m| media_essence(m) == MULTIPART);
        }
        if media_types.is_empty() {
            media_types.push(if has_file { MULTIPART } else { URLENCODED });
        }
        let mut properties = Map::new();
        let mut required = Vec::new();
        let mut encoding = Map::new();
        for param in &form {
            let Some(name) = param.map.get("name").and_then(Value::as_str) else {
                self.diagnostics.warn(
                    &param.original,
                    "a formData parameter without a `name`; ignored",
                );
                continue;
            };
            if param.map.contains_key("allowEmptyValue") {
                self.diagnostics.warn(
                    &join(&param.original, "allowEmptyValue"),
                    "allowEmptyValue has no 3.0 form for a form field; ignored (the client sends what it is given)",
                );
            }
            let mut schema = self.simple_schema(&param.map, &param.original);
            if let (Value::Object(schema), Some(description)) =
                (&mut schema, param.map.get("description"))
            {
                schema.insert("description".into(), description.clone());
            }
            for media in &media_types {
                let at = join(
                    &join(&join(&join(converted, "content"), media), "schema"),
                    "properties",
                );
                self.pointers
                    .record(join(&at, name), param.original.clone());
            }
            properties.insert(name.to_string(), schema);
            if param.map.get("required") == Some(&Value::Bool(true)) {
                required.push(Value::String(name.to_string()));
            }
            if let Some(style) = self.form_field_encoding(param) {
                encoding.insert(name.to_string(), style);
            }
        }
        let mut schema = Map::new();
        schema.insert("type".into(), "object".into());
        schema.insert("properties".into(), Value::Object(properties));
        if !required.is_empty() {
            schema.insert("required".into(), Value::Array(required));
        }
        let mut content = Map::new();
        for media in media_types {
            let mut media_type = Map::new();
            media_type.insert("schema".into(), Value::Object(schema.clone()));
            if !encoding.is_empty() && media_essence(media) == URLENCODED {
                media_type.insert("encoding".into(), Value::Object(encoding.clone()));
            }
            content.insert(media.to_string(), Value::Object(media_type));
        }
        // A form with a required field cannot be left out.
        let mut out = Map::new();
        if schema.contains_key("required") {
            out.insert("required".into(), Value::Bool(true));
        }
        out.insert("content".into(), Value::Object(content));
        Value::Object(out)
    }

    /// The 3.0 `encoding` of an array form field that is not sent as repeated fields. Form
    /// bodies are encoded with every list item as its own field (`multi`), so other formats
    /// are recorded in the document and named in a warning.
    fn form_field_encoding(&mut self, param: &BodyParam) -> Option<Value> {
        if param.map.get("type").and_then(Value::as_str) != Some("array") {
            return None;
        }
        let format = param
            .map
            .get("collectionFormat")
            .and_then(Value::as_str)
            .unwrap_or("csv");
        let style = match format {
            "multi" => return None,
            "ssv" => "spaceDelimited",
            "pipes" => "pipeDelimited",
            _ => "form",
        };
        self.diagnostics.warn(
            &join(&param.original, "collectionFormat"),
            format!("collectionFormat `{format}` in a form body is not applied: each list item is sent as its own field (as `multi`)"),
        );
        Some(serde_json::json!({ "style": style, "explode": false }))
    }
}

/// The media type without parameters, lowercased.
fn media_essence(media: &str) -> String {
    media
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// `description`, `required` and vendor extensions of a body parameter belong to the request
/// body.
fn copy_doc_fields(param: &Map<String, Value>, out: &mut Map<String, Value>) {
    for (key, value) in param {
        if key == "description" || key == "required" || key.starts_with("x-") {
            out.insert(key.clone(), value.clone());
        }
    }
}
