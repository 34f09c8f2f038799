//! Schemas to type references: `$ref` targets become named types, inline schemas become
//! primitives, containers, or named types called after where they sit.

use super::view::{shape, Shape};
use super::Lowerer;
use crate::error::join;
use crate::ir::names::{type_name, variant_name};
use crate::ir::{EnumVariant, Prim, TypeDef, TypeKind, TypeRef};
use crate::pointer::{local_segments, RefError};
use openapiv3::{ReferenceOr, Schema};

/// `$ref` targets lowered inside one another before the next is left to lower from the top:
/// each link of a chain of references costs several stack frames.
const MAX_NESTED_TARGETS: usize = 100;

/// A schema position: either a reference or an inline schema, borrowed from the document.
#[derive(Clone, Copy)]
pub(crate) enum SchemaRef<'a> {
    /// `$ref`.
    Ref(&'a str),
    /// An inline schema.
    Inline(&'a Schema),
}

impl<'a> From<&'a ReferenceOr<Schema>> for SchemaRef<'a> {
    fn from(value: &'a ReferenceOr<Schema>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'a> From<&'a ReferenceOr<Box<Schema>>> for SchemaRef<'a> {
    fn from(value: &'a ReferenceOr<Box<Schema>>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'a> Lowerer<'a> {
    /// The schema a reference points at, following chains of references.
    pub fn target(&self, reference: &str) -> Result<(&'a Schema, String), RefError> {
        let mut current = reference.to_string();
        let mut seen = Vec::new();
        loop {
            if seen.contains(&current) {
                return Err(RefError::Cycle(reference.to_string()));
            }
            seen.push(current.clone());
            match self.schema_at(&current)? {
                ReferenceOr::Item(schema) => return Ok((schema, current)),
                ReferenceOr::Reference { reference } => current = reference.clone(),
            }
        }
    }

    /// The schema entry at a local pointer.
    pub fn schema_at(&self, reference: &str) -> Result<&'a ReferenceOr<Schema>, RefError> {
        let segments = local_segments(reference)?;
        if let [components, schemas, name] = segments.as_slice() {
            if components == "components" && schemas == "schemas" {
                let api = self.api;
                return api
                    .components
                    .as_ref()
                    .and_then(|c| c.schemas.get(name))
                    .ok_or_else(|| RefError::Missing(reference.to_string()));
            }
        }
        let extra = self.extra_schemas;
        extra
            .get(reference)
            .ok_or_else(|| RefError::Missing(reference.to_string()))
    }

    /// A named type for a reference target, created on first use.
    pub fn named_type(&mut self, reference: &str) -> TypeRef {
        if let Some(id) = self.by_pointer.get(reference) {
            return TypeRef::Named(*id);
        }
        let entry = match self.schema_at(reference) {
            Ok(entry) => entry,
            Err(error) => {
                self.diagnostics.fallback(reference, error.to_string());
                return TypeRef::Json;
            }
        };
        let (id, name) = match self.component_names.remove(reference) {
            Some(claimed) => self.reserve_claimed(claimed),
            None => self.reserve(name_for_target(reference)),
        };
        self.by_pointer.insert(reference.to_string(), id);
        if self.nested_targets >= MAX_NESTED_TARGETS {
            self.deferred.push((id, reference.to_string(), name));
            return TypeRef::Named(id);
        }
        self.nested_targets += 1;
        self.define_target(id, reference, name, entry);
        self.nested_targets -= 1;
        TypeRef::Named(id)
    }

    /// Lowers the reference targets left for later (see [`MAX_NESTED_TARGETS`]).
    pub fn lower_deferred(&mut self) {
        while let Some((id, reference, name)) = self.deferred.pop() {
            if let Ok(entry) = self.schema_at(&reference) {
                self.nested_targets += 1;
                self.define_target(id, &reference, name, entry);
                self.nested_targets -= 1;
            }
        }
    }

    fn define_target(
        &mut self,
        id: crate::ir::TypeId,
        reference: &str,
        name: String,
        entry: &'a ReferenceOr<Schema>,
    ) {
        let (kind, doc) = match entry {
            ReferenceOr::Reference { reference: next } => (
                TypeKind::Alias(self.schema_type(SchemaRef::Ref(next), &name, reference)),
                None,
            ),
            ReferenceOr::Item(schema) => {
                (self.type_kind(schema, &name, reference), schema_doc(schema))
            }
        };
        let wire_name = local_segments(reference)
            .ok()
            .and_then(|s| s.last().cloned());
        self.define(
            id,
            TypeDef {
                name,
                wire_name,
                origin: reference.to_string(),
                doc,
                kind,
            },
        );
    }

    /// The type of a value at a schema position. `hint` names any type created for it.
    pub fn schema_type(&mut self, schema: SchemaRef<'a>, hint: &str, pointer: &str) -> TypeRef {
        match schema {
            SchemaRef::Ref(reference) => self.named_type(reference),
            SchemaRef::Inline(schema) => self.inline_type(schema, hint, pointer),
        }
    }

    /// Whether the value at a schema position may be `null`.
    pub fn is_nullable(&self, schema: SchemaRef<'a>) -> bool {
        let Some(schema) = self.resolved(schema) else {
            return false;
        };
        if schema.schema_data.nullable {
            return true;
        }
        matches!(shape(schema), Shape::String { values, .. } if values.iter().any(Option::is_none))
    }

    /// Whether a schema position is `type: string, format: binary` (raw bytes).
    pub fn is_binary(&self, schema: SchemaRef<'a>) -> bool {
        self.resolved(schema).is_some_and(|schema| matches!(
            &schema.schema_kind,
            openapiv3::SchemaKind::Type(openapiv3::Type::String(s))
                if matches!(&s.format, openapiv3::VariantOrUnknownOrEmpty::Item(openapiv3::StringFormat::Binary))
        ))
    }

    /// Whether the schema describes an object, a list or a union of values (no scalar, and
    /// not "anything").
    pub fn is_structured(&self, schema: SchemaRef<'a>) -> bool {
        use openapiv3::{SchemaKind, Type};
        self.resolved(schema)
            .is_some_and(|schema| match &schema.schema_kind {
                SchemaKind::Type(Type::Object(_) | Type::Array(_)) => true,
                SchemaKind::OneOf { .. } | SchemaKind::AllOf { .. } | SchemaKind::AnyOf { .. } => {
                    true
                }
                SchemaKind::Any(any) => {
                    !any.properties.is_empty()
                        || any.items.is_some()
                        || !any.all_of.is_empty()
                        || !any.one_of.is_empty()
                        || !any.any_of.is_empty()
                }
                _ => false,
            })
    }

    /// The schema at a position, a reference followed; `None` where it points at nothing.
    pub(super) fn resolved(&self, schema: SchemaRef<'a>) -> Option<&'a Schema> {
        match schema {
            SchemaRef::Inline(schema) => Some(schema),
            SchemaRef::Ref(reference) => self.target(reference).ok().map(|(schema, _)| schema),
        }
    }

    /// The kind of a named type defined by `schema`.
    pub fn type_kind(&mut self, schema: &'a Schema, name: &str, pointer: &str) -> TypeKind {
        self.schemas_seen += 1;
        match shape(schema) {
            Shape::Object {
                properties,
                required,
                additional,
            } if !properties.is_empty() => TypeKind::Struct(
                self.lower_object(schema, properties, required, additional, name, pointer),
            ),
            Shape::String { values, .. } if values.iter().any(Option::is_some) => {
                TypeKind::Enum(enum_variants(&values))
            }
            Shape::OneOf(branches) => self.lower_union(branches, "oneOf", schema, name, pointer),
            Shape::AnyOf(branches) => self.lower_union(branches, "anyOf", schema, name, pointer),
            Shape::AllOf { parts, own } => self.lower_all_of(schema, parts, own, name, pointer),
            _ => {
                self.schemas_seen -= 1;
                TypeKind::Alias(self.inline_type(schema, &format!("{name}Value"), pointer))
            }
        }
    }

    /// The type of an inline schema; objects, enums and unions become named types.
    pub fn inline_type(&mut self, schema: &'a Schema, hint: &str, pointer: &str) -> TypeRef {
        let new_named = |this: &mut Self| {
            // The same inline schema met again while it is being lowered (reached back through
            // a `$ref` into its own parent) is a recursive type, not a new one each time.
            let identity = schema as *const Schema as usize;
            if let Some(id) = this.inline_in_progress.get(&identity) {
                return TypeRef::Named(*id);
            }
            let (id, name) = this.reserve(type_name(hint, "Type"));
            this.inline_in_progress.insert(identity, id);
            let kind = this.type_kind(schema, &name, pointer);
            this.inline_in_progress.remove(&identity);
            if let TypeKind::Alias(inner) = &kind {
                // An allOf or a one-branch union that reduced to another type needs no name.
                let inner = inner.clone();
                this.define(
                    id,
                    TypeDef {
                        name,
                        wire_name: None,
                        origin: pointer.to_string(),
                        doc: None,
                        kind,
                    },
                );
                return inner;
            }
            let doc = schema_doc(schema);
            this.define(
                id,
                TypeDef {
                    name,
                    wire_name: None,
                    origin: pointer.to_string(),
                    doc,
                    kind,
                },
            );
            TypeRef::Named(id)
        };
        match shape(schema) {
            Shape::String { values, .. } if values.iter().any(Option::is_some) => new_named(self),
            Shape::String { format, .. } => TypeRef::Prim(string_prim(format)),
            Shape::Integer { format, minimum } => TypeRef::Prim(integer_prim(format, minimum)),
            Shape::Number { format } => TypeRef::Prim(if format == Some("float") {
                Prim::F32
            } else {
                Prim::F64
            }),
            Shape::Boolean => TypeRef::Prim(Prim::Bool),
            Shape::Object {
                properties,
                additional,
                ..
            } if properties.is_empty() => self.map_type(additional, hint, pointer),
            Shape::Array { items } => match items {
                Some(items) => {
                    let item = self.schema_type(
                        items.into(),
                        &format!("{hint}Item"),
                        &join(pointer, "items"),
                    );
                    TypeRef::Vec(Box::new(item))
                }
                None => TypeRef::Vec(Box::new(TypeRef::Json)),
            },
            Shape::Not => {
                self.diagnostics
                    .fallback(pointer, "`not` cannot be expressed as a Rust type");
                TypeRef::Json
            }
            Shape::Any => TypeRef::Json,
            Shape::Object { .. } | Shape::OneOf(_) | Shape::AnyOf(_) | Shape::AllOf { .. } => {
                new_named(self)
            }
        }
    }

    /// `additionalProperties` alone: a map from string keys.
    pub fn map_type(
        &mut self,
        additional: Option<&'a openapiv3::AdditionalProperties>,
        hint: &str,
        pointer: &str,
    ) -> TypeRef {
        match additional {
            Some(openapiv3::AdditionalProperties::Schema(value)) => {
                let pointer = join(pointer, "additionalProperties");
                let value = self.schema_type(
                    SchemaRef::from(value.as_ref()),
                    &format!("{hint}Value"),
                    &pointer,
                );
                TypeRef::Map(Box::new(value))
            }
            _ => TypeRef::Map(Box::new(TypeRef::Json)),
        }
    }
}

impl<'a> From<&'a Box<ReferenceOr<Schema>>> for SchemaRef<'a> {
    fn from(value: &'a Box<ReferenceOr<Schema>>) -> Self {
        SchemaRef::from(value.as_ref())
    }
}

fn string_prim(format: Option<&str>) -> Prim {
    match format {
        Some("uuid") => Prim::Uuid,
        Some("date-time") => Prim::DateTime,
        Some("date") => Prim::Date,
        Some("binary") => Prim::Bytes,
        _ => Prim::String,
    }
}

fn integer_prim(format: Option<&str>, minimum: Option<f64>) -> Prim {
    match format {
        Some("int32") | Some("int16") | Some("int8") => Prim::I32,
        Some("uint64") | Some("uint32") | Some("uint") if minimum.unwrap_or(0.0) >= 0.0 => {
            Prim::U64
        }
        _ => Prim::I64,
    }
}

/// Variants of a string enum: unique values, each with a unique Rust name.
pub(crate) fn enum_variants(values: &[Option<String>]) -> Vec<EnumVariant> {
    let mut scope = crate::ir::names::Scope::default();
    let mut seen = std::collections::BTreeSet::new();
    let mut variants = Vec::new();
    for value in values.iter().flatten() {
        if !seen.insert(value.clone()) {
            continue;
        }
        let base = if value.is_empty() {
            "Empty".to_string()
        } else {
            variant_name(value, "Value")
        };
        variants.push(EnumVariant {
            name: scope.claim(base),
            wire_value: value.clone(),
        });
    }
    variants
}

/// The documentation of a schema: title and description.
pub(crate) fn schema_doc(schema: &Schema) -> Option<String> {
    let data = &schema.schema_data;
    match (&data.title, &data.description) {
        (_, Some(description)) if !description.trim().is_empty() => {
            Some(description.trim().to_string())
        }
        (Some(title), _) if !title.trim().is_empty() => Some(title.trim().to_string()),
        _ => None,
    }
}

/// A readable type name for a pointer: the component name, or the last named segments.
/// The name a `$ref` target's type asks for, before it is made unique.
pub(super) fn name_for_target(pointer: &str) -> String {
    type_name(&name_from_pointer(pointer), "Type")
}

fn name_from_pointer(pointer: &str) -> String {
    let segments = local_segments(pointer).unwrap_or_default();
    let meaningful: Vec<&String> = segments
        .iter()
        .filter(|s| {
            !matches!(
                s.as_str(),
                "components"
                    | "schemas"
                    | "properties"
                    | "items"
                    | "content"
                    | "schema"
                    | "definitions"
                    | "$defs"
            )
        })
        .collect();
    match meaningful.as_slice() {
        [] => "Type".to_string(),
        [one] => one.to_string(),
        [.., parent, last] if segments.len() > 3 => format!("{parent} {last}"),
        [.., last] => last.to_string(),
    }
}
