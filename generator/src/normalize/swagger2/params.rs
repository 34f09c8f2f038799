//! Non-body parameters: their type keywords move into a `schema`, and `collectionFormat`
//! becomes `style` and `explode`.

use super::Converter;
use crate::error::join;
use serde_json::{Map, Value};

/// Keywords of a 2.0 parameter, header or `items` object that describe its value: they form
/// the 3.0 `schema`.
const SCHEMA_KEYWORDS: [&str; 18] = [
    "type",
    "format",
    "items",
    "default",
    "maximum",
    "exclusiveMaximum",
    "minimum",
    "exclusiveMinimum",
    "maxLength",
    "minLength",
    "pattern",
    "maxItems",
    "minItems",
    "uniqueItems",
    "enum",
    "multipleOf",
    "x-nullable",
    "x-isnullable",
];

/// The extension a query parameter carries when its values are separated by tabs
/// (`collectionFormat: tsv`), which no 3.0 `style` expresses; lowering reads it.
pub(crate) const COLLECTION_FORMAT: &str = "x-collection-format";

impl Converter<'_> {
    /// The schema of a parameter, header or `items` object written in the 2.0 way (type
    /// keywords beside the name). A nested `collectionFormat` cannot be carried: 3.0 styles
    /// describe one level of list.
    pub(crate) fn simple_schema(&mut self, map: &Map<String, Value>, original: &str) -> Value {
        let mut schema = Map::new();
        for key in SCHEMA_KEYWORDS {
            let Some(value) = map.get(key) else { continue };
            let value = if key == "items" {
                if let Some(Value::String(format)) = value.get("collectionFormat") {
                    if format != "csv" {
                        self.diagnostics.warn(
                            &join(&join(original, "items"), "collectionFormat"),
                            format!("collectionFormat `{format}` on nested list items cannot be expressed; the inner items are joined with commas"),
                        );
                    }
                }
                match value {
                    Value::Object(items) => self.simple_schema(items, &join(original, "items")),
                    other => other.clone(),
                }
            } else {
                value.clone()
            };
            schema.insert(key.to_string(), value);
        }
        self.schema(Value::Object(schema), original)
    }

    /// A query, path, header or cookie parameter (`in: body` and `in: formData` become the
    /// request body instead). `original` is its 2.0 pointer, `converted` where it now lies.
    pub(crate) fn parameter(
        &mut self,
        map: &Map<String, Value>,
        original: &str,
        converted: &str,
    ) -> Value {
        self.pointers.record(converted, original);
        self.pointers.record(join(converted, "schema"), original);
        let location = map.get("in").and_then(Value::as_str).unwrap_or("");
        let mut out = Map::new();
        for (key, value) in map {
            match key.as_str() {
                "name" | "in" | "description" | "required" | "deprecated" | "example" => {
                    out.insert(key.clone(), value.clone());
                }
                "allowEmptyValue" if location == "query" => {
                    out.insert(key.clone(), value.clone());
                }
                "allowEmptyValue" => self.diagnostics.warn(
                    &join(original, key),
                    "allowEmptyValue applies to query parameters only; ignored",
                ),
                "schema" => {
                    // Not 2.0, but written: a schema beside `in: query` is read as the 3.0 one.
                    let schema = self.schema(value.clone(), &join(original, "schema"));
                    self.pointers
                        .record(join(converted, "schema"), join(original, "schema"));
                    out.insert(key.clone(), schema);
                }
                key if key.starts_with("x-") && !SCHEMA_KEYWORDS.contains(&key) => {
                    out.insert(key.to_string(), value.clone());
                }
                _ => {}
            }
        }
        if location == "path" {
            out.insert("required".into(), Value::Bool(true));
        }
        if !out.contains_key("schema") {
            if map.get("type") == Some(&Value::String("file".into())) {
                self.diagnostics.warn(
                    &join(original, "type"),
                    format!("`type: file` is only meaningful for formData parameters; the {location} parameter is sent as a string"),
                );
            }
            let schema = self.simple_schema(map, original);
            out.insert("schema".into(), schema);
        }
        self.collection_style(map, location, original, &mut out);
        Value::Object(out)
    }

    /// `collectionFormat` of an array parameter to `style` and `explode`; 2.0's default is
    /// `csv`, so a list without it is sent comma-separated, not exploded as 3.0's default.
    fn collection_style(
        &mut self,
        map: &Map<String, Value>,
        location: &str,
        original: &str,
        out: &mut Map<String, Value>,
    ) {
        if map.get("type").and_then(Value::as_str) != Some("array") {
            return;
        }
        let format = map
            .get("collectionFormat")
            .and_then(Value::as_str)
            .unwrap_or("csv");
        let style = match (location, format) {
            ("query", "csv") => ("form", false),
            ("query", "multi") => ("form", true),
            ("query", "ssv") => ("spaceDelimited", false),
            ("query", "pipes") => ("pipeDelimited", false),
            ("query", "tsv") => {
                out.insert(COLLECTION_FORMAT.into(), "tsv".into());
                ("form", false)
            }
            (_, "csv") => ("simple", false),
            (_, other) => {
                self.diagnostics.warn(
                    &join(original, "collectionFormat"),
                    format!("collectionFormat `{other}` cannot be expressed for a {location} parameter; the items are joined with commas"),
                );
                ("simple", false)
            }
        };
        out.insert("style".into(), style.0.into());
        out.insert("explode".into(), style.1.into());
    }
}
