//! The API diff over `tests/fixtures/diff/<kind>[--case]/{old,new}.yaml`: one pair per change
//! kind, each report snapshotted as JSON. The directory names the kind the report must hold,
//! so a pair that stops producing its change fails here, not only in a snapshot review.

use std::path::{Path, PathBuf};

fn pairs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diff");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/diff exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn report_of(pair: &Path) -> generator::diff::DiffReport {
    let read = |name: &str| std::fs::read(pair.join(name)).expect("the pair is readable");
    generator::diff::diff_specs(&read("old.yaml"), &read("new.yaml"))
        .unwrap_or_else(|e| panic!("{}: {e}", pair.display()))
}

#[test]
fn every_pair_reports_its_kind_and_matches_its_snapshot() {
    let pairs = pairs();
    let mut kinds = std::collections::BTreeSet::new();
    for pair in &pairs {
        let name = pair
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let kind = name.split("--").next().unwrap_or(name);
        let report = report_of(pair);
        assert!(
            report.changes.iter().any(|c| c.kind == kind),
            "{name}: no `{kind}` change in {report:#?}"
        );
        kinds.insert(kind.to_string());
        let json = serde_json::to_string_pretty(&report.to_json()).expect("serializes");
        insta::assert_snapshot!(format!("diff__{name}"), json);
    }
    assert!(
        kinds.len() >= 40,
        "only {} change kinds covered",
        kinds.len()
    );
}

#[test]
fn the_json_report_keeps_its_contract() {
    let pair = pairs().into_iter().next().expect("at least one pair");
    let json = report_of(&pair).to_json();
    assert!(json["semver"].is_string());
    assert!(json["wire_breaking"].is_boolean());
    let change = &json["changes"][0];
    for key in [
        "kind",
        "old_pointer",
        "new_pointer",
        "semver",
        "wire_breaking",
        "message",
    ] {
        assert!(change.get(key).is_some(), "`{key}` missing from {change}");
    }
}

#[test]
fn a_document_compared_with_itself_has_no_changes() {
    for pair in pairs() {
        let bytes = std::fs::read(pair.join("new.yaml")).expect("readable");
        let report = generator::diff::diff_specs(&bytes, &bytes).expect("diffs");
        assert!(report.changes.is_empty(), "{}: {report:#?}", pair.display());
        assert_eq!(report.semver, generator::diff::Semver::None);
    }
}
