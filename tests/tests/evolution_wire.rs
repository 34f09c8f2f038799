//! A client generated from an old document, against a server that already speaks the new one:
//! the response carries an enum value and a property the old document does not know. The
//! client is generated into a scratch workspace under `target/evolution-wire/` and its own
//! test there calls a server on 127.0.0.1; the diff of the two documents must call both
//! changes wire-compatible, and the old client must agree by decoding the response.

use std::path::Path;
use std::process::Command;

const PAIR: &str = "fixtures/diff/enum_value_added";

/// The scratch crate's test: one canned HTTP reply in the new document's shape, decoded by
/// the old client.
const OLD_CLIENT_TEST: &str = r##"
use std::io::{Read, Write};

#[tokio::test]
async fn the_old_client_decodes_a_new_enum_value_and_a_new_field() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut socket, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let _ = socket.read(&mut request).unwrap();
        let body = r#"{"id":"o-1","status":"cancelled","items":[],"shipped_at":"2026-12-06T00:00:00Z"}"#;
        let reply = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        socket.write_all(reply.as_bytes()).unwrap();
    });
    let client = old_shop::Client::builder(old_shop::Server::Custom(url))
        .bearer("token")
        .build()
        .unwrap();
    let order = client.get_order("o-1").await.expect("the old client decodes the new reply").body;
    server.join().unwrap();
    assert_eq!(order.id, "o-1");
    assert_eq!(order.status, old_shop::types::OrderStatus::UnknownValue("cancelled".into()));
    assert_eq!(order.status.to_string(), "cancelled");
}
"##;

const TOKIO: &str = r#"tokio = { version = "1", features = ["macros", "rt"] }"#;

fn write(path: &Path, contents: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == contents) {
        return;
    }
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create a directory");
    std::fs::write(path, contents).expect("write a scratch file");
}

#[test]
fn the_diff_calls_a_new_enum_value_and_a_new_field_wire_compatible() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(PAIR);
    let old = std::fs::read(dir.join("old.yaml")).expect("readable");
    let mut new: serde_json::Value =
        serde_yaml::from_slice(&std::fs::read(dir.join("new.yaml")).expect("readable"))
            .expect("yaml");
    new["components"]["schemas"]["Order"]["properties"]["shipped_at"] =
        serde_json::json!({"type": "string", "format": "date-time"});
    let report = generator::diff::diff_specs(&old, new.to_string().as_bytes()).expect("diffs");
    let mut kinds: Vec<&str> = report.changes.iter().map(|c| c.kind).collect();
    kinds.sort();
    assert_eq!(
        kinds,
        ["enum_value_added", "field_added_optional"],
        "{report:#?}"
    );
    assert!(!report.wire_breaking);
    assert_eq!(report.semver, generator::diff::Semver::Minor);
}

#[test]
fn a_client_from_the_old_document_decodes_the_new_reply() {
    let root = xtask::workspace_root();
    let scratch = root.join("target").join("evolution-wire");
    let old = std::fs::read(root.join("tests").join(PAIR).join("old.yaml")).expect("readable");
    let mut settings = generator::Settings::new("old-shop");
    settings.runtime_path = root
        .join("generator/client-runtime")
        .to_string_lossy()
        .into_owned();
    let generation = generator::generate(&old, &settings).expect("generates");
    for file in &generation.files {
        let contents = if file.path == "Cargo.toml" {
            format!("{}\n[dev-dependencies]\n{TOKIO}\n", file.contents)
        } else {
            file.contents.clone()
        };
        write(&scratch.join("old-shop").join(&file.path), &contents);
    }
    write(&scratch.join("old-shop/tests/wire.rs"), OLD_CLIENT_TEST);
    write(
        &scratch.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"old-shop\"]\n",
    );
    std::fs::copy(root.join("Cargo.lock"), scratch.join("Cargo.lock")).expect("copy Cargo.lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["test", "--test", "wire"])
        .current_dir(&scratch)
        .env(
            "CARGO_TARGET_DIR",
            root.join("target").join("fixture-check"),
        )
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
