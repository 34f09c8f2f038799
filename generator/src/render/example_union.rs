//! Which branch of a union an example takes. `oneOf` accepts a value that fits exactly one
//! branch, and a validator checks every branch (a `discriminator` is a hint it need not
//! use), so the example takes a branch whose value is sure to break every other branch:
//! another branch requires a property the value leaves out, or allows a single value for a
//! property the value sets otherwise, at the top or inside a nested object. Where a branch's
//! plain value fits another branch, optional object properties that break it are set too
//! (branches that differ only in what an optional object requires). Among those, and where no
//! branch is sure, the branch with the most required properties, whose value is least likely
//! to fit another. A branch that requires a name it does not declare fits no value, and comes
//! last.

use crate::ir::{Api, Field, StructDef, TypeId, TypeKind, TypeRef, UnionDef, UnionVariant};

/// How deep the nested objects of a value are followed: deeper differences are rare, types
/// may be recursive, and the properties followed multiply with each level.
const NESTING: usize = 2;

/// What an example sets in a property: an enum's value (the values that tell branches
/// apart), an object's own properties, or something the branches do not tell apart by.
#[derive(Clone, Debug)]
enum Shown<'a> {
    Value(&'a str),
    Object(SetFields<'a>),
    Other,
}

/// The properties an example value sets, with what it sets in each.
type SetFields<'a> = Vec<(&'a str, Shown<'a>)>;

/// A union branch an example takes, and the optional properties it sets beyond those its
/// struct's own example sets, so that the value fits this branch alone.
pub(super) struct Branch<'a> {
    pub variant: &'a UnionVariant,
    pub also_set: Vec<&'a str>,
}

/// How sure a branch's value is to fit that branch alone: whether the branch is satisfiable
/// at all, how many other branches the value breaks, how many properties the branch requires.
type Score = (usize, usize, usize);

/// The branch an example of `union` takes.
pub(super) fn chosen_branch<'a>(api: &'a Api, union: &'a UnionDef) -> Option<Branch<'a>> {
    // The first of equals: `max_by_key` keeps the last, so the branches go in reverse.
    let (index, (also_set, _)) = (0..union.variants.len())
        .rev()
        .map(|index| (index, branch_value(api, union, index)))
        .max_by_key(|(_, (_, score))| *score)?;
    Some(Branch {
        variant: &union.variants[index],
        also_set,
    })
}

/// The optional properties the example of branch `index` sets besides its own example's, and
/// the score of the value it then has.
fn branch_value<'a>(api: &'a Api, union: &'a UnionDef, index: usize) -> (Vec<&'a str>, Score) {
    let variant = &union.variants[index];
    let Some((_, s)) = branch_struct(api, &variant.ty) else {
        return (Vec::new(), (0, 0, 0));
    };
    let others_broken = |value: &SetFields| {
        union
            .variants
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .filter(|(_, other)| {
                branch_struct(api, &other.ty).is_some_and(|(_, s)| breaks(api, value, s))
            })
            .count()
    };
    let tag = union.tag.as_deref().zip(variant.tag_value.as_deref());
    let mut value = example_fields(api, s, tag, NESTING);
    let mut broken = others_broken(&value);
    let mut also_set = Vec::new();
    // Each optional object property that breaks one more branch is set.
    for field in &s.fields {
        if broken + 1 == union.variants.len() {
            break;
        }
        if value.iter().any(|(name, _)| *name == field.wire_name) {
            continue;
        }
        let Some((_, inner)) = branch_struct(api, &field.ty) else {
            continue;
        };
        let shown = Shown::Object(example_fields(api, inner, None, NESTING - 1));
        value.push((field.wire_name.as_str(), shown));
        let now = others_broken(&value);
        if now > broken {
            broken = now;
            also_set.push(field.wire_name.as_str());
        } else {
            value.pop();
        }
    }
    // A branch that requires a name it never declares fits no value the client builds.
    let satisfiable = usize::from(s.undeclared_required.is_empty());
    (
        also_set,
        (satisfiable, broken, required_fields(api, &variant.ty)),
    )
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

/// The properties an example of `s` sets, with what it sets in each (down to `depth` nested
/// objects): the required ones and the optional ones it shows.
fn example_fields<'a>(
    api: &'a Api,
    s: &'a StructDef,
    tag: Option<(&'a str, &'a str)>,
    depth: usize,
) -> SetFields<'a> {
    s.fields
        .iter()
        .filter(|f| f.is_required() || f.in_example || tag.is_some_and(|(n, _)| n == f.wire_name))
        .map(|f| {
            let shown = match tag {
                Some((name, value)) if name == f.wire_name => Shown::Value(value),
                _ => match (enum_example(api, f), branch_struct(api, &f.ty)) {
                    (Some(value), _) => Shown::Value(value),
                    (None, Some((_, inner))) if depth > 0 => {
                        Shown::Object(example_fields(api, inner, None, depth - 1))
                    }
                    _ => Shown::Other,
                },
            };
            (f.wire_name.as_str(), shown)
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
fn breaks(api: &Api, value: &[(&str, Shown)], other: &StructDef) -> bool {
    let sets = |name: &String| value.iter().any(|(set, _)| set == name);
    if other.undeclared_required.iter().any(|name| !sets(name)) {
        return true;
    }
    other.fields.iter().any(|field| {
        let set = value.iter().find(|(name, _)| *name == field.wire_name);
        match set {
            None => field.is_required(),
            Some((_, Shown::Value(sent))) => match enum_values(api, &field.ty).as_deref() {
                Some([only]) => only != sent,
                _ => false,
            },
            Some((_, Shown::Object(inner))) => {
                branch_struct(api, &field.ty).is_some_and(|(_, s)| breaks(api, inner, s))
            }
            Some((_, Shown::Other)) => false,
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
