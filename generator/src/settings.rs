//! What a spec's `<name>.settings.yaml` says about the crate generated from it.

use crate::error::Error;

/// Per-spec settings, read from the `<name>.settings.yaml` file beside the spec.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The Cargo package name of the generated crate.
    pub crate_name: String,
    /// The crate's version (the API's `info.version` is rarely valid semver). Written in the
    /// settings file, it is pinned; otherwise `cargo xtask codegen` derives it from the API
    /// diff against the committed spec (see [`crate::diff::next_version`]).
    #[serde(default = "default_version")]
    pub crate_version: String,
    /// Whether the settings file sets `crate_version` itself.
    #[serde(skip)]
    pub crate_version_pinned: bool,
    /// One line for the crate's `description`.
    #[serde(default)]
    pub description: Option<String>,
    /// The `operationId` of the operation that issues access tokens (shown in the docs).
    #[serde(default)]
    pub token_operation: Option<String>,
    /// The operation that issues access tokens and where they sit in its response: the crate
    /// then gets a caching, self-refreshing `TokenSource` (overrides an `x-token-source`).
    #[serde(default)]
    pub token: Option<TokenSettings>,
    /// Path from the generated crate to the `token-source` crate. Set by `cargo xtask
    /// codegen`, never by the settings file: only where the path resolves does a crate get a
    /// token source, so a crate generated anywhere else still builds on its own.
    #[serde(skip)]
    pub token_source_path: Option<String>,
    /// Path from the generated crate to the `client-runtime` crate it depends on. Set by
    /// `cargo xtask`, never by the settings file; the default is where it lies from
    /// `generated/<name>/` in this workspace.
    #[serde(skip, default = "default_runtime_path")]
    pub runtime_path: String,
    /// Where the spec lives, as shown in the header of every generated file.
    #[serde(skip)]
    pub source: String,
    /// The command that regenerates the files, as shown in the header.
    #[serde(skip, default = "default_command")]
    pub command: String,
}

fn default_version() -> String {
    "0.1.0".into()
}

fn default_runtime_path() -> String {
    "../../generator/client-runtime".into()
}

fn default_command() -> String {
    "cargo xtask codegen".into()
}

impl Settings {
    /// Settings with defaults for a crate name.
    pub fn new(crate_name: &str) -> Self {
        Settings {
            crate_name: crate_name.to_string(),
            crate_version: default_version(),
            crate_version_pinned: false,
            description: None,
            token_operation: None,
            token: None,
            token_source_path: None,
            runtime_path: default_runtime_path(),
            source: format!("{crate_name}.yaml"),
            command: default_command(),
        }
    }

    /// Reads settings from YAML text.
    pub fn from_yaml(text: &str) -> Result<Self, Error> {
        let mut settings: Settings =
            serde_yaml::from_str(text).map_err(|error| Error::Settings(error.to_string()))?;
        settings.command = default_command();
        // A version written in the file pins it; otherwise `cargo xtask codegen` derives it.
        let value: serde_yaml::Value =
            serde_yaml::from_str(text).map_err(|error| Error::Settings(error.to_string()))?;
        settings.crate_version_pinned = value.get("crate_version").is_some();
        Ok(settings)
    }
}

/// How a token source is declared: in `specs/<name>.settings.yaml` under `token:`, or as an
/// operation's `x-token-source` extension (where `operation` may be left out). Pointers are
/// JSON pointers into the success body; a `{name}` segment is chosen by the user when the
/// token source is built (one login response can hold a token per organization).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenSettings {
    /// `operationId` (or generated method name) of the operation that issues tokens.
    #[serde(default)]
    pub operation: Option<String>,
    /// Pointer to the access token.
    pub access_token: String,
    /// Pointer to the lifetime in seconds.
    #[serde(default)]
    pub expires_in: Option<String>,
    /// Pointer to the expiry in seconds since the Unix epoch.
    #[serde(default)]
    pub expires_on: Option<String>,
    /// Pointer to the refresh token.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// The operation that trades a refresh token for a new access token; its response is
    /// read with the same pointers.
    #[serde(default)]
    pub refresh_operation: Option<String>,
    /// The property of the refresh operation's JSON body that carries the refresh token
    /// (default `refresh_token`).
    #[serde(default)]
    pub refresh_body_field: Option<String>,
    /// The lifetime when neither the response nor the token's JWT `exp` claim tells it.
    #[serde(default)]
    pub default_lifetime_seconds: Option<u64>,
}
