//! Which branch of a union an example takes. `oneOf` accepts a value that fits exactly one
//! branch, and a validator checks every branch (a `discriminator` is a hint it need not
//! use), so the example takes a branch whose value is sure to break every other branch:
//! another branch requires a property the value leaves out, or allows a single value for a
//! property the value sets otherwise. Among those, and where no branch is sure, the branch
//! with the most required properties, whose value is least likely to fit another. A branch
//! that requires a name it does not declare fits no value, and comes last.

use crate::ir::{Api, Field, StructDef, TypeId, TypeKind, TypeRef, UnionDef, UnionVariant};

/// The properties an example value sets, with the value of those that are enums.
type SetFields<'a> = Vec<(&'a str, Option<&'a str>)>;

/// The branch an example of `union` takes.
pub(super) fn chosen_branch<'a>(api: &Api, union: &'a UnionDef) -> Option<&'a UnionVariant> {
    let values: Vec<Option<SetFields>> = union
        .variants
        .iter()
        .map(|variant| {
            let (_, s) = branch_struct(api, &variant.ty)?;
            let tag = union.tag.as_deref().zip(variant.tag_value.as_deref());
            Some(example_fields(api, s, tag))
        })
        .collect();
    let score = |index: usize| {
        let Some(value) = &values[index] else {
            return (0, 0, 0);
        };
        // A branch that requires a name it never declares fits no value the client builds.
        let satisfiable = branch_struct(api, &union.variants[index].ty)
            .map_or(1, |(_, s)| usize::from(s.undeclared_required.is_empty()));
        let broken = union
            .variants
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .filter(|(_, other)| {
                branch_struct(api, &other.ty).is_some_and(|(_, s)| breaks(api, value, s))
            })
            .count();
        (
            satisfiable,
            broken,
            required_fields(api, &union.variants[index].ty),
        )
    };
    // The first of equals: `max_by_key` keeps the last, so the branches go in reverse.
    (0..union.variants.len())
        .rev()
        .max_by_key(|index| score(*index))
        .map(|index| &union.variants[index])
}

/// The struct a branch's type names, through one alias, with its id.
pub(super) fn branch_struct<'a>(api: &'a Api, ty: &TypeRef) -> Option<(TypeId, &'a StructDef)> {
    let TypeRef::Named(id) = ty else { return None };
    match &api.types.get(id.0)?.kind {
        TypeKind::Struct(s) => Some((*id, s)),
        TypeKind::Alias(inner @ TypeRef::Named(_)) => branch_struct(api, inner),
        _ => None,
    }
}

/// The properties an example of `s` sets, each with its value where it is an enum's (the
/// values that tell branches apart): the required ones and the optional ones it shows.
fn example_fields<'a>(
    api: &'a Api,
    s: &'a StructDef,
    tag: Option<(&'a str, &'a str)>,
) -> SetFields<'a> {
    s.fields
        .iter()
        .filter(|f| f.is_required() || f.in_example || tag.is_some_and(|(n, _)| n == f.wire_name))
        .map(|f| {
            let value = match tag {
                Some((name, value)) if name == f.wire_name => Some(value),
                _ => enum_example(api, f),
            };
            (f.wire_name.as_str(), value)
        })
        .collect()
}

/// The enum value an example gives a field: its own example where it is one of the values,
/// else the first non-empty value.
fn enum_example<'a>(api: &'a Api, field: &'a Field) -> Option<&'a str> {
    let values = enum_values(api, &field.ty)?;
    let given = field.example.as_ref().and_then(|v| v.as_str());
    given
        .filter(|g| values.contains(g))
        .or_else(|| values.iter().find(|v| !v.is_empty()).copied())
        .or_else(|| values.first().copied())
}

/// The wire values of an enum type, through one alias.
fn enum_values<'a>(api: &'a Api, ty: &TypeRef) -> Option<Vec<&'a str>> {
    let TypeRef::Named(id) = ty else { return None };
    match &api.types.get(id.0)?.kind {
        TypeKind::Enum(variants) => Some(variants.iter().map(|v| v.wire_value.as_str()).collect()),
        TypeKind::Alias(inner @ TypeRef::Named(_)) => enum_values(api, inner),
        _ => None,
    }
}

/// Whether a value setting `value`'s properties surely breaks the branch `other`.
fn breaks(api: &Api, value: &[(&str, Option<&str>)], other: &StructDef) -> bool {
    let sets = |name: &String| value.iter().any(|(set, _)| set == name);
    if other.undeclared_required.iter().any(|name| !sets(name)) {
        return true;
    }
    other.fields.iter().any(|field| {
        let set = value.iter().find(|(name, _)| *name == field.wire_name);
        match set {
            None => field.is_required(),
            Some((_, Some(sent))) => match enum_values(api, &field.ty).as_deref() {
                Some([only]) => only != sent,
                _ => false,
            },
            Some((_, None)) => false,
        }
    })
}

/// How many required fields a struct type has, through one alias (0 for other types).
fn required_fields(api: &Api, ty: &TypeRef) -> usize {
    branch_struct(api, ty).map_or(0, |(_, s)| {
        s.fields
            .iter()
            .filter(|f| matches!(f.presence, crate::ir::Presence::Required))
            .count()
    })
}
