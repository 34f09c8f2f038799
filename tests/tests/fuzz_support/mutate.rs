//! Structural mutations of an OpenAPI document held as a `serde_json::Value`, driven by a
//! stream of choices: the same engine serves the proptest run (`tests/tests/fuzz.rs`, choices
//! from a generated `Vec<u32>`, so failures shrink) and the cargo-fuzz target
//! (`generator/fuzz/`, choices from libFuzzer's bytes through `arbitrary`). It depends on
//! `serde_json` alone so both can include it by path.
//!
//! Every edit picks a node of the document and does one of the things real specs get wrong:
//! a key deleted, a node replaced by a scalar or a container, a subtree duplicated or swapped,
//! a `type` changed, a `$ref` added (to a real node, to nothing, to another file, to a URL), a
//! `nullable`/`oneOf`/`anyOf` wrapper, a keyword added, a key renamed, deep nesting.

use serde_json::{json, Map, Value};

/// A source of choices; `choose(n)` returns a number below `n` (`n` is never 0).
pub trait Choices {
    fn choose(&mut self, n: usize) -> usize;
}

/// Choices from a list of numbers, used in order and then as zeros.
pub struct FromList<'a> {
    numbers: &'a [u32],
    next: usize,
}

impl<'a> FromList<'a> {
    pub fn new(numbers: &'a [u32]) -> Self {
        FromList { numbers, next: 0 }
    }
}

impl Choices for FromList<'_> {
    fn choose(&mut self, n: usize) -> usize {
        let number = self.numbers.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        number as usize % n
    }
}

/// Nodes considered per edit at most (documents larger than this are edited in their first
/// part, in document order).
const MAX_NODES: usize = 20_000;
/// Documents grow by duplication; beyond this many nodes duplication stops.
const MAX_GROWTH: usize = 50_000;

/// One step into a document.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Applies `edits` random edits to `doc`.
pub fn mutate(doc: &mut Value, edits: usize, choices: &mut dyn Choices) {
    for _ in 0..edits {
        edit(doc, choices);
    }
}

fn edit(doc: &mut Value, choices: &mut dyn Choices) {
    let nodes = node_paths(doc);
    let target = nodes[choices.choose(nodes.len())].clone();
    match choices.choose(12) {
        0 => delete(doc, &target, choices),
        1 => set(doc, &target, scalar(choices)),
        2 => set(doc, &target, container(choices)),
        3 if nodes.len() < MAX_GROWTH => {
            let source = &nodes[choices.choose(nodes.len())];
            if let Some(copy) = get(doc, source).cloned() {
                set(doc, &target, copy);
            }
        }
        4 => insert(doc, &target, "type", type_value(choices)),
        5 => {
            let reference = reference(&nodes, choices);
            insert(doc, &target, "$ref", Value::String(reference));
        }
        6 => wrap_nullable(doc, &target, choices),
        7 => {
            let (key, value) = keyword(choices);
            insert(doc, &target, key, value);
        }
        8 => rename(doc, &target, choices),
        9 => {
            let other = nodes[choices.choose(nodes.len())].clone();
            swap(doc, &target, &other);
        }
        10 => nest(doc, &target, choices),
        _ => add_path(doc, choices),
    }
}

/// Paths of the document's nodes, in document order, at most `MAX_NODES`.
fn node_paths(doc: &Value) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<Step>, &Value)> = vec![(Vec::new(), doc)];
    while let Some((path, node)) = stack.pop() {
        if out.len() >= MAX_NODES {
            break;
        }
        match node {
            Value::Object(map) => {
                for (key, child) in map.iter().rev() {
                    let mut p = path.clone();
                    p.push(Step::Key(key.clone()));
                    stack.push((p, child));
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate().rev() {
                    let mut p = path.clone();
                    p.push(Step::Index(index));
                    stack.push((p, child));
                }
            }
            _ => {}
        }
        out.push(path);
    }
    out
}

fn get<'d>(doc: &'d Value, path: &[Step]) -> Option<&'d Value> {
    let mut node = doc;
    for step in path {
        node = match (step, node) {
            (Step::Key(k), Value::Object(map)) => map.get(k)?,
            (Step::Index(i), Value::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn get_mut<'d>(doc: &'d mut Value, path: &[Step]) -> Option<&'d mut Value> {
    let mut node = doc;
    for step in path {
        node = match (step, node) {
            (Step::Key(k), Value::Object(map)) => map.get_mut(k)?,
            (Step::Index(i), Value::Array(items)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn set(doc: &mut Value, path: &[Step], value: Value) {
    if let Some(node) = get_mut(doc, path) {
        *node = value;
    }
}

fn delete(doc: &mut Value, path: &[Step], choices: &mut dyn Choices) {
    match get_mut(doc, path) {
        Some(Value::Object(map)) if !map.is_empty() => {
            let key = map.keys().nth(choices.choose(map.len())).cloned();
            if let Some(key) = key {
                map.shift_remove(&key);
            }
        }
        Some(Value::Array(items)) if !items.is_empty() => {
            items.remove(choices.choose(items.len()));
        }
        _ => {}
    }
}

/// Sets `key` on the node when it is a mapping; otherwise replaces the node by `{key: value}`.
fn insert(doc: &mut Value, path: &[Step], key: &str, value: Value) {
    if let Some(node) = get_mut(doc, path) {
        match node {
            Value::Object(map) => {
                map.insert(key.to_string(), value);
            }
            other => {
                let mut map = Map::new();
                map.insert(key.to_string(), value);
                *other = Value::Object(map);
            }
        }
    }
}

fn wrap_nullable(doc: &mut Value, path: &[Step], choices: &mut dyn Choices) {
    let Some(node) = get_mut(doc, path) else {
        return;
    };
    let inner = node.take();
    *node = match choices.choose(5) {
        0 => json!({"nullable": true, "allOf": [inner]}),
        1 => json!({"oneOf": [inner, {"type": "null"}]}),
        2 => json!({"anyOf": [{"type": "null"}, inner]}),
        3 => {
            let mut inner = inner;
            if let Value::Object(map) = &mut inner {
                let old = map.remove("type").unwrap_or(json!("string"));
                map.insert("type".into(), json!([old, "null"]));
            }
            inner
        }
        _ => json!({"oneOf": [inner.clone(), inner]}),
    };
}

fn rename(doc: &mut Value, path: &[Step], choices: &mut dyn Choices) {
    let new_name = name(choices);
    if let Some(Value::Object(map)) = get_mut(doc, path) {
        if map.is_empty() {
            return;
        }
        let index = choices.choose(map.len());
        let Some(key) = map.keys().nth(index).cloned() else {
            return;
        };
        if let Some(value) = map.shift_remove(&key) {
            map.insert(new_name, value);
        }
    }
}

fn swap(doc: &mut Value, a: &[Step], b: &[Step]) {
    // A node cannot be swapped with one inside it.
    let prefix = |x: &[Step], y: &[Step]| {
        x.len() <= y.len()
            && x.iter()
                .zip(y)
                .all(|(p, q)| format!("{p:?}") == format!("{q:?}"))
    };
    if prefix(a, b) || prefix(b, a) {
        return;
    }
    let (Some(first), Some(second)) = (get(doc, a).cloned(), get(doc, b).cloned()) else {
        return;
    };
    set(doc, a, second);
    set(doc, b, first);
}

fn nest(doc: &mut Value, path: &[Step], choices: &mut dyn Choices) {
    let Some(node) = get_mut(doc, path) else {
        return;
    };
    let levels = [2, 10, 60, 130][choices.choose(4)];
    let kind = choices.choose(4);
    let mut value = node.take();
    for _ in 0..levels {
        value = match kind {
            0 => json!({"type": "array", "items": value}),
            1 => json!({"type": "object", "properties": {"p": value}}),
            2 => json!({"allOf": [value]}),
            _ => json!([value]),
        };
    }
    *node = value;
}

fn add_path(doc: &mut Value, choices: &mut dyn Choices) {
    let path = [
        "/a/{id}",
        "/{a}/{a}",
        "/b/{",
        "/c}",
        "",
        "/{x}.{format}",
        "/日本/{名前}",
        "/items/{id}/sub/{id2}",
    ][choices.choose(8)];
    let method = [
        "get", "post", "put", "delete", "patch", "head", "options", "trace",
    ][choices.choose(8)];
    let location = ["path", "query", "header", "cookie"][choices.choose(4)];
    let operation = json!({
        "operationId": name(choices),
        "parameters": [{"name": name(choices), "in": location, "schema": type_value(choices)}],
        "requestBody": {"content": {media_type(choices): {"schema": {"$ref": "#/components/schemas/Missing"}}}},
        "responses": {status(choices): {"description": "x", "content": {media_type(choices): {"schema": type_value(choices)}}}}
    });
    if let Value::Object(root) = doc {
        let paths = root.entry("paths").or_insert_with(|| json!({}));
        if let Value::Object(paths) = paths {
            let item = paths.entry(path).or_insert_with(|| json!({}));
            if let Value::Object(item) = item {
                item.insert(method.into(), operation);
            }
        }
    }
}

fn scalar(choices: &mut dyn Choices) -> Value {
    match choices.choose(24) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(false),
        3 => json!(0),
        4 => json!(-1),
        5 => json!(i64::MAX),
        6 => json!(u64::MAX),
        7 => json!(i64::MIN),
        8 => json!(1e300),
        9 => json!(-0.5),
        10 => json!(""),
        11 => json!("string"),
        12 => json!("#/components/schemas/"),
        13 => json!("#"),
        14 => json!("{id}"),
        15 => json!("ü\u{0}\n"),
        16 => json!("application/json"),
        17 => json!("multipart/form-data"),
        18 => json!("2XX"),
        19 => json!("default"),
        20 => json!("3.1.0"),
        21 => json!("other.yaml#/components/schemas/X"),
        22 => json!("https://example.invalid/x.yaml"),
        _ => json!("type"),
    }
}

fn container(choices: &mut dyn Choices) -> Value {
    match choices.choose(8) {
        0 => json!([]),
        1 => json!({}),
        2 => json!([scalar(choices)]),
        3 => json!({"type": type_value(choices)}),
        4 => {
            json!({"type": "object", "properties": {name(choices): type_value(choices)}, "required": [name(choices)]})
        }
        5 => json!({"type": "array", "items": {"type": type_value(choices)}}),
        6 => json!({"description": "x", "content": {media_type(choices): {}}}),
        _ => json!({"name": name(choices), "in": "query"}),
    }
}

fn type_value(choices: &mut dyn Choices) -> Value {
    match choices.choose(14) {
        0 => json!("string"),
        1 => json!("integer"),
        2 => json!("number"),
        3 => json!("boolean"),
        4 => json!("object"),
        5 => json!("array"),
        6 => json!("null"),
        7 => json!(["string", "null"]),
        8 => json!(["integer", "string"]),
        9 => json!([]),
        10 => json!("file"),
        11 => json!("datetime"),
        12 => json!(42),
        _ => json!({"type": "string"}),
    }
}

fn name(choices: &mut dyn Choices) -> String {
    [
        "", "$ref", "type", "self", "Self", "foo-bar", "foo_bar", "FooBar", "日本", "{id}",
        "/a/{b}", "200", "default", "x-y", "1st", "r#type", "__", "a b", "~1", "%20",
    ][choices.choose(20)]
    .to_string()
}

fn media_type(choices: &mut dyn Choices) -> String {
    [
        "application/json",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "text/plain",
        "application/octet-stream",
        "weird/thing",
        "",
        "*/*",
        "application/problem+json; charset=utf-8",
    ][choices.choose(9)]
    .to_string()
}

fn status(choices: &mut dyn Choices) -> String {
    [
        "200", "204", "2XX", "default", "404", "999", "abc", "1", "5XX",
    ][choices.choose(9)]
    .to_string()
}

fn reference(nodes: &[Vec<Step>], choices: &mut dyn Choices) -> String {
    match choices.choose(6) {
        0 | 1 => {
            // A reference to a real node of the document.
            let path = &nodes[choices.choose(nodes.len())];
            let mut pointer = "#".to_string();
            for step in path {
                pointer.push('/');
                match step {
                    Step::Key(k) => pointer.push_str(&k.replace('~', "~0").replace('/', "~1")),
                    Step::Index(i) => pointer.push_str(&i.to_string()),
                }
            }
            pointer
        }
        2 => format!("#/components/schemas/{}", name(choices)),
        3 => "#/components/parameters/Missing".to_string(),
        4 => "other.yaml#/components/schemas/Thing".to_string(),
        _ => "https://example.invalid/schema.json".to_string(),
    }
}

fn keyword(choices: &mut dyn Choices) -> (&'static str, Value) {
    match choices.choose(26) {
        0 => ("allOf", json!([{}, {"$ref": "#/components/schemas/X"}])),
        1 => ("oneOf", json!([{"type": "string"}, {"type": "integer"}])),
        2 => ("anyOf", json!([{"type": "null"}])),
        3 => (
            "discriminator",
            json!({"propertyName": "kind", "mapping": {"a": "#/components/schemas/A", "b": 7}}),
        ),
        4 => ("enum", json!([1, "a", null, 1.5, {"x": 1}])),
        5 => ("const", json!("fixed")),
        6 => ("items", json!([{"type": "string"}])),
        7 => ("additionalProperties", json!(false)),
        8 => ("required", json!(["x", 1, "x"])),
        9 => ("properties", json!({"": {}, "a": true, "b": false})),
        10 => ("patternProperties", json!({"^x": {"type": "integer"}})),
        11 => ("not", json!({})),
        12 => ("readOnly", json!("yes")),
        13 => ("format", json!("int64")),
        14 => ("minimum", json!(1e300)),
        15 => ("default", json!(u64::MAX)),
        16 => ("in", json!("path")),
        17 => ("style", json!("deepObject")),
        18 => ("explode", json!("sometimes")),
        19 => ("content", json!({"weird/type": {}})),
        20 => ("operationId", json!("???")),
        21 => (
            "parameters",
            json!([{"$ref": "#/components/parameters/Missing"}]),
        ),
        22 => ("responses", json!({"default": {}})),
        23 => ("security", json!([{"missing": []}])),
        24 => (
            "servers",
            json!([{"url": "{scheme}://x/{v}", "variables": {"v": {"default": 1}}}]),
        ),
        _ => ("nullable", json!(true)),
    }
}
