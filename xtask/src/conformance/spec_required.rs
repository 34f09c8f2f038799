//! Whether a reply that lacks a property breaks the document's own schema. A decode error
//! `missing field X` at some place in a reply is not ours when every value the schema admits
//! there has `X`: the reply is invalid, whoever wrote it. The walk is sound rather than
//! complete: it says so only when the schema's `required` (through references, every `allOf`
//! part, and every `oneOf`/`anyOf` branch alike) leaves no doubt.

use serde_json::Value;

use super::spec_doc;

/// How deep a walk follows nested schemas and references before it gives up (a cycle of
/// references ends there, undecided).
const MAX_DEPTH: usize = 32;

/// The document, kept for the questions the classifier asks about its replies.
#[derive(Debug, Default)]
pub struct Replies {
    doc: Value,
}

impl Replies {
    pub fn of(doc: Value) -> Self {
        Replies { doc }
    }

    /// For a decode error `message` of a reply with `status` to `method path`: the missing
    /// field and where, when the document's schema requires that field there.
    pub fn required_but_missing(
        &self,
        method: &str,
        path: &str,
        status: u16,
        message: &str,
    ) -> Option<String> {
        let field = between(message, "missing field `", "`")?;
        // The place is absent when the field is missing at the top of the body.
        let at = between(message, "schema at `", "`: ").unwrap_or("");
        let schema = self.response_schema(method, path, status)?;
        let steps = steps(at);
        requires(&self.doc, schema, &steps, field, 0).then(|| {
            let place = if at.is_empty() { "the body" } else { at };
            format!("`{field}` at `{place}`")
        })
    }

    /// The JSON schema of the reply with `status`: the exact code, else its range, else
    /// `default`; the JSON media type, else the first.
    fn response_schema(&self, method: &str, path: &str, status: u16) -> Option<&Value> {
        let operation = spec_doc::operations(&self.doc)
            .find(|((m, p), _)| m == method && p == path)
            .map(|(_, operation)| operation)?;
        let responses = operation.get("responses")?;
        let range = format!("{}XX", status / 100);
        let response = [status.to_string(), range, "default".into()]
            .iter()
            .find_map(|key| {
                responses
                    .get(key)
                    .or_else(|| responses.get(key.to_ascii_lowercase()))
            })?;
        let content = spec_doc::resolve(&self.doc, response)
            .0
            .get("content")?
            .as_object()?;
        let media = content
            .iter()
            .find(|(name, _)| name.contains("json"))
            .or_else(|| content.iter().next())?
            .1;
        media.get("schema")
    }
}

/// The text between `start` and the next `end` in `text`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// `a.b[0].c` as steps: property names, and `None` for a list item.
fn steps(at: &str) -> Vec<Option<&str>> {
    let mut out = Vec::new();
    for part in at.split('.').filter(|p| !p.is_empty()) {
        let (name, indices) = part
            .split_once('[')
            .map_or((part, ""), |(n, rest)| (n, rest));
        if !name.is_empty() {
            out.push(Some(name));
        }
        out.extend(indices.matches(']').map(|_| None));
    }
    out
}

/// Whether every value `schema` admits has `field` at `steps`.
fn requires(
    doc: &Value,
    schema: &Value,
    steps: &[Option<&str>],
    field: &str,
    depth: usize,
) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let schema = spec_doc::resolve(doc, schema).0;
    let next = |s: &Value, rest: &[Option<&str>]| requires(doc, s, rest, field, depth + 1);
    let own = match steps.split_first() {
        None => schema
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|names| names.iter().any(|n| n.as_str() == Some(field))),
        Some((step, rest)) => child(schema, *step).is_some_and(|c| next(c, rest)),
    };
    let list = |key: &str| schema.get(key).and_then(Value::as_array);
    // Every `allOf` part holds, so one part requiring the field is enough; one branch of a
    // `oneOf`/`anyOf` holds, so every branch must require it.
    own || list("allOf").is_some_and(|parts| parts.iter().any(|p| next(p, steps)))
        || ["oneOf", "anyOf"].iter().any(|key| {
            list(key).is_some_and(|branches| {
                !branches.is_empty() && branches.iter().all(|b| next(b, steps))
            })
        })
}

/// The schema of property `step` (of a map's values when it is not declared), or of a list's
/// items for `None`.
fn child<'a>(schema: &'a Value, step: Option<&str>) -> Option<&'a Value> {
    match step {
        None => schema.get("items"),
        Some(name) => schema
            .get("properties")
            .and_then(|p| p.get(name))
            .or_else(|| schema.get("additionalProperties").filter(|a| a.is_object())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replies() -> Replies {
        Replies::of(serde_json::json!({
            "paths": {"/apply": {"post": {"responses": {"200": {"content": {"application/json": {
                "schema": {"$ref": "#/components/schemas/Summary"}
            }}}}}}},
            "components": {"schemas": {
                "Summary": {"type": "object", "properties": {"diff": {"properties": {
                    "checks": {"type": "array", "items": {"properties": {
                        "new": {"$ref": "#/components/schemas/Check"}
                    }}}
                }}}},
                "Check": {"allOf": [
                    {"$ref": "#/components/schemas/CheckBase"},
                    {"properties": {"kind": {"type": "string"}}}
                ]},
                "CheckBase": {"required": ["name"], "properties": {"name": {"type": "string"}}},
                "Either": {"oneOf": [
                    {"required": ["a"], "properties": {"a": {}}},
                    {"properties": {"a": {}}}
                ]}
            }}
        }))
    }

    #[test]
    fn a_field_an_all_of_part_requires_is_required_through_lists_and_references() {
        let message = "POST http://h/apply answered 200 OK with a body that does not match its schema at `diff.checks[0].new`: missing field `name`";
        assert_eq!(
            replies().required_but_missing("POST", "/apply", 200, message),
            Some("`name` at `diff.checks[0].new`".into())
        );
        let optional = message.replace("`name`", "`kind`");
        assert_eq!(
            replies().required_but_missing("POST", "/apply", 200, &optional),
            None
        );
        assert_eq!(
            replies().required_but_missing("POST", "/apply", 201, message),
            None
        );
    }

    #[test]
    fn a_field_only_some_branches_require_is_not_required() {
        let doc = replies().doc;
        let either = doc.pointer("/components/schemas/Either").unwrap();
        assert!(!requires(&doc, either, &[], "a", 0));
        let check = doc.pointer("/components/schemas/Check").unwrap();
        assert!(requires(&doc, check, &[], "name", 0));
        assert_eq!(
            steps("a.b[0][1].c"),
            vec![Some("a"), Some("b"), None, None, Some("c")]
        );
    }
}
