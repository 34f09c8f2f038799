//! The mock of every operation of every wire fixture (`tests/fixtures/wire_*.yaml`), exercised
//! like the five crates' in `mocks.rs`: each fixture is generated into a scratch workspace
//! under `target/fixture-mocks/`, beside a test crate that runs `mock_support`'s exercise on
//! each operation, calling it with the arguments its mock synthesizes (`example_call`).
//!
//! Like `wire_fixtures.rs`, the scratch workspace starts from this workspace's `Cargo.lock`
//! and builds outside this build's target directory, so it never waits on the build running
//! this test. It shares `wire_fixtures.rs`'s target directory, and asks for tokio with the
//! same features, so the two build reqwest, hyper and rustls once between them.

use std::path::{Path, PathBuf};
use std::process::Command;

fn wire_fixtures(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/fixtures is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            name.starts_with("wire_") && name.ends_with(".yaml")
        })
        .collect();
    files.sort();
    files
}

/// Writes a file only when its contents change, so cargo's fingerprints stay valid.
fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create a scratch directory");
    }
    std::fs::write(path, contents).expect("write a scratch file");
}

/// A generated fixture crate: its directory, package name and the mock's operation types,
/// each with what it declares for status 418 (a `mock_support::Teapot` variant).
struct Fixture {
    stem: String,
    package: String,
    operations: Vec<(String, &'static str)>,
}

/// What the operation whose mock type is `marker` declares for status 418, as the client
/// picks a response: the exact code, then its range, then `default`.
fn teapot(api: &generator::ir::Api, marker: &str) -> &'static str {
    use generator::ir::{BodyKind, StatusMatch};
    let Some(op) = api.operations.iter().find(|op| op.type_stem == marker) else {
        panic!("no operation for the mock type {marker}");
    };
    let declared = [
        StatusMatch::Code(418),
        StatusMatch::Range(4),
        StatusMatch::Default,
    ]
    .into_iter()
    .find_map(|status| op.responses.iter().find(|r| r.status == status));
    match declared.map(|response| response.kind) {
        None => "Undeclared",
        Some(BodyKind::Json) => "Json",
        Some(BodyKind::Text) => "Text",
        Some(_) => "Other",
    }
}

fn generate(path: &Path, scratch: &Path) -> Fixture {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a fixture file name")
        .to_string();
    let settings = integration_tests::fixture_settings(path);
    let bytes = std::fs::read(path).expect("fixture is readable");
    let generation = generator::generate(&bytes, &settings)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let (api, _, _) =
        generator::lower_to_ir(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut operations = Vec::new();
    for file in &generation.files {
        write_if_changed(&scratch.join(&stem).join(&file.path), &file.contents);
        if file.path == "src/mock.rs" {
            // Each operation's type is an empty enum in `mock::operations`.
            operations.extend(file.contents.lines().filter_map(|line| {
                let name = line.trim().strip_prefix("pub enum ")?.strip_suffix(" {}")?;
                Some((name.to_string(), teapot(&api, name)))
            }));
        }
    }
    assert!(!operations.is_empty(), "{stem}: no operation in its mock");
    Fixture {
        stem,
        package: settings.crate_name,
        operations,
    }
}

/// The test file: one `#[tokio::test]` per operation of every fixture.
fn exercise_tests(fixtures: &[Fixture], support: &Path) -> String {
    let mut out = format!(
        "#[path = {:?}]\nmod mock_support;\n\nuse {}::runtime;\n",
        support.display().to_string(),
        fixtures[0].package.replace('-', "_")
    );
    for fixture in fixtures {
        let krate = fixture.package.replace('-', "_");
        for (operation, teapot) in &fixture.operations {
            out.push_str(&format!(
                "
#[tokio::test]
async fn {stem}_{test}() {{
    type Op = {krate}::mock::operations::{operation};
    mock_support::Exercise {{
        start: {krate}::mock::MockServer::start,
        call: |uri| async move {{
            let client = {krate}::Client::new({krate}::Server::Custom(uri)).expect(\"a client\");
            <Op as runtime::mock::MockOperation>::example_call(&client).await
        }},
        secret: None,
        declared_errors: None,
        teapot: mock_support::Teapot::{teapot},
    }}
    .run::<Op>()
    .await;
}}
",
                stem = fixture.stem,
                test = operation.to_lowercase(),
            ));
        }
    }
    out
}

#[test]
fn every_wire_fixture_operation_is_served_by_its_mock() {
    let root = xtask::workspace_root();
    let scratch = root.join("target").join("fixture-mocks");
    let fixtures: Vec<Fixture> = wire_fixtures(&root.join("tests").join("fixtures"))
        .iter()
        .map(|path| generate(path, &scratch))
        .collect();
    assert!(!fixtures.is_empty(), "no wire fixtures found");
    let mut members: Vec<String> = fixtures.iter().map(|f| format!("\"{}\"", f.stem)).collect();
    members.push("\"exercise\"".into());
    write_if_changed(
        &scratch.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    let dependencies: Vec<String> = fixtures
        .iter()
        .map(|f| {
            format!(
                "{} = {{ path = \"../{}\", features = [\"mock\"] }}\n",
                f.package, f.stem
            )
        })
        .collect();
    write_if_changed(
        &scratch.join("exercise").join("Cargo.toml"),
        &format!(
            "[package]\nname = \"fixture-mock-exercise\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\n{}\
             tokio = {{ version = \"1\", features = [\"macros\", \"rt\"] }}\n",
            dependencies.concat()
        ),
    );
    write_if_changed(&scratch.join("exercise").join("src").join("lib.rs"), "");
    let support = root
        .join("tests")
        .join("tests")
        .join("mock_support")
        .join("mod.rs");
    write_if_changed(
        &scratch.join("exercise").join("tests").join("exercise.rs"),
        &exercise_tests(&fixtures, &support),
    );
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))
        .expect("copy Cargo.lock into the scratch workspace");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "-p", "fixture-mock-exercise", "--test", "exercise"])
        .current_dir(&scratch)
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("wire-fixtures-build"),
        )
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let operations: usize = fixtures.iter().map(|f| f.operations.len()).sum();
    assert!(
        output.status.success()
            && stdout.contains(&format!("test result: ok. {operations} passed")),
        "the wire fixtures' mocks fail in {}:\n{stdout}\n{stderr}",
        scratch.display()
    );
}
