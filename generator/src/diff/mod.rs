//! What a change of spec does to the users of the generated crate: the lowered IRs of the old
//! and the new document compared item by item (operations, parameters, bodies, responses,
//! types, enum values, security, servers), each change classified twice:
//!
//! - **wire**: whether a client already deployed, built from the old document, can fail
//!   against the new API;
//! - **semver**: what the change does to code that depends on the generated crate, given the
//!   shape the generator emits (`#[non_exhaustive]` structs and enums, `new` + `with_`,
//!   catch-all variants in the enums a response can carry).
//!
//! A pure function of the two IRs (and the documents, for JSON pointers the IR does not
//! keep); the changes come out in a deterministic order.

mod api_level;
mod classify;
mod operations;
mod pointers;
mod text;
mod types;

pub use text::{changelog_entry, render_text};

use crate::ir::Api;
use crate::Error;
use serde::Serialize;
use serde_json::Value;

/// What a change means for code that depends on the generated crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Semver {
    /// Nothing a user can see.
    None,
    /// Documentation, or behaviour with the same API (a default, a path, a header).
    Patch,
    /// Additions: existing code still compiles and means the same.
    Minor,
    /// Existing code may stop compiling or change meaning.
    Major,
}

impl Semver {
    /// The lower-case name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Semver::None => "none",
            Semver::Patch => "patch",
            Semver::Minor => "minor",
            Semver::Major => "major",
        }
    }
}

/// One change users can see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What changed, as a stable snake-case name (`field_added_optional`).
    pub kind: &'static str,
    /// JSON pointer of the construct in the old document, when it exists there.
    pub old_pointer: Option<String>,
    /// JSON pointer of the construct in the new document, when it exists there.
    pub new_pointer: Option<String>,
    /// The change's weight for the generated crate.
    pub semver: Semver,
    /// Whether a client built from the old document can fail against the new API.
    pub wire_breaking: bool,
    /// One sentence for a user of the crate.
    pub message: String,
}

/// The comparison of two documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffReport {
    /// The heaviest change's weight (`none` without changes).
    pub semver: Semver,
    /// Whether any change is breaking on the wire.
    pub wire_breaking: bool,
    /// Every change, in document order: API-level, then operations, then types.
    pub changes: Vec<Change>,
}

impl DiffReport {
    fn from_changes(changes: Vec<Change>) -> Self {
        DiffReport {
            semver: changes
                .iter()
                .map(|c| c.semver)
                .max()
                .unwrap_or(Semver::None),
            wire_breaking: changes.iter().any(|c| c.wire_breaking),
            changes,
        }
    }

    /// The report as JSON (`{"semver", "wire_breaking", "changes": [..]}`).
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// One side of the comparison: the lowered API and the document it came from (for pointers).
pub struct Side<'a> {
    /// The lowered API.
    pub api: &'a Api,
    /// The document as loaded (before normalization), whose pointers the report names.
    pub document: &'a Value,
}

/// Compares two lowered APIs.
pub fn diff(old: Side<'_>, new: Side<'_>) -> DiffReport {
    let ctx = classify::Context::new(&old, &new);
    let mut changes = Vec::new();
    api_level::diff_api(&ctx, &mut changes);
    operations::diff_operations(&ctx, &mut changes);
    types::diff_types(&ctx, &mut changes);
    DiffReport::from_changes(changes)
}

/// Loads, lowers and compares two documents (YAML or JSON). References to other files are not
/// followed, as with [`crate::generate`].
pub fn diff_specs(old: &[u8], new: &[u8]) -> Result<DiffReport, Error> {
    crate::threads::with_deep_stack(|| {
        let (old_api, _, _) = crate::lower_to_ir(old)?;
        let (new_api, _, _) = crate::lower_to_ir(new)?;
        let old_doc = crate::load::load_with_diagnostics(old, &mut Default::default())?;
        let new_doc = crate::load::load_with_diagnostics(new, &mut Default::default())?;
        Ok(diff(
            Side {
                api: &old_api,
                document: &old_doc,
            },
            Side {
                api: &new_api,
                document: &new_doc,
            },
        ))
    })
}

/// The version after `current` for a change of weight `semver`, by Cargo's rules for `0.x`:
/// below 1.0 the minor number is the breaking one and the patch number takes additions.
/// `None` when the version does not parse as `MAJOR.MINOR.PATCH`.
pub fn next_version(current: &str, semver: Semver) -> Option<String> {
    let core = current.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let (major, minor, patch) = (parts.next()??, parts.next()??, parts.next()??);
    if parts.next().is_some() {
        return None;
    }
    let (major, minor, patch) = match (semver, major) {
        (Semver::None, _) => return Some(current.to_string()),
        (Semver::Major, 0) => (0, minor + 1, 0),
        (Semver::Major, _) => (major + 1, 0, 0),
        (Semver::Minor, 0) => (0, minor, patch + 1),
        (Semver::Minor, _) => (major, minor + 1, 0),
        (Semver::Patch, _) => (major, minor, patch + 1),
    };
    Some(format!("{major}.{minor}.{patch}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_cargo_rules_below_and_above_one() {
        assert_eq!(
            next_version("0.1.0", Semver::Major).as_deref(),
            Some("0.2.0")
        );
        assert_eq!(
            next_version("0.1.3", Semver::Minor).as_deref(),
            Some("0.1.4")
        );
        assert_eq!(
            next_version("0.1.3", Semver::Patch).as_deref(),
            Some("0.1.4")
        );
        assert_eq!(
            next_version("1.4.2", Semver::Major).as_deref(),
            Some("2.0.0")
        );
        assert_eq!(
            next_version("1.4.2", Semver::Minor).as_deref(),
            Some("1.5.0")
        );
        assert_eq!(
            next_version("1.4.2", Semver::Patch).as_deref(),
            Some("1.4.3")
        );
        assert_eq!(
            next_version("1.4.2", Semver::None).as_deref(),
            Some("1.4.2")
        );
        assert_eq!(
            next_version("1.4.2-rc.1", Semver::Patch).as_deref(),
            Some("1.4.3")
        );
        assert_eq!(next_version("1.4", Semver::Patch), None);
    }
}
