//! The value an example call sends for a parameter or a required property, chosen from the
//! spec: its own example first, then the default, the first enum value, and for strings a
//! value fitting the format, the pattern (when it is simple enough to write one) and the
//! length bounds; for numbers one within the bounds. The result is a plain JSON value; the
//! renderer turns it into a literal of the field's type.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};
use serde_json::Value;

/// The example for a schema, `given` (a parameter's or media type's `example`) first; an
/// array's items are read where they are written inline.
pub(crate) fn example(given: Option<&Value>, schema: Option<&Schema>) -> Option<Value> {
    example_with(given, schema, &|items| match items {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { .. } => None,
    })
}

/// A schema an array's `items` stands for, where it can be found.
pub(crate) type ItemsResolver<'s, 'r> =
    dyn Fn(&'s ReferenceOr<Box<Schema>>) -> Option<&'s Schema> + 'r;

/// [`example`], with array items (referenced ones too) found by `resolve`: an array gets
/// `minItems` (at least one) copies of its item's example, one where items must be unique.
pub(crate) fn example_with<'s>(
    given: Option<&Value>,
    schema: Option<&'s Schema>,
    resolve: &ItemsResolver<'s, '_>,
) -> Option<Value> {
    example_at(given, schema, resolve, 0)
}

fn example_at<'s>(
    given: Option<&Value>,
    schema: Option<&'s Schema>,
    resolve: &ItemsResolver<'s, '_>,
    depth: usize,
) -> Option<Value> {
    // A list's example written as its serialized text (`"1,2,3"` for a query parameter) is
    // no list: the items' own examples make one.
    let is_array = matches!(
        schema.map(|s| &s.schema_kind),
        Some(SchemaKind::Type(Type::Array(_)))
    );
    let fits = |value: &&Value| !value.is_null() && (value.is_array() || !is_array);
    if let Some(value) = given.filter(fits) {
        return Some(value.clone());
    }
    let schema = schema?;
    let data = &schema.schema_data;
    if let Some(value) = data.example.as_ref().filter(fits) {
        return Some(value.clone());
    }
    if let Some(value) = data.default.as_ref().filter(fits) {
        return Some(value.clone());
    }
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            // An empty value is rarely what an example should show, and as a path segment
            // it cannot be routed.
            let values = s.enumeration.iter().flatten();
            if let Some(first) = values
                .clone()
                .find(|v| !v.is_empty())
                .or(values.clone().next())
            {
                return Some(Value::String(first.clone()));
            }
            let format = match &s.format {
                openapiv3::VariantOrUnknownOrEmpty::Item(f) => serde_json::to_value(f)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string)),
                openapiv3::VariantOrUnknownOrEmpty::Unknown(f) => Some(f.clone()),
                openapiv3::VariantOrUnknownOrEmpty::Empty => None,
            };
            if let Some(text) = format.as_deref().and_then(format_example) {
                return Some(Value::String(text.to_string()));
            }
            let text = s
                .pattern
                .as_deref()
                .and_then(pattern_example)
                .unwrap_or_else(|| "example".to_string());
            Some(Value::String(fit_length(text, s.min_length, s.max_length)))
        }
        SchemaKind::Type(Type::Integer(i)) => {
            if let Some(Some(first)) = i.enumeration.first() {
                return Some(Value::from(*first));
            }
            let low = i
                .minimum
                .map(|m| if i.exclusive_minimum { m + 1 } else { m });
            let high = i
                .maximum
                .map(|m| if i.exclusive_maximum { m - 1 } else { m });
            let mut value = low.unwrap_or(1).max(1.min(high.unwrap_or(1)));
            if let Some(step) = i.multiple_of.filter(|s| *s > 0) {
                value = ((value + step - 1) / step) * step;
            }
            Some(Value::from(value))
        }
        // An array of itself (or deeper nesting) gets no example: the renderer's own
        // placeholder ends the recursion.
        SchemaKind::Type(Type::Array(array)) if depth < 4 => {
            let items = resolve(array.items.as_ref()?)?;
            let item = example_at(None, Some(items), resolve, depth + 1)?;
            let count = match array.unique_items {
                true => 1,
                false => array.min_items.unwrap_or(1).clamp(1, 16),
            };
            Some(Value::Array(vec![item; count]))
        }
        SchemaKind::Type(Type::Number(n)) => {
            let low = n
                .minimum
                .map(|m| if n.exclusive_minimum { m + 1.0 } else { m });
            let high = n.maximum;
            let value = low.unwrap_or(1.0).max(1.0f64.min(high.unwrap_or(1.0)));
            Some(Value::from(value))
        }
        _ => None,
    }
}

/// A value of a string format a validator checks.
fn format_example(format: &str) -> Option<&'static str> {
    Some(match format {
        "email" | "idn-email" => "user@example.com",
        "uri" | "url" | "iri" | "uri-reference" | "iri-reference" => "https://example.com/",
        "hostname" | "idn-hostname" => "example.com",
        "ipv4" => "192.0.2.1",
        "ipv6" => "2001:db8::1",
        "uuid" => "00000000-0000-0000-0000-000000000000",
        "date" => "2024-01-01",
        "date-time" => "2024-01-01T00:00:00Z",
        "time" => "00:00:00Z",
        "byte" => "ZXhhbXBsZQ==",
        _ => return None,
    })
}

/// `text` padded (with its last character, or `x`) to `min` and cut to `max` characters.
fn fit_length(text: String, min: Option<usize>, max: Option<usize>) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let pad = chars.last().copied().unwrap_or('x');
    while chars.len() < min.unwrap_or(0) {
        chars.push(pad);
    }
    chars.truncate(max.unwrap_or(usize::MAX));
    chars.into_iter().collect()
}

/// A string matching `pattern`, for patterns made of literals, `.`, anchors, character
/// classes, groups, alternatives (the first is taken) and the quantifiers
/// `? * + {n} {n,} {n,m}`; `None` otherwise.
pub(crate) fn pattern_example(pattern: &str) -> Option<String> {
    let body = pattern.strip_prefix('^').unwrap_or(pattern);
    let body = body.strip_suffix('$').unwrap_or(body);
    let chars: Vec<char> = body.chars().collect();
    let (text, end) = sequence(&chars, 0)?;
    (end == chars.len()).then_some(text)
}

/// Atoms with their quantifiers from `at` up to a `)` or the end.
fn sequence(chars: &[char], mut at: usize) -> Option<(String, usize)> {
    let mut out = String::new();
    while at < chars.len() && chars[at] != ')' {
        let (atom, next) = match chars[at] {
            '(' => {
                let start = if chars.get(at + 1) == Some(&'?') && chars.get(at + 2) == Some(&':') {
                    at + 3
                } else {
                    at + 1
                };
                let (inner, close) = sequence(chars, start)?;
                (chars.get(close) == Some(&')')).then_some(())?;
                (inner, close + 1)
            }
            '[' => class(chars, at)?,
            '\\' => (escape(*chars.get(at + 1)?)?.to_string(), at + 2),
            // The first alternative that matched is enough: skip the others.
            '|' => return Some((out, skip_alternatives(chars, at))),
            // Anchors match no text; alternatives may carry their own (`^a$|^b$`).
            '^' | '$' => (String::new(), at + 1),
            '.' => ("a".to_string(), at + 1),
            '*' | '+' | '?' | '{' => return None,
            c => (c.to_string(), at + 1),
        };
        let (count, after) = quantifier(chars, next)?;
        out.push_str(&atom.repeat(count));
        at = after;
    }
    Some((out, at))
}

/// Where the group holding the `|` at `at` closes (its `)`), or the pattern's end.
fn skip_alternatives(chars: &[char], mut at: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&c) = chars.get(at) {
        match c {
            '\\' => at += 1,
            '[' => {
                // A class may hold `(` or `)` literally.
                at += chars[at..].iter().position(|c| *c == ']').unwrap_or(0);
            }
            '(' => depth += 1,
            ')' if depth == 0 => return at,
            ')' => depth -= 1,
            _ => {}
        }
        at += 1;
    }
    chars.len()
}

/// One character of the class starting at `at` (`[`): the first one it allows.
fn class(chars: &[char], at: usize) -> Option<(String, usize)> {
    if chars.get(at + 1) == Some(&'^') {
        return None;
    }
    let close = chars[at + 1..].iter().position(|c| *c == ']')? + at + 1;
    let first = match chars.get(at + 1)? {
        '\\' => escape(*chars.get(at + 2)?)?,
        c => *c,
    };
    Some((first.to_string(), close + 1))
}

/// A character an escape stands for (`\d` -> `0`, `\.` -> `.`).
fn escape(c: char) -> Option<char> {
    match c {
        'd' => Some('0'),
        'w' => Some('a'),
        's' => Some(' '),
        c if c.is_ascii_alphanumeric() => None,
        c => Some(c),
    }
}

/// How often the atom before `at` repeats (the least its quantifier allows), and where the
/// pattern continues.
fn quantifier(chars: &[char], at: usize) -> Option<(usize, usize)> {
    match chars.get(at) {
        Some('?') | Some('*') => Some((0, at + 1)),
        Some('+') => Some((1, at + 1)),
        Some('{') => {
            let close = chars[at..].iter().position(|c| *c == '}')? + at;
            let inside: String = chars[at + 1..close].iter().collect();
            let least = inside.split(',').next()?.trim().parse().ok()?;
            Some((least, close + 1))
        }
        _ => Some((1, at)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simple_patterns_get_a_matching_value() {
        assert_eq!(
            pattern_example("^([0-9,a-d,f-h]){8,}$").as_deref(),
            Some("00000000")
        );
        assert_eq!(pattern_example("[a-z](0-9)").as_deref(), Some("a0-9"));
        assert_eq!(pattern_example(r"^\d{3}-[A-Z]+$").as_deref(), Some("000-A"));
        assert_eq!(pattern_example("a|b").as_deref(), Some("a"));
        assert_eq!(
            pattern_example("^(fixed|[(]x)-(un|li)mited$").as_deref(),
            Some("fixed-unmited")
        );
        assert_eq!(pattern_example("[^a]"), None);
        assert_eq!(
            pattern_example(r"^\d{1,13}$|^\d{1,13}\.\d{1,5}$").as_deref(),
            Some("0")
        );
        assert_eq!(pattern_example("^http.*$").as_deref(), Some("http"));
        assert_eq!(
            pattern_example(r"^\d+\.\d+\.\d+([\-\+].+)?$").as_deref(),
            Some("0.0.0")
        );
    }

    #[test]
    fn lengths_are_fitted() {
        assert_eq!(fit_length("example".into(), Some(9), None), "exampleee");
        assert_eq!(fit_length("example".into(), None, Some(3)), "exa");
    }
}
