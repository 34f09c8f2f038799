//! The harness crate of one document: a binary that calls every operation of the generated
//! client (through its `mock` module's example calls) against the base URL it is given, and
//! prints one tab-separated line per call, from the
//! operation it is told to start at (the one after the call a crashed Prism ended on).

use std::path::Path;

use anyhow::{Context, Result};

/// The harness package of the crate `krate`.
pub fn name(krate: &str) -> String {
    format!("{krate}-harness")
}

/// Writes `crates/<krate>-harness/` next to the generated crate.
pub fn write(crates: &Path, krate: &str) -> Result<()> {
    let dir = crates.join(name(krate));
    std::fs::create_dir_all(dir.join("src"))
        .with_context(|| format!("creating {}", dir.display()))?;
    let lib = krate.replace('-', "_");
    let manifest = format!(
        "[package]\nname = \"{harness}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\n{krate} = {{ path = \"../{krate}\", features = [\"mock\"] }}\n\
         tokio = {{ version = \"1\", features = [\"rt\", \"macros\", \"time\"] }}\n",
        harness = name(krate),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    std::fs::write(dir.join("src/main.rs"), MAIN.replace("DOC", &lib))?;
    Ok(())
}

/// One task per call, so that a panic in one is reported and the others still run.
const MAIN: &str = r#"//! Written by `cargo xtask conformance`: calls every operation once against BASE_URL,
//! from FIRST_INDEX on (0 when not given), or with `dynamic:I,J` only the calls I and J,
//! asking Prism for replies generated from the schema.
//! Output: `call\tINDEX\tNAME\tMETHOD\tPATH\tKIND\tSTATUS\tMESSAGE` per operation.

const CALL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let url = std::env::args().nth(1).expect("usage: harness BASE_URL [FIRST_INDEX | dynamic:I,J]");
    let from = std::env::args().nth(2).unwrap_or_default();
    let mut client = DOC::mock::example_client(DOC::Server::Custom(url));
    let infos: Vec<_> = DOC::mock::example_calls(&client).iter().map(|c| c.info).collect();
    // `dynamic:I,J`: only those calls, with Prism asked for replies generated from the schema.
    let chosen: Vec<usize> = match from.strip_prefix("dynamic:") {
        Some(list) => {
            let options = DOC::runtime::CallOptions::default().header("Prefer", "dynamic=true");
            client = client.with_options(options);
            list.split(',').filter_map(|i| i.parse().ok()).collect()
        }
        None => (from.parse().unwrap_or(0)..infos.len()).collect(),
    };
    for index in chosen {
        let Some(info) = infos.get(index) else { continue };
        let client = client.clone();
        let task = tokio::spawn(async move {
            let mut calls = DOC::mock::example_calls(&client);
            let call = calls.swap_remove(index);
            tokio::time::timeout(CALL_TIMEOUT, call.call).await
        });
        let (kind, status, message) = match task.await {
            Ok(Ok(outcome)) => (outcome.kind.name().to_string(), outcome.status, outcome.message),
            Ok(Err(_)) => ("timeout".to_string(), None, "the call took longer than 30 s".to_string()),
            Err(error) if error.is_panic() => {
                let payload = error.into_panic();
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                ("panic".to_string(), None, message)
            }
            Err(error) => ("panic".to_string(), None, error.to_string()),
        };
        let status = status.map(|s| s.to_string()).unwrap_or_default();
        let message = message.replace(['\t', '\n', '\r'], " ");
        println!(
            "call\t{index}\t{}\t{}\t{}\t{kind}\t{status}\t{message}",
            info.name, info.method, info.path
        );
    }
}
"#;
