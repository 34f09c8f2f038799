//! Whether a spec's example reply fits the generated type it must decode into: a spec's
//! example can be wrong (a string where the schema says integer, a required property left
//! out), and a mock's example reply must still be a value of its type. Checked here, at
//! generation time, so that an example that does not fit is never emitted; what only
//! decoding can tell (a timestamp's calendar, a union's choice) is left to the runtime's
//! `example_or`, which falls back to the constructor-built value.

use crate::ir::{Api, Presence, Prim, TypeKind, TypeRef};
use serde_json::Value;

/// How deep a check follows a value before it gives up (and calls it a misfit).
const MAX_DEPTH: usize = 32;

/// Whether `value` decodes as `ty`.
pub(super) fn fits(api: &Api, ty: &TypeRef, value: &Value) -> bool {
    fits_at(api, ty, value, 0)
}

fn fits_at(api: &Api, ty: &TypeRef, value: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match ty {
        TypeRef::Prim(prim) => prim_fits(*prim, value),
        TypeRef::Vec(item) => value.as_array().is_some_and(|items| {
            items
                .iter()
                .all(|value| fits_at(api, item, value, depth + 1))
        }),
        TypeRef::Map(item) => value.as_object().is_some_and(|entries| {
            entries
                .values()
                .all(|value| fits_at(api, item, value, depth + 1))
        }),
        TypeRef::Option(inner) => value.is_null() || fits_at(api, inner, value, depth + 1),
        TypeRef::Box(inner) | TypeRef::Secret(inner) => fits_at(api, inner, value, depth + 1),
        TypeRef::Json => true,
        TypeRef::Named(id) => {
            let Some(def) = api.types.get(id.0) else {
                return false;
            };
            match &def.kind {
                TypeKind::Struct(s) => {
                    let Some(object) = value.as_object() else {
                        return false;
                    };
                    let fields_fit = s.fields.iter().all(|field| {
                        match (object.get(&field.wire_name), field.presence) {
                            (None, Presence::Required) => false,
                            (None, _) => true,
                            (Some(Value::Null), Presence::Required | Presence::Defaulted) => false,
                            (Some(Value::Null), _) => true,
                            (Some(value), _) => fits_at(api, &field.ty, value, depth + 1),
                        }
                    });
                    // Properties the struct does not name go to its map of the others, when
                    // it has one; otherwise decoding drops them.
                    let others_fit = s.additional.as_ref().is_none_or(|other| {
                        object
                            .iter()
                            .filter(|(name, _)| !s.fields.iter().any(|f| &f.wire_name == *name))
                            .all(|(_, value)| fits_at(api, other, value, depth + 1))
                    });
                    fields_fit && others_fit
                }
                // A value the spec does not list would decode into the catch-all variant,
                // but an example is meant to show a listed one.
                TypeKind::Enum(variants) => value
                    .as_str()
                    .is_some_and(|text| variants.iter().any(|v| v.wire_value == text)),
                TypeKind::Union(union) => union
                    .variants
                    .iter()
                    .any(|variant| fits_at(api, &variant.ty, value, depth + 1)),
                TypeKind::Alias(inner) | TypeKind::Newtype(inner) => {
                    fits_at(api, inner, value, depth + 1)
                }
            }
        }
    }
}

fn prim_fits(prim: Prim, value: &Value) -> bool {
    match prim {
        Prim::String => value.is_string(),
        Prim::Bool => value.is_boolean(),
        Prim::I32 => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Prim::I64 => value.as_i64().is_some(),
        Prim::U64 => value.as_u64().is_some(),
        Prim::F32 | Prim::F64 => value.is_number(),
        Prim::Uuid => value.as_str().is_some_and(is_uuid),
        Prim::DateTime => value.as_str().is_some_and(is_date_time),
        Prim::Date => value.as_str().is_some_and(is_date),
        // Raw bytes decode from a JSON list of numbers.
        Prim::Bytes => value
            .as_array()
            .is_some_and(|items| items.iter().all(|n| n.as_u64().is_some_and(|n| n <= 255))),
        Prim::Unit => value.is_null(),
    }
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(group, len)| group.len() == len && group.chars().all(|c| c.is_ascii_hexdigit()))
}

/// `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(at, b)| match at {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// RFC 3339: a date, `T`, `HH:MM:SS`, an optional fraction, and `Z` or an offset.
fn is_date_time(text: &str) -> bool {
    let Some((date, rest)) = text.split_at_checked(10) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(['T', 't']) else {
        return false;
    };
    let Some((time, zone)) = rest.split_at_checked(8) else {
        return false;
    };
    let time_ok = time.bytes().enumerate().all(|(at, b)| match at {
        2 | 5 => b == b':',
        _ => b.is_ascii_digit(),
    });
    let zone = match zone.strip_prefix('.') {
        Some(fraction) => fraction.trim_start_matches(|c: char| c.is_ascii_digit()),
        None => zone,
    };
    let offset = zone.as_bytes();
    let zone_ok = matches!(zone, "Z" | "z")
        || (offset.len() == 6
            && matches!(offset[0], b'+' | b'-')
            && offset[3] == b':'
            && [1, 2, 4, 5].iter().all(|at| offset[*at].is_ascii_digit()));
    is_date(date) && time_ok && zone_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_dates_and_uuids_are_told_apart() {
        assert!(is_date_time("2024-01-01T00:00:00Z"));
        assert!(is_date_time("2024-01-01T00:00:00.123+02:00"));
        assert!(!is_date_time("2024-01-01"));
        assert!(!is_date_time("yesterday"));
        assert!(is_date("2024-01-01"));
        assert!(!is_date("2024-1-1"));
        assert!(is_uuid("00000000-0000-0000-0000-000000000000"));
        assert!(!is_uuid("0000"));
    }
}
