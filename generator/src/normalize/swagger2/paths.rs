//! Path items and operations: parameters split into the 3.0 parameters and the request body,
//! responses under the operation's `produces`.

use super::bodies::BodyParam;
use super::{is_body_or_form, media_list, Converter};
use crate::error::join;
use serde_json::{Map, Value};

/// One entry of a 2.0 `parameters` list, sorted by where it goes in 3.0.
enum Entry {
    /// A query, path or header parameter written inline.
    Simple(Map<String, Value>),
    /// A reference to a shared query, path or header parameter, rewritten; with the
    /// parameter's `(name, in)` when the target is known.
    Ref(Value, Option<(String, String)>),
    Body(BodyParam),
    Form(BodyParam),
}

impl Entry {
    /// `(name, in)`: an operation's parameter replaces the path item's with the same key.
    fn key(&self) -> Option<(String, String)> {
        match self {
            Entry::Simple(map) => key_of(map),
            Entry::Ref(_, key) => key.clone(),
            Entry::Body(param) | Entry::Form(param) => key_of(&param.map),
        }
    }
}

fn key_of(map: &Map<String, Value>) -> Option<(String, String)> {
    let name = map.get("name")?.as_str()?;
    let location = map.get("in")?.as_str()?;
    Some((name.to_string(), location.to_string()))
}

impl Converter<'_> {
    pub(crate) fn paths(&mut self, value: Value) -> Value {
        let Value::Object(paths) = value else {
            return value;
        };
        let mut out = Map::with_capacity(paths.len());
        for (path, item) in paths {
            let original = join("#/paths", &path);
            let item = match item {
                Value::Object(item) => Value::Object(self.path_item(item, &original)),
                other => other,
            };
            out.insert(path, item);
        }
        Value::Object(out)
    }

    fn path_item(&mut self, item: Map<String, Value>, pointer: &str) -> Map<String, Value> {
        let entries = self.entries(item.get("parameters"), &join(pointer, "parameters"));
        let mut shared = Vec::new();
        let mut kept = Vec::new();
        for (entry, original) in entries {
            match entry {
                Entry::Body(_) | Entry::Form(_) => shared.push((entry, original)),
                simple => kept.push((simple, original)),
            }
        }
        let mut out = Map::with_capacity(item.len());
        for (key, value) in item {
            if key == "parameters" {
                let list = self.simple_parameters(&kept, &join(pointer, "parameters"));
                if !list.is_empty() {
                    out.insert(key, Value::Array(list));
                }
            } else if crate::openapi::HTTP_METHODS.contains(&key.as_str()) {
                let operation = match value {
                    Value::Object(op) => {
                        Value::Object(self.operation(op, &shared, &join(pointer, &key)))
                    }
                    other => other,
                };
                out.insert(key, operation);
            } else {
                out.insert(key, value);
            }
        }
        out
    }

    fn operation(
        &mut self,
        op: Map<String, Value>,
        inherited: &[(Entry, String)],
        pointer: &str,
    ) -> Map<String, Value> {
        let (consumes, consumes_at) = match op.get("consumes") {
            Some(list) => (media_list(Some(list)), join(pointer, "consumes")),
            None => (self.consumes.clone(), "#/consumes".into()),
        };
        let (produces, produces_at) = match op.get("produces") {
            Some(list) => (media_list(Some(list)), join(pointer, "produces")),
            None => (self.produces.clone(), "#/produces".into()),
        };
        self.consumes_at = consumes_at;
        self.produces_at = produces_at;
        let entries = self.entries(op.get("parameters"), &join(pointer, "parameters"));
        let own: Vec<Option<(String, String)>> = entries.iter().map(|(e, _)| e.key()).collect();
        let (mut body, mut form, mut simple) = (Vec::new(), Vec::new(), Vec::new());
        let inherited = inherited
            .iter()
            .filter(|(entry, _)| entry.key().is_none_or(|key| !own.contains(&Some(key))))
            .map(|(entry, original)| (clone_body(entry), original.clone()));
        let own_entries = entries
            .into_iter()
            .map(|(entry, original)| (Some(entry), original));
        for (entry, original) in inherited.chain(own_entries) {
            match entry {
                Some(Entry::Body(param)) => body.push(param),
                Some(Entry::Form(param)) => form.push(param),
                Some(other) => simple.push((other, original)),
                None => {}
            }
        }
        let mut out = Map::with_capacity(op.len() + 1);
        for (key, value) in op {
            match key.as_str() {
                "consumes" | "produces" => {}
                "parameters" => {
                    let list = self.simple_parameters(&simple, &join(pointer, "parameters"));
                    if !list.is_empty() {
                        out.insert(key, Value::Array(list));
                    }
                }
                "responses" => {
                    let responses = self.responses(&value, &produces, pointer);
                    out.insert(key, responses);
                }
                "schemes" => {
                    let own = super::web_schemes(Some(&value));
                    if !own.is_empty() && own != self.schemes {
                        self.diagnostics.warn(
                            &join(pointer, "schemes"),
                            "an operation's own `schemes` cannot be carried; it is called on the document's servers",
                        );
                    }
                }
                _ => {
                    out.insert(key, value);
                }
            }
        }
        let converted = join(pointer, "requestBody");
        if let Some(request_body) = self.request_body(body, form, &consumes, &converted, pointer) {
            out.insert("requestBody".into(), request_body);
        }
        out
    }

    fn responses(&mut self, value: &Value, produces: &[String], pointer: &str) -> Value {
        let Value::Object(responses) = value else {
            return value.clone();
        };
        let mut out = Map::with_capacity(responses.len());
        for (code, response) in responses {
            let at = join(&join(pointer, "responses"), code);
            let response = if code.starts_with("x-") {
                response.clone()
            } else {
                self.response(response, produces, &at, &at)
            };
            out.insert(code.clone(), response);
        }
        Value::Object(out)
    }

    /// The 3.0 parameters list, renumbered; each entry's new pointer maps to its old one.
    fn simple_parameters(&mut self, entries: &[(Entry, String)], pointer: &str) -> Vec<Value> {
        let mut list = Vec::with_capacity(entries.len());
        for (entry, original) in entries {
            let converted = join(pointer, &list.len().to_string());
            match entry {
                Entry::Simple(map) => list.push(self.parameter(map, original, &converted)),
                Entry::Ref(reference, _) => {
                    self.pointers.record(converted, original.clone());
                    list.push(reference.clone());
                }
                Entry::Body(_) | Entry::Form(_) => {}
            }
        }
        list
    }

    /// The entries of a `parameters` list with their 2.0 pointers, references to shared body
    /// and form parameters resolved.
    fn entries(&mut self, value: Option<&Value>, pointer: &str) -> Vec<(Entry, String)> {
        let Some(value) = value else {
            return Vec::new();
        };
        let Value::Array(list) = value else {
            self.diagnostics
                .warn(pointer, "`parameters` must be a list; ignored");
            return Vec::new();
        };
        let mut entries = Vec::with_capacity(list.len());
        for (index, parameter) in list.iter().enumerate() {
            let original = join(pointer, &index.to_string());
            let Value::Object(map) = parameter else {
                self.diagnostics
                    .warn(&original, "a parameter must be a mapping; ignored");
                continue;
            };
            let entry = match map.get("$ref") {
                Some(Value::String(reference)) => self.reference_entry(reference),
                _ => self.inline_entry(map.clone(), &original),
            };
            entries.push((entry, original));
        }
        entries
    }

    fn inline_entry(&self, map: Map<String, Value>, original: &str) -> Entry {
        let param = |map| BodyParam {
            map,
            original: original.to_string(),
        };
        match map.get("in").and_then(Value::as_str) {
            Some("body") => Entry::Body(param(map)),
            Some("formData") => Entry::Form(param(map)),
            _ => Entry::Simple(map),
        }
    }

    fn reference_entry(&self, reference: &str) -> Entry {
        let rewritten = serde_json::json!({ "$ref": super::schemas::rewrite_ref(reference) });
        let target = reference
            .strip_prefix("#/parameters/")
            .map(unescape)
            .and_then(|name| Some((self.shared_parameters.get(&name)?, name)));
        match target {
            Some((Value::Object(map), name)) if is_body_or_form(map) => {
                self.inline_entry(map.clone(), &join("#/parameters", &name))
            }
            Some((Value::Object(map), _)) => Entry::Ref(rewritten, key_of(map)),
            _ => Entry::Ref(rewritten, None),
        }
    }
}

/// Body and form entries of a path item go to each of its operations.
fn clone_body(entry: &Entry) -> Option<Entry> {
    let copy = |param: &BodyParam| BodyParam {
        map: param.map.clone(),
        original: param.original.clone(),
    };
    match entry {
        Entry::Body(param) => Some(Entry::Body(copy(param))),
        Entry::Form(param) => Some(Entry::Form(copy(param))),
        _ => None,
    }
}

/// A JSON pointer segment as the name it encodes.
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}
