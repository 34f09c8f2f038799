//! `cargo xtask codegen [--check]` and `cargo xtask generate`: the only code that writes
//! generated files. Every spec of every [`SPEC_ROOTS`] folder is generated in memory first, so
//! a failing spec leaves every generated folder untouched; each crate is then swapped in by
//! directory rename.

use anyhow::{bail, Context, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A folder of specs and the folder their crates are generated into, both relative to the
/// workspace root.
pub struct SpecRoot {
    pub specs: &'static str,
    pub generated: &'static str,
    /// A missing required folder is an error; a missing optional one holds no specs.
    pub required: bool,
}

/// `specs/`: the vendor documents, whose clients in `generated/` downstream programs use.
/// `tests/specs/`: test-only documents, whose clients in `tests/generated/` only the tests
/// exercise.
pub const SPEC_ROOTS: [SpecRoot; 2] = [
    SpecRoot {
        specs: "specs",
        generated: "generated",
        required: true,
    },
    SpecRoot {
        specs: "tests/specs",
        generated: "tests/generated",
        required: false,
    },
];

/// The generated folders, as shown in messages: `generated/, tests/generated/`.
fn generated_folders() -> String {
    let names: Vec<String> = SPEC_ROOTS
        .iter()
        .map(|r| format!("{}/", r.generated))
        .collect();
    names.join(", ")
}

/// A spec and the crate generated from it.
struct SpecCrate {
    stem: String,
    spec_path: PathBuf,
    generation: generator::Generation,
}

/// The crates of one [`SpecRoot`], all generated in memory.
struct RootCrates {
    /// The absolute folder the crates go into.
    generated_dir: PathBuf,
    crates: Vec<SpecCrate>,
}

/// `cargo xtask codegen [--check]`.
pub fn run_codegen(flags: &crate::flags::Codegen) -> Result<()> {
    let root = crate::workspace_root();
    if flags.check {
        check_in(&root)
    } else {
        run_codegen_in(&root)
    }
}

/// Regenerates `<root>/generated/` from `<root>/specs/` (and so for every [`SPEC_ROOTS`]
/// pair). Every spec is generated in memory before anything is written, so when one fails
/// every generated folder is left byte-identical; each changed crate is then swapped in whole
/// from `<root>/target/codegen-staging`.
pub fn run_codegen_in(root: &Path) -> Result<()> {
    let roots = generate_all(root)?;
    let drifts = roots
        .iter()
        .map(|r| find_drift(&r.generated_dir, &r.crates))
        .collect::<Result<Vec<_>>>()?;
    for (crates, drift) in roots.iter().zip(&drifts) {
        write_all(root, crates, drift)?;
    }
    Ok(())
}

/// `cargo xtask codegen --check` on the workspace at `root`: writes nothing, fails on drift.
pub fn check_in(root: &Path) -> Result<()> {
    report_check(&all_drift(root)?)
}

/// Every stale, missing or orphan file under the generated folders, as `kind: path` lines;
/// empty when they match their specs and the generator.
pub fn drift_report() -> Result<Vec<String>> {
    Ok(drift_lines(&all_drift(&crate::workspace_root())?))
}

/// The drift of every generated folder, merged.
fn all_drift(root: &Path) -> Result<Drift> {
    let mut all = Drift::default();
    for crates in generate_all(root)? {
        let drift = find_drift(&crates.generated_dir, &crates.crates)?;
        all.stale.extend(drift.stale);
        all.missing.extend(drift.missing);
        all.orphans.extend(drift.orphans);
    }
    Ok(all)
}

fn drift_lines(drift: &Drift) -> Vec<String> {
    let mut lines = Vec::new();
    for (label, paths) in [
        ("stale", &drift.stale),
        ("missing", &drift.missing),
        ("orphan", &drift.orphans),
    ] {
        lines.extend(
            paths
                .iter()
                .map(|path| format!("{label}: {}", display_relative(path))),
        );
    }
    lines
}

/// Spec files of every [`SPEC_ROOTS`] folder, sorted within each folder.
pub fn spec_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut specs = Vec::new();
    for spec_root in &SPEC_ROOTS {
        specs.extend(spec_files_of(root, spec_root)?);
    }
    Ok(specs)
}

/// Spec files in one folder, sorted: `*.yaml`, `*.yml`, `*.json`, not settings files.
fn spec_files_of(root: &Path, spec_root: &SpecRoot) -> Result<Vec<PathBuf>> {
    let specs_dir = root.join(spec_root.specs);
    if !spec_root.required && !specs_dir.exists() {
        return Ok(Vec::new());
    }
    let mut specs = Vec::new();
    for entry in
        fs::read_dir(&specs_dir).with_context(|| format!("reading {}", specs_dir.display()))?
    {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_spec = [".yaml", ".yml", ".json"]
            .iter()
            .any(|ext| name.ends_with(ext));
        if path.is_file() && is_spec && !name.contains(".settings.") {
            specs.push(path);
        }
    }
    specs.sort();
    Ok(specs)
}

/// Every spec of every [`SPEC_ROOTS`] folder, generated in memory; fails, naming each failing
/// spec, when any does.
fn generate_all(root: &Path) -> Result<Vec<RootCrates>> {
    let mut roots = Vec::new();
    let mut failures = Vec::new();
    for spec_root in &SPEC_ROOTS {
        let crates = generate_root(root, spec_root, &mut failures)?;
        roots.push(RootCrates {
            generated_dir: root.join(spec_root.generated),
            crates,
        });
    }
    if !failures.is_empty() {
        bail!(
            "{} spec(s) failed; nothing was written:\n  {}",
            failures.len(),
            failures.join("\n  ")
        );
    }
    Ok(roots)
}

fn generate_root(
    root: &Path,
    spec_root: &SpecRoot,
    failures: &mut Vec<String>,
) -> Result<Vec<SpecCrate>> {
    let mut crates = Vec::new();
    // From `<generated>/<name>/` back up to the workspace root.
    let up = "../".repeat(Path::new(spec_root.generated).components().count() + 1);
    let token_source_path = format!("{up}generator/token-source");
    for spec_path in spec_files_of(root, spec_root)? {
        let stem = file_stem(&spec_path);
        let relative = format!(
            "{}/{}",
            spec_root.specs,
            spec_path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        );
        let crate_dir = format!("{}/{stem}", spec_root.generated);
        let (crate_version, changelog) = history(root, &spec_path, &relative, &crate_dir)?;
        let target = Target {
            source: &relative,
            command: "cargo xtask codegen",
            token_source_path: Some(&token_source_path),
            crate_name: None,
            runtime_path: Some(format!("{up}generator/client-runtime")),
            crate_version,
        };
        match generate_one(&spec_path, &stem, &target) {
            Ok(mut generation) => {
                for warning in &generation.warnings {
                    eprintln!("{relative}: warning: {warning}");
                }
                if let Some(text) = changelog {
                    generation.files.push(generator::GeneratedFile {
                        path: "CHANGELOG.md".into(),
                        contents: text,
                    });
                    generation.files.sort_by(|a, b| a.path.cmp(&b.path));
                }
                crates.push(SpecCrate {
                    stem,
                    spec_path,
                    generation,
                });
            }
            Err(error) => failures.push(format!("{relative}: {error:#}")),
        }
    }
    Ok(crates)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("spec")
        .to_string()
}

/// Reads a spec and the settings beside it and generates the crate in memory. Without a
/// `token_source_path` (a crate written anywhere) no token source is generated, so the crate
/// builds on its own.
/// Where and how a crate is generated: what its header names, and what overrides the settings
/// file beside the spec.
struct Target<'a> {
    /// The spec path shown in file headers.
    source: &'a str,
    /// The command shown in file headers.
    command: &'a str,
    /// Path from the crate to `generator/token-source`, where token sources can be emitted:
    /// crates generated in the workspace depend on it by this path and get a `TokenSource`
    /// when their settings declare one.
    token_source_path: Option<&'a str>,
    /// A crate name that replaces the settings' one (`generate --name`).
    crate_name: Option<&'a str>,
    /// Path from the crate to `generator/client-runtime`, where it is not the one from
    /// `generated/<name>/` (`tests/generated/<name>/`, or anywhere `generate --out` writes).
    runtime_path: Option<String>,
    /// A crate version that replaces the settings' one (derived from the spec's history).
    crate_version: Option<String>,
}

fn generate_one(spec_path: &Path, stem: &str, target: &Target) -> Result<generator::Generation> {
    let bytes = fs::read(spec_path).with_context(|| format!("reading {}", spec_path.display()))?;
    let mut settings = read_settings(spec_path, stem)?;
    if let Some(version) = &target.crate_version {
        settings.crate_version = version.clone();
    }
    settings.source = target.source.to_string();
    settings.command = target.command.to_string();
    settings.token_source_path = target.token_source_path.map(str::to_string);
    if let Some(path) = &target.runtime_path {
        settings.runtime_path = path.clone();
    }
    if let Some(name) = target.crate_name {
        settings.crate_name = name.to_string();
    }
    generate_with_folder(spec_path, &bytes, &settings)
}

/// The settings file beside a spec, or defaults named after the spec.
fn read_settings(spec_path: &Path, stem: &str) -> Result<generator::Settings> {
    let settings_path = spec_path.with_file_name(format!("{stem}.settings.yaml"));
    if settings_path.is_file() {
        let text = fs::read_to_string(&settings_path)
            .with_context(|| format!("reading {}", settings_path.display()))?;
        generator::Settings::from_yaml(&text)
            .with_context(|| format!("in {}", settings_path.display()))
    } else {
        Ok(generator::Settings::new(&crate_name_from(stem)))
    }
}

/// The crate version and changelog `codegen` writes for a spec: from the API diff against
/// the spec committed at `HEAD`, whose report is printed; a version pinned in the settings
/// is kept as written.
fn history(
    root: &Path,
    spec_path: &Path,
    relative: &str,
    crate_dir: &str,
) -> Result<(Option<String>, Option<String>)> {
    let settings = read_settings(spec_path, &file_stem(spec_path))?;
    let bytes = fs::read(spec_path).with_context(|| format!("reading {}", spec_path.display()))?;
    match crate::evolution::evolve(root, relative, crate_dir, &bytes, &settings.crate_version) {
        Ok(evolution) => {
            if let Some(report) = &evolution.report {
                println!(
                    "{relative}: API changes since HEAD: {}",
                    generator::diff::render_text(report).trim_end()
                );
            }
            let version = (!settings.crate_version_pinned).then_some(evolution.version);
            Ok((version, evolution.changelog))
        }
        Err(why) => {
            println!("{relative}: no API diff ({why}); the crate version stays as set");
            Ok((None, None))
        }
    }
}

/// Generates with `$ref`s to other files read from the spec's folder, and only from there.
fn generate_with_folder(
    spec_path: &Path,
    bytes: &[u8],
    settings: &generator::Settings,
) -> Result<generator::Generation> {
    let folder = crate::spec_files::SpecFolder::of(spec_path)
        .with_context(|| format!("finding the folder of {}", spec_path.display()))?;
    Ok(generator::generate_with_files(bytes, settings, &folder)?)
}

/// A valid Cargo package name from any file stem.
pub fn crate_name_from(stem: &str) -> String {
    let mut name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name = name.trim_matches('-').to_string();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("api-{name}");
    }
    name
}

/// What differs between a generated folder and the freshly generated crates.
#[derive(Default)]
struct Drift {
    stale: Vec<PathBuf>,
    missing: Vec<PathBuf>,
    orphans: Vec<PathBuf>,
    /// Crates with any change, by stem.
    changed: BTreeSet<String>,
    unchanged_files: BTreeMap<String, usize>,
}

fn find_drift(generated_dir: &Path, crates: &[SpecCrate]) -> Result<Drift> {
    let mut drift = Drift::default();
    let mut expected = BTreeSet::new();
    for krate in crates {
        for file in &krate.generation.files {
            let path = generated_dir.join(&krate.stem).join(&file.path);
            expected.insert(path.clone());
            match fs::read(&path) {
                Ok(existing) if existing == file.contents.as_bytes() => {
                    *drift.unchanged_files.entry(krate.stem.clone()).or_default() += 1
                }
                Ok(_) => {
                    drift.stale.push(path);
                    drift.changed.insert(krate.stem.clone());
                }
                Err(_) => {
                    drift.missing.push(path);
                    drift.changed.insert(krate.stem.clone());
                }
            }
        }
    }
    if generated_dir.is_dir() {
        for path in walk_files(generated_dir)? {
            if !expected.contains(&path) {
                if let Some(stem) = crate_of(generated_dir, &path) {
                    drift.changed.insert(stem);
                }
                drift.orphans.push(path);
            }
        }
    }
    Ok(drift)
}

fn crate_of(generated_dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(generated_dir).ok()?;
    relative
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .map(str::to_string)
}

fn walk_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in
            fs::read_dir(&current).with_context(|| format!("reading {}", current.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn report_check(drift: &Drift) -> Result<()> {
    if drift.stale.is_empty() && drift.missing.is_empty() && drift.orphans.is_empty() {
        println!(
            "{} are up to date with the specs and the generator",
            generated_folders()
        );
        return Ok(());
    }
    for (label, paths) in [
        ("stale", &drift.stale),
        ("missing", &drift.missing),
        ("orphan", &drift.orphans),
    ] {
        for path in paths {
            eprintln!("{label}: {}", display_relative(path));
        }
    }
    bail!(
        "the generated crates ({}) have drifted from the specs or the generator; run `cargo xtask codegen` and commit the result",
        generated_folders()
    )
}

fn display_relative(path: &Path) -> String {
    let root = crate::workspace_root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

fn write_all(root: &Path, of_root: &RootCrates, drift: &Drift) -> Result<()> {
    let RootCrates {
        generated_dir,
        crates,
    } = of_root;
    // An optional spec folder that is missing or empty leaves no empty generated folder.
    if crates.is_empty() && !generated_dir.exists() {
        return Ok(());
    }
    fs::create_dir_all(generated_dir)?;
    let staging = root.join("target").join("codegen-staging");
    for krate in crates {
        let written = if drift.changed.contains(&krate.stem) {
            count_written(drift, generated_dir, &krate.stem)
        } else {
            0
        };
        if drift.changed.contains(&krate.stem) {
            let target = generated_dir.join(&krate.stem);
            replace_dir_atomically(&staging, &target, &krate.generation.files)?;
        }
        let unchanged = drift.unchanged_files.get(&krate.stem).copied().unwrap_or(0);
        println!(
            "{}: {} operations, {} types, {} warnings, {} files written, {} unchanged",
            display_relative(&krate.spec_path),
            krate.generation.operations,
            krate.generation.types,
            krate.generation.warnings.len(),
            written,
            unchanged
        );
    }
    let expected: BTreeSet<&str> = crates.iter().map(|c| c.stem.as_str()).collect();
    for entry in fs::read_dir(generated_dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if !expected.contains(name.as_str()) {
            if path.is_dir() {
                fs::remove_dir_all(&path)?;
            } else {
                fs::remove_file(&path)?;
            }
            println!("removed orphan {}", display_relative(&path));
        }
    }
    Ok(())
}

fn count_written(drift: &Drift, generated_dir: &Path, stem: &str) -> usize {
    let base = generated_dir.join(stem);
    drift
        .stale
        .iter()
        .chain(&drift.missing)
        .filter(|p| p.starts_with(&base))
        .count()
}

/// Writes the files into a staging directory, then swaps it into place with renames, so an
/// interrupted run leaves either the old crate or the new one, never half of each.
pub fn replace_dir_atomically(
    staging_root: &Path,
    target: &Path,
    files: &[generator::GeneratedFile],
) -> Result<()> {
    let name = target
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("crate");
    fs::create_dir_all(staging_root)?;
    let fresh = staging_root.join(format!("{name}.new"));
    let old = staging_root.join(format!("{name}.old"));
    // A run interrupted between its two renames left the crate only in `.old`: put it back
    // before anything else, so the target never stays missing.
    if !target.exists() && old.is_dir() {
        fs::rename(&old, target)
            .with_context(|| format!("restoring {} from {}", target.display(), old.display()))?;
    }
    for stale in [&fresh, &old] {
        if stale.exists() {
            fs::remove_dir_all(stale)?;
        }
    }
    for file in files {
        let path = fresh.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&path, &file.contents).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    if target.exists() {
        fs::rename(target, &old).with_context(|| format!("moving {} aside", target.display()))?;
    }
    fs::rename(&fresh, target)
        .with_context(|| format!("moving the new crate to {}", target.display()))?;
    if old.exists() {
        fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// The path from a crate written to `out` to this workspace's `generator/client-runtime`:
/// relative where both lie under one root, so the crate and the workspace can move together.
fn runtime_path_from(out: &Path) -> Result<String> {
    let here = std::env::current_dir()?;
    let runtime = lexical(&crate::workspace_root().join("generator/client-runtime"));
    let out = lexical(&here.join(out));
    let common = out
        .components()
        .zip(runtime.components())
        .take_while(|(a, b)| a == b)
        .count();
    let mut path = PathBuf::new();
    for _ in out.components().skip(common) {
        path.push("..");
    }
    path.extend(runtime.components().skip(common));
    let text = path.to_str().context("the workspace path is not UTF-8")?;
    Ok(text.to_string())
}

/// `path` with `.` and `..` folded away, without touching the file system (`out` may not
/// exist yet).
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `cargo xtask generate SPEC --out DIR [--name CRATE] [--report FILE]`.
pub fn run_generate(flags: &crate::flags::Generate) -> Result<()> {
    let crate::flags::Generate {
        spec: spec_path,
        out,
        name,
        report,
    } = flags;
    let spec = spec_path.display().to_string();
    let stem = file_stem(spec_path);
    let source = spec_path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("spec")
        .to_string();
    let target = Target {
        source: &source,
        command: "cargo xtask generate",
        token_source_path: None,
        crate_name: name.as_deref(),
        runtime_path: Some(runtime_path_from(out)?),
        crate_version: None,
    };
    let generation = generate_one(spec_path, &stem, &target).with_context(|| spec.clone())?;
    for warning in &generation.warnings {
        eprintln!("{spec}: warning: {warning}");
    }
    let staging = out
        .parent()
        .map(|p| p.join(".xtask-staging"))
        .unwrap_or_else(|| PathBuf::from(".xtask-staging"));
    replace_dir_atomically(&staging, out, &generation.files)?;
    let _ = fs::remove_dir(&staging);
    if let Some(report) = report {
        fs::write(report, report_json(&generation))
            .with_context(|| format!("writing {}", report.display()))?;
    }
    println!(
        "{spec}: {} operations, {} types, {} warnings, {} files written to {}",
        generation.operations,
        generation.types,
        generation.warnings.len(),
        generation.files.len(),
        out.display()
    );
    Ok(())
}

fn report_json(generation: &generator::Generation) -> String {
    let r = &generation.report;
    let fallbacks: Vec<serde_json::Value> = r
        .fallbacks
        .iter()
        .map(|(pointer, reason)| serde_json::json!({"pointer": pointer, "reason": reason}))
        .collect();
    let value = serde_json::json!({
        "operations_in_document": r.operations_in_document,
        "operations_generated": r.operations_generated,
        "schemas_total": r.schemas_total,
        "schemas_fallback": r.fallbacks.len(),
        "fallbacks": fallbacks,
        "warnings": generation.warnings.len(),
        "files": generation.files.len(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}
