//! Objects and `allOf` to struct definitions.

use super::schema::SchemaRef;
use super::view::{min_properties, required_lists, shape, single_value, Properties, Shape};
use super::Lowerer;
use crate::error::join;
use crate::ir::names::{field_name, type_name, Scope};
use crate::ir::{DefaultValue, Field, Presence, Prim, StructDef, TypeKind, TypeRef};
use openapiv3::{AdditionalProperties, ReferenceOr, Schema};
use std::collections::BTreeSet;

/// Property names that conventionally hold secrets, compared without `_` and `-`, lowercase.
const SECRET_SUFFIXES: [&str; 6] = [
    "password",
    "secret",
    "token",
    "apikey",
    "privatekey",
    "passphrase",
];

/// The properties of an object gathered from one schema or from every part of an `allOf`.
#[derive(Default, Clone)]
struct ObjectParts<'a> {
    properties: Vec<(&'a String, SchemaRef<'a>, String)>,
    required: BTreeSet<String>,
    additional: Option<(&'a AdditionalProperties, String)>,
    /// Optional properties an example sets all the same (see [`Field::in_example`]).
    in_example: BTreeSet<String>,
    /// `minProperties`: an example sets optional properties until it has this many.
    min_properties: usize,
    /// References already merged: merging a schema twice adds nothing, and without this a
    /// chain of `allOf: [B, B]` levels would take time exponential in its length.
    merged_refs: BTreeSet<&'a str>,
    /// References being merged right now, outermost first: meeting one again is a cycle.
    expanding: Vec<&'a str>,
}

impl<'a> ObjectParts<'a> {
    fn add_properties(
        &mut self,
        properties: Properties<'a>,
        required: &'a [String],
        pointer: &str,
    ) {
        let base = join(pointer, "properties");
        for (name, schema) in properties {
            let property_pointer = join(&base, name);
            // A later part redefines a property: the more specific definition wins.
            self.properties.retain(|(existing, _, _)| *existing != name);
            self.properties
                .push((name, SchemaRef::from(schema), property_pointer));
        }
        self.required.extend(required.iter().cloned());
    }

    /// What a schema asks of an object beyond its properties: a `oneOf` of `required` lists
    /// (the properties every list names are required; the first list's others are set by
    /// examples, so that they fit exactly that branch) and `minProperties`.
    fn add_constraints(&mut self, schema: &'a Schema) {
        if let Some(lists) = required_lists(schema) {
            let mut common: BTreeSet<&String> = lists[0].iter().collect();
            for list in &lists[1..] {
                common.retain(|name| list.contains(name));
            }
            self.required
                .extend(common.iter().map(|name| name.to_string()));
            self.in_example.extend(lists[0].iter().cloned());
        }
        if let Some(least) = min_properties(schema) {
            self.min_properties = self.min_properties.max(least);
        }
    }
}

impl<'a> Lowerer<'a> {
    /// An object schema with properties; `schema` is the object's own schema.
    pub fn lower_object(
        &mut self,
        schema: &'a Schema,
        properties: Properties<'a>,
        required: &'a [String],
        additional: Option<&'a AdditionalProperties>,
        name: &str,
        pointer: &str,
    ) -> StructDef {
        let mut parts = ObjectParts::default();
        parts.add_properties(properties, required, pointer);
        parts.add_constraints(schema);
        parts.additional = additional.map(|a| (a, pointer.to_string()));
        self.build_struct(parts, name, pointer)
    }

    /// `allOf`: every object part merged into one struct; a lone non-object part is an alias.
    pub fn lower_all_of(
        &mut self,
        schema: &'a Schema,
        parts: &'a [ReferenceOr<Schema>],
        own: Option<Box<Shape<'a>>>,
        name: &str,
        pointer: &str,
    ) -> TypeKind {
        // `allOf: [$ref]` is how 3.0 documents attach `nullable` or a description to a
        // reference: it names the referenced type, not a copy of it.
        if let ([ReferenceOr::Reference { reference }], None) = (parts, &own) {
            return TypeKind::Alias(self.named_type(reference));
        }
        let mut merged = ObjectParts::default();
        merged.add_constraints(schema);
        let mut others = Vec::new();
        for (index, part) in parts.iter().enumerate() {
            let part_pointer = format!("{}/{index}", join(pointer, "allOf"));
            self.collect_part(
                SchemaRef::from(part),
                &part_pointer,
                &mut merged,
                &mut others,
                0,
            );
        }
        if let Some(own) = own {
            if let Shape::Object {
                properties,
                required,
                additional,
            } = *own
            {
                merged.add_properties(properties, required, pointer);
                if additional.is_some() {
                    merged.additional = additional.map(|a| (a, pointer.to_string()));
                }
            }
        }
        if merged.properties.is_empty() && merged.additional.is_none() {
            return match others.as_slice() {
                [] => TypeKind::Alias(TypeRef::Json),
                [(single, part_pointer)] => TypeKind::Alias(self.schema_type(
                    *single,
                    &format!("{name}Value"),
                    part_pointer,
                )),
                _ => {
                    self.diagnostics.fallback(
                        pointer,
                        "`allOf` of several non-object schemas cannot be merged",
                    );
                    TypeKind::Alias(TypeRef::Json)
                }
            };
        }
        if let [(single, part_pointer)] = others.as_slice() {
            let part_pointer = part_pointer.clone();
            if let Some(union) = self.distribute_union(*single, &part_pointer, &merged, name) {
                return union;
            }
        }
        if !others.is_empty() {
            self.diagnostics.warn(
                pointer,
                "`allOf` parts that are not objects were left out of the merged struct",
            );
        }
        TypeKind::Struct(self.build_struct(merged, name, pointer))
    }

    /// `allOf: [{oneOf: [A, B]}, C]` is `oneOf: [A and C, B and C]`: a union of structs, each
    /// branch merged with the other parts, where the branches are all objects.
    fn distribute_union(
        &mut self,
        part: SchemaRef<'a>,
        part_pointer: &str,
        merged: &ObjectParts<'a>,
        name: &str,
    ) -> Option<TypeKind> {
        let (schema, base) = match part {
            SchemaRef::Inline(schema) => (schema, part_pointer.to_string()),
            SchemaRef::Ref(reference) => self.target(reference).ok()?,
        };
        let (branches, keyword) = match shape(schema) {
            Shape::OneOf(branches) => (branches, "oneOf"),
            Shape::AnyOf(branches) => (branches, "anyOf"),
            _ => return None,
        };
        let objects = branches.iter().all(|branch| {
            self.resolved(SchemaRef::from(branch))
                .is_some_and(|s| matches!(shape(s), Shape::Object { .. } | Shape::AllOf { .. }))
        });
        if branches.len() < 2 || !objects {
            return None;
        }
        let mut scope = Scope::default();
        let mut variants = Vec::new();
        for (index, branch) in branches.iter().enumerate() {
            let branch_pointer = format!("{}/{index}", join(&base, keyword));
            let mut parts = merged.clone();
            let mut rest = Vec::new();
            self.collect_part(
                SchemaRef::from(branch),
                &branch_pointer,
                &mut parts,
                &mut rest,
                0,
            );
            let title = match branch {
                ReferenceOr::Item(s) => s.schema_data.title.as_deref(),
                ReferenceOr::Reference { .. } => None,
            };
            // Named after the branch's reference or title, else its position.
            let placeholder = TypeRef::Named(crate::ir::TypeId(usize::MAX));
            let variant = self.variant_name(branch, &placeholder, title, index);
            let (id, type_name) = self.reserve(type_name(&format!("{name}{variant}"), "Type"));
            let def = self.build_struct(parts, &type_name, &branch_pointer);
            self.define(
                id,
                crate::ir::TypeDef {
                    name: type_name,
                    wire_name: None,
                    origin: branch_pointer,
                    doc: None,
                    kind: TypeKind::Struct(def),
                },
            );
            variants.push(crate::ir::UnionVariant {
                name: scope.claim(variant),
                tag_value: None,
                ty: TypeRef::Named(id),
            });
        }
        Some(TypeKind::Union(crate::ir::UnionDef {
            variants,
            tag: None,
        }))
    }

    fn collect_part(
        &mut self,
        part: SchemaRef<'a>,
        pointer: &str,
        merged: &mut ObjectParts<'a>,
        others: &mut Vec<(SchemaRef<'a>, String)>,
        depth: usize,
    ) {
        let (schema, at) = match part {
            SchemaRef::Inline(schema) => (schema, pointer.to_string()),
            SchemaRef::Ref(reference) => {
                if merged.expanding.contains(&reference) {
                    self.diagnostics.warn(
                        pointer,
                        format!(
                            "`allOf` includes itself through `{reference}`; this part was left out"
                        ),
                    );
                    return;
                }
                if !merged.merged_refs.insert(reference) {
                    return;
                }
                match self.target(reference) {
                    Ok(found) => found,
                    Err(error) => {
                        self.diagnostics
                            .warn(pointer, format!("{error}; this `allOf` part was left out"));
                        return;
                    }
                }
            }
        };
        if let SchemaRef::Ref(reference) = part {
            merged.expanding.push(reference);
            self.merge_part(part, schema, at, pointer, merged, others, depth);
            merged.expanding.pop();
        } else {
            self.merge_part(part, schema, at, pointer, merged, others, depth);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_part(
        &mut self,
        part: SchemaRef<'a>,
        schema: &'a Schema,
        at: String,
        pointer: &str,
        merged: &mut ObjectParts<'a>,
        others: &mut Vec<(SchemaRef<'a>, String)>,
        depth: usize,
    ) {
        // Deeply nested allOf chains are merged up to a bound; deeper ones would be a cycle.
        if depth > 32 {
            self.diagnostics.warn(
                pointer,
                "`allOf` nests too deeply (a cycle?); stopped merging here",
            );
            return;
        }
        match shape(schema) {
            Shape::Object {
                properties,
                required,
                additional,
            } => {
                merged.add_properties(properties, required, &at);
                merged.add_constraints(schema);
                if let Some(additional) = additional {
                    merged.additional = Some((additional, at));
                }
            }
            Shape::AllOf { parts, own } => {
                for (index, inner) in parts.iter().enumerate() {
                    let inner_pointer = format!("{}/{index}", join(&at, "allOf"));
                    self.collect_part(
                        SchemaRef::from(inner),
                        &inner_pointer,
                        merged,
                        others,
                        depth + 1,
                    );
                }
                if let Some(own) = own {
                    if let Shape::Object {
                        properties,
                        required,
                        ..
                    } = *own
                    {
                        merged.add_properties(properties, required, &at);
                    }
                }
            }
            Shape::Any => {}
            _ => others.push((part, pointer.to_string())),
        }
    }

    fn build_struct(&mut self, parts: ObjectParts<'a>, name: &str, pointer: &str) -> StructDef {
        let known: BTreeSet<&str> = parts
            .properties
            .iter()
            .map(|(n, _, _)| n.as_str())
            .collect();
        let undeclared_required: Vec<String> = parts
            .required
            .iter()
            .filter(|r| !known.contains(r.as_str()))
            .cloned()
            .collect();
        for missing in &undeclared_required {
            self.diagnostics.warn(
                &join(pointer, "required"),
                format!("required property `{missing}` is not among the properties; it is not required of the data"),
            );
        }
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (wire, schema, property_pointer) in &parts.properties {
            let required = parts.required.contains(wire.as_str());
            let mut field =
                self.lower_field(wire, *schema, required, name, property_pointer, &mut scope);
            field.in_example |= parts.in_example.contains(wire.as_str()) && !field.is_required();
            fields.push(field);
        }
        // Optional fields in spec order until the example has `minProperties` of them.
        let shown = fields
            .iter()
            .filter(|f| f.is_required() || f.in_example)
            .count();
        let missing = parts.min_properties.saturating_sub(shown);
        for field in fields
            .iter_mut()
            .filter(|f| !f.is_required() && !f.in_example)
            .take(missing)
        {
            field.in_example = true;
        }
        let additional = match parts.additional {
            Some((AdditionalProperties::Any(true), _)) => Some(TypeRef::Json),
            Some((AdditionalProperties::Schema(value), at)) => {
                let at = join(&at, "additionalProperties");
                Some(self.schema_type(
                    SchemaRef::from(value.as_ref()),
                    &format!("{name}Value"),
                    &at,
                ))
            }
            _ => None,
        };
        StructDef {
            fields,
            additional,
            undeclared_required,
        }
    }

    fn lower_field(
        &mut self,
        wire: &str,
        schema: SchemaRef<'a>,
        required: bool,
        parent: &str,
        pointer: &str,
        scope: &mut Scope,
    ) -> Field {
        let hint = format!("{parent}{}", type_name(wire, "Field"));
        let ty = self.schema_type(schema, &hint, pointer);
        let nullable = self.is_nullable(schema);
        let data = match schema {
            SchemaRef::Inline(s) => Some(&s.schema_data),
            SchemaRef::Ref(r) => self.target(r).ok().map(|(s, _)| &s.schema_data),
        };
        let inline_data = match schema {
            SchemaRef::Inline(s) => Some(&s.schema_data),
            SchemaRef::Ref(_) => None,
        };
        // A read-only property is absent from requests and a write-only one from responses,
        // so neither can be required of a type used in both directions.
        let one_way = data.is_some_and(|d| d.read_only || d.write_only);
        let required = required && !one_way;
        let default = inline_data
            .and_then(|d| d.default.as_ref())
            .filter(|_| !required && !nullable)
            .and_then(|value| self.default_value(&ty, value));
        let presence = match (required, nullable, default.is_some()) {
            (true, false, _) => Presence::Required,
            (true, true, _) => Presence::RequiredNullable,
            (false, true, _) => Presence::OptionalNullable,
            (false, false, true) => Presence::Defaulted,
            (false, false, false) => Presence::Optional,
        };
        let format_is_password = matches!(schema, SchemaRef::Inline(s) if matches!(shape(s), Shape::String { format: Some("password"), .. }));
        let secret =
            format_is_password || data.is_some_and(|d| d.write_only) || is_secret_name(wire);
        let doc = match schema {
            SchemaRef::Inline(s) => super::schema::schema_doc(s),
            SchemaRef::Ref(_) => None,
        };
        let target = match schema {
            // `allOf: [$ref]` (a reference with a description or `nullable` attached): the
            // referenced schema holds the enum, format and bounds an example must meet.
            SchemaRef::Inline(s) if s.schema_data.example.is_none() => match &s.schema_kind {
                openapiv3::SchemaKind::AllOf { all_of } => match all_of.as_slice() {
                    [ReferenceOr::Reference { reference }] => {
                        self.target(reference).ok().map(|(s, _)| s)
                    }
                    _ => Some(s),
                },
                _ => Some(s),
            },
            SchemaRef::Inline(s) => Some(s),
            SchemaRef::Ref(r) => self.target(r).ok().map(|(s, _)| s),
        };
        // A property with one allowed value is how union branches tell themselves apart
        // (`type: {enum: [query]}`): an example that leaves it out may fit several branches.
        let in_example =
            !required && !data.is_some_and(|d| d.read_only) && target.is_some_and(single_value);
        Field {
            example: super::example::example_with(None, target, &|items| {
                self.resolved(items.into())
            }),
            in_example,
            name: scope.claim(field_name(wire, "field")),
            wire_name: wire.to_string(),
            ty,
            presence,
            default,
            secret,
            doc,
        }
    }

    fn default_value(&self, ty: &TypeRef, value: &serde_json::Value) -> Option<DefaultValue> {
        use serde_json::Value as V;
        match (ty, value) {
            (TypeRef::Prim(Prim::String), V::String(s)) => Some(DefaultValue::String(s.clone())),
            (TypeRef::Prim(Prim::Bool), V::Bool(b)) => Some(DefaultValue::Bool(*b)),
            (TypeRef::Prim(Prim::I32), V::Number(n)) => n
                .as_i64()
                .filter(|i| i32::try_from(*i).is_ok())
                .map(DefaultValue::Integer),
            (TypeRef::Prim(Prim::I64), V::Number(n)) => n.as_i64().map(DefaultValue::Integer),
            (TypeRef::Prim(Prim::U64), V::Number(n)) => {
                n.as_i64().filter(|i| *i >= 0).map(DefaultValue::Integer)
            }
            (TypeRef::Prim(Prim::F32 | Prim::F64), V::Number(n)) => n
                .as_f64()
                .filter(|f| f.is_finite())
                .map(DefaultValue::Float),
            (TypeRef::Vec(_), V::Array(items)) if items.is_empty() => Some(DefaultValue::EmptyList),
            (TypeRef::Named(id), V::String(s)) => self.enum_default(*id, s),
            _ => None,
        }
    }

    fn enum_default(&self, id: crate::ir::TypeId, value: &str) -> Option<DefaultValue> {
        let def = self.types.get(id.0)?.as_ref()?;
        let TypeKind::Enum(variants) = &def.kind else {
            return None;
        };
        let index = variants.iter().position(|v| v.wire_value == value)?;
        Some(DefaultValue::Variant(id, index))
    }
}

/// Whether a property name conventionally holds a secret.
pub(crate) fn is_secret_name(name: &str) -> bool {
    let folded: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    SECRET_SUFFIXES
        .iter()
        .any(|suffix| folded.ends_with(suffix))
}
