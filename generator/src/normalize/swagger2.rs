//! Swagger 2.0 (OpenAPI 2.0) to the OpenAPI 3.0 model, on the `serde_json::Value`, before the
//! other normalizations. What 3.0 cannot carry is a warning with its 2.0 pointer, and every
//! moved node is recorded in a [`PointerMap`] so later warnings and errors name the 2.0
//! document as written.

mod bodies;
mod params;
mod paths;
mod pointers;
mod responses;
mod schemas;
mod security;

pub(crate) use params::COLLECTION_FORMAT;
pub(crate) use pointers::PointerMap;

use crate::error::{join, Diagnostics};
use serde_json::{Map, Value};

/// Whether a loaded document is Swagger 2.0 (the load stage has checked the version).
pub(crate) fn is_swagger2(doc: &Value) -> bool {
    doc.get("swagger").is_some()
}

/// Converts a Swagger 2.0 document into a 3.0.3 one in place; returns where every moved node
/// came from.
pub(crate) fn convert(doc: &mut Value, diagnostics: &mut Diagnostics) -> PointerMap {
    let Value::Object(root) = std::mem::take(doc) else {
        return PointerMap::default();
    };
    let mut converter = Converter::new(diagnostics);
    *doc = Value::Object(converter.document(root));
    retarget_refs(doc, &converter.pointers.inverse());
    converter.pointers
}

/// References into a path's parameters or responses (`#/paths/~1a/get/responses/200/schema`)
/// follow the node to where the conversion put it.
fn retarget_refs(value: &mut Value, moved: &std::collections::BTreeMap<&str, &str>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get_mut("$ref") {
                if let Some(target) = retargeted(reference, moved) {
                    *reference = target;
                }
            }
            map.values_mut().for_each(|item| retarget_refs(item, moved));
        }
        Value::Array(items) => items.iter_mut().for_each(|item| retarget_refs(item, moved)),
        _ => {}
    }
}

fn retargeted(reference: &str, moved: &std::collections::BTreeMap<&str, &str>) -> Option<String> {
    if !reference.starts_with("#/paths/") {
        return None;
    }
    let segments = crate::pointer::local_segments(reference).ok()?;
    let mut pointer = String::from("#");
    let mut ends = Vec::with_capacity(segments.len());
    for segment in &segments {
        crate::error::push_segment(&mut pointer, segment);
        ends.push(pointer.len());
    }
    ends.iter().rev().find_map(|&end| {
        let target = moved.get(&pointer[..end])?;
        Some(format!("{target}{}", &pointer[end..]))
    })
}

/// State of one conversion.
pub(crate) struct Converter<'a> {
    diagnostics: &'a mut Diagnostics,
    pointers: PointerMap,
    /// The document's `consumes` and `produces`: the media types of operations that name none.
    consumes: Vec<String>,
    produces: Vec<String>,
    /// Where the `consumes` and `produces` lists in effect are written (the operation's or the
    /// document's), for warnings about a media type.
    consumes_at: String,
    produces_at: String,
    /// The document's `http`/`https` schemes, sorted: an operation that lists others warns.
    schemes: Vec<String>,
    /// The document's shared parameters, as written (body and form ones are copied into the
    /// operations that refer to them).
    shared_parameters: Map<String, Value>,
}

impl<'a> Converter<'a> {
    pub(crate) fn new(diagnostics: &'a mut Diagnostics) -> Self {
        Converter {
            diagnostics,
            pointers: PointerMap::default(),
            consumes: Vec::new(),
            produces: Vec::new(),
            consumes_at: "#/consumes".into(),
            produces_at: "#/produces".into(),
            schemes: Vec::new(),
            shared_parameters: Map::new(),
        }
    }

    fn document(&mut self, mut root: Map<String, Value>) -> Map<String, Value> {
        self.consumes = media_list(root.get("consumes"));
        self.produces = media_list(root.get("produces"));
        if let Some(Value::Object(shared)) = root.get("parameters") {
            self.shared_parameters = shared.clone();
        }
        let mut out = Map::new();
        out.insert("openapi".into(), "3.0.3".into());
        let servers = self.servers(&root);
        let mut components = Map::new();
        for (key, value) in std::mem::take(&mut root) {
            match key.as_str() {
                "swagger" | "host" | "basePath" | "schemes" | "consumes" | "produces" => {}
                "paths" => {
                    let paths = self.paths(value);
                    out.insert(key, paths);
                }
                "definitions" => {
                    components.insert("schemas".into(), self.definitions(value));
                }
                "parameters" => {
                    components.insert("parameters".into(), self.shared_parameters_out());
                }
                "responses" => {
                    components.insert("responses".into(), self.shared_responses(&value));
                }
                "securityDefinitions" => {
                    if let Value::Object(definitions) = &value {
                        let schemes = self.security_schemes(definitions);
                        components.insert("securitySchemes".into(), schemes);
                    }
                }
                _ => {
                    out.insert(key, value);
                }
            }
        }
        if !servers.is_empty() {
            out.insert("servers".into(), Value::Array(servers));
        }
        if !components.is_empty() {
            out.insert("components".into(), Value::Object(components));
        }
        out
    }

    /// `host` + `basePath` + `schemes` to one server per scheme, `https` first. Without a
    /// host the base path is a relative server URL, resolved against the URL the user gives.
    fn servers(&mut self, root: &Map<String, Value>) -> Vec<Value> {
        let base_path = match root.get("basePath").and_then(Value::as_str) {
            Some(path) => path.trim_end_matches('/').to_string(),
            None => String::new(),
        };
        let Some(host) = root.get("host").and_then(Value::as_str) else {
            if base_path.is_empty() {
                return Vec::new();
            }
            self.pointers.record("#/servers", "#/basePath");
            return vec![serde_json::json!({ "url": base_path })];
        };
        let host = host.trim_end_matches('/');
        let mut schemes = web_schemes(root.get("schemes"));
        if schemes.is_empty() {
            if root.contains_key("schemes") {
                self.diagnostics.warn(
                    "#/schemes",
                    "no `http` or `https` scheme is listed; the client uses https",
                );
            }
            schemes.push("https");
        }
        self.schemes = schemes.iter().map(|s| s.to_string()).collect();
        schemes.sort_by_key(|s| *s != "https");
        schemes.dedup();
        self.pointers.record("#/servers", "#/host");
        schemes
            .into_iter()
            .map(|scheme| serde_json::json!({ "url": format!("{scheme}://{host}{base_path}") }))
            .collect()
    }

    /// Shared parameters that are not bodies or form fields (those are copied into the
    /// operations that use them).
    fn shared_parameters_out(&mut self) -> Value {
        self.pointers
            .record("#/components/parameters", "#/parameters");
        let mut out = Map::new();
        for (name, parameter) in self.shared_parameters.clone() {
            let original = join("#/parameters", &name);
            let converted = join("#/components/parameters", &name);
            match &parameter {
                Value::Object(map) if is_body_or_form(map) => {}
                Value::Object(map) => {
                    let parameter = self.parameter(map, &original, &converted);
                    out.insert(name, parameter);
                }
                other => {
                    out.insert(name, other.clone());
                }
            }
        }
        Value::Object(out)
    }

    fn shared_responses(&mut self, value: &Value) -> Value {
        let Value::Object(responses) = value else {
            return value.clone();
        };
        let produces = self.produces.clone();
        self.produces_at = "#/produces".into();
        let mut out = Map::new();
        for (name, response) in responses {
            let original = join("#/responses", name);
            let converted = join("#/components/responses", name);
            let response = self.response(response, &produces, &original, &converted);
            out.insert(name.clone(), response);
        }
        Value::Object(out)
    }
}

/// The `http` and `https` entries of a `schemes` list, sorted and without repeats.
pub(crate) fn web_schemes(value: Option<&Value>) -> Vec<&str> {
    let mut schemes: Vec<&str> = match value {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(Value::as_str)
            .filter(|s| matches!(*s, "http" | "https"))
            .collect(),
        _ => Vec::new(),
    };
    schemes.sort_unstable();
    schemes.dedup();
    schemes
}

fn is_body_or_form(map: &Map<String, Value>) -> bool {
    matches!(
        map.get("in").and_then(Value::as_str),
        Some("body" | "formData")
    )
}

/// A `consumes` or `produces` list; anything else is no list.
fn media_list(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}
