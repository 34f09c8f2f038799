//! Where each part of the converted document came from, so that warnings and errors name the
//! Swagger 2.0 document as its author wrote it, not the 3.0 model built from it.

use std::collections::BTreeMap;

/// Converted JSON pointer prefixes and the 2.0 pointers they were built from. A pointer is
/// translated by its longest recorded prefix (whole segments only); a pointer with no recorded
/// prefix is the same in both documents (`#/paths/~1pets/get/responses` and the like).
#[derive(Debug, Default)]
pub(crate) struct PointerMap {
    origins: BTreeMap<String, String>,
}

impl PointerMap {
    /// Records that the node at `converted` was built from the node at `original`.
    pub(crate) fn record(&mut self, converted: impl Into<String>, original: impl Into<String>) {
        let (converted, original) = (converted.into(), original.into());
        if converted != original {
            self.origins.insert(converted, original);
        }
    }

    /// Whether nothing was moved (the document was not converted).
    pub(crate) fn is_empty(&self) -> bool {
        self.origins.is_empty()
    }

    /// The 2.0 pointer of a converted one.
    pub(crate) fn original(&self, pointer: &str) -> String {
        if self.origins.is_empty() {
            return pointer.to_string();
        }
        let mut prefix = pointer;
        loop {
            if let Some(original) = self.origins.get(prefix) {
                return format!("{original}{}", &pointer[prefix.len()..]);
            }
            match prefix.rfind('/') {
                Some(at) => prefix = &prefix[..at],
                None => return pointer.to_string(),
            }
        }
    }

    /// Where the nodes written at 2.0 pointers now lie: each original pointer with the first
    /// converted pointer built from it.
    pub(crate) fn inverse(&self) -> BTreeMap<&str, &str> {
        let mut inverse = BTreeMap::new();
        for (converted, original) in &self.origins {
            inverse
                .entry(original.as_str())
                .or_insert(converted.as_str());
        }
        inverse
    }

    /// Rewrites every pointer in `text` that starts a word (`#/...` up to the next space or
    /// `:`), for messages that quote other pointers (a reference's target, for instance).
    pub(crate) fn original_in_text(&self, text: &str) -> String {
        if self.origins.is_empty() || !text.contains("#/") {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("#/") {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| c.is_whitespace() || matches!(c, ':' | '`' | '\'' | '"' | ','))
                .unwrap_or(tail.len());
            out.push_str(&self.original(&tail[..end]));
            rest = &tail[end..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins_on_whole_segments() {
        let mut map = PointerMap::default();
        map.record("#/components/schemas", "#/definitions");
        map.record(
            "#/paths/~1a/get/requestBody",
            "#/paths/~1a/get/parameters/2",
        );
        map.record(
            "#/paths/~1a/get/requestBody/content/application~1json/schema",
            "#/paths/~1a/get/parameters/2/schema",
        );
        assert_eq!(
            map.original("#/components/schemas/Pet/properties/id"),
            "#/definitions/Pet/properties/id"
        );
        assert_eq!(
            map.original("#/paths/~1a/get/requestBody/content/application~1json/schema/items"),
            "#/paths/~1a/get/parameters/2/schema/items"
        );
        assert_eq!(
            map.original("#/paths/~1a/get/requestBody"),
            "#/paths/~1a/get/parameters/2"
        );
        assert_eq!(
            map.original("#/components/schemasX"),
            "#/components/schemasX"
        );
        assert_eq!(map.original("#/paths/~1a/get"), "#/paths/~1a/get");
        assert_eq!(
            map.original_in_text("`#/components/schemas/A` not found: x"),
            "`#/definitions/A` not found: x"
        );
    }
}
