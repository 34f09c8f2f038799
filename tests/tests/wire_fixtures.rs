//! The `tests/fixtures/wire_*` clients on the wire: each fixture is generated into a scratch
//! workspace under `target/wire-fixtures/` with the driver in `tests/wire_driver/`, which calls
//! every operation once against a recording server on 127.0.0.1; the requests' bytes (request
//! line, headers in order, body) are compared with the snapshot. The snapshots of the rendered
//! code show what the clients say; this shows what they send.
//!
//! The scratch workspace starts from this workspace's `Cargo.lock` and builds in a target
//! directory of its own, like the `fixtures_compile` test, so it never waits on the lock of the
//! build that runs this test.

mod common;

use common::{Recorded, Reply, Server};
use std::path::Path;
use std::process::Command;

const FIXTURES: [&str; 5] = [
    "wire_bodies",
    "wire_conformance",
    "wire_parameters",
    "wire_responses",
    "wire_security",
];

/// The driver, built off the async runtime's threads.
async fn driver() -> std::path::PathBuf {
    let root = xtask::workspace_root();
    let scratch = root.join("target/wire-fixtures");
    tokio::task::spawn_blocking(move || build_driver(&root, &scratch))
        .await
        .expect("the build finishes")
}

/// Writes a file only when its contents change, so cargo rebuilds only what changed.
fn write_if_changed(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create a scratch directory");
    }
    std::fs::write(path, contents).expect("write a scratch file");
}

/// The driver, built once for the tests of this file (they run in parallel, and must not
/// write the scratch workspace at the same time).
fn build_driver(root: &Path, scratch: &Path) -> std::path::PathBuf {
    static DRIVER: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    DRIVER
        .get_or_init(|| generate_and_build_driver(root, scratch))
        .clone()
}

/// Generates the fixture crates and the driver into `scratch` and builds the driver.
fn generate_and_build_driver(root: &Path, scratch: &Path) -> std::path::PathBuf {
    let mut dependencies = String::new();
    for stem in FIXTURES {
        let path = root.join("tests/fixtures").join(format!("{stem}.yaml"));
        let settings = integration_tests::fixture_settings(&path);
        let bytes = std::fs::read(&path).expect("the fixture is readable");
        let generation = generator::generate(&bytes, &settings)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for file in &generation.files {
            write_if_changed(&scratch.join(stem).join(&file.path), &file.contents);
        }
        let name = &settings.crate_name;
        // The conformance fixture's example calls (what a conformance run sends) are sent
        // too: they come with its `mock` feature.
        let features = match stem {
            "wire_conformance" => ", features = [\"mock\"]",
            _ => "",
        };
        dependencies.push_str(&format!("{name} = {{ path = \"../{stem}\"{features} }}\n"));
    }
    let driver = std::fs::read_to_string(root.join("tests/wire_driver/main.rs"))
        .expect("tests/wire_driver/main.rs is readable");
    write_if_changed(&scratch.join("driver/src/main.rs"), &driver);
    write_if_changed(
        &scratch.join("driver/Cargo.toml"),
        &format!(
            "[package]\nname = \"wire-driver\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\n{dependencies}\
             tokio = {{ version = \"1\", features = [\"macros\", \"rt\"] }}\n\
             uuid = \"1\"\nserde_json = \"1\"\n"
        ),
    );
    let members: Vec<String> = FIXTURES
        .iter()
        .chain(&["driver"])
        .map(|member| format!("    \"{member}\",\n"))
        .collect();
    write_if_changed(
        &scratch.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n",
            members.concat()
        ),
    );
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock"))
        .expect("copy Cargo.lock into the scratch workspace");
    let target = root.join("target/wire-fixtures-build");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["build", "-p", "wire-driver", "--message-format", "short"])
        .current_dir(scratch)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the wire driver in {} does not build:\n{}",
        scratch.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    target.join("debug/wire-driver")
}

/// A request as text: the request line, the headers as they came, then the body (bytes that
/// are not printable ASCII escaped). The port and multipart boundaries, which change from run
/// to run, are replaced by fixed words.
fn describe(request: &Recorded, url: &str) -> String {
    let host = url.trim_start_matches("http://");
    let boundary = request
        .headers
        .iter()
        .find(|(name, _)| name == "content-type")
        .and_then(|(_, value)| value.split_once("boundary="))
        .map(|(_, boundary)| boundary.trim_matches('"').to_string());
    let mut text = format!("{} {}\n", request.method, request.target);
    for (name, value) in &request.headers {
        text.push_str(&format!("{name}: {value}\n"));
    }
    text.push('\n');
    text.push_str(
        &request
            .body
            .escape_ascii()
            .to_string()
            .replace("\\n", "\\n\n"),
    );
    let mut text = text.replace(host, "127.0.0.1:PORT");
    if let Some(boundary) = boundary {
        text = text.replace(&boundary, "BOUNDARY");
    }
    text
}

#[tokio::test(flavor = "multi_thread")]
async fn every_fixture_operation_sends_the_expected_bytes() {
    let driver = driver().await;
    let server = Server::start(Reply::status(204)).await;
    let url = server.url().to_string();
    let run = {
        let url = url.clone();
        move || Command::new(&driver).arg(&url).status()
    };
    let status = tokio::task::spawn_blocking(run)
        .await
        .expect("the driver finishes")
        .expect("the driver runs");
    assert!(status.success(), "the wire driver failed ({status})");
    let requests = server.requests();
    // One request per operation: 5 + 13 + 2 + 3 + 6, create_note once per media type.
    assert_eq!(requests.len(), 33, "requests sent");
    let text: Vec<String> = requests.iter().map(|r| describe(r, &url)).collect();
    insta::assert_snapshot!(text.join("\n----\n"));
}

/// The conformance fixture's replies, each read as the document declares it (the driver
/// asserts and fails otherwise): `null` for a nullable response, bytes declared as JSON, a
/// 204 whose declared content no server can send, an empty body where JSON is declared, JSON
/// declared under `*/*`, and a 500 to HEAD (no body, whatever the document declares).
#[tokio::test(flavor = "multi_thread")]
async fn conformance_fixture_reads_replies_as_declared() {
    let driver = driver().await;
    let server = Server::sequence(vec![
        Reply::json(200, serde_json::Value::Null),
        Reply::json(200, serde_json::json!({"access_token": "t"})),
        Reply::bytes(200, "application/json", b"\x00\x01PK".to_vec()),
        Reply::status(204),
        Reply::bytes(200, "application/json", Vec::new()),
        Reply::json(200, serde_json::json!({"id": 7})),
        Reply::status(500),
    ])
    .await;
    let url = server.url().to_string();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(&driver)
            .args([url.as_str(), "replies"])
            .output()
    })
    .await
    .expect("the driver finishes")
    .expect("the driver runs");
    assert!(
        output.status.success(),
        "the driver read a reply wrongly:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(server.requests().len(), 7, "one request per reply");
}
