//! What `cargo xtask codegen` derives from a spec's committed history: in a scratch git
//! repository holding a spec and its generated crate at `HEAD`, an edited spec yields the
//! diff, the next version and a changelog entry on top of the committed one.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=test", "-c", "user.email=test@localhost"])
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/diff")
        .join(name);
    std::fs::read(path).expect("readable")
}

fn repository(dir: &Path, spec: &[u8], version: &str) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("specs")).expect("mkdir");
    std::fs::create_dir_all(dir.join("generated/shop")).expect("mkdir");
    std::fs::write(dir.join("specs/shop.yaml"), spec).expect("write");
    std::fs::write(
        dir.join("generated/shop/Cargo.toml"),
        format!("[package]\nname = \"shop\"\nversion = \"{version}\"\n"),
    )
    .expect("write");
    git(dir, &["init", "-q"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "start"]);
}

#[test]
fn an_additive_change_is_a_patch_bump_below_one_with_a_changelog_entry() {
    let dir = xtask::workspace_root().join("target/evolution-history/additive");
    repository(&dir, &fixture("field_added_optional/old.yaml"), "0.3.1");
    let new = fixture("field_added_optional/new.yaml");
    let evolution =
        xtask::evolution::evolve(&dir, "specs/shop.yaml", "generated/shop", &new, "0.1.0")
            .expect("history is readable");
    assert_eq!(evolution.version, "0.3.2");
    let report = evolution.report.expect("the spec changed");
    assert_eq!(report.semver, generator::diff::Semver::Minor);
    let changelog = evolution.changelog.expect("a changelog");
    assert!(changelog.starts_with("# Changelog"), "{changelog}");
    assert!(changelog.contains("## [0.3.2]"), "{changelog}");
    assert!(changelog.contains("`shipped_at`"), "{changelog}");
}

#[test]
fn a_breaking_change_bumps_the_major_number_and_an_unchanged_spec_keeps_the_version() {
    let dir = xtask::workspace_root().join("target/evolution-history/breaking");
    repository(&dir, &fixture("operation_removed/old.yaml"), "1.2.0");
    let new = fixture("operation_removed/new.yaml");
    let evolution =
        xtask::evolution::evolve(&dir, "specs/shop.yaml", "generated/shop", &new, "0.1.0")
            .expect("history");
    assert_eq!(evolution.version, "2.0.0");
    let old = fixture("operation_removed/old.yaml");
    let same = xtask::evolution::evolve(&dir, "specs/shop.yaml", "generated/shop", &old, "0.1.0")
        .expect("history");
    assert_eq!(same.version, "1.2.0");
    assert!(same.report.is_none() && same.changelog.is_none());
}

#[test]
fn without_history_the_reason_is_given() {
    let dir = xtask::workspace_root().join("target/evolution-history/none");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    let error = xtask::evolution::evolve(&dir, "specs/shop.yaml", "generated/shop", b"{}", "0.1.0")
        .err()
        .expect("no history");
    assert!(error.contains("not committed"), "{error}");
}
