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
        // The place is absent when the field is missing at the top of the body.
        let at = between(message, "schema at `", "`: ").unwrap_or("");
        let schema = self.response_schema(method, path, status)?;
        let steps = steps(at);
        let (field, place) = match union_reasons(message) {
            Some(reasons) => self.union_lacks(schema, &steps, &reasons)?,
            None => {
                let field = between(message, "missing field `", "`")?;
                requires(&self.doc, schema, &steps, field, 0).then_some((field, ""))?
            }
        };
        let place = match (at, place) {
            ("", "") => "the body".to_string(),
            (at, "") | ("", at) => at.to_string(),
            (at, inner) if inner.starts_with('[') => format!("{at}{inner}"),
            (at, inner) => format!("{at}.{inner}"),
        };
        Some(format!("`{field}` at `{place}`"))
    }

    /// Whether a value at `steps` breaks the `oneOf`/`anyOf` there, by the client's reason for
    /// each branch in order: every branch either requires the field the value lacks, or has a
    /// scalar type where the value is an object or a list. The missing field and its place
    /// inside the branch, when so.
    fn union_lacks<'a>(
        &self,
        schema: &Value,
        steps: &[Option<&str>],
        reasons: &[&'a str],
    ) -> Option<(&'a str, &'a str)> {
        let node = steps.iter().try_fold(schema, |node, step| {
            child(spec_doc::resolve(&self.doc, node).0, *step)
        })?;
        let node = spec_doc::resolve(&self.doc, node).0;
        let branches = ["oneOf", "anyOf"]
            .iter()
            .find_map(|key| node.get(key).and_then(Value::as_array))?;
        if branches.len() != reasons.len() {
            return None;
        }
        let mut lacking = None;
        for (branch, reason) in branches.iter().zip(reasons) {
            let branch = spec_doc::resolve(&self.doc, branch).0;
            let scalar = || {
                branch
                    .get("type")
                    .and_then(Value::as_str)
                    .is_some_and(|t| !matches!(t, "object" | "array"))
            };
            if reason.starts_with("invalid type: map,")
                || reason.starts_with("invalid type: sequence,")
            {
                if !scalar() {
                    return None;
                }
                continue;
            }
            let field = between(reason, "missing field `", "`")?;
            let place = between(reason, "at `", "`: ").unwrap_or("");
            if !requires(&self.doc, branch, &self::steps(place), field, 0) {
                return None;
            }
            lacking.get_or_insert((field, place));
        }
        lacking
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

/// The client's reason for each variant of an untagged enum that took no variant
/// (`... untagged enum Name (A: reason; B: reason)`), in order.
fn union_reasons(message: &str) -> Option<Vec<&str>> {
    let start = message.find("untagged enum ")?;
    let rest = &message[start..];
    let open = rest.find(" (")? + 2;
    let inner = &rest[open..];
    let (mut depth, mut from, mut out) = (0usize, 0, Vec::new());
    for (index, c) in inner.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => {
                out.push(&inner[from..index]);
                break;
            }
            ')' => depth -= 1,
            ';' if depth == 0 => {
                out.push(&inner[from..index]);
                from = index + 2;
            }
            _ => {}
        }
    }
    // Each is `Variant: reason`.
    out.iter()
        .map(|part| part.split_once(": ").map(|(_, reason)| reason))
        .collect()
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
    fn a_union_value_lacking_what_its_object_branch_requires_breaks_the_union() {
        let mut replies = replies();
        replies.doc["components"]["schemas"]["Summary"]["properties"]["result"] = serde_json::json!({
            "anyOf": [{"$ref": "#/components/schemas/Summary"}, {"type": "boolean"}]
        });
        replies.doc["components"]["schemas"]["Summary"]["properties"]["diff"]["required"] =
            serde_json::json!(["id"]);
        let message = "POST http://h/apply answered 200 OK with a body that does not match its schema at `result`: data did not match any variant of untagged enum Result (Summary: at `diff`: missing field `id`; Bool: invalid type: map, expected a boolean) at line 1 column 9";
        assert_eq!(
            replies.required_but_missing("POST", "/apply", 200, message),
            Some("`id` at `result.diff`".into())
        );
        // A branch failing for another reason leaves it undecided.
        let other = message.replace(
            "missing field `id`",
            "invalid type: string \"x\", expected u32",
        );
        assert_eq!(
            replies.required_but_missing("POST", "/apply", 200, &other),
            None
        );
        // So does an object branch said to fail on a map's type.
        let object = message.replace("Bool: invalid type: map, expected a boolean", "Bool: invalid type: map, expected a boolean; Extra: invalid type: map, expected a string");
        assert_eq!(
            replies.required_but_missing("POST", "/apply", 200, &object),
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
