//! The generated crate's `Cargo.toml`: a standalone package that names its dependencies with
//! versions, so the crate builds wherever it is written.

use super::typeref::Usage;
use crate::lower::token_plan::TokenPlan;
use crate::settings::Settings;

/// The manifest text.
pub(crate) fn manifest(settings: &Settings, usage: &Usage, plan: Option<&TokenPlan>) -> String {
    let mut out = String::new();
    out.push_str("[package]\n");
    out.push_str(&format!("name = {}\n", toml_string(&settings.crate_name)));
    // The API's own `info.version` is rarely valid semver; the crate version is ours.
    out.push_str(&format!(
        "version = {}\n",
        toml_string(&settings.crate_version)
    ));
    out.push_str("edition = \"2021\"\n");
    out.push_str("publish = false\n");
    if let Some(description) = &settings.description {
        out.push_str(&format!("description = {}\n", toml_string(description)));
    }
    out.push_str("\n[dependencies]\n");
    out.push_str(&format!(
        "client-runtime = {{ path = {} }}\n",
        toml_string(&settings.runtime_path)
    ));
    out.push_str("reqwest = { version = \"0.12\", default-features = false, features = [\"rustls-tls\", \"multipart\"] }\n");
    out.push_str("serde = { version = \"1\", features = [\"derive\"] }\n");
    // Field order is the spec's order on the wire (form bodies), which needs an ordered map.
    out.push_str("serde_json = { version = \"1\", features = [\"preserve_order\"] }\n");
    if usage.uuid {
        out.push_str("uuid = { version = \"1\", features = [\"serde\"] }\n");
    }
    if usage.chrono {
        out.push_str("chrono = { version = \"0.4\", default-features = false, features = [\"serde\", \"std\"] }\n");
    }
    // Only emitted where `cargo xtask codegen` knows the path resolves (see `Settings`).
    if let Some(plan) = plan {
        out.push_str(&format!(
            "token-source = {{ path = {} }}\n",
            toml_string(&plan.crate_path)
        ));
    }
    // The typed mock server: its support code (and the mock-server crate) sits behind
    // client-runtime's own feature, so a build without `mock` compiles none of it.
    out.push_str("\n[features]\n");
    let fake = plan.map_or("", |_| ", \"token-source/fake\"");
    out.push_str(&format!("mock = [\"client-runtime/mock\"{fake}]\n"));
    // Passed through to the runtime, so a user turns it on in their dependency on this crate.
    out.push_str("# Accept a `reqwest_middleware::ClientWithMiddleware` as the HTTP client.\n");
    out.push_str("middleware = [\"client-runtime/middleware\"]\n");
    out
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
