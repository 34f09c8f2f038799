//! The documents a run measures: the specs under `specs/`, those named on the command line, and
//! a family of scaled copies of one JSON document (1x, 2x, 4x, 8x) to show how cost grows.

use anyhow::{bail, Context, Result};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// One document and its bytes.
pub struct Doc {
    /// Short name for the tables (file stem, or `<stem>-x<k>` for a family member).
    pub name: String,
    /// Where it was read from (or written to, for a scaled copy).
    pub path: PathBuf,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Size factor within the family, for family members.
    pub scale: Option<usize>,
}

impl Doc {
    /// Reads a document from `path`.
    pub fn read(path: &Path) -> Result<Doc> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into());
        Ok(Doc {
            name,
            path: path.to_path_buf(),
            bytes,
            scale: None,
        })
    }

    /// Whether the document is JSON (by extension, else by its first byte).
    pub fn is_json(&self) -> bool {
        match self.path.extension().and_then(|e| e.to_str()) {
            Some("json") => true,
            Some("yaml" | "yml") => false,
            _ => self.bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'),
        }
    }

    /// A lowercase name usable as a Cargo package name suffix.
    pub fn slug(&self) -> String {
        let mut slug: String = self
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        while slug.contains("--") {
            slug = slug.replace("--", "-");
        }
        slug.trim_matches('-').to_string()
    }
}

/// The spec files under `<root>/specs` (not the `*.settings.yaml` files), sorted.
pub fn workspace_specs(root: &Path) -> Result<Vec<PathBuf>> {
    let dir = root.join("specs");
    let mut specs = Vec::new();
    for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_spec = [".yaml", ".yml", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if is_spec && !name.contains(".settings.") {
            specs.push(path);
        }
    }
    specs.sort();
    Ok(specs)
}

/// The family of `source` at `scales` (each a number of copies), the copies written under
/// `out_dir`. The 1x member is the source file itself.
pub fn family(source: &Path, scales: &[usize], out_dir: &Path) -> Result<Vec<Doc>> {
    let original = Doc::read(source)?;
    let document: Value = serde_json::from_slice(&original.bytes).with_context(|| {
        format!(
            "{}: a family is made from a JSON document",
            source.display()
        )
    })?;
    std::fs::create_dir_all(out_dir)?;
    let mut members = Vec::new();
    for &scale in scales {
        let name = format!("{}-x{scale}", original.name);
        let (path, bytes) = if scale == 1 {
            (original.path.clone(), original.bytes.clone())
        } else {
            let bytes = serde_json::to_vec_pretty(&scaled(&document, scale)?)?;
            let path = out_dir.join(format!("{name}.json"));
            std::fs::write(&path, &bytes).with_context(|| format!("writing {}", path.display()))?;
            (path, bytes)
        };
        members.push(Doc {
            name,
            path,
            bytes,
            scale: Some(scale),
        });
    }
    Ok(members)
}

/// `document` with `copies - 1` renamed copies of its paths and components added: copy `i`
/// prefixes its paths with `/copy<i>`, suffixes operation ids with `_copy<i>` and component
/// names with `Copy<i>`, and points its references at its own components. Security schemes and
/// tags stay shared.
fn scaled(document: &Value, copies: usize) -> Result<Value> {
    let mut out = document.clone();
    for copy in 2..=copies {
        let mut twin = document.clone();
        rename_refs(&mut twin, &format!("Copy{copy}"));
        let Some(paths) = twin.get_mut("paths").and_then(Value::as_object_mut) else {
            bail!("the document has no paths");
        };
        for (path, item) in std::mem::take(paths) {
            let mut item = item;
            suffix_operation_ids(&mut item, &format!("_copy{copy}"));
            insert(&mut out, &["paths"], format!("/copy{copy}{path}"), item)?;
        }
        let sections = twin
            .get_mut("components")
            .and_then(Value::as_object_mut)
            .map(std::mem::take)
            .unwrap_or_default();
        for (section, entries) in sections {
            if section == "securitySchemes" {
                continue;
            }
            let Value::Object(entries) = entries else {
                continue;
            };
            for (name, entry) in entries {
                insert(
                    &mut out,
                    &["components", &section],
                    format!("{name}Copy{copy}"),
                    entry,
                )?;
            }
        }
    }
    Ok(out)
}

fn insert(document: &mut Value, at: &[&str], key: String, value: Value) -> Result<()> {
    let mut node = document;
    for segment in at {
        let Value::Object(map) = node else {
            bail!("`{segment}` is not inside an object");
        };
        node = map
            .entry(segment.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    let Value::Object(map) = node else {
        bail!("`{}` is not an object", at.join("/"));
    };
    map.insert(key, value);
    Ok(())
}

fn suffix_operation_ids(item: &mut Value, suffix: &str) {
    let Some(item) = item.as_object_mut() else {
        return;
    };
    for operation in item.values_mut() {
        if let Some(Value::String(id)) = operation.get_mut("operationId") {
            id.push_str(suffix);
        }
    }
}

/// Points every `#/components/<section>/<name>` reference (except security schemes) at
/// `<name><suffix>`.
fn rename_refs(node: &mut Value, suffix: &str) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                *reference = renamed_ref(reference, suffix);
            }
            map.values_mut()
                .for_each(|child| rename_refs(child, suffix));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|child| rename_refs(child, suffix)),
        _ => {}
    }
}

fn renamed_ref(reference: &str, suffix: &str) -> String {
    let Some(rest) = reference.strip_prefix("#/components/") else {
        return reference.to_string();
    };
    let mut segments: Vec<String> = rest.split('/').map(str::to_string).collect();
    if segments.len() < 2 || segments[0] == "securitySchemes" {
        return reference.to_string();
    }
    segments[1].push_str(suffix);
    format!("#/components/{}", segments.join("/"))
}
