//! Snapshot tests over `tests/fixtures/*.yaml|json`: each fixture's IR (with warnings) and its
//! rendered files. A new fixture file is a new test case. Fixtures under `tests/fixtures/fatal/`
//! must fail, and their error message is the snapshot.

use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.is_file()
            && matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml" | "json")
            )
    });
    files.sort();
    files
}

fn name_of(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture")
        .to_string()
}

fn settings_for(path: &Path) -> generator::Settings {
    integration_tests::fixture_settings(path)
}

#[test]
fn fixture_ir_snapshots() {
    for path in fixtures("") {
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let (ir, warnings, report) =
            generator::lower_to_ir(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let warnings: Vec<String> = warnings.iter().map(ToString::to_string).collect();
        let text = format!(
            "warnings:\n{}\n\nreport: {report:#?}\n\n{ir:#?}",
            warnings.join("\n")
        );
        insta::assert_snapshot!(format!("ir__{}", name_of(&path)), text);
    }
}

#[test]
fn fixture_rendered_snapshots() {
    for path in fixtures("") {
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let generation = generator::generate(&bytes, &settings_for(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text: String = generation
            .files
            .iter()
            .map(|f| format!("=== {} ===\n{}\n", f.path, f.contents))
            .collect();
        insta::assert_snapshot!(format!("rendered__{}", name_of(&path)), text);
    }
}

#[test]
fn fatal_fixture_messages() {
    for path in fixtures("fatal") {
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let message = match generator::generate(&bytes, &settings_for(&path)) {
            Ok(_) => panic!("{} should fail to generate", path.display()),
            Err(error) => error.to_string(),
        };
        insta::assert_snapshot!(format!("fatal__{}", name_of(&path)), message);
    }
}

#[test]
fn generation_is_deterministic() {
    for path in fixtures("") {
        let bytes = std::fs::read(&path).expect("fixture is readable");
        let first = generator::generate(&bytes, &settings_for(&path)).expect("generates");
        let second = generator::generate(&bytes, &settings_for(&path)).expect("generates");
        assert_eq!(first.files, second.files, "{}", path.display());
    }
}
