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

/// Decodes a JSON pointer segment: percent-encoding first, then `~1` and `~0`.
pub fn decode_segment(segment: &str) -> String {
    if !segment.contains(['%', '~']) {
        return segment.to_string();
    }
    percent_decode(segment)
        .replace("~1", "/")
        .replace("~0", "~")
}

/// Decodes `%xx` escapes (invalid UTF-8 becomes U+FFFD).
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(high * 16 + low);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: u8) -> Option<u8> {
    (byte as char).to_digit(16).map(|d| d as u8)
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
}
