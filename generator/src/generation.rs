//! What one generation returns: the files, the warnings and the figures about them.

use crate::error::Warning;
use std::time::Duration;

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the crate directory, with `/` separators.
    pub path: String,
    /// Full contents.
    pub contents: String,
}

/// Figures about one generation, so coverage is never bought silently with fallbacks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Operations the document declares.
    pub operations_in_document: usize,
    /// Operations that became client methods.
    pub operations_generated: usize,
    /// Schemas lowered (components and inline object, enum and union schemas).
    pub schemas_total: usize,
    /// Schemas that fell back to `serde_json::Value`, with pointer and reason.
    pub fallbacks: Vec<(String, String)>,
}

/// The result of generating one crate.
#[derive(Debug, Clone)]
pub struct Generation {
    /// Files of the crate, sorted by path.
    pub files: Vec<GeneratedFile>,
    /// Constructs skipped or approximated, with their JSON pointers.
    pub warnings: Vec<Warning>,
    /// Coverage figures.
    pub report: Report,
    /// Number of named types generated.
    pub types: usize,
    /// Number of operations generated.
    pub operations: usize,
}

/// Wall-clock time of each stage of one generation, as `cargo xtask bench` reports it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageTimes {
    /// Bytes to `serde_json::Value` (YAML or JSON) and the version gate.
    pub load: Duration,
    /// Bundling referenced files and the 3.1 rewrites on the `Value`.
    pub normalize: Duration,
    /// `Value` to `openapiv3::OpenAPI`, with repairs.
    pub deserialize: Duration,
    /// openapiv3 to the finalized IR.
    pub lower: Duration,
    /// IR to token streams and text.
    pub render: Duration,
    /// Token streams to pretty-printed files.
    pub format: Duration,
}
