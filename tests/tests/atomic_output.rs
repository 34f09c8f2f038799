//! `cargo xtask codegen` never costs data: when any spec fails, `generated/` is left byte for
//! byte as it was; a crate is replaced whole by renaming a staged copy, and what an interrupted
//! run leaves in the staging folder (a half-written `.new`, the previous crate moved to `.old`)
//! is cleaned up or put back by the next run. The test-only `tests/specs/` -> `tests/generated/`
//! pair gets the same treatment. Each test works on a copy of these folders in a temporary
//! folder, through `xtask::codegen::run_codegen_in`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
        .to_path_buf()
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, by relative path.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().to_path_buf();
                files.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// A temporary workspace with this workspace's specs, brought up to date.
fn fresh_copy() -> tempfile::TempDir {
    let temp = tempfile::Builder::new()
        .prefix("atomic-output-")
        .tempdir()
        .unwrap();
    for folder in ["specs", "generated", "tests/specs", "tests/generated"] {
        copy_tree(&workspace().join(folder), &temp.path().join(folder));
    }
    xtask::codegen::run_codegen_in(temp.path()).expect("the specs generate");
    temp
}

fn first_crate(root: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root.join("generated"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
        .into_iter()
        .next()
        .expect("at least one generated crate")
}

#[test]
fn a_failing_spec_leaves_generated_byte_identical() {
    let temp = fresh_copy();
    let root = temp.path();
    // Make every crate stale too, so a non-atomic run would have something to write.
    let stem = first_crate(root);
    let lib = root.join("generated").join(&stem).join("src/lib.rs");
    std::fs::write(&lib, "// stale\n").unwrap();
    let before = snapshot(&root.join("generated"));
    std::fs::write(
        root.join("specs/zz-broken.yaml"),
        "openapi: 3.0.3\ninfo: {title: Broken\npaths: {}\n",
    )
    .unwrap();

    let error = xtask::codegen::run_codegen_in(root).expect_err("a broken spec fails the run");
    let message = format!("{error:#}");
    assert!(message.contains("specs/zz-broken.yaml"), "{message}");
    assert!(message.contains("nothing was written"), "{message}");
    assert_eq!(
        snapshot(&root.join("generated")),
        before,
        "generated/ changed"
    );
    assert!(!root.join("generated/zz-broken").exists());
}

#[test]
fn test_only_specs_generate_into_tests_generated() {
    let temp = fresh_copy();
    let root = temp.path();
    let generated_before = snapshot(&root.join("generated"));
    for (from, to) in [
        ("generic-login.yaml", "zz-extra.yaml"),
        ("generic-login.settings.yaml", "zz-extra.settings.yaml"),
    ] {
        std::fs::copy(
            root.join("specs").join(from),
            root.join("tests/specs").join(to),
        )
        .unwrap();
    }
    xtask::codegen::check_in(root).expect_err("the new crate is missing");

    xtask::codegen::run_codegen_in(root).expect("the run succeeds");
    let manifest = std::fs::read_to_string(root.join("tests/generated/zz-extra/Cargo.toml"))
        .expect("the crate is written under tests/generated/");
    // One level deeper than `generated/<name>/`.
    assert!(
        manifest.contains(r#"path = "../../../generator/client-runtime""#),
        "{manifest}"
    );
    assert!(
        manifest.contains(r#"path = "../../../generator/token-source""#),
        "{manifest}"
    );
    assert!(manifest.starts_with("# Generated from `tests/specs/zz-extra.yaml`"));
    assert_eq!(snapshot(&root.join("generated")), generated_before);
    xtask::codegen::check_in(root).expect("both folders match their specs");

    // A spec removed from tests/specs/ leaves an orphan crate, which the next run removes.
    std::fs::remove_file(root.join("tests/specs/zz-extra.yaml")).unwrap();
    xtask::codegen::check_in(root).expect_err("the orphan crate is drift");
    xtask::codegen::run_codegen_in(root).expect("the run succeeds");
    assert!(!root.join("tests/generated/zz-extra").exists());
    assert_eq!(snapshot(&root.join("generated")), generated_before);
}

#[test]
fn a_failing_test_only_spec_leaves_both_folders_byte_identical() {
    let temp = fresh_copy();
    let root = temp.path();
    let before = [
        snapshot(&root.join("generated")),
        snapshot(&root.join("tests/generated")),
    ];
    std::fs::write(
        root.join("tests/specs/zz-broken.yaml"),
        "openapi: 3.0.3\ninfo: {title: Broken\npaths: {}\n",
    )
    .unwrap();
    let error = xtask::codegen::run_codegen_in(root).expect_err("a broken spec fails the run");
    assert!(
        format!("{error:#}").contains("tests/specs/zz-broken.yaml"),
        "{error:#}"
    );
    let after = [
        snapshot(&root.join("generated")),
        snapshot(&root.join("tests/generated")),
    ];
    assert_eq!(after, before);
}

#[test]
fn leftovers_of_an_interrupted_run_are_cleaned_up() {
    let temp = fresh_copy();
    let root = temp.path();
    let stem = first_crate(root);
    let staging = root.join("target/codegen-staging");
    // Killed while writing the new crate: a half-written `.new`, the old crate in place.
    std::fs::create_dir_all(staging.join(format!("{stem}.new/src"))).unwrap();
    std::fs::write(
        staging.join(format!("{stem}.new/src/lib.rs")),
        "pub fn half(",
    )
    .unwrap();
    // ...and a stale `.old` from an earlier run.
    std::fs::create_dir_all(staging.join(format!("{stem}.old"))).unwrap();
    std::fs::write(
        root.join("generated").join(&stem).join("README.md"),
        "stale",
    )
    .unwrap();

    xtask::codegen::run_codegen_in(root).expect("the run succeeds");
    xtask::codegen::check_in(root).expect("generated/ matches the specs");
    let left: Vec<_> = std::fs::read_dir(&staging).unwrap().collect();
    assert!(left.is_empty(), "staging left behind: {left:?}");
}

#[test]
fn a_crate_moved_aside_by_an_interrupted_swap_is_put_back() {
    let temp = fresh_copy();
    let root = temp.path();
    let stem = first_crate(root);
    let staging = root.join("target/codegen-staging");
    std::fs::create_dir_all(&staging).unwrap();
    // Killed between the two renames: the crate sits in `.old`, the target is missing, and
    // the new crate in `.new` may be incomplete.
    let target = root.join("generated").join(&stem);
    let before = snapshot(&target);
    std::fs::rename(&target, staging.join(format!("{stem}.old"))).unwrap();
    std::fs::create_dir_all(staging.join(format!("{stem}.new"))).unwrap();

    let replaced = xtask::codegen::replace_dir_atomically(
        &staging,
        &target,
        &[generator::GeneratedFile {
            path: "src/lib.rs".into(),
            contents: "// next\n".into(),
        }],
    );
    replaced.expect("the swap succeeds");
    assert_eq!(
        std::fs::read_to_string(target.join("src/lib.rs")).unwrap(),
        "// next\n"
    );
    assert!(!staging.join(format!("{stem}.old")).exists());

    // And a full run restores a crate left only in `.old`.
    std::fs::remove_dir_all(&target).unwrap();
    copy_tree(
        &workspace().join("generated").join(&stem),
        &staging.join(format!("{stem}.old")),
    );
    xtask::codegen::run_codegen_in(root).expect("the run succeeds");
    assert_eq!(
        snapshot(&target).keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    xtask::codegen::check_in(root).expect("generated/ matches the specs");
}

#[test]
fn a_failing_generate_leaves_an_existing_output_untouched() {
    let temp = tempfile::Builder::new()
        .prefix("atomic-generate-")
        .tempdir()
        .unwrap();
    let out = temp.path().join("client");
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("src/lib.rs"), "// keep me\n").unwrap();
    let spec = temp.path().join("broken.yaml");
    std::fs::write(&spec, "openapi: 3.0.3\npaths: [a]\n").unwrap();
    let flags = xtask::flags::Generate {
        spec: spec.clone(),
        out: out.clone(),
        name: None,
        report: None,
    };
    let error = xtask::codegen::run_generate(&flags).expect_err("the spec is broken");
    assert!(format!("{error:#}").contains("broken.yaml"));
    assert_eq!(
        std::fs::read_to_string(out.join("src/lib.rs")).unwrap(),
        "// keep me\n"
    );
    assert_eq!(snapshot(&out).len(), 1);
}
