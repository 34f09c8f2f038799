//! Every fixture's generated crate must build: a snapshot of code that does not compile proves
//! nothing. Each top-level fixture in `tests/fixtures/` is generated into a scratch workspace
//! under `target/fixture-crates/` and checked there with `cargo check`.
//!
//! The scratch workspace starts from this workspace's `Cargo.lock`, so it resolves to the
//! versions already downloaded, and it has its own target directory, so it never waits on
//! the lock of the build that runs this test; its dependencies are checked once and cached.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/fixtures is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "yml" | "json")
                )
        })
        .collect();
    files.sort();
    files
}

/// Writes a file only when its contents change, so cargo's fingerprints stay valid and an
/// unchanged fixture is not checked again.
fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create a scratch directory");
    }
    std::fs::write(path, contents).expect("write a scratch file");
}

/// Generates one fixture into `scratch/<stem>/` and returns the member directory name.
fn generate_fixture(path: &Path, scratch: &Path) -> String {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a fixture file name")
        .to_string();
    let settings = integration_tests::fixture_settings(path);
    let bytes = std::fs::read(path).expect("fixture is readable");
    let generation = generator::generate(&bytes, &settings)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let dir = scratch.join(&stem);
    for file in &generation.files {
        write_if_changed(&dir.join(&file.path), &file.contents);
    }
    stem
}

/// Removes crates of fixtures that no longer exist, so the workspace lists only live ones.
fn remove_stale(scratch: &Path, members: &[String]) {
    let Ok(entries) = std::fs::read_dir(scratch) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !members.contains(&name) {
            std::fs::remove_dir_all(entry.path()).expect("remove a stale fixture crate");
        }
    }
}

/// Compiler diagnostics about the generated code: errors, and warnings too, since every
/// generated crate is meant to build without any.
fn diagnostics(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|line| {
            line.starts_with("error") || line.contains(": error") || line.contains(": warning")
        })
        .collect()
}

#[test]
fn every_fixture_crate_checks_without_errors_or_warnings() {
    let root = xtask::workspace_root();
    let scratch = root.join("target").join("fixture-crates");
    let fixtures = fixture_files(&root.join("tests").join("fixtures"));
    assert!(!fixtures.is_empty(), "no fixtures found");
    std::fs::create_dir_all(&scratch).expect("create target/fixture-crates");
    let members: Vec<String> = fixtures
        .iter()
        .map(|p| generate_fixture(p, &scratch))
        .collect();
    remove_stale(&scratch, &members);
    let list: Vec<String> = members.iter().map(|m| format!("    \"{m}\",\n")).collect();
    write_if_changed(
        &scratch.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n",
            list.concat()
        ),
    );
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))
        .expect("copy Cargo.lock into the scratch workspace");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--workspace",
            // The `mock` module too: its typed mock server is generated for every crate.
            "--all-features",
            "--keep-going",
            "--message-format",
            "short",
        ])
        .current_dir(&scratch)
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("fixture-check"),
        )
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let found = diagnostics(&stderr);
    assert!(
        output.status.success() && found.is_empty(),
        "generated fixture crates in {} do not check cleanly:\n{}\n\nfull output:\n{stderr}",
        scratch.display(),
        found.join("\n")
    );
}
