//! What the comparison needs from both sides: the directions of types, type names as a user
//! reads them, and a short way to record a change.

use super::{Change, Semver, Side};
use crate::ir::direction::{directions, Direction};
use crate::ir::{Api, Prim, TypeDef, TypeRef};
use std::collections::BTreeMap;

/// Both sides, with what is derived from each once.
pub(super) struct Context<'a> {
    pub old: &'a Side<'a>,
    pub new: &'a Side<'a>,
    old_directions: Vec<Direction>,
    new_directions: Vec<Direction>,
}

/// Whether a change on the wire is breaking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wire {
    Breaking,
    Compatible,
}

impl Wire {
    /// Breaking when `condition` holds.
    pub fn breaking_if(condition: bool) -> Self {
        if condition {
            Wire::Breaking
        } else {
            Wire::Compatible
        }
    }
}

impl<'a> Context<'a> {
    pub fn new(old: &'a Side<'a>, new: &'a Side<'a>) -> Self {
        Context {
            old,
            new,
            old_directions: directions(old.api),
            new_directions: directions(new.api),
        }
    }

    /// The directions a type named `name` travels in on either side (a change to it matters
    /// on the wire when either side sends or receives it).
    pub fn direction_of(&self, name: &str) -> Direction {
        let find = |api: &Api, dirs: &[Direction]| {
            api.types
                .iter()
                .position(|d| d.name == name)
                .and_then(|i| dirs.get(i).copied())
                .unwrap_or_default()
        };
        let old = find(self.old.api, &self.old_directions);
        let new = find(self.new.api, &self.new_directions);
        Direction {
            request: old.request || new.request,
            response: old.response || new.response,
        }
    }

    /// Whether a string enum decodes unlisted values, on the old or the new side.
    pub fn enum_is_open(&self, api_is_new: bool, name: &str) -> bool {
        let (api, dirs) = if api_is_new {
            (self.new.api, &self.new_directions)
        } else {
            (self.old.api, &self.old_directions)
        };
        api.types
            .iter()
            .position(|d| d.name == name)
            .and_then(|i| dirs.get(i))
            .is_some_and(|d| d.is_open())
    }
}

/// Records one change.
pub(super) fn change(
    out: &mut Vec<Change>,
    kind: &'static str,
    pointers: (Option<String>, Option<String>),
    semver: Semver,
    wire: Wire,
    message: String,
) {
    out.push(Change {
        kind,
        old_pointer: pointers.0,
        new_pointer: pointers.1,
        semver,
        wire_breaking: wire == Wire::Breaking,
        message,
    });
}

/// A type as a user of the crate reads it (`Vec<Pet>`, `Option<String>`).
pub(super) fn type_text(api: &Api, ty: &TypeRef) -> String {
    match ty {
        TypeRef::Named(id) => api
            .types
            .get(id.0)
            .map_or_else(|| "serde_json::Value".to_string(), |d| d.name.clone()),
        TypeRef::Prim(prim) => prim_text(*prim).to_string(),
        TypeRef::Vec(inner) => format!("Vec<{}>", type_text(api, inner)),
        TypeRef::Map(inner) => format!("BTreeMap<String, {}>", type_text(api, inner)),
        TypeRef::Option(inner) => format!("Option<{}>", type_text(api, inner)),
        TypeRef::Box(inner) => format!("Box<{}>", type_text(api, inner)),
        TypeRef::Secret(inner) => format!("Secret<{}>", type_text(api, inner)),
        TypeRef::Json => "serde_json::Value".to_string(),
    }
}

fn prim_text(prim: Prim) -> &'static str {
    match prim {
        Prim::String => "String",
        Prim::Bool => "bool",
        Prim::I32 => "i32",
        Prim::I64 => "i64",
        Prim::U64 => "u64",
        Prim::F32 => "f32",
        Prim::F64 => "f64",
        Prim::Uuid => "Uuid",
        Prim::DateTime => "DateTime<Utc>",
        Prim::Date => "NaiveDate",
        Prim::Bytes => "Vec<u8>",
        Prim::Unit => "()",
    }
}

/// Named types by Rust name.
pub(super) fn types_by_name(api: &Api) -> BTreeMap<&str, &TypeDef> {
    api.types.iter().map(|d| (d.name.as_str(), d)).collect()
}

/// A pointer one level below `base`, with the segment escaped.
pub(super) fn child(base: &str, segment: &str) -> String {
    crate::error::join(base, segment)
}

/// Whether two optional docs differ in words (whitespace aside).
pub(super) fn doc_differs(old: Option<&str>, new: Option<&str>) -> bool {
    let words = |d: Option<&str>| -> Vec<String> {
        d.unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    words(old) != words(new)
}
