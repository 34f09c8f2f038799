//! The documents of a corpus: files in DIR, optional sample list, manifest
//! metadata and the crate name each document's client gets.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// What the manifest's `valid` column says (openapi-spec-validator's verdict).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Validity {
    Ok,
    Error(String),
    /// No manifest row for this document.
    Unknown,
}

impl Validity {
    pub fn short(&self) -> &'static str {
        match self {
            Validity::Ok => "ok",
            Validity::Error(_) => "error",
            Validity::Unknown => "?",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Doc {
    pub id: String,
    pub path: PathBuf,
    pub valid: Validity,
    /// `3.0.x`, `3.1.x`, or `?` when neither the manifest nor the file says.
    pub version: String,
    pub crate_name: String,
}

impl Doc {
    pub fn is_31(&self) -> bool {
        self.version.starts_with("3.1")
    }
}

/// Lists the documents of `dir` (restricted to the ids in `sample` if given),
/// sorted by id, with metadata from `manifest` (by default `DIR/../manifest-dev.tsv`) and
/// unique crate names.
pub fn load(dir: &Path, sample: Option<&Path>, manifest: Option<&Path>) -> Result<Vec<Doc>> {
    let mut files = list_files(dir)?;
    if let Some(sample) = sample {
        let wanted = read_sample(sample)?;
        let missing: Vec<&String> = wanted
            .iter()
            .filter(|id| !files.contains_key(*id))
            .collect();
        if !missing.is_empty() {
            bail!(
                "{} lists ids with no document in {}: {missing:?}",
                sample.display(),
                dir.display()
            );
        }
        files.retain(|id, _| wanted.contains(id));
    }
    let manifest = match manifest {
        Some(path) => read_manifest(path)?,
        None => match dir.parent().map(|p| p.join("manifest-dev.tsv")) {
            Some(path) if path.is_file() => read_manifest(&path)?,
            _ => HashMap::new(),
        },
    };
    let mut ids: Vec<String> = files.keys().cloned().collect();
    ids.sort();
    let names = crate_names(&ids);
    let docs = ids
        .into_iter()
        .zip(names)
        .map(|(id, crate_name)| {
            let path = files[&id].clone();
            let row = manifest.get(&id);
            let valid = row.map_or(Validity::Unknown, |r| r.valid.clone());
            let version = row
                .map(|r| r.version.clone())
                .unwrap_or_else(|| sniff_version(&path));
            Doc {
                id,
                path,
                valid,
                version,
                crate_name,
            }
        })
        .collect();
    Ok(docs)
}

/// Maps id (file name without extension) to path for the documents in `dir`.
fn list_files(dir: &Path) -> Result<HashMap<String, PathBuf>> {
    let mut files = HashMap::new();
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        let is_doc = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e, "yaml" | "yml" | "json"));
        if !is_doc || !path.is_file() {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if let Some(previous) = files.insert(id.to_string(), path.clone()) {
            bail!(
                "two documents share the id `{id}`: {} and {}",
                previous.display(),
                path.display()
            );
        }
    }
    Ok(files)
}

fn read_sample(path: &Path) -> Result<BTreeSet<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(parse_sample(&text))
}

fn parse_sample(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|id| !id.is_empty())
        .map(str::to_string)
        .collect()
}

pub struct ManifestRow {
    pub valid: Validity,
    pub version: String,
}

/// Reads the columns we need by header name, so column order may change.
fn read_manifest(path: &Path) -> Result<HashMap<String, ManifestRow>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_manifest(&text).with_context(|| format!("parsing {}", path.display()))
}

fn parse_manifest(text: &str) -> Result<HashMap<String, ManifestRow>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .with_context(|| format!("no `{name}` column"))
    };
    let (id_col, version_col, valid_col) =
        (column("id")?, column("openapi_version")?, column("valid")?);
    let mut rows = HashMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or("").trim();
        let valid = match cell(valid_col) {
            "ok" => Validity::Ok,
            "" => Validity::Unknown,
            other => Validity::Error(other.trim_start_matches("error:").trim().to_string()),
        };
        let version = match cell(version_col) {
            "" => "?".to_string(),
            v => v.to_string(),
        };
        rows.insert(cell(id_col).to_string(), ManifestRow { valid, version });
    }
    Ok(rows)
}

/// Guesses `3.0.x`/`3.1.x` from the `openapi` field near the top of the file (`2.0` for a
/// Swagger 2.0 document).
fn sniff_version(path: &Path) -> String {
    let Ok(bytes) = std::fs::read(path) else {
        return "?".to_string();
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(64 * 1024)]);
    let swagger = head.starts_with("swagger:") || head.contains("\nswagger:");
    if swagger || head.contains("\"swagger\"") {
        return "2.0".to_string();
    }
    let Some(at) = head.find("openapi") else {
        return "?".to_string();
    };
    let rest = head[at + "openapi".len()..]
        .trim_start_matches(|c: char| c == '"' || c == '\'' || c == ':' || c.is_whitespace());
    let rest = rest.trim_start_matches(['"', '\'']);
    if rest.starts_with("3.1") {
        "3.1.x".to_string()
    } else if rest.starts_with("3.0") {
        "3.0.x".to_string()
    } else {
        "?".to_string()
    }
}

/// Valid, unique Cargo package names: lowercase, runs of other characters
/// become one `-`, and a `c-` prefix so a name never starts with a digit.
pub fn crate_names(ids: &[String]) -> Vec<String> {
    let mut used = HashSet::new();
    ids.iter()
        .map(|id| {
            let base = crate_name_base(id);
            let mut name = base.clone();
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{base}-{n}");
                n += 1;
            }
            name
        })
        .collect()
}

fn crate_name_base(id: &str) -> String {
    let mut name = String::from("c-");
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('-') {
            name.push('-');
        }
    }
    // Names ending in `-` are legal but ugly, and `c-` alone would clash.
    let trimmed = name.trim_end_matches('-');
    if trimmed.len() <= 2 {
        "c-doc".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names_are_valid_and_unique() {
        let ids: Vec<String> = ["ag-Foo.com_Bar_1.0", "ag-foo.com-bar-1-0", "3d", "__"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            crate_names(&ids),
            [
                "c-ag-foo-com-bar-1-0",
                "c-ag-foo-com-bar-1-0-2",
                "c-3d",
                "c-doc"
            ]
        );
    }

    #[test]
    fn sample_ignores_comments_and_blanks() {
        let ids = parse_sample("# header\n a \n\nb # why\n#c\n");
        assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["a", "b"]);
    }

    #[test]
    fn manifest_columns_by_name() -> Result<()> {
        let text = "valid\tid\topenapi_version\nok\ta\t3.1.x\nerror: bad\tb\t3.0.x\n";
        let rows = parse_manifest(text)?;
        assert_eq!(rows["a"].valid, Validity::Ok);
        assert_eq!(rows["a"].version, "3.1.x");
        assert_eq!(rows["b"].valid, Validity::Error("bad".to_string()));
        Ok(())
    }
}
