//! Stage 3: rewrite OpenAPI 3.1 and loosely written 3.0 constructs, on the `serde_json::Value`,
//! into the 3.0 model that `openapiv3` reads (stage 4, [`repair`], then reads it). Every rewrite
//! that loses meaning leaves a warning.

pub(crate) mod fields;
mod hoist;
pub(crate) mod readable;
pub(crate) mod refs;
pub(crate) mod repair;
mod schema;
pub(crate) mod swagger2;

use crate::error::{join, push_index, push_segment, Diagnostics, Error};
use fields::{add_note, kind_of, Fields};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Keys whose values are examples or extensions: free-form data, never schemas. (`default`
/// under `responses` is the default response, not a default value.)
fn is_free_form(key: &str, in_responses: bool) -> bool {
    if key == "default" && in_responses {
        return false;
    }
    key == "example"
        || key == "examples"
        || key.starts_with("x-")
        || key == "default"
        || key == "enum"
        || key == "const"
}

/// Normalizes the document in place; `repair::deserialize` then reads it into openapiv3.
/// `external` holds, for each reference to another file that was not bundled, the reason.
pub fn normalize(
    doc: &mut Value,
    external: BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> Result<(), Error> {
    check_top_level_shape(doc)?;
    if let Some(root) = doc.as_object_mut() {
        if root.take("webhooks").is_some() {
            diagnostics.warn("#/webhooks", "webhooks describe calls the server makes; they are not part of a client and were ignored");
        }
        root.entry("paths")
            .or_insert_with(|| Value::Object(Map::new()));
        root.entry("info")
            .or_insert_with(|| serde_json::json!({"title": "API", "version": "0"}));
    }
    check_path_templates(doc, diagnostics);
    hoist::hoist_foreign_refs(doc);
    let refs = refs::RefCheck::new(doc, external);
    let mut normalizer = Normalizer { diagnostics, refs };
    normalizer.walk(doc, &mut String::from("#"));
    Ok(())
}

/// A path whose `{` is never closed is sent as written; say so, since the variable it meant
/// to introduce gets no argument.
fn check_path_templates(doc: &Value, diagnostics: &mut Diagnostics) {
    let Some(Value::Object(paths)) = doc.field("paths") else {
        return;
    };
    for path in paths.keys() {
        let opened = path.matches('{').count();
        let closed = path.matches('}').count();
        if opened != closed {
            diagnostics.warn(
                &join("#/paths", path),
                "the path template has unbalanced `{` and `}`; the unmatched text is sent as written",
            );
        }
    }
}

fn check_top_level_shape(doc: &Value) -> Result<(), Error> {
    let expect_object = ["paths", "components", "info"];
    for key in expect_object {
        if let Some(value) = doc.field(key) {
            if !value.is_object() && !value.is_null() {
                return Err(Error::invalid(
                    format!("#/{key}"),
                    format!("`{key}` must be a mapping, found {}", kind_of(value)),
                ));
            }
        }
    }
    for key in ["servers", "security", "tags"] {
        if let Some(value) = doc.field(key) {
            if !value.is_array() && !value.is_null() {
                return Err(Error::invalid(
                    format!("#/{key}"),
                    format!("`{key}` must be a list, found {}", kind_of(value)),
                ));
            }
        }
    }
    Ok(())
}

struct Normalizer<'d> {
    diagnostics: &'d mut Diagnostics,
    refs: refs::RefCheck,
}

impl Normalizer<'_> {
    /// Walks the non-schema parts of the document; every schema found is normalized by
    /// `schema`. `pointer` is where `node` is; it is extended for each child and restored
    /// after, so no pointer is allocated for the thousands of nodes nothing is said about.
    fn walk(&mut self, node: &mut Value, pointer: &mut String) {
        match node {
            Value::Object(map) => {
                let here = pointer.len();
                let in_components = pointer == "#/components";
                let in_responses = pointer.ends_with("/responses");
                // Entries to remove, in the order met: the map's order is not disturbed while
                // it is walked, and the same removals in the same order leave it as removing
                // each on the spot would.
                let mut removals: Vec<(String, bool)> = Vec::new();
                for (key, value) in map.iter_mut() {
                    if is_free_form(key, in_responses) {
                        continue;
                    }
                    // Callbacks and links describe requests the server makes or may suggest; a
                    // client does not act on them, and malformed ones must not cost an operation.
                    if key == "callbacks" || key == "links" {
                        removals.push((key.clone(), false));
                        continue;
                    }
                    push_segment(pointer, key);
                    if key == "schema" {
                        self.schema(value, pointer);
                    } else if key == "schemas" && in_components {
                        if let Value::Object(schemas) = value {
                            for (name, s) in schemas.iter_mut() {
                                let at = pointer.len();
                                push_segment(pointer, name);
                                self.schema(s, pointer);
                                pointer.truncate(at);
                            }
                        }
                    } else if self.drop_unreadable_ref(value, pointer) {
                        // A response must stay: its status is still declared.
                        let keep_response = key != "requestBody" && in_responses;
                        removals.push((key.clone(), keep_response));
                    } else {
                        self.walk(value, pointer);
                    }
                    pointer.truncate(here);
                }
                for (key, keep_response) in removals {
                    map.take(&key);
                    if keep_response {
                        map.insert(key, serde_json::json!({"description": ""}));
                    }
                }
                fix_non_schema_object(map, pointer, self.diagnostics);
            }
            Value::Array(items) => {
                let here = pointer.len();
                let mut index = 0;
                items.retain_mut(|item| {
                    push_index(pointer, index);
                    index += 1;
                    // Pointers keep the document's numbering, so later warnings still find
                    // the entry in the file even when an earlier one was dropped.
                    let keep = !self.drop_unreadable_ref(item, pointer);
                    if keep {
                        self.walk(item, pointer);
                    }
                    pointer.truncate(here);
                    keep
                });
            }
            _ => {}
        }
    }

    /// A parameter, body, response or header that is a reference to another file that could
    /// not be read: it is left out with a warning naming the reference (a local reference that
    /// points at nothing is reported where it is used).
    fn drop_unreadable_ref(&mut self, node: &Value, pointer: &str) -> bool {
        let Some(Value::String(reference)) = node.field("$ref") else {
            return false;
        };
        if reference.starts_with('#') {
            return false;
        }
        let Some(problem) = self.refs.problem(reference) else {
            return false;
        };
        self.diagnostics
            .warn(pointer, format!("{problem}; left out"));
        true
    }
}

/// Coerces scalar fields outside schemas that real specs write loosely.
fn fix_non_schema_object(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    drop_non_media_types(map, pointer, diagnostics);
    warn_unknown_response_media(map, pointer, diagnostics);
    // Server variables: `default` and `enum` must be strings; integers are common.
    if pointer.contains("/variables/") {
        for key in ["default", "enum"] {
            if let Some(value) = map.field_mut(key) {
                stringify_scalars(value);
            }
        }
        map.entry("default")
            .or_insert_with(|| Value::String(String::new()));
    }
    // `required: "true"` or similar on parameters and request bodies.
    if let Some(required) = map.field("required") {
        if !required.is_boolean() && !required.is_array() {
            let truthy = matches!(required, Value::String(s) if s == "true");
            diagnostics.warn(
                &join(pointer, "required"),
                "`required` must be a boolean; read as one",
            );
            map.insert("required".into(), Value::Bool(truthy));
        }
    }
    fill_operation_gaps(map, pointer);
    // Response and request descriptions are required by openapiv3; specs often omit them.
    if pointer.contains("/responses/")
        && !pointer.ends_with("/content")
        && !map.has("$ref")
        && !map.has("description")
        && (map.has("content") || map.is_empty() || map.has("headers"))
    {
        map.insert("description".into(), Value::String(String::new()));
    }
}

/// OpenAPI 3.1 makes an operation's `responses` optional, and real documents write an empty
/// string for a media type with no schema; both would otherwise cost the whole operation.
fn fill_operation_gaps(map: &mut Map<String, Value>, pointer: &str) {
    // `#/paths/<path>/<method>`: a path's `/`s are escaped in the pointer.
    let is_operation = pointer
        .strip_prefix("#/paths/")
        .and_then(|rest| rest.split_once('/'))
        .is_some_and(|(_, method)| crate::openapi::HTTP_METHODS.contains(&method));
    if is_operation && !map.has("responses") {
        map.insert("responses".into(), Value::Object(Map::new()));
    }
    // Response headers written as a bare type name, or without a schema, read as strings.
    if pointer.contains("/responses/") {
        if let Some(Value::Object(headers)) = map.field_mut("headers") {
            for header in headers.values_mut() {
                let valid = header.field("$ref").is_some()
                    || header.field("schema").is_some_and(Value::is_object)
                    || header.field("content").is_some_and(Value::is_object);
                if !valid {
                    *header = serde_json::json!({"schema": {"type": "string"}});
                }
            }
        }
    }
    if let Some(Value::Object(content)) = map.field_mut("content") {
        for media in content.values_mut() {
            if !media.is_object() {
                *media = Value::Object(Map::new());
            }
        }
    }
}

/// A `content` key that is not a media type at all (`description`, `example`: a field written
/// one level too deep) is left out with a warning: sent in `Accept` or `Content-Type` it makes
/// the request malformed, and there is no body format it could name.
fn drop_non_media_types(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    let Some(owner) = pointer.strip_suffix("/content") else {
        return;
    };
    let in_body = owner.ends_with("/requestBody")
        || owner.rsplit_once('/').is_some_and(|(parent, _)| {
            parent.ends_with("/responses") || parent == "#/components/requestBodies"
        });
    if !in_body {
        return;
    }
    let invalid: Vec<String> = map
        .keys()
        .filter(|key| !is_media_range(key))
        .cloned()
        .collect();
    for key in invalid {
        map.take(&key);
        diagnostics.warn(
            &join(pointer, &key),
            format!("`{key}` is not a media type (type/subtype); left out"),
        );
    }
}

/// `type/subtype` with optional parameters, each part an HTTP token (RFC 9110).
fn is_media_range(media_type: &str) -> bool {
    let is_token = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
    };
    let essence = media_type.split(';').next().unwrap_or("").trim();
    essence
        .split_once('/')
        .is_some_and(|(kind, subtype)| is_token(kind) && is_token(subtype))
}

/// A response in a media type the generator does not know is kept as raw bytes; say so where
/// the media type is declared. (Request bodies are reported where they are lowered.)
fn warn_unknown_response_media(
    map: &Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    let Some(response) = pointer.strip_suffix("/content") else {
        return;
    };
    let in_response = response
        .rsplit_once('/')
        .is_some_and(|(parent, _)| parent.ends_with("/responses"));
    if !in_response {
        return;
    }
    for media_type in map.keys() {
        if !is_known_media_type(media_type) {
            diagnostics.warn(
                &join(pointer, media_type),
                format!("unknown media type `{media_type}`; a response in it is kept as raw bytes"),
            );
        }
    }
}

/// Media types whose top-level type is registered (the same list the request side uses).
pub(crate) fn is_known_media_type(media_type: &str) -> bool {
    let essence = media_essence(media_type);
    [
        "application/",
        "text/",
        "image/",
        "audio/",
        "video/",
        "multipart/",
        "font/",
        "*/*",
    ]
    .iter()
    .any(|prefix| essence.starts_with(prefix))
}

/// A media type without its parameters, lowercased: `Application/JSON; charset=utf-8` ->
/// `application/json`.
pub(crate) fn media_essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

fn stringify_scalars(value: &mut Value) {
    match value {
        Value::Number(n) => *value = Value::String(n.to_string()),
        Value::Bool(b) => *value = Value::String(b.to_string()),
        Value::Array(items) => items.iter_mut().for_each(stringify_scalars),
        _ => {}
    }
}

impl Normalizer<'_> {
    /// Normalizes one schema and everything nested in it (`pointer` as in `walk`).
    fn schema(&mut self, node: &mut Value, pointer: &mut String) {
        if self.unreadable_schema_ref(node, pointer) {
            return;
        }
        let diagnostics = &mut *self.diagnostics;
        match node {
            Value::Bool(true) | Value::Null => *node = Value::Object(Map::new()),
            Value::Bool(false) => *node = serde_json::json!({"not": {}}),
            Value::Object(_) => {}
            _ => {
                diagnostics.warn(
                    pointer,
                    format!(
                        "a schema must be a mapping, found {}; read as any value",
                        kind_of(node)
                    ),
                );
                *node = Value::Object(Map::new());
            }
        }
        let Value::Object(map) = node else { return };
        schema::rewrite(map, pointer, diagnostics);
        readable::make_readable(map, pointer, diagnostics);
        self.children(map, pointer);
    }

    fn children(&mut self, map: &mut Map<String, Value>, pointer: &mut String) {
        let here = pointer.len();
        for key in readable::ONE_SCHEMA {
            if let Some(child) = map.field_mut(key) {
                if !(key == "additionalProperties" && child.is_boolean()) {
                    push_segment(pointer, key);
                    self.schema(child, pointer);
                    pointer.truncate(here);
                }
            }
        }
        for key in readable::LIST_OF_SCHEMAS {
            if let Some(Value::Array(items)) = map.field_mut(key) {
                push_segment(pointer, key);
                let list = pointer.len();
                for (index, item) in items.iter_mut().enumerate() {
                    push_index(pointer, index);
                    self.schema(item, pointer);
                    pointer.truncate(list);
                }
                pointer.truncate(here);
            }
        }
        for key in readable::MAP_OF_SCHEMAS {
            if let Some(Value::Object(children)) = map.field_mut(key) {
                push_segment(pointer, key);
                let base = pointer.len();
                for (name, child) in children.iter_mut() {
                    push_segment(pointer, name);
                    self.schema(child, pointer);
                    pointer.truncate(base);
                }
                pointer.truncate(here);
            }
        }
    }

    /// A schema that is a reference which cannot be followed (pointing at nothing, at a file
    /// that could not be read, or only at itself through other references) becomes any value,
    /// with a warning at the reference and a doc line saying why.
    fn unreadable_schema_ref(&mut self, node: &mut Value, pointer: &mut String) -> bool {
        let Value::Object(map) = node else {
            return false;
        };
        let Some(Value::String(reference)) = map.field("$ref") else {
            return false;
        };
        let reason = if self.refs.in_cycle(pointer) {
            "a cycle of references with no schema in it".to_string()
        } else {
            match self.refs.problem(reference) {
                Some(problem) => problem,
                None => return false,
            }
        };
        map.take("$ref");
        self.diagnostics.fallback(pointer, reason.clone());
        add_note(map, &format!("Any JSON value: {reason}."));
        self.schema(node, pointer);
        true
    }
}
