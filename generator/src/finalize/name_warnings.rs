//! Warnings for names the spec gave that could not be kept: a name with no ASCII letter or digit
//! (an identifier was derived) and a name that, once sanitized, collided with another in its
//! scope (a numeric suffix was added). Reads the finished IR and changes nothing; names the
//! generator derived itself are adjusted silently.

use crate::error::{join, Diagnostics};
use crate::ir::names::{field_name, type_name, variant_name};
use crate::ir::{Api, TypeKind};
use crate::lower::ARGUMENT_RESERVED;
use std::collections::BTreeMap;

/// A spec name, the sanitizer that made an identifier of it, and the identifier generated.
struct Spelled<'a> {
    wire: &'a str,
    sanitize: fn(&str, &str) -> String,
    /// What the sanitizer falls back to when nothing identifier-like is left.
    fallback: &'static str,
    generated: &'a str,
}

/// Adds one warning per spec name that the generated code spells differently than the
/// sanitizer alone would.
pub(crate) fn warn_renamed(api: &Api, diagnostics: &mut Diagnostics) {
    for def in &api.types {
        if let Some(wire) = &def.wire_name {
            let spelled = Spelled {
                wire,
                sanitize: type_name,
                fallback: "Type",
                generated: &def.name,
            };
            check(diagnostics, spelled, || def.origin.clone(), "schema name");
        }
        match &def.kind {
            TypeKind::Struct(s) => {
                for field in &s.fields {
                    let spelled = Spelled {
                        wire: &field.wire_name,
                        sanitize: field_name,
                        fallback: "field",
                        generated: &field.name,
                    };
                    let pointer = || join(&join(&def.origin, "properties"), &field.wire_name);
                    check(diagnostics, spelled, pointer, "property name");
                }
            }
            TypeKind::Enum(variants) => {
                for variant in variants.iter().filter(|v| !v.wire_value.is_empty()) {
                    let spelled = Spelled {
                        wire: &variant.wire_value,
                        sanitize: variant_name,
                        fallback: "Value",
                        generated: &variant.name,
                    };
                    check(
                        diagnostics,
                        spelled,
                        || join(&def.origin, "enum"),
                        "enum value",
                    );
                }
            }
            _ => {}
        }
    }
    let mut uses_of_id: BTreeMap<&str, usize> = BTreeMap::new();
    for id in api.operations.iter().filter_map(|o| o.wire_id.as_deref()) {
        *uses_of_id.entry(id).or_default() += 1;
    }
    for operation in &api.operations {
        // Repeated operationIds are reported where they are lowered.
        if let Some(id) = operation
            .wire_id
            .as_deref()
            .filter(|id| uses_of_id.get(id) == Some(&1))
        {
            let spelled = Spelled {
                wire: id,
                sanitize: field_name,
                fallback: "op",
                generated: &operation.name,
            };
            let pointer = || join(&operation.origin, "operationId");
            check(diagnostics, spelled, pointer, "operationId");
        }
        for param in &operation.params {
            let pointer = || join(&operation.origin, "parameters");
            if param.name != param.wire_name {
                let sanitized = field_name(&param.wire_name, "param");
                if ARGUMENT_RESERVED.contains(&sanitized.as_str()) {
                    diagnostics.warn(
                        &pointer(),
                        format!("parameter name `{}` is taken by the generated method's own arguments and locals; it is generated as `{}`", param.wire_name, param.name),
                    );
                    continue;
                }
            }
            let spelled = Spelled {
                wire: &param.wire_name,
                sanitize: field_name,
                fallback: "param",
                generated: &param.name,
            };
            check(diagnostics, spelled, pointer, "parameter name");
        }
    }
}

/// Warns when `spelled` was not kept; the pointer is built only then (nearly every name is).
fn check(
    diagnostics: &mut Diagnostics,
    spelled: Spelled,
    pointer: impl FnOnce() -> String,
    what: &str,
) {
    let Spelled {
        wire,
        sanitize,
        fallback,
        generated,
    } = spelled;
    let sanitized = sanitize(wire, fallback);
    // Nothing identifier-like is left only where the sanitizer fell back, so the second
    // sanitizing waits for that case.
    let nothing_left = sanitized == sanitize("", fallback) && sanitize(wire, "").is_empty();
    if nothing_left {
        diagnostics.warn(
            &pointer(),
            format!("{what} `{wire}` has no ASCII letter or digit to make a Rust name of; it is generated as `{generated}`"),
        );
    } else if sanitized != generated {
        diagnostics.warn(
            &pointer(),
            format!("{what} `{wire}` collides with another name in its scope once sanitized (both are `{sanitized}`); it is generated as `{generated}`"),
        );
    }
}
