//! Stage 1: bytes to `serde_json::Value`, with the version gate. All YAML handling lives here.

mod tree;

use crate::error::Error;
use serde::de::DeserializeSeed;
use serde_json::Value;

/// Deepest nesting of mappings and lists accepted (the top-level mapping is level 1). Real specs
/// stay far below; the limit keeps a hostile document from exhausting the stack in the parser
/// and in later recursive stages, and it is checked while parsing, so a document nested 10,000
/// levels deep is refused with the pointer where it crossed the limit.
pub const MAX_DEPTH: usize = 120;

/// Parses YAML or JSON text into a value and checks that it is a Swagger 2.0 or an OpenAPI 3.0 or 3.1 document.
/// Lenient re-reads of almost-YAML are reported as warnings.
pub(crate) fn load_with_diagnostics(
    bytes: &[u8],
    diagnostics: &mut crate::error::Diagnostics,
) -> Result<Value, Error> {
    let text = std::str::from_utf8(bytes).map_err(|error| utf8_error(bytes, error))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::invalid("#", "the document is empty"));
    }
    let value = match parse_text(text) {
        Ok(value) => value,
        Err(error) => parse_leniently(text, diagnostics).ok_or(error)?,
    };
    check_version(&value)?;
    Ok(value)
}

fn parse_text(text: &str) -> Result<Value, Error> {
    let state = tree::State::default();
    if text.trim_start().starts_with('{') {
        let mut deserializer = serde_json::Deserializer::from_str(text);
        return tree::Node::root(&state)
            .deserialize(&mut deserializer)
            .and_then(|value| deserializer.end().map(|()| value))
            .map_err(|error| {
                let location = format!("line {} column {}", error.line(), error.column());
                parse_error(&state, "JSON", error.to_string(), &location)
            });
    }
    // serde_yaml bounds alias expansion (a billion-laughs document fails with its "repetition
    // limit"); the tree builder refuses duplicate keys and deep nesting, naming the pointer.
    let state = tree::State {
        merge_keys: true,
        ..state
    };
    let deserializer = serde_yaml::Deserializer::from_str(text);
    tree::Node::root(&state)
        .deserialize(deserializer)
        .map_err(|error| {
            let location = error
                .location()
                .map(|l| format!("line {} column {}", l.line(), l.column()))
                .unwrap_or_default();
            let mut message = error.to_string();
            if message.starts_with("repetition limit exceeded") {
                message = "YAML aliases expand to too many nodes (an alias bomb); the repetition limit was exceeded".into();
            } else if message.contains("more than one document") {
                message = match second_document_line(text) {
                    Some(line) => format!("the file holds more than one YAML document (the second starts at line {line}); a spec is one document"),
                    None => "the file holds more than one YAML document; a spec is one document".into(),
                };
            }
            parse_error(&state, "YAML", message, &location)
        })
}

/// The line of the `---` that starts a second YAML document, if one does.
fn second_document_line(text: &str) -> Option<usize> {
    let mut content_seen = false;
    for (index, line) in text.lines().enumerate() {
        let is_marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
        if is_marker && content_seen {
            return Some(index + 1);
        }
        let trimmed = line.trim();
        if !is_marker
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
            && !trimmed.starts_with('%')
        {
            content_seen = true;
        }
    }
    None
}

/// The error for a failed parse: our own refusal when there is one, else the parser's message,
/// at the innermost pointer reached.
fn parse_error(
    state: &tree::State,
    format: &'static str,
    message: String,
    location: &str,
) -> Error {
    let failure = state.failure.take();
    let pointer = failure.pointer.unwrap_or_else(|| "#".into());
    match failure.message {
        Some(own) if location.is_empty() => Error::invalid(pointer, own),
        Some(own) => Error::invalid(pointer, format!("{own} (at {location})")),
        None => Error::Syntax {
            pointer,
            format,
            message,
        },
    }
}

fn utf8_error(bytes: &[u8], error: std::str::Utf8Error) -> Error {
    let valid = &bytes[..error.valid_up_to()];
    let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    let hint = if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        " (the file looks UTF-16 encoded; save it as UTF-8)"
    } else {
        ""
    };
    Error::Syntax {
        pointer: "#".into(),
        format: "UTF-8 text",
        message: format!(
            "invalid UTF-8 at byte {} (line {line} column {column}){hint}",
            error.valid_up_to()
        ),
    }
}

/// Parses a file that a spec refers to: YAML or JSON under the same limits as the spec, but
/// without the version gate, since such files hold fragments (a schema, a few components).
pub(crate) fn parse_fragment(bytes: &[u8]) -> Result<Value, Error> {
    let text = std::str::from_utf8(bytes).map_err(|error| utf8_error(bytes, error))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::invalid("#", "the file is empty"));
    }
    parse_text(text)
}

/// Published documents often break two YAML rules that change nothing about their meaning: a
/// tab on an otherwise blank line inside a block scalar, and C1 control characters inside
/// strings. When strict parsing fails, the text is read again with blank lines emptied and
/// control characters replaced by U+FFFD; a document that still fails keeps its first error.
fn parse_leniently(text: &str, diagnostics: &mut crate::error::Diagnostics) -> Option<Value> {
    if text.trim_start().starts_with('{') {
        return None;
    }
    let mut repaired = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            repaired.push_str(&line[content.len()..]);
            continue;
        }
        repaired.extend(content.chars().map(|c| {
            if c.is_control() && c != '\t' {
                '\u{fffd}'
            } else {
                c
            }
        }));
        repaired.push_str(&line[content.len()..]);
    }
    let value = parse_text(&repaired).ok()?;
    diagnostics.warn(
        "#",
        "the document is not strictly valid YAML (tabs on blank lines or control characters); it was read with those blank lines emptied and control characters replaced",
    );
    Some(value)
}

/// The major.minor versions this generator reads.
pub const SUPPORTED: &str = "Swagger 2.0, OpenAPI 3.0.x and 3.1.x";

fn check_version(value: &Value) -> Result<(), Error> {
    let Some(root) = value.as_object() else {
        return Err(Error::invalid(
            "#",
            "the document must be a mapping at the top level",
        ));
    };
    if let Some(swagger) = root.get("swagger") {
        return match swagger {
            Value::String(v) if v == "2.0" => Ok(()),
            Value::Number(n) if n.as_f64() == Some(2.0) => Ok(()),
            other => Err(Error::invalid(
                "#/swagger",
                format!(
                    "unsupported Swagger version `{}` (supported: {SUPPORTED})",
                    version_text(other)
                ),
            )),
        };
    }
    let version = match root.get("openapi") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(Error::invalid(
                "#/openapi",
                "`openapi` must be a version string",
            ))
        }
        None => {
            return Err(Error::invalid(
                "#",
                format!("missing `openapi` version field (supported: {SUPPORTED})"),
            ))
        }
    };
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        return Err(Error::invalid(
            "#/openapi",
            format!("unsupported OpenAPI version `{version}` (supported: {SUPPORTED})"),
        ));
    }
    Ok(())
}

fn version_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}
