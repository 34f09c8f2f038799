//! Stage 2: references to other files (`$ref: pet.yaml#/components/schemas/Pet`), bundled
//! into the one document before it is normalized. Each referenced component is copied under
//! this document's `components` as `<file stem>_<name>` and the reference is rewritten to
//! point at the copy; a path item is copied in place. Files are read through a
//! [`FileSource`], so the generator itself never touches the file system or the network:
//! paths are resolved relative to the referencing file, must stay inside the spec's folder,
//! and remote URLs are never fetched. A reference that cannot be bundled is left as written,
//! with the reason recorded for the normalizer, which replaces it with a sound fallback and a
//! warning at its pointer.

use crate::error::{escape_segment, join};
use crate::openapi::ComponentKind;
use crate::pointer::local_segments;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Reads the files a spec refers to with `$ref`. (`Sync`: generation runs on a thread of its
/// own, with a stack deep enough for any accepted document.)
pub trait FileSource: Sync {
    /// The bytes of a file. `path` is relative to the spec's folder, `/`-separated and already
    /// normalized: never absolute, never with a `.` or `..` segment. An implementation that
    /// reads a real folder should still refuse paths that resolve outside it (symbolic links).
    fn read(&self, path: &str) -> Result<Vec<u8>, String>;

    /// The spec's own path relative to its folder, when known, so that a reference back into
    /// the spec (`../openapi.yaml#/components/schemas/Error`) stays a local reference.
    fn spec_path(&self) -> Option<String> {
        None
    }
}

/// Reads no file: every reference to another file is reported and falls back.
pub struct NoFiles;

impl FileSource for NoFiles {
    fn read(&self, _path: &str) -> Result<Vec<u8>, String> {
        Err("files beside the spec are not read here (use `generate_with_files`)".into())
    }
}

/// Files held in memory, by path relative to the spec's folder.
impl FileSource for BTreeMap<String, Vec<u8>> {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        self.get(path)
            .cloned()
            .ok_or_else(|| "no such file".to_string())
    }
}

impl<F: Fn(&str) -> Result<Vec<u8>, String> + Sync> FileSource for F {
    fn read(&self, path: &str) -> Result<Vec<u8>, String> {
        self(path)
    }
}

/// Components copied from other files, at most; a document that needs more is refused piece by
/// piece (each further reference falls back), so a hostile set of files cannot grow forever.
const MAX_BUNDLED: usize = 20_000;

/// Keys whose values are data, not document structure; references inside are not followed.
/// Under a mapping of names (`properties`, `responses`...) every key is a name, never data.
fn is_free_form(key: &str, parent: Option<&String>) -> bool {
    let names = [
        "properties",
        "patternProperties",
        "definitions",
        "$defs",
        "dependentSchemas",
        "responses",
    ];
    if parent.is_some_and(|p| names.contains(&p.as_str())) {
        return false;
    }
    matches!(key, "example" | "examples" | "default" | "enum" | "const") || key.starts_with("x-")
}

/// A node in some file: the file's path (empty for the spec itself) and a decoded pointer.
type Target = (String, Vec<String>);

struct Bundler<'f> {
    files: &'f dyn FileSource,
    spec_path: Option<String>,
    /// Parsed files, or why they could not be read.
    loaded: BTreeMap<String, Result<Value, String>>,
    /// Where each bundled target now lives, as a local reference.
    placed: BTreeMap<Target, String>,
    /// Names taken in each component kind.
    taken: BTreeMap<String, BTreeSet<String>>,
    /// Targets still to copy: target, kind, name.
    queue: Vec<(Target, String, String)>,
    /// Copies made, to be inserted under `components`.
    copies: Vec<(String, String, Value)>,
    /// Why each reference left as written could not be bundled.
    failures: BTreeMap<String, String>,
}

/// Bundles every reference to another file into `doc`; returns, for each reference that could
/// not be bundled (as it is now written in the document), the reason.
pub(crate) fn bundle(doc: &mut Value, files: &dyn FileSource) -> BTreeMap<String, String> {
    if !has_external_refs(doc) {
        return BTreeMap::new();
    }
    let mut taken = BTreeMap::new();
    if let Some(Value::Object(components)) = doc.get("components") {
        for (kind, entries) in components {
            if let Value::Object(entries) = entries {
                taken.insert(kind.clone(), entries.keys().cloned().collect());
            }
        }
    }
    let mut bundler = Bundler {
        files,
        spec_path: files.spec_path(),
        loaded: BTreeMap::new(),
        placed: BTreeMap::new(),
        taken,
        queue: Vec::new(),
        copies: Vec::new(),
        failures: BTreeMap::new(),
    };
    bundler.visit(doc, "", &mut vec![]);
    while let Some(((file, pointer), kind, name)) = bundler.queue.pop() {
        let Some(mut copy) = bundler.node(&file, &pointer).cloned() else {
            continue;
        };
        let mut at = vec!["components".to_string(), kind.clone(), name.clone()];
        bundler.visit(&mut copy, &file, &mut at);
        bundler.copies.push((kind, name, copy));
    }
    bundler.insert_copies(doc);
    bundler.failures
}

fn has_external_refs(doc: &Value) -> bool {
    let mut stack = vec![doc];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                if matches!(map.get("$ref"), Some(Value::String(r)) if !r.starts_with('#')) {
                    return true;
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}

impl Bundler<'_> {
    /// Rewrites the references in `node`, which comes from `file`; `at` is the node's position
    /// in the bundled document (decoded segments), used to tell what kind of object a
    /// reference stands for.
    fn visit(&mut self, node: &mut Value, file: &str, at: &mut Vec<String>) {
        match node {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref") {
                    let reference = reference.clone();
                    if let Some(inlined) = self.reference(map, &reference, file, at) {
                        *node = inlined;
                        // The copied path item's own references are relative to its file.
                        return;
                    }
                }
                let Value::Object(map) = node else { return };
                let parent = at.last().cloned();
                for (key, child) in map.iter_mut() {
                    if is_free_form(key, parent.as_ref()) || key == "$ref" {
                        continue;
                    }
                    at.push(key.clone());
                    self.visit(child, file, at);
                    at.pop();
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    at.push(index.to_string());
                    self.visit(item, file, at);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    /// Handles one `$ref`: rewrites it in `map`, or returns a path item to put in its place.
    fn reference(
        &mut self,
        map: &mut Map<String, Value>,
        reference: &str,
        file: &str,
        at: &[String],
    ) -> Option<Value> {
        if file.is_empty() && reference.starts_with('#') {
            return None;
        }
        let target = match self.target(reference, file) {
            Ok(target) => target,
            Err(reason) => {
                self.fail(map, reference, file, reason);
                return None;
            }
        };
        if target.0.is_empty() {
            // A reference back into the spec itself.
            map.insert("$ref".into(), Value::String(local_ref(&target.1)));
            return None;
        }
        if let Err(reason) = self.load(&target.0) {
            self.fail(map, reference, file, reason);
            return None;
        }
        if self.node(&target.0, &target.1).is_none() {
            let reason = format!("`{}` points at nothing", display(&target));
            self.fail(map, reference, file, reason);
            return None;
        }
        if is_path_item_position(at) {
            return self.inline_path_item(&target, at);
        }
        if let Some(local) = self.placed.get(&target) {
            map.insert("$ref".into(), Value::String(local.clone()));
            return None;
        }
        if self.placed.len() >= MAX_BUNDLED {
            let reason = format!("more than {MAX_BUNDLED} components come from other files");
            self.fail(map, reference, file, reason);
            return None;
        }
        let kind = kind_for(&target.1, at);
        let name = self.claim(&kind, &target);
        let local = format!(
            "#/components/{}/{}",
            escape_segment(&kind),
            escape_segment(&name)
        );
        self.placed.insert(target.clone(), local.clone());
        self.queue.push((target, kind, name));
        map.insert("$ref".into(), Value::String(local));
        None
    }

    /// A path item from another file, copied in place with its references rewritten. A path
    /// item that is only a reference to another one is followed for a few hops, so two files
    /// that point at each other cannot loop.
    fn inline_path_item(&mut self, target: &Target, at: &[String]) -> Option<Value> {
        let mut current = target.clone();
        let mut copy = self.node(&current.0, &current.1)?.clone();
        for _ in 0..8 {
            let Some(Value::String(next)) = copy.get("$ref").cloned() else {
                break;
            };
            let Ok(next_target) = self.target(&next, &current.0) else {
                break;
            };
            if next_target.0.is_empty() || self.load(&next_target.0).is_err() {
                break;
            }
            let Some(found) = self.node(&next_target.0, &next_target.1).cloned() else {
                break;
            };
            copy = found;
            current = next_target;
        }
        if let Value::Object(map) = &mut copy {
            if let Some(Value::String(left)) = map.get("$ref").cloned() {
                let reason = format!("the path item `{left}` could not be followed to a path item");
                self.fail(map, &left, &current.0, reason);
            }
        }
        let mut at = at.to_vec();
        self.visit_children(&mut copy, &current.0, &mut at);
        Some(copy)
    }

    /// Visits the children of a copied node (the node's own `$ref` was already handled).
    fn visit_children(&mut self, node: &mut Value, file: &str, at: &mut Vec<String>) {
        if let Value::Object(map) = node {
            let parent = at.last().cloned();
            for (key, child) in map.iter_mut() {
                if is_free_form(key, parent.as_ref()) || key == "$ref" {
                    continue;
                }
                at.push(key.clone());
                self.visit(child, file, at);
                at.pop();
            }
        }
    }

    /// Records why a reference was not bundled. A reference inside a copied file is rewritten
    /// relative to the spec's folder, so that the reason is found again under the same text.
    fn fail(&mut self, map: &mut Map<String, Value>, reference: &str, file: &str, reason: String) {
        let written = if file.is_empty() {
            reference.to_string()
        } else {
            let rebased = match split_reference(reference) {
                ("", fragment) => format!("{file}#{fragment}"),
                (path, fragment) => match resolve_path(directory_of(file), path) {
                    Ok(path) if fragment.is_empty() => path,
                    Ok(path) => format!("{path}#{fragment}"),
                    Err(_) => reference.to_string(),
                },
            };
            map.insert("$ref".into(), Value::String(rebased.clone()));
            rebased
        };
        self.failures.insert(written, reason);
    }

    /// The file and pointer a reference written in `file` points at.
    fn target(&self, reference: &str, file: &str) -> Result<Target, String> {
        let (path, fragment) = split_reference(reference);
        if !fragment.is_empty() && !fragment.starts_with('/') {
            return Err(format!(
                "`{reference}` names an anchor, not a JSON pointer; anchors are not supported"
            ));
        }
        let pointer = local_segments(&format!("#{fragment}"))
            .map_err(|_| format!("`{reference}` has a malformed fragment"))?;
        if path.is_empty() {
            return Ok((file.to_string(), pointer));
        }
        if has_scheme(path) || path.starts_with("//") {
            return Err(format!(
                "`{reference}` is a remote reference, which is never fetched"
            ));
        }
        if path.starts_with('/') || path.starts_with('\\') {
            return Err(format!(
                "`{reference}` is an absolute path; only paths relative to the spec are followed"
            ));
        }
        let resolved = resolve_path(directory_of(file), path)
            .map_err(|()| format!("`{reference}` points outside the spec's folder"))?;
        if self.spec_path.as_deref() == Some(resolved.as_str()) {
            return Ok((String::new(), pointer));
        }
        Ok((resolved, pointer))
    }

    fn load(&mut self, path: &str) -> Result<(), String> {
        if !self.loaded.contains_key(path) {
            let parsed = self
                .files
                .read(path)
                .and_then(|bytes| crate::load::parse_fragment(&bytes).map_err(|e| e.to_string()));
            self.loaded.insert(path.to_string(), parsed);
        }
        match self.loaded.get(path) {
            Some(Ok(_)) => Ok(()),
            Some(Err(reason)) => Err(format!("file `{path}` cannot be read: {reason}")),
            None => Err(format!("file `{path}` cannot be read")),
        }
    }

    fn node(&self, path: &str, pointer: &[String]) -> Option<&Value> {
        let file = self.loaded.get(path)?.as_ref().ok()?;
        crate::pointer::descend(file, pointer)
    }

    /// A unique name in `kind`: `<file stem>_<last pointer segment>`.
    fn claim(&mut self, kind: &str, target: &Target) -> String {
        let stem = target
            .0
            .rsplit('/')
            .next()
            .unwrap_or("file")
            .split('.')
            .next()
            .unwrap_or("file");
        let base = match target.1.last() {
            Some(last) => format!("{stem}_{last}"),
            None => stem.to_string(),
        };
        let taken = self.taken.entry(kind.to_string()).or_default();
        let mut name = base.clone();
        let mut suffix = 2;
        while taken.contains(&name) {
            name = format!("{base}_{suffix}");
            suffix += 1;
        }
        taken.insert(name.clone());
        name
    }

    fn insert_copies(&mut self, doc: &mut Value) {
        let Some(root) = doc.as_object_mut() else {
            return;
        };
        let components = root
            .entry("components")
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(components) = components else {
            return;
        };
        // Sorted by kind and name, so the output does not depend on the order of discovery.
        self.copies.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        for (kind, name, copy) in self.copies.drain(..) {
            let entries = components
                .entry(kind)
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(entries) = entries {
                entries.insert(name, copy);
            }
        }
    }
}

/// `file.yaml#/a/b` into `("file.yaml", "/a/b")`.
fn split_reference(reference: &str) -> (&str, &str) {
    match reference.split_once('#') {
        Some((path, fragment)) => (path, fragment),
        None => (reference, ""),
    }
}

fn has_scheme(path: &str) -> bool {
    match path.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

fn directory_of(file: &str) -> &str {
    file.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Joins a relative path to a directory, resolving `.` and `..`; `Err` when it climbs above
/// the spec's folder.
fn resolve_path(directory: &str, relative: &str) -> Result<String, ()> {
    let decoded = crate::pointer::percent_decode(relative).replace('\\', "/");
    let mut parts: Vec<&str> = directory.split('/').filter(|p| !p.is_empty()).collect();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(())?;
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        return Err(());
    }
    Ok(parts.join("/"))
}

fn local_ref(pointer: &[String]) -> String {
    let mut out = "#".to_string();
    for segment in pointer {
        out = join(&out, segment);
    }
    out
}

fn display(target: &Target) -> String {
    let pointer = local_ref(&target.1);
    format!("{}{}", target.0, pointer)
}

/// `#/paths/<path>`: a path item, which OpenAPI 3.0 has no component for; copied in place.
fn is_path_item_position(at: &[String]) -> bool {
    at.len() == 2 && at[0] == "paths"
}

/// The component kind for a target: its own kind when it sits under `components`, else the
/// kind of object the reference stands for at its position, else a schema.
fn kind_for(target: &[String], at: &[String]) -> String {
    if let [components, kind, _] = target {
        if components == "components" && ComponentKind::from_key(kind).is_some() {
            return kind.clone();
        }
    }
    let segments: Vec<&str> = at.iter().map(String::as_str).collect();
    match segments.as_slice() {
        ["components", kind, _] if ComponentKind::from_key(kind).is_some() => kind.to_string(),
        ["paths", _, "parameters", _] | ["paths", _, _, "parameters", _] => {
            ComponentKind::Parameters.key().into()
        }
        ["paths", _, _, "requestBody"] => ComponentKind::RequestBodies.key().into(),
        ["paths", _, _, "responses", _] => ComponentKind::Responses.key().into(),
        _ => ComponentKind::Schemas.key().into(),
    }
}

/// Operations the document declares, counted once path items from other files are in place.
pub(crate) fn count_operations(raw: &serde_json::Value) -> usize {
    raw.get("paths")
        .and_then(serde_json::Value::as_object)
        .map(|paths| {
            paths
                .values()
                .filter_map(serde_json::Value::as_object)
                .map(|item| {
                    crate::openapi::HTTP_METHODS
                        .iter()
                        .filter(|m| item.contains_key(**m))
                        .count()
                })
                .sum()
        })
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_folder() {
        assert_eq!(resolve_path("", "a/./b.yaml"), Ok("a/b.yaml".into()));
        assert_eq!(resolve_path("a", "../b.yaml"), Ok("b.yaml".into()));
        assert_eq!(resolve_path("", "../b.yaml"), Err(()));
        assert_eq!(resolve_path("a", "../../b.yaml"), Err(()));
        assert_eq!(resolve_path("a", "..\\..\\b.yaml"), Err(()));
        assert_eq!(resolve_path("", "%2e%2e/b.yaml"), Err(()));
        assert!(has_scheme("https://example.invalid/x.yaml"));
        assert!(has_scheme("C:/x.yaml"));
        assert!(!has_scheme("x.yaml"));
    }
}
