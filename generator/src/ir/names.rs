//! The one name sanitizer: spec names to Rust identifiers, and per-scope uniqueness.

use heck::{ToPascalCase, ToSnakeCase};
use std::collections::BTreeSet;

/// Keywords usable as raw identifiers (`r#type`).
const RAW_KEYWORDS: [&str; 47] = [
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try",
];
/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NON_RAW_KEYWORDS: [&str; 5] = ["self", "Self", "super", "crate", "_"];
/// Reserved for future editions; raw identifiers keep them valid.
const RESERVED_2024: [&str; 1] = ["gen"];

/// Replaces every character that cannot appear in an identifier with a word break, and spells
/// out the few symbols whose meaning would otherwise be lost (`+1` vs `-1`).
fn words(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            c if c.is_ascii_alphanumeric() => out.push(c),
            '+' => out.push_str(" plus "),
            '-' if out.is_empty() => out.push_str(" minus "),
            _ => out.push(' '),
        }
    }
    out
}

/// Lowercase ASCII words joined by single underscores (`time_created`): already what
/// `to_snake_case` makes of it, which most names in real specs are. Casing every name through
/// `heck` was a tenth of the time before rendering.
fn is_plain_snake(raw: &str) -> bool {
    !raw.is_empty()
        && raw
            .split('_')
            .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Capitalized lowercase ASCII words run together (`InstanceNetworkInterface`): already what
/// `to_pascal_case` makes of it.
fn is_plain_pascal(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    !bytes.is_empty()
        && bytes[0].is_ascii_uppercase()
        && bytes.iter().all(u8::is_ascii_alphabetic)
        && bytes
            .windows(2)
            .all(|pair| !(pair[0].is_ascii_uppercase() && pair[1].is_ascii_uppercase()))
        && !bytes[bytes.len() - 1].is_ascii_uppercase()
}

/// What `to_pascal_case` makes of a plain snake-case name (`time_created` -> `TimeCreated`):
/// operation ids and property names become type names this way.
fn snake_to_pascal(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split('_') {
        let mut bytes = word.bytes();
        if let Some(first) = bytes.next() {
            out.push(first.to_ascii_uppercase() as char);
            out.extend(bytes.map(char::from));
        }
    }
    out
}

/// `PascalCase` type or variant name. `fallback` is used when nothing identifier-like is left.
pub fn type_name(raw: &str, fallback: &str) -> String {
    let mut name = if is_plain_pascal(raw) {
        raw.to_string()
    } else if is_plain_snake(raw) {
        snake_to_pascal(raw)
    } else {
        words(raw).to_pascal_case()
    };
    if name.is_empty() {
        name = fallback.to_string();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("{fallback}{name}");
    }
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    }
    name
}

/// `PascalCase` name of a string enum's variant. A value with no ASCII letter or digit is an
/// operator or a symbol more often than not (`>=`, `!=`, `/`, `*`): its characters are spelled
/// out (`GtEq`, `NotEq`, `Slash`, `Star`), since `Value`, `Value2`... would say nothing of
/// which is which.
pub fn variant_name(raw: &str, fallback: &str) -> String {
    if raw.bytes().any(|b| b.is_ascii_alphanumeric()) {
        return type_name(raw, fallback);
    }
    let spelled: Vec<&str> = raw.chars().filter_map(symbol_word).collect();
    type_name(&spelled.join(" "), fallback)
}

/// The word for an ASCII symbol, for [`variant_name`].
fn symbol_word(c: char) -> Option<&'static str> {
    Some(match c {
        '=' => "eq",
        '!' => "not",
        '<' => "lt",
        '>' => "gt",
        '+' => "plus",
        '-' => "minus",
        '*' => "star",
        '/' => "slash",
        '\\' => "backslash",
        '%' => "percent",
        '^' => "caret",
        '~' => "tilde",
        '&' => "and",
        '|' => "or",
        '.' => "dot",
        ',' => "comma",
        ':' => "colon",
        ';' => "semicolon",
        '?' => "question",
        '#' => "hash",
        '@' => "at",
        '$' => "dollar",
        '_' => "underscore",
        '\'' => "quote",
        '"' => "double quote",
        '`' => "backtick",
        '(' => "open paren",
        ')' => "close paren",
        '[' => "open bracket",
        ']' => "close bracket",
        '{' => "open brace",
        '}' => "close brace",
        _ => return None,
    })
}

/// `snake_case` field, argument or method name; raw identifiers for keywords.
pub fn field_name(raw: &str, fallback: &str) -> String {
    let mut name = if is_plain_snake(raw) {
        raw.to_string()
    } else {
        words(raw).to_snake_case()
    };
    if name.is_empty() {
        name = fallback.to_string();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name = format!("{fallback}_{name}");
    }
    if NON_RAW_KEYWORDS.contains(&name.as_str()) {
        name.push('_');
    } else if RAW_KEYWORDS.contains(&name.as_str()) || RESERVED_2024.contains(&name.as_str()) {
        name = format!("r#{name}");
    }
    name
}

/// The identifier as serde sees it (`r#type` is `type` on the wire).
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Names taken in one scope; a clash gets the smallest free numeric suffix.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope with names already reserved (e.g. the runtime's own items).
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Claims `name`, or `name2`, `name3`... for PascalCase; `name_2`... for snake case.
    pub fn claim(&mut self, name: String) -> String {
        let key = unraw(&name).to_string();
        if self.taken.insert(key.clone()) {
            return name;
        }
        let snake = key.starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
        let base = key.trim_end_matches('_');
        for n in 2.. {
            let candidate = if snake {
                format!("{base}_{n}")
            } else {
                format!("{base}{n}")
            };
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("an unbounded range always yields a free name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_what_real_specs_contain() {
        assert_eq!(field_name("type", "field"), "r#type");
        assert_eq!(field_name("self", "field"), "self_");
        assert_eq!(field_name("$ref", "field"), "r#ref");
        assert_eq!(field_name("@id", "field"), "id");
        assert_eq!(field_name("foo-bar.baz", "field"), "foo_bar_baz");
        assert_eq!(field_name("1st", "field"), "field_1st");
        assert_eq!(field_name("", "field"), "field");
        assert_eq!(field_name("ñ", "field"), "field");
        assert_eq!(type_name("Self", "Type"), "Self_");
        assert_eq!(type_name("2fa", "Type"), "Type2fa");
        assert_eq!(type_name("+1", "Value"), "Plus1");
        assert_eq!(type_name("-1", "Value"), "Minus1");
        assert_eq!(variant_name(">=", "Value"), "GtEq");
        assert_eq!(variant_name("!=", "Value"), "NotEq");
        assert_eq!(variant_name("/", "Value"), "Slash");
        assert_eq!(variant_name("*/*", "Value"), "StarSlashStar");
        assert_eq!(variant_name("", "Value"), "Value");
        assert_eq!(variant_name("é", "Value"), "Value");
        assert_eq!(variant_name("+1", "Value"), "Plus1");
        assert_eq!(variant_name("a-b", "Value"), "AB");
    }

    #[test]
    fn plain_names_skip_casing_and_come_out_as_heck_makes_them() {
        // Every string of up to five characters over an alphabet that covers the boundaries
        // heck looks at: case changes, digits, separators.
        let alphabet = ['a', 'b', 'A', 'B', '_', '1', '-', ' '];
        let mut strings = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
            strings.sort();
            strings.dedup();
        }
        for raw in &strings {
            if is_plain_snake(raw) {
                assert_eq!(words(raw).to_snake_case(), *raw, "snake {raw:?}");
                assert_eq!(snake_to_pascal(raw), words(raw).to_pascal_case(), "{raw:?}");
            }
            if is_plain_pascal(raw) {
                assert_eq!(words(raw).to_pascal_case(), *raw, "pascal {raw:?}");
            }
        }
        assert!(is_plain_snake("time_created") && !is_plain_snake("_x") && !is_plain_snake("a__b"));
        assert!(is_plain_pascal("InstanceNetworkInterface") && !is_plain_pascal("HTTPServer"));
    }

    #[test]
    fn clashes_get_a_suffix() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("foo_bar".into()), "foo_bar");
        assert_eq!(scope.claim("foo_bar".into()), "foo_bar_2");
        assert_eq!(scope.claim("Pet".into()), "Pet");
        assert_eq!(scope.claim("Pet".into()), "Pet2");
        assert_eq!(scope.claim("r#type".into()), "r#type");
        assert_eq!(scope.claim("type".into()), "type_2");
    }
}
