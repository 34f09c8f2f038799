//! `oneOf` and `anyOf` to unions: untagged, or tagged by a discriminator.

use super::schema::SchemaRef;
use super::Lowerer;
use crate::error::join;
use crate::ir::names::{type_name, Scope};
use crate::ir::{Prim, TypeKind, TypeRef, UnionDef, UnionVariant};
use crate::pointer::local_segments;
use openapiv3::{ReferenceOr, Schema};

impl<'a> Lowerer<'a> {
    /// A union of the branches; one branch is just that branch's type.
    pub fn lower_union(
        &mut self,
        branches: &'a [ReferenceOr<Schema>],
        keyword: &str,
        schema: &'a Schema,
        name: &str,
        pointer: &str,
    ) -> TypeKind {
        let mut scope = Scope::default();
        let mut variants = Vec::new();
        let mut fallbacks = Vec::new();
        for (index, branch) in branches.iter().enumerate() {
            let branch_pointer = format!("{}/{index}", join(pointer, keyword));
            let branch_ref = SchemaRef::from(branch);
            let title = match branch {
                ReferenceOr::Item(s) => s.schema_data.title.clone(),
                ReferenceOr::Reference { .. } => None,
            };
            let hint = format!(
                "{name}{}",
                title
                    .as_deref()
                    .map(|t| type_name(t, "Variant"))
                    .unwrap_or_else(|| format!("Variant{}", index + 1))
            );
            let ty = self.schema_type(branch_ref, &hint, &branch_pointer);
            if variants.iter().any(|v: &UnionVariant| v.ty == ty) {
                continue;
            }
            let base = self.variant_name(branch, &ty, title.as_deref(), index);
            let variant = UnionVariant {
                name: scope.claim(base),
                tag_value: None,
                ty,
            };
            // A branch that accepts any value must be tried last, or it would take every input.
            if variant.ty == TypeRef::Json {
                fallbacks.push(variant)
            } else {
                variants.push(variant)
            }
        }
        variants.extend(fallbacks);
        if variants.len() == 1 {
            return TypeKind::Alias(variants.remove(0).ty);
        }
        if variants.is_empty() {
            return TypeKind::Alias(TypeRef::Json);
        }
        let tag = self.discriminator_tags(schema, branches, &mut variants);
        TypeKind::Union(UnionDef { variants, tag })
    }

    pub(super) fn variant_name(
        &self,
        branch: &ReferenceOr<Schema>,
        ty: &TypeRef,
        title: Option<&str>,
        index: usize,
    ) -> String {
        if let ReferenceOr::Reference { reference } = branch {
            if let Some(last) = local_segments(reference)
                .ok()
                .and_then(|s| s.last().cloned())
            {
                return type_name(&last, "Variant");
            }
        }
        if let Some(title) = title {
            return type_name(title, "Variant");
        }
        match ty {
            TypeRef::Prim(prim) => prim_variant_name(*prim).to_string(),
            TypeRef::Vec(_) => "Array".into(),
            TypeRef::Map(_) => "Map".into(),
            TypeRef::Json => "Value".into(),
            _ => format!("Variant{}", index + 1),
        }
    }

    /// Applies `discriminator`: each variant gets its tag value from `mapping`, or its
    /// component name. Returns the tag property when every variant has a value.
    fn discriminator_tags(
        &self,
        schema: &Schema,
        branches: &[ReferenceOr<Schema>],
        variants: &mut [UnionVariant],
    ) -> Option<String> {
        let discriminator = schema.schema_data.discriminator.as_ref()?;
        if variants.len() != branches.len() {
            return None;
        }
        for (variant, branch) in variants.iter_mut().zip(branches) {
            let ReferenceOr::Reference { reference } = branch else {
                return None;
            };
            let mapped = discriminator.mapping.iter().find(|(_, target)| {
                *target == reference || reference.ends_with(&format!("/{target}"))
            });
            let value = match mapped {
                Some((value, _)) => value.clone(),
                None => local_segments(reference).ok()?.last()?.clone(),
            };
            variant.tag_value = Some(value);
        }
        Some(discriminator.property_name.clone())
    }
}

fn prim_variant_name(prim: Prim) -> &'static str {
    match prim {
        Prim::String => "String",
        Prim::Bool => "Boolean",
        Prim::I32 | Prim::I64 | Prim::U64 => "Integer",
        Prim::F32 | Prim::F64 => "Number",
        Prim::Uuid => "Uuid",
        Prim::DateTime => "DateTime",
        Prim::Date => "Date",
        Prim::Bytes => "Bytes",
        Prim::Unit => "Unit",
    }
}
