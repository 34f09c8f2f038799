//! JSON pointers and local `$ref`s: the one place their segments are decoded.

/// Why a reference could not be followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefError {
    /// Not a local reference (`other.yaml#/...` or `https://...`).
    External(String),
    /// Points at nothing.
    Missing(String),
    /// A chain of references that returns to itself.
    Cycle(String),
}

impl std::fmt::Display for RefError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RefError::External(r) => write!(
                f,
                "reference `{r}` points outside this document, which is not fetched"
            ),
            RefError::Missing(r) => write!(f, "reference `{r}` points at nothing"),
            RefError::Cycle(r) => write!(f, "reference `{r}` is part of a cycle of references"),
        }
    }
}

/// Decodes one segment of a JSON pointer (RFC 6901): `~1` is `/`, then `~0` is `~`.
pub(crate) fn unescape_segment(segment: &str) -> String {
    if !segment.contains('~') {
        return segment.to_string();
    }
    segment.replace("~1", "/").replace("~0", "~")
}

/// Decodes a segment of a pointer written in a URI fragment (a `$ref`): percent-escapes first,
/// then [`unescape_segment`].
pub fn decode_segment(segment: &str) -> String {
    if !segment.contains('%') {
        return unescape_segment(segment);
    }
    unescape_segment(&percent_decode(segment))
}

/// Decodes `%xx` escapes (invalid UTF-8 becomes U+FFFD; a `%` not followed by two hex digits
/// stays as it is).
pub(crate) fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// The decoded segments of a JSON pointer (`/data/access_token`); `None` when it is neither
/// empty nor starts with `/`.
pub(crate) fn pointer_segments(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(rest.split('/').map(unescape_segment).collect())
}

/// The node reached from `node` through decoded pointer segments (keys and list indices).
pub(crate) fn descend<'d>(
    node: &'d serde_json::Value,
    segments: &[String],
) -> Option<&'d serde_json::Value> {
    use serde_json::Value;
    let mut node = node;
    for segment in segments {
        node = match node {
            Value::Object(map) => map.get(segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Splits `#/components/schemas/Pet` into its decoded segments.
pub fn local_segments(reference: &str) -> Result<Vec<String>, RefError> {
    let Some(fragment) = reference.strip_prefix('#') else {
        return Err(RefError::External(reference.to_string()));
    };
    Ok(fragment.split('/').skip(1).map(decode_segment).collect())
}

/// The component name when the reference is `#/components/<kind>/<name>`.
pub fn component_name(reference: &str, kind: &str) -> Result<String, RefError> {
    let segments = local_segments(reference)?;
    match segments.as_slice() {
        [components, k, name] if components == "components" && k == kind => Ok(name.clone()),
        _ => Err(RefError::Missing(reference.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escaped_and_percent_encoded_segments() {
        assert_eq!(
            local_segments("#/components/schemas/a~1b%20c").unwrap(),
            ["components", "schemas", "a/b c"]
        );
        assert_eq!(decode_segment("100%"), "100%");
        assert!(matches!(
            local_segments("other.yaml#/x"),
            Err(RefError::External(_))
        ));
    }

    #[test]
    fn plain_pointers_are_not_percent_decoded() {
        assert_eq!(
            pointer_segments("/data/a~1b/100%25/~01").unwrap(),
            ["data", "a/b", "100%25", "~1"]
        );
        assert_eq!(pointer_segments("").unwrap(), Vec::<String>::new());
        assert_eq!(pointer_segments("data"), None);
        assert_eq!(decode_segment("%7E01"), "~1");
    }

    #[test]
    fn descends_through_keys_and_indices() {
        let doc = serde_json::json!({"a": [{"b": 1}]});
        let segments = pointer_segments("/a/0/b").unwrap();
        assert_eq!(descend(&doc, &segments), Some(&serde_json::json!(1)));
        assert_eq!(descend(&doc, &pointer_segments("/a/1").unwrap()), None);
    }
}
