//! Swagger 2.0 schemas to 3.0 schemas: references into `components`, `x-nullable`, `type:
//! file`, and the discriminator as an object.

use super::Converter;
use crate::error::join;
use serde_json::{Map, Value};

/// Keywords whose value is one schema.
const ONE_SCHEMA: [&str; 3] = ["items", "additionalProperties", "not"];
/// Keywords whose value is a list of schemas.
const SCHEMA_LISTS: [&str; 3] = ["allOf", "anyOf", "oneOf"];
/// Keywords whose value maps names to schemas.
const SCHEMA_MAPS: [&str; 2] = ["properties", "patternProperties"];

/// The 3.0 form of a reference written in a 2.0 document. References into other files keep
/// their fragment: the file is read as it is written.
pub(crate) fn rewrite_ref(reference: &str) -> String {
    const MOVES: [(&str, &str); 4] = [
        ("#/definitions/", "#/components/schemas/"),
        ("#/parameters/", "#/components/parameters/"),
        ("#/responses/", "#/components/responses/"),
        ("#/securityDefinitions/", "#/components/securitySchemes/"),
    ];
    for (from, to) in MOVES {
        if let Some(rest) = reference.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    reference.to_string()
}

impl Converter<'_> {
    /// Converts one schema; `original` is its pointer in the 2.0 document (for warnings).
    pub(crate) fn schema(&mut self, value: Value, original: &str) -> Value {
        let Value::Object(map) = value else {
            return value;
        };
        let mut out = Map::with_capacity(map.len());
        for (key, value) in map {
            let converted = match key.as_str() {
                "$ref" => match &value {
                    Value::String(reference) => Value::String(rewrite_ref(reference)),
                    _ => value,
                },
                "x-nullable" | "x-isnullable" => {
                    if value == Value::Bool(true) {
                        out.insert("nullable".into(), Value::Bool(true));
                    }
                    value
                }
                "type" if value == "file" => {
                    out.insert("format".into(), "binary".into());
                    Value::String("string".into())
                }
                "format" if out.get("format").is_some() => continue,
                "discriminator" => match value {
                    Value::String(name) => serde_json::json!({ "propertyName": name }),
                    other => other,
                },
                key if ONE_SCHEMA.contains(&key) && value.is_object() => {
                    self.schema(value, &join(original, key))
                }
                key if SCHEMA_LISTS.contains(&key) => self.schema_list(value, &join(original, key)),
                key if SCHEMA_MAPS.contains(&key) => self.schema_map(value, &join(original, key)),
                _ => value,
            };
            out.insert(key, converted);
        }
        Value::Object(out)
    }

    fn schema_list(&mut self, value: Value, original: &str) -> Value {
        let Value::Array(items) = value else {
            return value;
        };
        let converted = items
            .into_iter()
            .enumerate()
            .map(|(index, item)| self.schema(item, &join(original, &index.to_string())))
            .collect();
        Value::Array(converted)
    }

    fn schema_map(&mut self, value: Value, original: &str) -> Value {
        let Value::Object(map) = value else {
            return value;
        };
        let converted = map
            .into_iter()
            .map(|(name, schema)| {
                let schema = self.schema(schema, &join(original, &name));
                (name, schema)
            })
            .collect();
        Value::Object(converted)
    }

    /// `definitions` to `components/schemas`.
    pub(crate) fn definitions(&mut self, value: Value) -> Value {
        self.pointers
            .record("#/components/schemas", "#/definitions");
        self.schema_map(value, "#/definitions")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Diagnostics;
    use serde_json::json;

    #[test]
    fn nullable_file_and_discriminator() {
        let mut diagnostics = Diagnostics::default();
        let mut converter = Converter::new(&mut diagnostics);
        let schema = json!({
            "type": "object",
            "discriminator": "kind",
            "properties": {
                "kind": {"type": "string", "x-nullable": true},
                "pet": {"$ref": "#/definitions/Pet", "x-isnullable": true},
                "photo": {"type": "file"},
                "tags": {"type": "array", "items": {"$ref": "#/definitions/Tag"}}
            }
        });
        let converted = converter.schema(schema, "#/definitions/A");
        assert_eq!(
            converted,
            json!({
                "type": "object",
                "discriminator": {"propertyName": "kind"},
                "properties": {
                    "kind": {"type": "string", "nullable": true, "x-nullable": true},
                    "pet": {"$ref": "#/components/schemas/Pet", "nullable": true, "x-isnullable": true},
                    "photo": {"format": "binary", "type": "string"},
                    "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}
                }
            })
        );
    }
}
