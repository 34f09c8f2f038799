//! The example reply of a JSON response, chosen from the spec: the media type's `example`,
//! then the first of its `examples` that holds a value, then the schema's own `example`, and
//! failing those a value synthesized from the schema. A synthesized object has its required
//! properties and the optional ones the spec gives a value for (their own example, default,
//! enum or format), so that a mock's example reply shows what the spec says of the API. The
//! renderer checks that the value fits the generated type before using it.

use super::Lowerer;
use openapiv3::{MediaType, ReferenceOr, Schema, SchemaKind, Type};
use serde_json::{Map, Value};

/// How deep a synthesized value nests before a schema that lists itself ends.
const MAX_DEPTH: usize = 8;

/// How many schemas one synthesized value may visit: a schema whose properties refer back
/// to it several times would otherwise multiply its visits at every level.
const MAX_VISITS: usize = 10_000;

/// The state of one synthesis.
struct Walk {
    /// Set when the value holds more than the constructors build (an optional property, an
    /// object's or a list's own example).
    extra: bool,
    /// Schemas still allowed to visit.
    visits: usize,
}

impl<'a> Lowerer<'a> {
    /// The example of one response's JSON media type.
    pub(super) fn reply_example(&self, media: &'a MediaType) -> Option<Value> {
        if let Some(value) = media.example.as_ref().filter(|v| !v.is_null()) {
            return Some(value.clone());
        }
        let listed = media.examples.values().find_map(|example| {
            let example = self.resolver.example(example).ok()?;
            example.value.clone().filter(|v| !v.is_null())
        });
        if listed.is_some() {
            return listed;
        }
        // A synthesized value with nothing but what the generated constructors build anyway
        // (the required properties, with their own examples) is left out, so that the mock
        // builds it with them.
        let schema = self.resolved(media.schema.as_ref()?.into())?;
        let mut walk = Walk {
            extra: false,
            visits: MAX_VISITS,
        };
        let value = self.synthesized(schema, 0, &mut walk)?;
        let given = schema
            .schema_data
            .example
            .as_ref()
            .is_some_and(|v| !v.is_null());
        (given || walk.extra).then_some(value)
    }

    /// The schema's own example, or a value built from its shape.
    fn synthesized(&self, schema: &'a Schema, depth: usize, walk: &mut Walk) -> Option<Value> {
        if depth > MAX_DEPTH || walk.visits == 0 {
            return None;
        }
        walk.visits -= 1;
        if let Some(value) = schema.schema_data.example.as_ref().filter(|v| !v.is_null()) {
            // The constructors build a required property's own example of a plain type too,
            // but not an object's or a list's.
            let plain = matches!(
                schema.schema_kind,
                SchemaKind::Type(
                    Type::String(_) | Type::Integer(_) | Type::Number(_) | Type::Boolean(_)
                )
            );
            walk.extra |= !plain;
            return Some(value.clone());
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) => {
                self.object(object.properties.iter(), &object.required, depth, walk)
            }
            SchemaKind::Any(any) if !any.properties.is_empty() => {
                self.object(any.properties.iter(), &any.required, depth, walk)
            }
            SchemaKind::Type(Type::Array(array)) => {
                // One item shows the item's shape; deeper down none, so that nesting ends.
                let items = match &array.items {
                    Some(items) if depth < 3 => {
                        let item =
                            self.synthesized(self.resolved(items.into())?, depth + 1, walk)?;
                        vec![item]
                    }
                    _ => Vec::new(),
                };
                Some(Value::Array(items))
            }
            SchemaKind::Type(Type::Boolean(_)) => Some(
                schema
                    .schema_data
                    .default
                    .clone()
                    .unwrap_or(Value::Bool(true)),
            ),
            SchemaKind::Type(_) => super::example::example(None, Some(schema)),
            SchemaKind::AllOf { all_of } => {
                // Every part's properties in one object.
                let mut merged = Map::new();
                for part in all_of {
                    match self.synthesized(self.resolved(part.into())?, depth + 1, walk)? {
                        Value::Object(fields) => merged.extend(fields),
                        _ => return None,
                    }
                }
                Some(Value::Object(merged))
            }
            SchemaKind::OneOf { one_of: variants } | SchemaKind::AnyOf { any_of: variants } => {
                variants.iter().find_map(|variant| {
                    self.synthesized(self.resolved(variant.into())?, depth + 1, walk)
                })
            }
            SchemaKind::Any(_) | SchemaKind::Not { .. } => Some(Value::Object(Map::new())),
        }
    }

    /// An object with the required properties and the optional ones the spec gives a value.
    fn object(
        &self,
        properties: impl Iterator<Item = (&'a String, &'a ReferenceOr<Box<Schema>>)>,
        required: &[String],
        depth: usize,
        walk: &mut Walk,
    ) -> Option<Value> {
        let mut fields = Map::new();
        for (name, property) in properties {
            let Some(target) = self.resolved(property.into()) else {
                continue;
            };
            // A write-only property never comes back in a reply.
            if target.schema_data.write_only {
                continue;
            }
            let needed = required.contains(name);
            if !needed && !has_own_value(target) {
                continue;
            }
            match self.synthesized(target, depth + 1, walk) {
                Some(value) => {
                    walk.extra |= !needed;
                    fields.insert(name.clone(), value);
                }
                None if target.schema_data.nullable => {
                    fields.insert(name.clone(), Value::Null);
                }
                // A required property without a value leaves the object without one too.
                None if needed => return None,
                None => {}
            }
        }
        Some(Value::Object(fields))
    }
}

/// Whether the spec gives a property a value of its own: an example, a default, an enum or
/// a string format.
fn has_own_value(schema: &Schema) -> bool {
    let data = &schema.schema_data;
    if data.example.as_ref().or(data.default.as_ref()).is_some() {
        return true;
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            !s.enumeration.is_empty()
                || !matches!(s.format, openapiv3::VariantOrUnknownOrEmpty::Empty)
        }
        SchemaKind::Type(Type::Integer(i)) => !i.enumeration.is_empty(),
        SchemaKind::Type(Type::Number(n)) => !n.enumeration.is_empty(),
        _ => false,
    }
}
