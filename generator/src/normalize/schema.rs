//! Rewrites of a single schema node: 3.1 keywords into their 3.0 form, and loosely typed
//! keywords coerced or dropped so that deserialization into `openapiv3` cannot fail on them.

use super::fields::{add_note, kind_of, Fields};
use crate::error::{join, Diagnostics};
use serde_json::{Map, Value};

const KNOWN_TYPES: [&str; 7] = [
    "string", "integer", "number", "boolean", "object", "array", "null",
];
const UNSIGNED_KEYWORDS: [&str; 6] = [
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minProperties",
    "maxProperties",
];
const FLAG_KEYWORDS: [&str; 5] = [
    "nullable",
    "readOnly",
    "writeOnly",
    "deprecated",
    "uniqueItems",
];
const TEXT_KEYWORDS: [&str; 4] = ["format", "pattern", "title", "description"];

/// Applies every rewrite to one schema object (children are visited by the caller).
pub(crate) fn rewrite(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    rewrite_ref(map, pointer, diagnostics);
    rewrite_type(map, pointer, diagnostics);
    rewrite_null_branches(map, "anyOf");
    rewrite_null_branches(map, "oneOf");
    if let Some(value) = map.take("const") {
        map.insert("enum".into(), Value::Array(vec![value]));
    }
    if let Some(Value::Array(examples)) = map.take("examples") {
        if let Some(first) = examples.into_iter().next() {
            map.entry("example").or_insert(first);
        }
    }
    infer_enum_type(map);
    rewrite_exclusive_bounds(map);
    coerce_keywords(map, pointer, diagnostics);
    rewrite_enum(map, pointer, diagnostics);
    rewrite_items(map, pointer, diagnostics);
    rewrite_pattern_properties(map, pointer, diagnostics);
    rewrite_not(map, pointer, diagnostics);
    rewrite_discriminator(map);
}

/// Keywords that give a schema a shape of its own (with `not` gone, does anything remain?).
const SHAPE_KEYWORDS: [&str; 10] = [
    "type",
    "properties",
    "additionalProperties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "enum",
    "$ref",
    "required",
];

/// `not` excludes values; no Rust type can. The exclusion is dropped: a schema that says
/// nothing else becomes any value, one with a shape keeps it, unchecked. Either way the
/// generated item's doc says so.
fn rewrite_not(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    if map.take("not").is_none() {
        return;
    }
    if SHAPE_KEYWORDS.iter().any(|k| map.has(k)) {
        diagnostics.warn(
            &join(pointer, "not"),
            "`not` cannot be checked by a Rust type; the rest of the schema is kept and the exclusion is not checked",
        );
        add_note(
            map,
            "The spec also excludes values matching a `not` schema; this type does not check that.",
        );
    } else {
        diagnostics.fallback(pointer, "`not` cannot be expressed as a Rust type");
        add_note(
            map,
            "Any JSON value: the spec describes this schema only with `not`, which a Rust type cannot express.",
        );
    }
}

/// A `$ref` with siblings: 3.1 allows them; openapiv3 keeps only the reference. Nullability is
/// the sibling that changes the wire, so it is kept by wrapping the reference in `allOf`.
fn rewrite_ref(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    let Some(reference) = map.field("$ref") else {
        return;
    };
    if !reference.is_string() {
        diagnostics.warn(&join(pointer, "$ref"), "`$ref` must be a string; ignored");
        map.take("$ref");
        return;
    }
    let nullable = map.field("nullable") == Some(&Value::Bool(true))
        || matches!(map.field("type"), Some(Value::Array(types)) if types.iter().any(|t| t == "null"));
    if nullable {
        let reference = map.take("$ref").unwrap_or(Value::Null);
        map.take("type");
        map.insert("allOf".into(), serde_json::json!([{ "$ref": reference }]));
        map.insert("nullable".into(), Value::Bool(true));
    }
}

fn rewrite_type(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    // Most schemas name one known type: nothing to rewrite.
    if let Some(Value::String(name)) = map.field("type") {
        if name != "null" && KNOWN_TYPES.contains(&name.as_str()) {
            return;
        }
    }
    let Some(type_value) = map.take("type") else {
        return;
    };
    match type_value {
        Value::String(name) => set_single_type(map, &name, pointer, diagnostics),
        Value::Array(names) => {
            let names: Vec<String> = names
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            if names.iter().any(|n| n == "null") {
                map.insert("nullable".into(), Value::Bool(true));
            }
            let rest: Vec<&String> = names.iter().filter(|n| *n != "null").collect();
            match rest.as_slice() {
                [] => {}
                [one] => set_single_type(map, one, pointer, diagnostics),
                many => split_type_union(map, many),
            }
        }
        other => {
            let found = kind_of(&other);
            diagnostics.warn(
                &join(pointer, "type"),
                format!("`type` must be a string or a list, found {found}; read as any value"),
            );
            add_note(
                map,
                &format!("Any JSON value: the spec's `type` is {found}, not a type name."),
            );
        }
    }
}

fn set_single_type(
    map: &mut Map<String, Value>,
    name: &str,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    match name {
        "null" => {
            map.insert("nullable".into(), Value::Bool(true));
        }
        // Swagger 2.0's file type, still seen in 3.0 documents.
        "file" => {
            map.insert("type".into(), "string".into());
            map.insert("format".into(), "binary".into());
        }
        known if KNOWN_TYPES.contains(&known) => {
            map.insert("type".into(), known.into());
        }
        unknown => {
            diagnostics.warn(
                &join(pointer, "type"),
                format!("unknown type `{unknown}`; read as any value"),
            );
            add_note(
                map,
                &format!("Any JSON value: the spec's type `{unknown}` is not a JSON Schema type."),
            );
        }
    }
}

/// `type: [string, integer]` becomes `anyOf` with one branch per type, each keeping the
/// keywords that apply to it.
fn split_type_union(map: &mut Map<String, Value>, names: &[&String]) {
    let mut branches = Vec::new();
    for name in names {
        let mut branch = Map::new();
        branch.insert("type".into(), Value::String((*name).clone()));
        let keys: &[&str] = match name.as_str() {
            "array" => &["items", "minItems", "maxItems"],
            "object" => &["properties", "required", "additionalProperties"],
            "string" => &["format", "pattern", "minLength", "maxLength"],
            "integer" | "number" => &["format", "minimum", "maximum"],
            _ => &[],
        };
        for key in keys {
            if let Some(value) = map.field(key) {
                branch.insert((*key).into(), value.clone());
            }
        }
        branches.push(Value::Object(branch));
    }
    for key in [
        "items",
        "properties",
        "required",
        "additionalProperties",
        "format",
        "pattern",
        "minimum",
        "maximum",
        "enum",
    ] {
        map.take(key);
    }
    map.insert("anyOf".into(), Value::Array(branches));
}

fn is_null_schema(value: &Value) -> bool {
    value
        .field("type")
        .is_some_and(|t| t == "null" || t == &serde_json::json!(["null"]))
        || value
            .field("enum")
            .is_some_and(|e| e == &serde_json::json!([null]))
}

/// `anyOf: [X, {type: null}]` is how 3.1 (and FastAPI) writes a nullable X.
fn rewrite_null_branches(map: &mut Map<String, Value>, key: &str) {
    let Some(Value::Array(branches)) = map.field_mut(key) else {
        return;
    };
    let before = branches.len();
    branches.retain(|branch| !is_null_schema(branch));
    if branches.len() == before {
        return;
    }
    map.insert("nullable".into(), Value::Bool(true));
    let Some(Value::Array(branches)) = map.field(key) else {
        return;
    };
    match branches.len() {
        0 => {
            map.take(key);
        }
        1 => {
            let single = branches[0].clone();
            map.take(key);
            merge_single_branch(map, single);
        }
        _ => {}
    }
}

fn merge_single_branch(map: &mut Map<String, Value>, branch: Value) {
    let Value::Object(branch) = branch else {
        return;
    };
    if branch.has("$ref") {
        map.insert("allOf".into(), Value::Array(vec![Value::Object(branch)]));
        return;
    }
    for (key, value) in branch {
        if key == "nullable" {
            continue;
        }
        map.entry(key).or_insert(value);
    }
}

/// `enum` (or `const`) without `type`: the values tell it, so `const: item` is a string.
fn infer_enum_type(map: &mut Map<String, Value>) {
    if map.has("type")
        || ["allOf", "oneOf", "anyOf", "$ref"]
            .iter()
            .any(|k| map.has(k))
    {
        return;
    }
    let Some(Value::Array(values)) = map.field("enum") else {
        return;
    };
    let non_null: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
    let inferred = if !non_null.is_empty() && non_null.iter().all(|v| v.is_string()) {
        "string"
    } else if !non_null.is_empty() && non_null.iter().all(|v| v.is_i64()) {
        "integer"
    } else if !non_null.is_empty() && non_null.iter().all(|v| v.is_boolean()) {
        "boolean"
    } else {
        return;
    };
    map.insert("type".into(), inferred.into());
}

/// 3.1 writes `exclusiveMinimum: 5`; 3.0 writes `minimum: 5, exclusiveMinimum: true`.
fn rewrite_exclusive_bounds(map: &mut Map<String, Value>) {
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match map.field(exclusive) {
            Some(Value::Number(n)) => {
                let n = n.clone();
                map.insert(bound.into(), Value::Number(n));
                map.insert(exclusive.into(), Value::Bool(true));
            }
            Some(Value::Bool(_)) | None => {}
            Some(_) => {
                map.take(exclusive);
            }
        }
    }
}

fn coerce_keywords(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    for key in ["minimum", "maximum", "multipleOf"] {
        if map.field(key).is_some_and(|v| !v.is_number()) {
            map.take(key);
        }
    }
    // openapiv3 reads integer bounds as i64: a fractional or huge bound on an integer
    // schema would reject the whole document, and bounds do not change the generated type.
    if map.field("type").is_some_and(|t| t == "integer") {
        for key in ["minimum", "maximum", "multipleOf"] {
            if map.field(key).is_some_and(|v| v.as_i64().is_none()) {
                if let Some(bound) = map.take(key) {
                    diagnostics.warn(
                        &join(pointer, key),
                        format!("`{key}: {bound}` is not a 64-bit integer; the bound is not kept"),
                    );
                }
            }
        }
        let out_of_range = map
            .field("default")
            .is_some_and(|v| v.is_number() && v.as_i64().is_none() && v.as_u64().is_none());
        if out_of_range {
            if let Some(default) = map.take("default") {
                diagnostics.warn(
                    &join(pointer, "default"),
                    format!(
                        "`default: {default}` is not a 64-bit integer; the default is not kept"
                    ),
                );
            }
        }
    }
    for key in UNSIGNED_KEYWORDS {
        if map.field(key).is_some_and(|v| v.as_u64().is_none()) {
            map.take(key);
        }
    }
    for key in FLAG_KEYWORDS {
        match map.field(key) {
            Some(Value::Bool(_)) | None => {}
            Some(Value::String(s)) => {
                let flag = s == "true";
                map.insert(key.into(), Value::Bool(flag));
            }
            Some(_) => {
                map.take(key);
            }
        }
    }
    for key in TEXT_KEYWORDS {
        match map.field(key) {
            Some(Value::String(_)) | None => {}
            Some(Value::Number(_) | Value::Bool(_)) if key == "description" || key == "title" => {
                let text = map.field(key).map(Value::to_string).unwrap_or_default();
                map.insert(key.into(), Value::String(text));
            }
            Some(_) => {
                map.take(key);
            }
        }
    }
    match map.field_mut("required") {
        Some(Value::Array(names)) => names.retain(Value::is_string),
        Some(_) => {
            diagnostics.warn(
                &join(pointer, "required"),
                "`required` in a schema must be a list of property names; ignored",
            );
            map.take("required");
        }
        None => {}
    }
    for key in ["properties", "patternProperties"] {
        if map.field(key).is_some_and(|v| !v.is_object()) {
            diagnostics.warn(
                &join(pointer, key),
                format!("`{key}` must be a mapping; ignored"),
            );
            map.take(key);
        }
    }
    if map
        .field("additionalProperties")
        .is_some_and(|v| !v.is_object() && !v.is_boolean())
    {
        map.take("additionalProperties");
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        match map.field(key) {
            Some(Value::Array(items)) if !items.is_empty() => {}
            Some(_) => {
                map.take(key);
            }
            None => {}
        }
    }
}

fn rewrite_enum(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    let Some(values) = map.field("enum") else {
        return;
    };
    let Value::Array(values) = values else {
        map.take("enum");
        return;
    };
    if values.is_empty() {
        diagnostics.warn(
            &join(pointer, "enum"),
            "an empty `enum` admits no value; ignored",
        );
        map.take("enum");
        return;
    }
    let type_name = map.field("type").and_then(Value::as_str).unwrap_or("");
    let fits = |v: &Value| match type_name {
        "string" => v.is_string() || v.is_null(),
        "integer" => v.is_i64() || v.is_null(),
        "number" => v.is_number() || v.is_null(),
        "boolean" => v.is_boolean() || v.is_null(),
        _ => true,
    };
    if values.iter().all(fits) {
        return;
    }
    if type_name == "string"
        && values
            .iter()
            .all(|v| v.is_number() || v.is_boolean() || v.is_string() || v.is_null())
    {
        let mut values = values.clone();
        for value in &mut values {
            if !value.is_string() && !value.is_null() {
                *value = Value::String(value.to_string());
            }
        }
        map.insert("enum".into(), Value::Array(values));
        return;
    }
    diagnostics.warn(
        &join(pointer, "enum"),
        format!("`enum` values do not match `type: {type_name}`; the enum is ignored"),
    );
    map.take("enum");
}

fn rewrite_items(map: &mut Map<String, Value>, pointer: &str, diagnostics: &mut Diagnostics) {
    if let Some(Value::Array(items)) = map.field("items") {
        diagnostics.warn(
            &join(pointer, "items"),
            "tuple `items` (a list) is read as the type of its first entry",
        );
        let first = items
            .first()
            .cloned()
            .unwrap_or_else(|| Value::Object(Map::new()));
        map.insert("items".into(), first);
    }
    if map
        .field("items")
        .is_some_and(|v| !v.is_object() && !v.is_boolean())
    {
        map.take("items");
    }
    if map.field("items").is_none() {
        if let Some(Value::Array(prefix)) = map.field("prefixItems") {
            let branches = prefix.clone();
            map.insert("items".into(), serde_json::json!({ "anyOf": branches }));
        }
    }
}

/// A map keyed by a pattern keeps its value type: `patternProperties` with one schema (or
/// several, read as any) becomes `additionalProperties`, so the data stays reachable typed.
fn rewrite_pattern_properties(
    map: &mut Map<String, Value>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) {
    let Some(Value::Object(patterns)) = map.take("patternProperties") else {
        return;
    };
    if map.has("additionalProperties") {
        return;
    }
    let value_schema = if patterns.len() == 1 {
        patterns
            .into_iter()
            .next()
            .map(|(_, v)| v)
            .unwrap_or(Value::Bool(true))
    } else {
        Value::Object(Map::new())
    };
    diagnostics.warn(
        &join(pointer, "patternProperties"),
        "`patternProperties` cannot be checked by a Rust type; read as a map from string keys",
    );
    add_note(
        map,
        "The spec constrains the keys with `patternProperties`; this map does not check them.",
    );
    map.insert("additionalProperties".into(), value_schema);
    map.entry("type").or_insert_with(|| "object".into());
}

fn rewrite_discriminator(map: &mut Map<String, Value>) {
    let valid = match map.field_mut("discriminator") {
        Some(Value::Object(d)) => {
            if let Some(Value::Object(mapping)) = d.field_mut("mapping") {
                mapping.retain(|_, v| v.is_string());
            } else {
                d.take("mapping");
            }
            d.field("propertyName").is_some_and(Value::is_string)
        }
        Some(_) => false,
        None => true,
    };
    if !valid {
        map.take("discriminator");
    }
}
