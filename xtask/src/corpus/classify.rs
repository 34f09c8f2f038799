//! Groups first errors into reason classes by stripping the specifics
//! (names, JSON pointers, numbers, locations) so that the same generator or
//! rustc problem in different documents lands in one bucket.

use super::Stage;

/// The reason class of a failed document's first error.
pub fn reason_class(stage: Stage, error: &str) -> String {
    let class = match stage {
        Stage::Timeout => "timeout".to_string(),
        Stage::Panic => panic_class(error),
        Stage::CheckFailed => rustc_class(error),
        _ => generator_class(error),
    };
    truncate(&class, 140)
}

/// `panicked at generator/src/x.rs:1:2: msg` -> `panicked at generator/src/x.rs: <msg>`
fn panic_class(error: &str) -> String {
    let Some(rest) = error.strip_prefix("panicked at ") else {
        return normalize(error);
    };
    // The location is `file:line:col`; the message follows after `: `.
    let (location, message) = rest.split_once(": ").unwrap_or((rest, ""));
    let file = location.split(':').next().unwrap_or(location);
    format!("panicked at {file}: {}", normalize(message))
}

/// `E0412: cannot find type `Foo` in this scope (src/x.rs:3)` ->
/// `E0412: cannot find type `_` in this scope`
fn rustc_class(error: &str) -> String {
    // cargo-level failures (broken manifest, resolution): first line only.
    if let Some(cargo) = error.strip_prefix("cargo: ") {
        let first = cargo.split(" | ").next().unwrap_or(cargo);
        return format!("cargo: {}", normalize(first));
    }
    let without_location = match error.rfind(" (") {
        Some(at) if error.ends_with(')') => &error[..at],
        _ => error,
    };
    match without_location.split_once(": ") {
        Some((code, message)) if is_error_code(code) => format!("{code}: {}", normalize(message)),
        _ => normalize(without_location),
    }
}

fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].chars().all(|c| c.is_ascii_digit())
}

/// Generator errors and warnings are anyhow chains (`a: b: c`). With a JSON
/// pointer in them, the class is the text up to the pointer (whose own text is
/// replaced) plus the next two links, e.g. `#/…: malformed operation skipped:
/// missing field `responses``; otherwise the first two links. Quoted OpenAPI
/// keywords are kept: they are the reason.
pub fn generator_class(error: &str) -> String {
    let normalized = normalize_with(error, true);
    if let Some(at) = normalized.find(POINTER) {
        let after = at + POINTER.len();
        let rest = &normalized[after..];
        let (lead, tail) = match rest.strip_prefix(": ") {
            Some(tail) => (": ", tail),
            None => ("", rest),
        };
        let links: Vec<&str> = tail.splitn(3, ": ").collect();
        let kept = links[..links.len().min(2)].join(": ");
        return format!("{}{lead}{kept}", &normalized[..after]);
    }
    let links: Vec<&str> = normalized.splitn(3, ": ").collect();
    links[..links.len().min(2)].join(": ")
}

/// `unused_variables: unused variable: `_``
pub fn rustc_warning_class(lint: Option<&str>, message: &str) -> String {
    let message = normalize(message.lines().next().unwrap_or(""));
    match lint {
        Some(lint) => truncate(&format!("{lint}: {message}"), 140),
        None => truncate(&message, 140),
    }
}

const POINTER: &str = "#/…";

/// Replaces quoted names, JSON pointers and numbers with placeholders.
pub fn normalize(text: &str) -> String {
    normalize_with(text, false)
}

/// Quoted words worth keeping in a class: OpenAPI and JSON Schema keywords
/// name the construct a message is about (`missing field `responses``),
/// while any other quoted text is a name from the document. Words that are
/// as often a property or schema name (`name`, `type`, `items`, ...) are left
/// out: they would split one class into many.
const KEYWORDS: &[&str] = &[
    "$ref",
    "additionalProperties",
    "allOf",
    "anyOf",
    "callbacks",
    "components",
    "const",
    "discriminator",
    "enum",
    "explode",
    "not",
    "nullable",
    "oneOf",
    "openapi",
    "operationId",
    "parameters",
    "paths",
    "patternProperties",
    "properties",
    "propertyName",
    "readOnly",
    "requestBody",
    "required",
    "responses",
    "securitySchemes",
    "servers",
    "style",
    "webhooks",
    "writeOnly",
];

fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

fn normalize_with(text: &str, keep_keywords: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '"' => {
                // Quoted specifics: drop up to the matching quote.
                let mut closed = false;
                let mut quoted = String::new();
                for inner in chars.by_ref() {
                    if inner == c {
                        closed = true;
                        break;
                    }
                    quoted.push(inner);
                }
                out.push(c);
                if keep_keywords && closed && is_keyword(&quoted) {
                    out.push_str(&quoted);
                } else {
                    out.push('_');
                }
                if closed {
                    out.push(c);
                }
            }
            '#' if chars.peek() == Some(&'/') => {
                // A pointer runs to whitespace or a `: ` separator.
                while let Some(&next) = chars.peek() {
                    if next.is_whitespace() || next == ',' || next == ')' || next == '\'' {
                        break;
                    }
                    if next == ':' {
                        break;
                    }
                    chars.next();
                }
                out.push_str(POINTER);
            }
            d if d.is_ascii_digit() => {
                while chars.peek().is_some_and(|n| n.is_ascii_digit()) {
                    chars.next();
                }
                out.push('N');
            }
            other => out.push(other),
        }
    }
    out
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

/// One line for the TSV: no tabs or newlines, at most `max` characters.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if c == '\t' || c == '\n' || c == '\r' {
                ' '
            } else {
                c
            }
        })
        .collect();
    truncate(flat.trim(), max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustc_errors_lose_names_and_locations() {
        assert_eq!(
            reason_class(
                Stage::CheckFailed,
                "E0412: cannot find type `Foo` in this scope (src/types.rs:12)"
            ),
            "E0412: cannot find type `_` in this scope"
        );
        assert_eq!(
            reason_class(Stage::CheckFailed, "expected one of `,` or `}`, found `x`"),
            "expected one of `_` or `_`, found `_`"
        );
    }

    #[test]
    fn generator_errors_cut_after_pointer() {
        assert_eq!(
            reason_class(
                Stage::GenerateFailed,
                "#/components/schemas/Pet/properties/id: unsupported type \"foo\": details 3"
            ),
            "#/…: unsupported type \"_\": details N"
        );
        assert_eq!(
            reason_class(
                Stage::GenerateFailed,
                "#/paths/~1a/get: malformed operation skipped: missing field `responses`: more"
            ),
            "#/…: malformed operation skipped: missing field `responses`"
        );
        assert_eq!(
            reason_class(
                Stage::GenerateFailed,
                "parse spec: invalid type: map at line 12"
            ),
            "parse spec: invalid type"
        );
        assert_eq!(
            reason_class(Stage::GenerateFailed, "at #/paths/~1a/get unsupported: x"),
            "at #/… unsupported: x"
        );
    }

    #[test]
    fn rustc_warnings_by_lint() {
        assert_eq!(
            rustc_warning_class(Some("unused_variables"), "unused variable: `body`\nmore"),
            "unused_variables: unused variable: `_`"
        );
        assert_eq!(rustc_warning_class(None, "odd 3"), "odd N");
    }

    #[test]
    fn panics_keep_file_not_line() {
        assert_eq!(
            reason_class(
                Stage::Panic,
                "panicked at generator/src/a.rs:10:5: index 3 out of range"
            ),
            "panicked at generator/src/a.rs: index N out of range"
        );
    }

    #[test]
    fn one_line_flattens_and_truncates() {
        assert_eq!(one_line("a\tb\nc", 300), "a b c");
        assert_eq!(one_line("abcdef", 4), "abc…");
    }
}
