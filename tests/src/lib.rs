//! Snapshot, wire and contract tests of the generator and the generated clients live in
//! `tests/tests/`. The workspace README is included here so that its Rust snippets are
//! compiled as doctests.
#![doc = include_str!("../../README.md")]

/// Settings for a fixture under `tests/fixtures/`, the same wherever a fixture is generated, so
/// the crate `fixtures_compile` checks is byte for byte the one the snapshots show.
pub fn fixture_settings(path: &std::path::Path) -> generator::Settings {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("fixture");
    let mut settings = generator::Settings::new(&format!("fixture-{}", stem.replace('_', "-")));
    let file = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    settings.source = format!("tests/fixtures/{file}");
    // Fixture crates are checked in `target/fixture-crates/<stem>/`, from where this is the
    // token-source and client-runtime crates; fixtures that declare a token source get one.
    settings.token_source_path = Some("../../../generator/token-source".into());
    settings.runtime_path = "../../../generator/client-runtime".into();
    settings
}
