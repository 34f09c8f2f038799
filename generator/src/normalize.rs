//! Stage 2: rewrite OpenAPI 3.1 and loosely written 3.0 constructs into the 3.0 model that
//! `openapiv3` reads, then deserialize. Every rewrite that loses meaning leaves a warning.

use crate::error::{join, Diagnostics, Error};
use serde_json::{Map, Value};

/// Keys whose values are examples or extensions: free-form data, never schemas.
fn is_free_form(key: &str) -> bool {
    key == "example"
        || key == "examples"
        || key.starts_with("x-")
        || key == "default"
        || key == "enum"
        || key == "const"
}

/// Normalizes the document in place; `repair::deserialize` then reads it into openapiv3.
pub fn normalize(doc: &mut Value, diagnostics: &mut Diagnostics) -> Result<(), Error> {
    check_top_level_shape(doc)?;
    if let Some(root) = doc.as_object_mut() {
        if root.remove("webhooks").is_some() {
            diagnostics.warn("#/webhooks", "webhooks describe calls the server makes; they are not part of a client and were ignored");
        }
        root.entry("paths")
            .or_insert_with(|| Value::Object(Map::new()));
        root.entry("info")
            .or_insert_with(|| serde_json::json!({"title": "API", "version": "0"}));
    }
    walk(doc, "#", diagnostics);
    Ok(())
}

fn check_top_level_shape(doc: &Value) -> Result<(), Error> {
    let expect_object = ["paths", "components", "info"];
    for key in expect_object {
        if let Some(value) = doc.get(key) {
            if !value.is_object() && !value.is_null() {
                return Err(Error::invalid(
                    format!("#/{key}"),
                    format!("`{key}` must be a mapping, found {}", kind_of(value)),
                ));
            }
        }
    }
    for key in ["servers", "security", "tags"] {
        if let Some(value) = doc.get(key) {
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

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// Walks the non-schema parts of the document; every schema found is normalized by `schema`.
fn walk(node: &mut Value, pointer: &str, diagnostics: &mut Diagnostics) {
    match node {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if is_free_form(&key) {
                    continue;
                }
                // Callbacks and links describe requests the server makes or may suggest; a
                // client does not act on them, and malformed ones must not cost an operation.
                if key == "callbacks" || key == "links" {
                    map.remove(&key);
                    continue;
                }
                let child = join(pointer, &key);
                let Some(value) = map.get_mut(&key) else {
                    continue;
                };
                if key == "schema" {
                    schema(value, &child, diagnostics);
                } else if key == "schemas" && pointer == "#/components" {
                    if let Value::Object(schemas) = value {
                        for (name, s) in schemas.iter_mut() {
                            schema(s, &join(&child, name), diagnostics);
                        }
                    }
                } else {
                    walk(value, &child, diagnostics);
                }
            }
            fix_non_schema_object(map, pointer, diagnostics);
        }
        Value::Array(items) => {
            for (index, item) in items.iter_mut().enumerate() {
                walk(item, &format!("{pointer}/{index}"), diagnostics);
            }
        }
        _ => {}
    }
}

/// Coerces scalar fields outside schemas that real specs write loosely.
fn fix_non_schema_object(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    // Server variables: `default` and `enum` must be strings; integers are common.
    if pointer.contains("/variables/") {
        for key in ["default", "enum"] {
            if let Some(value) = map.get_mut(key) {
                stringify_scalars(value);
            }
        }
        map.entry("default")
            .or_insert_with(|| Value::String(String::new()));
    }
    // `required: "true"` or similar on parameters and request bodies.
    if let Some(required) = map.get("required") {
        if !required.is_boolean() && !required.is_array() {
            let truthy = matches!(required, Value::String(s) if s == "true");
            diagnostics.warn(
                &join(pointer, "required"),
                "`required` must be a boolean; read as one",
            );
            map.insert("required".into(), Value::Bool(truthy));
        }
    }
    // Response and request descriptions are required by openapiv3; specs often omit them.
    if pointer.contains("/responses/")
        && !map.contains_key("$ref")
        && !map.contains_key("description")
        && (map.contains_key("content") || map.is_empty() || map.contains_key("headers"))
    {
        map.insert("description".into(), Value::String(String::new()));
    }
}

fn stringify_scalars(value: &mut Value) {
    match value {
        Value::Number(n) => *value = Value::String(n.to_string()),
        Value::Bool(b) => *value = Value::String(b.to_string()),
        Value::Array(items) => items.iter_mut().for_each(stringify_scalars),
        _ => {}
    }
}

/// Normalizes one schema and everything nested in it.
pub(crate) fn schema(node: &mut Value, pointer: &str, diagnostics: &mut Diagnostics) {
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
    crate::normalize_schema::rewrite(map, pointer, diagnostics);
    for key in [
        "items",
        "not",
        "additionalProperties",
        "additionalItems",
        "contains",
        "propertyNames",
        "if",
        "then",
        "else",
    ] {
        if let Some(child) = map.get_mut(key) {
            if !(key == "additionalProperties" && child.is_boolean()) {
                schema(child, &join(pointer, key), diagnostics);
            }
        }
    }
    for key in ["allOf", "oneOf", "anyOf", "prefixItems"] {
        if let Some(Value::Array(items)) = map.get_mut(key) {
            for (index, item) in items.iter_mut().enumerate() {
                schema(
                    item,
                    &format!("{}/{index}", join(pointer, key)),
                    diagnostics,
                );
            }
        }
    }
    for key in [
        "properties",
        "patternProperties",
        "$defs",
        "definitions",
        "dependentSchemas",
    ] {
        if let Some(Value::Object(children)) = map.get_mut(key) {
            let base = join(pointer, key);
            for (name, child) in children.iter_mut() {
                schema(child, &join(&base, name), diagnostics);
            }
        }
    }
}
