//! `cargo xtask diff OLD NEW`, and what `codegen` derives from the committed history: the
//! API diff of each spec against its version at `HEAD`, the crate version that follows from
//! it, and the crate's `CHANGELOG.md`.

use anyhow::{bail, Context, Result};
use generator::diff::{self, DiffReport, Semver};
use std::path::Path;
use std::process::Command;

/// `cargo xtask diff OLD NEW [--format json] [--fail-on major|wire]`: prints the report;
/// fails only when `--fail-on` says so and the verdict meets it.
pub fn run_diff(flags: &crate::flags::Diff) -> Result<()> {
    let json = match flags.format.as_deref() {
        None | Some("text") => false,
        Some("json") => true,
        Some(other) => bail!("--format is `text` or `json`, not `{other}`"),
    };
    let fail_on = flags.fail_on.as_deref();
    if let Some(other) = fail_on.filter(|l| !matches!(*l, "major" | "wire")) {
        bail!("--fail-on is `major` or `wire`, not `{other}`");
    }
    let (old, new) = (
        flags.old.display().to_string(),
        flags.new.display().to_string(),
    );
    let read = |p: &str| std::fs::read(p).with_context(|| format!("reading {p}"));
    let report = diff::diff_specs(&read(&old)?, &read(&new)?)
        .with_context(|| format!("comparing {old} with {new}"))?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report.to_json())?);
    } else {
        print!("{}", diff::render_text(&report));
    }
    match fail_on {
        Some("major") if report.semver == Semver::Major => {
            bail!("the change is major for the generated crate")
        }
        Some("wire") if report.wire_breaking => {
            bail!("the change can break deployed clients on the wire")
        }
        _ => Ok(()),
    }
}

/// What `codegen` derives for one spec from its committed history.
pub struct Evolution {
    /// The crate version to write.
    pub version: String,
    /// The crate's `CHANGELOG.md`, when it has one.
    pub changelog: Option<String>,
    /// The diff against the committed spec, when the spec changed.
    pub report: Option<DiffReport>,
}

/// The version and changelog of the crate in `crate_dir` (e.g. `generated/<stem>`, relative to
/// `root`) given the spec now and at `HEAD`.
/// `Err` says why the history could not be read (no git, spec not committed): the caller
/// keeps the committed or default version and says so.
pub fn evolve(
    root: &Path,
    spec_relative: &str,
    crate_dir: &str,
    spec_now: &[u8],
    default_version: &str,
) -> Result<Evolution, String> {
    let committed_manifest = git_show(root, &format!("{crate_dir}/Cargo.toml")).ok();
    let committed_changelog = git_show(root, &format!("{crate_dir}/CHANGELOG.md"))
        .ok()
        .and_then(|b| String::from_utf8(b).ok());
    let base_version = committed_manifest
        .as_deref()
        .and_then(manifest_version)
        .unwrap_or_else(|| default_version.to_string());
    let old_spec = git_show(root, spec_relative)?;
    let unchanged = Evolution {
        version: base_version.clone(),
        changelog: committed_changelog.clone(),
        report: None,
    };
    if old_spec == spec_now {
        return Ok(unchanged);
    }
    let report = match diff::diff_specs(&old_spec, spec_now) {
        Ok(report) => report,
        // The committed spec may not generate at all; then there is nothing to compare.
        Err(error) => return Err(format!("the spec at HEAD does not load: {error}")),
    };
    let version = diff::next_version(&base_version, report.semver)
        .ok_or_else(|| format!("version `{base_version}` is not MAJOR.MINOR.PATCH"))?;
    let api_version = api_version(spec_now);
    let changelog = match diff::changelog_entry(&version, &api_version, &report) {
        Some(entry) if version != base_version => Some(prepend(committed_changelog, &entry)),
        _ => committed_changelog,
    };
    Ok(Evolution {
        version,
        changelog,
        report: Some(report),
    })
}

const CHANGELOG_HEAD: &str = "# Changelog\n\nAll notable changes to this crate, derived from the \
changes of its API document by `cargo xtask codegen`. The format follows Keep a Changelog; \
versions follow Cargo's semver rules.\n\n";

fn prepend(existing: Option<String>, entry: &str) -> String {
    let body = existing
        .as_deref()
        .and_then(|text| text.find("\n## ").map(|at| &text[at + 1..]))
        .unwrap_or("");
    format!("{CHANGELOG_HEAD}{entry}{body}")
}

/// `info.version` of a spec, read loosely (for the changelog heading only).
fn api_version(spec: &[u8]) -> String {
    let text = String::from_utf8_lossy(spec);
    text.lines()
        .map(str::trim)
        .find_map(|line| {
            line.strip_prefix("version:")
                .or_else(|| line.strip_prefix("\"version\":"))
        })
        .map(|v| {
            v.trim()
                .trim_end_matches(',')
                .trim_matches(['"', '\''])
                .to_string()
        })
        .unwrap_or_default()
}

/// The `version = "..."` of a Cargo manifest's package.
fn manifest_version(manifest: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(manifest).ok()?;
    text.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("version")?
            .trim()
            .strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    })
}

/// A file as committed at `HEAD`.
fn git_show(root: &Path, relative: &str) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .arg("show")
        .arg(format!("HEAD:./{relative}"))
        .output()
        .map_err(|e| format!("git is not available ({e})"))?;
    if output.status.success() {
        Ok(output.stdout)
    } else {
        Err(format!("`{relative}` is not committed at HEAD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_version_reads_the_package_version() {
        let manifest = b"# header\n\n[package]\nname = \"x\"\nversion = \"0.3.1\"\n";
        assert_eq!(manifest_version(manifest).as_deref(), Some("0.3.1"));
    }

    #[test]
    fn a_new_entry_goes_above_the_old_ones() {
        let old = format!("{CHANGELOG_HEAD}## [0.1.1] - API version 1\n\n- old\n");
        let text = prepend(Some(old), "## [0.2.0] - API version 2\n\n- new\n\n");
        let new_at = text.find("[0.2.0]").unwrap();
        let old_at = text.find("[0.1.1]").unwrap();
        assert!(new_at < old_at, "{text}");
        assert_eq!(text.matches("# Changelog").count(), 1);
    }
}
