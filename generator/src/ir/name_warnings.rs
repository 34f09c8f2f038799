//! Warnings for names the spec gave that could not be kept: a name with no ASCII letter or digit
//! (an identifier was derived) and a name that, once sanitized, collided with another in its
//! scope (a numeric suffix was added). Reads the finished IR and changes nothing; names the
//! generator derived itself are adjusted silently.

use super::names::{field_name, type_name};
use super::{Api, TypeKind};
use crate::error::{join, Diagnostics};

/// Adds one warning per spec name that the generated code spells differently than the
/// sanitizer alone would.
pub(crate) fn warn_renamed(api: &Api, diagnostics: &mut Diagnostics) {
    for def in &api.types {
        if let Some(wire) = &def.wire_name {
            let base = type_name(wire, "Type");
            check(
                diagnostics,
                &def.origin,
                &format!("schema name `{wire}`"),
                type_name(wire, "").is_empty(),
                &base,
                &def.name,
            );
        }
        match &def.kind {
            TypeKind::Struct(s) => {
                let properties = join(&def.origin, "properties");
                for field in &s.fields {
                    check(
                        diagnostics,
                        &join(&properties, &field.wire_name),
                        &format!("property name `{}`", field.wire_name),
                        field_name(&field.wire_name, "").is_empty(),
                        &field_name(&field.wire_name, "field"),
                        &field.name,
                    );
                }
            }
            TypeKind::Enum(variants) => {
                let pointer = join(&def.origin, "enum");
                for variant in variants.iter().filter(|v| !v.wire_value.is_empty()) {
                    check(
                        diagnostics,
                        &pointer,
                        &format!("enum value `{}`", variant.wire_value),
                        type_name(&variant.wire_value, "").is_empty(),
                        &type_name(&variant.wire_value, "Value"),
                        &variant.name,
                    );
                }
            }
            _ => {}
        }
    }
    for operation in &api.operations {
        if let Some(id) = &operation.wire_id {
            // Repeated operationIds are reported where they are lowered.
            let repeated = api
                .operations
                .iter()
                .filter(|o| o.wire_id.as_ref() == Some(id))
                .count()
                > 1;
            if !repeated {
                check(
                    diagnostics,
                    &join(&operation.origin, "operationId"),
                    &format!("operationId `{id}`"),
                    field_name(id, "").is_empty(),
                    &field_name(id, "op"),
                    &operation.name,
                );
            }
        }
        for param in &operation.params {
            check(
                diagnostics,
                &join(&operation.origin, "parameters"),
                &format!("parameter name `{}`", param.wire_name),
                field_name(&param.wire_name, "").is_empty(),
                &field_name(&param.wire_name, "param"),
                &param.name,
            );
        }
    }
}

fn check(
    diagnostics: &mut Diagnostics,
    pointer: &str,
    what: &str,
    nothing_left: bool,
    sanitized: &str,
    generated: &str,
) {
    if nothing_left {
        diagnostics.warn(
            pointer,
            format!("{what} has no ASCII letter or digit to make a Rust name of; it is generated as `{generated}`"),
        );
    } else if sanitized != generated {
        diagnostics.warn(
            pointer,
            format!("{what} collides with another name in its scope once sanitized (both are `{sanitized}`); it is generated as `{generated}`"),
        );
    }
}
