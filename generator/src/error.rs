//! Errors and warnings about a spec, each naming the JSON pointer where it happened.

use std::fmt;

/// A fatal problem: the input cannot be read as an OpenAPI 3.x document.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The bytes are not valid YAML or JSON.
    #[error("{pointer}: cannot parse the document as {format}: {message}")]
    Syntax {
        /// Where the parser stopped (`#` for the document, with line and column in `message`).
        pointer: String,
        /// `YAML` or `JSON`.
        format: &'static str,
        /// The parser's own message, with line and column.
        message: String,
    },
    /// The document parsed, but is not an OpenAPI 3.0 or 3.1 document, or its shape is wrong.
    #[error("{pointer}: {message}")]
    Invalid {
        /// JSON pointer of the offending node.
        pointer: String,
        /// What is wrong and what is expected instead.
        message: String,
    },
    /// A bug in the generator itself: the output it built is not valid Rust.
    #[error("internal error (please report): {0}")]
    Internal(String),
    /// The settings beside a spec cannot be read.
    #[error("settings: {0}")]
    Settings(String),
}

impl Error {
    pub(crate) fn invalid(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            pointer: pointer.into(),
            message: message.into(),
        }
    }
}

/// A recoverable problem: generation went on with a sound fallback.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// JSON pointer of the construct, e.g. `#/components/schemas/Pet/properties/tag`.
    pub pointer: String,
    /// What was skipped or approximated, and the fallback used.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// Collects warnings while a document is processed.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    pub warnings: Vec<Warning>,
    /// Schemas that fell back to `serde_json::Value` (pointer, reason).
    pub fallbacks: Vec<(String, String)>,
}

impl Diagnostics {
    pub fn warn(&mut self, pointer: &str, message: impl Into<String>) {
        self.warnings.push(Warning {
            pointer: pointer.to_string(),
            message: message.into(),
        });
    }

    /// Records a schema that could not be expressed and became `serde_json::Value`.
    pub fn fallback(&mut self, pointer: &str, reason: impl Into<String>) {
        let reason = reason.into();
        self.warn(pointer, format!("{reason}; generated as serde_json::Value"));
        self.fallbacks.push((pointer.to_string(), reason));
    }
}

/// Escapes one JSON pointer segment (`~` -> `~0`, `/` -> `~1`).
pub(crate) fn escape_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    push_escaped(&mut out, segment);
    out
}

/// Appends an escaped segment to a pointer. Called for every node the normalizer visits, so
/// it makes one allocation and no more.
pub(crate) fn join(pointer: &str, segment: &str) -> String {
    let mut out = String::with_capacity(pointer.len() + 1 + segment.len());
    out.push_str(pointer);
    out.push('/');
    push_escaped(&mut out, segment);
    out
}

/// Extends `pointer` by one segment, escaped; `truncate` to the old length takes it off again.
pub(crate) fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    push_escaped(pointer, segment);
}

/// Extends `pointer` by a list index.
pub(crate) fn push_index(pointer: &mut String, index: usize) {
    use std::fmt::Write;
    let _ = write!(pointer, "/{index}");
}

fn push_escaped(out: &mut String, segment: &str) {
    if !segment.contains(['~', '/']) {
        out.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}
