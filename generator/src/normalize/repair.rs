//! Stage 4: deserializing the normalized document into `openapiv3`, piece by piece when the
//! whole fails, so that one malformed operation or component costs only itself and a warning.

use crate::error::{join, Diagnostics, Error};
use crate::openapi::ComponentKind;
use openapiv3::{ReferenceOr, Schema};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeMap;

/// Reads the document into openapiv3; when that fails, drops the pieces that do not read (with a
/// warning each) and reads what is left. The happy path deserializes from the borrowed value, so
/// a large document is not copied.
pub(crate) fn deserialize(
    doc: &mut Value,
    diagnostics: &mut Diagnostics,
) -> Result<openapiv3::OpenAPI, Error> {
    if let Some(api) = read_in_two(doc) {
        return Ok(api);
    }
    let mut doc = doc.clone();
    drop_broken_pieces(&mut doc, diagnostics);
    serde_json::from_value(doc)
        .map_err(|error| Error::invalid("#", format!("not an OpenAPI document: {error}")))
}

/// The happy path: `paths` read on a second thread while this one reads the rest. `None` when
/// either does not read; the document is left as it was.
fn read_in_two(doc: &mut Value) -> Option<openapiv3::OpenAPI> {
    use serde::Deserialize;
    let slot = doc.as_object_mut()?.get_mut("paths")?;
    let paths = std::mem::replace(slot, Value::Object(serde_json::Map::new()));
    let (paths_read, rest_read) = crate::threads::join(
        || read_paths(&paths),
        || openapiv3::OpenAPI::deserialize(&*doc).ok(),
    );
    if let Some(root) = doc.as_object_mut() {
        root.insert("paths".into(), paths);
    }
    let mut api = rest_read?;
    api.paths = paths_read?;
    Some(api)
}

/// `paths` read entry by entry, as openapiv3 reads it: keys starting with `/` are path items,
/// those starting with `x-` extensions, and the others are ignored. Its derived reader first
/// copies the whole mapping into serde's buffer for `#[serde(flatten)]`; on nexus this takes
/// a fifth less time.
fn read_paths(paths: &Value) -> Option<openapiv3::Paths> {
    use serde::Deserialize;
    let entries = paths.as_object()?;
    let mut read = openapiv3::Paths::default();
    for (key, value) in entries {
        if key.starts_with('/') {
            let item = openapiv3::ReferenceOr::<openapiv3::PathItem>::deserialize(value).ok()?;
            read.paths.insert(key.clone(), item);
        } else if key.starts_with("x-") {
            read.extensions.insert(key.clone(), value.clone());
        }
    }
    Some(read)
}

fn drop_broken_pieces(doc: &mut Value, diagnostics: &mut Diagnostics) {
    if let Some(Value::Object(components)) = doc.get_mut("components") {
        for kind in ComponentKind::ALL {
            let key = kind.key();
            let pointer = format!("#/components/{key}");
            let Some(Value::Object(entries)) = components.get_mut(key) else {
                if components.get(key).is_some_and(|v| !v.is_object()) {
                    components.remove(key);
                    diagnostics.warn(&pointer, "must be a mapping; ignored");
                }
                continue;
            };
            entries.retain(|name, entry| {
                keep_if_valid(kind, entry, &join(&pointer, name), diagnostics)
            });
        }
    }
    for key in ["servers", "security", "tags", "externalDocs", "info"] {
        let pointer = format!("#/{key}");
        if let Some(value) = doc.get(key) {
            if !top_level_valid(key, value) {
                diagnostics.warn(&pointer, "malformed; ignored");
                if let Some(root) = doc.as_object_mut() {
                    if key == "info" {
                        root.insert(
                            key.into(),
                            serde_json::json!({"title": "API", "version": "0"}),
                        );
                    } else {
                        root.remove(key);
                    }
                }
            }
        }
    }
    if let Some(Value::Object(paths)) = doc.get_mut("paths") {
        for (path, item) in paths.iter_mut() {
            repair_path_item(item, &join("#/paths", path), diagnostics);
        }
        paths.retain(|path, item| {
            let pointer = join("#/paths", path);
            keep(
                serde_json::from_value::<openapiv3::ReferenceOr<openapiv3::PathItem>>(item.clone()),
                &pointer,
                diagnostics,
            )
        });
    }
}

fn top_level_valid(key: &str, value: &Value) -> bool {
    let v = value.clone();
    match key {
        "servers" => serde_json::from_value::<Vec<openapiv3::Server>>(v).is_ok(),
        "security" => serde_json::from_value::<Vec<openapiv3::SecurityRequirement>>(v).is_ok(),
        "tags" => serde_json::from_value::<Vec<openapiv3::Tag>>(v).is_ok(),
        "externalDocs" => serde_json::from_value::<openapiv3::ExternalDocumentation>(v).is_ok(),
        _ => serde_json::from_value::<openapiv3::Info>(v).is_ok(),
    }
}

fn repair_path_item(item: &mut Value, pointer: &str, diagnostics: &mut Diagnostics) {
    let Value::Object(map) = item else { return };
    for method in crate::openapi::HTTP_METHODS {
        let Some(operation) = map.get(method) else {
            continue;
        };
        let op_pointer = join(pointer, method);
        if let Err(error) = serde_json::from_value::<openapiv3::Operation>(operation.clone()) {
            diagnostics.warn(&op_pointer, format!("malformed operation skipped: {error}"));
            map.remove(method);
        }
    }
    if let Some(parameters) = map.get("parameters") {
        if serde_json::from_value::<Vec<openapiv3::ReferenceOr<openapiv3::Parameter>>>(
            parameters.clone(),
        )
        .is_err()
        {
            diagnostics.warn(
                &join(pointer, "parameters"),
                "malformed path-level parameters ignored",
            );
            map.remove("parameters");
        }
    }
    if map
        .get("servers")
        .is_some_and(|s| serde_json::from_value::<Vec<openapiv3::Server>>(s.clone()).is_err())
    {
        map.remove("servers");
    }
}

fn keep_if_valid(
    kind: ComponentKind,
    entry: &Value,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> bool {
    use openapiv3::ReferenceOr as R;
    let v = entry.clone();
    match kind {
        ComponentKind::Schemas => keep(
            serde_json::from_value::<R<openapiv3::Schema>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Responses => keep(
            serde_json::from_value::<R<openapiv3::Response>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Parameters => keep(
            serde_json::from_value::<R<openapiv3::Parameter>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Examples => keep(
            serde_json::from_value::<R<openapiv3::Example>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::RequestBodies => keep(
            serde_json::from_value::<R<openapiv3::RequestBody>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Headers => keep(
            serde_json::from_value::<R<openapiv3::Header>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::SecuritySchemes => keep(
            serde_json::from_value::<R<openapiv3::SecurityScheme>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Links => keep(
            serde_json::from_value::<R<openapiv3::Link>>(v),
            pointer,
            diagnostics,
        ),
        ComponentKind::Callbacks => keep(
            serde_json::from_value::<R<openapiv3::Callback>>(v),
            pointer,
            diagnostics,
        ),
        // The 3.0 model has no `pathItems`: `openapiv3` skips them, so none can fail to read.
        ComponentKind::PathItems => true,
    }
}

fn keep<T: DeserializeOwned>(
    result: Result<T, serde_json::Error>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> bool {
    match result {
        Ok(_) => true,
        Err(error) => {
            diagnostics.warn(pointer, format!("malformed; ignored: {error}"));
            false
        }
    }
}

/// Schemas referenced by pointers that are not `#/components/schemas/<name>` (a property of
/// another schema, a schema inside a path), read ahead so lowering can borrow them.
pub(crate) fn extra_schemas(doc: &Value) -> BTreeMap<String, ReferenceOr<Schema>> {
    let refs = super::refs::all_refs(doc);
    let mut out = BTreeMap::new();
    for reference in refs {
        let Ok(segments) = crate::pointer::local_segments(&reference) else {
            continue;
        };
        if segments.len() == 3 && segments[0] == "components" {
            continue;
        }
        let Some(node) = crate::pointer::descend(doc, &segments) else {
            continue;
        };
        // A node outside the normalized schemas may hold anything; reading it whole could
        // backtrack for exponential time (see `normalize::readable`).
        if !super::readable::tree_reads(node) {
            continue;
        }
        if let Ok(schema) = serde_json::from_value::<ReferenceOr<Schema>>(node.clone()) {
            out.insert(reference, schema);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    /// Entry by entry, `paths` reads as openapiv3's own reader reads it: path items, then
    /// extensions, other keys ignored, and a malformed path item fails the whole.
    #[test]
    fn paths_read_entry_by_entry_as_openapiv3_reads_them() {
        let paths = json!({
            "/b": {"get": {"responses": {"200": {"description": "ok"}}}, "x-item": 1},
            "x-top": {"a": [1, 2]},
            "/a": {"$ref": "#/components/pathItems/A"},
            "other": {"ignored": true},
        });
        let expected = openapiv3::Paths::deserialize(&paths).unwrap();
        let read = read_paths(&paths).unwrap();
        let order = |p: &openapiv3::Paths| p.paths.keys().cloned().collect::<Vec<_>>();
        assert_eq!(order(&read), order(&expected));
        assert_eq!(read, expected);
        let broken = json!({"/a": {"get": {"responses": 5}}});
        assert!(openapiv3::Paths::deserialize(&broken).is_err());
        assert_eq!(read_paths(&broken), None);
    }
}
