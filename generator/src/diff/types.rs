//! Changes to named types: added, removed, kind changed; struct fields, enum values, union
//! variants, alias targets.

use super::classify::{change, child, doc_differs, type_text, types_by_name, Context, Wire};
use super::{Change, Semver};
use crate::ir::direction::Direction;
use crate::ir::{EnumVariant, Field, Presence, StructDef, TypeDef, TypeKind, UnionDef};

pub(super) fn diff_types(ctx: &Context<'_>, out: &mut Vec<Change>) {
    let news = types_by_name(ctx.new.api);
    let olds = types_by_name(ctx.old.api);
    for def in &ctx.old.api.types {
        let Some(now) = news.get(def.name.as_str()) else {
            change(
                out,
                "type_removed",
                (Some(def.origin.clone()), None),
                Semver::Major,
                Wire::Compatible,
                format!("Type `{}` was removed.", def.name),
            );
            continue;
        };
        diff_type(ctx, def, now, out);
    }
    for def in &ctx.new.api.types {
        if !olds.contains_key(def.name.as_str()) {
            change(
                out,
                "type_added",
                (None, Some(def.origin.clone())),
                Semver::Minor,
                Wire::Compatible,
                format!("New type `{}`.", def.name),
            );
        }
    }
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "a struct",
        TypeKind::Enum(_) => "a string enum",
        TypeKind::Union(_) => "a union",
        TypeKind::Alias(_) => "an alias",
        TypeKind::Newtype(_) => "a wrapper struct",
    }
}

fn diff_type(ctx: &Context<'_>, old: &TypeDef, new: &TypeDef, out: &mut Vec<Change>) {
    let at = (Some(old.origin.clone()), Some(new.origin.clone()));
    let name = &new.name;
    match (&old.kind, &new.kind) {
        (TypeKind::Struct(a), TypeKind::Struct(b)) => diff_struct(ctx, old, new, a, b, out),
        (TypeKind::Enum(a), TypeKind::Enum(b)) => diff_enum(ctx, old, new, a, b, out),
        (TypeKind::Union(a), TypeKind::Union(b)) => diff_union(ctx, old, new, a, b, out),
        (TypeKind::Alias(a), TypeKind::Alias(b)) | (TypeKind::Newtype(a), TypeKind::Newtype(b)) => {
            let (t0, t1) = (type_text(ctx.old.api, a), type_text(ctx.new.api, b));
            if t0 != t1 {
                change(
                    out,
                    "alias_target_changed",
                    at.clone(),
                    Semver::Major,
                    Wire::Breaking,
                    format!("`{name}` now stands for `{t1}` (was `{t0}`)."),
                );
            }
        }
        (a, b) => change(
            out,
            "type_kind_changed",
            at.clone(),
            Semver::Major,
            Wire::Breaking,
            format!("`{name}` is now {} (was {}).", kind_name(b), kind_name(a)),
        ),
    }
    if doc_differs(old.doc.as_deref(), new.doc.as_deref()) {
        change(
            out,
            "type_doc_changed",
            at,
            Semver::Patch,
            Wire::Compatible,
            format!("The documentation of `{name}` changed."),
        );
    }
}

fn field_at(def: &TypeDef, field: &Field) -> Option<String> {
    Some(child(&child(&def.origin, "properties"), &field.wire_name))
}

fn field_type(ctx_api: &crate::ir::Api, field: &Field) -> String {
    type_text(ctx_api, &field.ty)
}

fn is_required(p: Presence) -> bool {
    matches!(p, Presence::Required | Presence::RequiredNullable)
}

fn is_nullable(p: Presence) -> bool {
    matches!(p, Presence::RequiredNullable | Presence::OptionalNullable)
}

fn diff_struct(
    ctx: &Context<'_>,
    old_def: &TypeDef,
    new_def: &TypeDef,
    old: &StructDef,
    new: &StructDef,
    out: &mut Vec<Change>,
) {
    let name = &new_def.name;
    let side = ctx.direction_of(name);
    for field in &old.fields {
        let Some(now) = new.fields.iter().find(|f| f.wire_name == field.wire_name) else {
            change(
                out,
                "field_removed",
                (field_at(old_def, field), None),
                Semver::Major,
                // A deployed client that requires the property fails without it.
                Wire::breaking_if(side.response && is_required(field.presence)),
                format!("`{name}.{}` was removed.", field.name),
            );
            continue;
        };
        diff_field(ctx, side, name, (old_def, field), (new_def, now), out);
    }
    for field in &new.fields {
        if old.fields.iter().any(|f| f.wire_name == field.wire_name) {
            continue;
        }
        let at = (None, field_at(new_def, field));
        if is_required(field.presence) {
            change(
                out,
                "field_added_required",
                at,
                Semver::Major,
                Wire::breaking_if(side.request),
                format!(
                    "`{name}` has a new required field `{}`: `{name}::new` takes it.",
                    field.name
                ),
            );
        } else {
            change(
                out,
                "field_added_optional",
                at,
                Semver::Minor,
                Wire::Compatible,
                format!(
                    "`{name}` has a new optional field `{}` (`with_{}`).",
                    field.name,
                    crate::ir::names::unraw(&field.name)
                ),
            );
        }
    }
    let at = (Some(old_def.origin.clone()), Some(new_def.origin.clone()));
    match (&old.additional, &new.additional) {
        (None, Some(_)) => change(
            out,
            "additional_properties_added",
            at,
            Semver::Minor,
            Wire::Compatible,
            format!("`{name}` keeps properties it does not declare, in a new map field."),
        ),
        (Some(_), None) => change(
            out,
            "additional_properties_removed",
            at,
            Semver::Major,
            Wire::Compatible,
            format!("`{name}` no longer keeps undeclared properties: its map field was removed."),
        ),
        (Some(a), Some(b)) if type_text(ctx.old.api, a) != type_text(ctx.new.api, b) => change(
            out,
            "additional_properties_type_changed",
            at,
            Semver::Major,
            Wire::Breaking,
            format!(
                "The undeclared properties of `{name}` are now `{}` (were `{}`).",
                type_text(ctx.new.api, b),
                type_text(ctx.old.api, a)
            ),
        ),
        _ => {}
    }
}

fn diff_field(
    ctx: &Context<'_>,
    side: Direction,
    name: &str,
    (old_def, old): (&TypeDef, &Field),
    (new_def, new): (&TypeDef, &Field),
    out: &mut Vec<Change>,
) {
    let at = (field_at(old_def, old), field_at(new_def, new));
    let field = format!("`{name}.{}`", new.name);
    let mut record =
        |kind, semver, wire, message: String| change(out, kind, at.clone(), semver, wire, message);
    if old.name != new.name {
        record(
            "field_renamed",
            Semver::Major,
            Wire::Compatible,
            format!("`{name}.{}` is now `{}`.", old.name, new.name),
        );
    }
    let (p0, p1) = (old.presence, new.presence);
    if is_required(p0) != is_required(p1) {
        if is_required(p1) {
            record(
                "field_became_required",
                Semver::Major,
                Wire::breaking_if(side.request),
                format!("{field} is now required (`{name}::new` takes it)."),
            );
        } else {
            record(
                "field_became_optional",
                Semver::Major,
                Wire::breaking_if(side.response),
                format!("{field} is now optional, so it may be absent."),
            );
        }
    } else if is_nullable(p0) != is_nullable(p1) {
        if is_nullable(p1) {
            record(
                "field_became_nullable",
                Semver::Major,
                Wire::breaking_if(side.response),
                format!("{field} may now be `null`."),
            );
        } else {
            record(
                "field_became_non_nullable",
                Semver::Major,
                Wire::breaking_if(side.request),
                format!("{field} may no longer be `null`."),
            );
        }
    } else if (p0 == Presence::Defaulted) != (p1 == Presence::Defaulted) {
        if p1 == Presence::Defaulted {
            record(
                "field_default_added",
                Semver::Major,
                Wire::Compatible,
                format!("{field} has a default now: absent means the default, no longer `None`."),
            );
        } else {
            record(
                "field_default_removed",
                Semver::Major,
                Wire::Compatible,
                format!("{field} has no default any more: absent is `None`."),
            );
        }
    } else if p0 == Presence::Defaulted && old.default != new.default {
        record(
            "field_default_changed",
            Semver::Patch,
            Wire::Compatible,
            format!("The default of {field} changed."),
        );
    }
    let (t0, t1) = (field_type(ctx.old.api, old), field_type(ctx.new.api, new));
    if t0 != t1 {
        record(
            "field_type_changed",
            Semver::Major,
            Wire::Breaking,
            format!("{field} is now `{t1}` (was `{t0}`)."),
        );
    }
    if old.secret != new.secret {
        let what = if new.secret {
            "is now a `Secret`"
        } else {
            "is no longer a `Secret`"
        };
        record(
            "field_secret_changed",
            Semver::Major,
            Wire::Compatible,
            format!("{field} {what}."),
        );
    }
    if doc_differs(old.doc.as_deref(), new.doc.as_deref()) {
        record(
            "field_doc_changed",
            Semver::Patch,
            Wire::Compatible,
            format!("The documentation of {field} changed."),
        );
    }
}

fn diff_enum(
    ctx: &Context<'_>,
    old_def: &TypeDef,
    new_def: &TypeDef,
    old: &[EnumVariant],
    new: &[EnumVariant],
    out: &mut Vec<Change>,
) {
    let name = &new_def.name;
    let side = ctx.direction_of(name);
    let value_at = |def: &TypeDef, index: usize| Some(format!("{}/enum/{index}", def.origin));
    for (index, value) in old.iter().enumerate() {
        match new.iter().position(|v| v.wire_value == value.wire_value) {
            None => change(
                out,
                "enum_value_removed",
                (value_at(old_def, index), None),
                Semver::Major,
                // A deployed client may still send it.
                Wire::breaking_if(side.request),
                format!(
                    "`{name}::{}` (`{}`) was removed.",
                    value.name, value.wire_value
                ),
            ),
            Some(at) if new[at].name != value.name => change(
                out,
                "enum_variant_renamed",
                (value_at(old_def, index), value_at(new_def, at)),
                Semver::Major,
                Wire::Compatible,
                format!(
                    "`{}` is now `{name}::{}` (was `{name}::{}`).",
                    value.wire_value, new[at].name, value.name
                ),
            ),
            Some(_) => {}
        }
    }
    let open_before = ctx.enum_is_open(false, &old_def.name);
    let open_after = ctx.enum_is_open(true, name);
    for (index, value) in new.iter().enumerate() {
        if !old.iter().any(|v| v.wire_value == value.wire_value) {
            let how = if open_before {
                "deployed clients read it as the catch-all variant"
            } else {
                "only ever sent by the client"
            };
            change(
                out,
                "enum_value_added",
                (None, value_at(new_def, index)),
                Semver::Minor,
                Wire::Compatible,
                format!(
                    "New value `{name}::{}` (`{}`): {how}.",
                    value.name, value.wire_value
                ),
            );
        }
    }
    let at = (Some(old_def.origin.clone()), Some(new_def.origin.clone()));
    if open_before != open_after {
        let (kind, message) = if open_after {
            (
                "enum_became_open",
                "now comes in responses: it gains a catch-all variant and loses `Copy`",
            )
        } else {
            (
                "enum_became_closed",
                "is now only sent: its catch-all variant is gone",
            )
        };
        change(
            out,
            kind,
            at,
            Semver::Major,
            Wire::Compatible,
            format!("`{name}` {message}."),
        );
    }
}

fn diff_union(
    ctx: &Context<'_>,
    old_def: &TypeDef,
    new_def: &TypeDef,
    old: &UnionDef,
    new: &UnionDef,
    out: &mut Vec<Change>,
) {
    let name = &new_def.name;
    let side = ctx.direction_of(name);
    let at = (Some(old_def.origin.clone()), Some(new_def.origin.clone()));
    if old.tag != new.tag {
        change(
            out,
            "union_discriminator_changed",
            at.clone(),
            Semver::Major,
            Wire::Breaking,
            format!(
                "`{name}` is now chosen by {} (was {}).",
                tag_text(&new.tag),
                tag_text(&old.tag)
            ),
        );
    }
    for variant in &old.variants {
        match new.variants.iter().find(|v| v.name == variant.name) {
            None => change(
                out,
                "union_variant_removed",
                at.clone(),
                Semver::Major,
                Wire::breaking_if(side.request),
                format!("`{name}::{}` was removed.", variant.name),
            ),
            Some(now) => {
                let (t0, t1) = (
                    type_text(ctx.old.api, &variant.ty),
                    type_text(ctx.new.api, &now.ty),
                );
                if t0 != t1 || variant.tag_value != now.tag_value {
                    change(
                        out,
                        "union_variant_changed",
                        at.clone(),
                        Semver::Major,
                        Wire::Breaking,
                        format!("`{name}::{}` now holds `{t1}` (was `{t0}`).", variant.name),
                    );
                }
            }
        }
    }
    for variant in &new.variants {
        if !old.variants.iter().any(|v| v.name == variant.name) {
            change(
                out,
                "union_variant_added",
                at.clone(),
                Semver::Minor,
                // A deployed client cannot decode the new shape in a response.
                Wire::breaking_if(side.response),
                format!("`{name}` has a new variant `{}`.", variant.name),
            );
        }
    }
}

fn tag_text(tag: &Option<String>) -> String {
    match tag {
        Some(tag) => format!("the property `{tag}`"),
        None => "trying each shape".into(),
    }
}
