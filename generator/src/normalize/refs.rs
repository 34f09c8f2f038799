//! References that cannot be followed, found before the document is rewritten: local `$ref`s
//! that point at nothing, schemas that are only references in a cycle, and references to
//! other files that the bundler could not bring in (with its reason). The normalizer replaces
//! each such reference where it sits, so the warning names the pointer of the reference rather
//! than of its missing target.

use crate::error::escape_segment;
use crate::pointer::{descend, local_segments};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Longest chain of schema-to-schema references followed when looking for a cycle.
const MAX_CHAIN: usize = 64;

/// What is wrong with the references of one document.
#[derive(Debug, Default)]
pub(crate) struct RefCheck {
    /// Local references that point at nothing, with the reason.
    dangling: BTreeMap<String, String>,
    /// Pointers of nodes that are only a reference, in a cycle of such nodes.
    cycle_members: BTreeSet<String>,
    /// References to other files that were not bundled, with the reason.
    external: BTreeMap<String, String>,
}

impl RefCheck {
    /// Scans every `$ref` of the document.
    pub(crate) fn new(doc: &Value, external: BTreeMap<String, String>) -> Self {
        let mut check = RefCheck {
            external,
            ..RefCheck::default()
        };
        for reference in all_refs(doc) {
            if !reference.starts_with('#') {
                continue;
            }
            if reference != "#" && !reference.starts_with("#/") {
                check.dangling.insert(
                    reference.clone(),
                    format!("reference `{reference}` names an anchor, not a JSON pointer; anchors are not supported"),
                );
                continue;
            }
            if lookup(doc, &reference).is_none() {
                check.dangling.insert(
                    reference.clone(),
                    format!("reference `{reference}` points at nothing"),
                );
                continue;
            }
            check.find_cycle(doc, &reference);
        }
        check
    }

    /// Why the reference cannot be followed, if it cannot.
    pub(crate) fn problem(&self, reference: &str) -> Option<String> {
        if let Some(reason) = self.dangling.get(reference) {
            return Some(reason.clone());
        }
        if reference.starts_with('#') {
            return None;
        }
        Some(self.external.get(reference).cloned().unwrap_or_else(|| {
            format!("reference `{reference}` points outside this document and was not read")
        }))
    }

    /// Whether the node at `pointer` is a reference that only leads back to itself.
    pub(crate) fn in_cycle(&self, pointer: &str) -> bool {
        self.cycle_members.contains(pointer)
    }

    fn find_cycle(&mut self, doc: &Value, start: &str) {
        let mut chain: Vec<String> = Vec::new();
        let mut current = start.to_string();
        while chain.len() < MAX_CHAIN {
            let Some(pointer) = canonical_pointer(&current) else {
                return;
            };
            if let Some(position) = chain.iter().position(|p| *p == pointer) {
                self.cycle_members.extend(chain.drain(position..));
                return;
            }
            let next = match lookup(doc, &current) {
                Some(Value::Object(map)) => match map.get("$ref") {
                    Some(Value::String(next)) if next.starts_with('#') => next.clone(),
                    _ => return,
                },
                _ => return,
            };
            chain.push(pointer);
            current = next;
        }
    }
}

/// The node a local reference points at.
pub(crate) fn lookup<'d>(doc: &'d Value, reference: &str) -> Option<&'d Value> {
    descend(doc, &local_segments(reference).ok()?)
}

/// A local reference written the way the normalizer writes pointers (decoded, then escaped).
fn canonical_pointer(reference: &str) -> Option<String> {
    let segments = local_segments(reference).ok()?;
    let mut pointer = "#".to_string();
    for segment in segments {
        pointer.push('/');
        pointer.push_str(&escape_segment(&segment));
    }
    Some(pointer)
}

/// Every distinct `$ref` string in the document, found with an explicit stack.
pub(crate) fn all_refs(doc: &Value) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    let mut stack = vec![doc];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    refs.insert(reference.clone());
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    refs
}
