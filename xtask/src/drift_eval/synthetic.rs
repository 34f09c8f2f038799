//! Synthetic edits of a document, one per kind of change a vendor makes: each returns the
//! edited document, or `None` when the document has nothing to apply it to. They look for
//! their target generically (the first component schema with properties, the first enum, the
//! first operation), so they apply to any document.

use serde_json::{json, Map, Value};

/// A named edit.
pub type Edit = (&'static str, fn(&Value) -> Option<Value>);

/// Every edit, additive ones first.
pub const EDITS: [Edit; 12] = [
    ("add_optional_field", add_optional_field),
    ("add_enum_value", add_enum_value),
    ("add_operation", add_operation),
    ("add_error_status", add_error_status),
    ("add_optional_query_param", add_optional_query_param),
    ("add_schema", add_schema),
    ("add_required_field", add_required_field),
    ("remove_field", remove_field),
    ("change_field_type", change_field_type),
    ("make_field_required", make_field_required),
    ("remove_enum_value", remove_enum_value),
    ("remove_operation", remove_operation),
];

/// The properties of the first component schema that has some, and its `required` list.
fn first_object(doc: &mut Value) -> Option<&mut Map<String, Value>> {
    doc.pointer_mut("/components/schemas")?
        .as_object_mut()?
        .values_mut()
        .find_map(|schema| {
            schema
                .get("properties")
                .and_then(Value::as_object)
                .filter(|p| !p.is_empty())?;
            schema.as_object_mut()
        })
}

fn properties(schema: &mut Map<String, Value>) -> Option<&mut Map<String, Value>> {
    schema.get_mut("properties")?.as_object_mut()
}

fn required(schema: &Map<String, Value>) -> Vec<String> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default()
}

fn add_optional_field(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    properties(first_object(&mut doc)?)?.insert(
        "added_by_vendor".into(),
        json!({"type": "string", "description": "Added later."}),
    );
    Some(doc)
}

fn add_required_field(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let schema = first_object(&mut doc)?;
    properties(schema)?.insert("added_by_vendor".into(), json!({"type": "string"}));
    let mut list = required(schema);
    list.push("added_by_vendor".into());
    schema.insert("required".into(), json!(list));
    Some(doc)
}

fn remove_field(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let schema = first_object(&mut doc)?;
    let name = properties(schema)?.keys().next()?.clone();
    properties(schema)?.remove(&name);
    let list: Vec<String> = required(schema)
        .into_iter()
        .filter(|r| *r != name)
        .collect();
    schema.insert("required".into(), json!(list));
    if list.is_empty() {
        schema.remove("required");
    }
    Some(doc)
}

fn change_field_type(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let props = properties(first_object(&mut doc)?)?;
    let target = props
        .values_mut()
        .find(|p| p.get("type").and_then(Value::as_str) == Some("string"))?;
    *target = json!({"type": "integer"});
    Some(doc)
}

fn make_field_required(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let schema = first_object(&mut doc)?;
    let mut list = required(schema);
    let name = properties(schema)?
        .keys()
        .find(|k| !list.contains(k))?
        .clone();
    list.push(name);
    schema.insert("required".into(), json!(list));
    Some(doc)
}

/// The first `enum` of strings anywhere under the component schemas.
fn first_enum(doc: &mut Value) -> Option<&mut Vec<Value>> {
    let mut stack: Vec<&mut Value> = vec![doc.pointer_mut("/components/schemas")?];
    while let Some(node) = stack.pop() {
        match node {
            Value::Object(map) => {
                if map
                    .get("enum")
                    .and_then(Value::as_array)
                    .is_some_and(|e| e.len() > 1 && e.iter().all(Value::is_string))
                {
                    return map.get_mut("enum")?.as_array_mut();
                }
                stack.extend(map.values_mut());
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
    None
}

fn add_enum_value(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    first_enum(&mut doc)?.push(json!("added_by_vendor"));
    Some(doc)
}

fn remove_enum_value(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    first_enum(&mut doc)?.pop();
    Some(doc)
}

fn add_schema(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    doc.pointer_mut("/components/schemas")?
        .as_object_mut()?
        .insert(
            "AddedByVendor".into(),
            json!({"type": "object", "properties": {"id": {"type": "string"}}}),
        );
    Some(doc)
}

fn add_operation(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    doc.get_mut("paths")?.as_object_mut()?.insert(
        "/added-by-vendor".into(),
        json!({"get": {"operationId": "addedByVendor", "responses": {
            "200": {"description": "OK", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"ok": {"type": "boolean"}}}}}}}}}),
    );
    Some(doc)
}

/// The first operation object.
fn first_operation(doc: &mut Value) -> Option<&mut Map<String, Value>> {
    doc.get_mut("paths")?
        .as_object_mut()?
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.iter_mut())
        .filter(|(method, _)| generator_methods().contains(&method.as_str()))
        .find_map(|(_, op)| op.as_object_mut())
}

fn generator_methods() -> [&'static str; 8] {
    [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ]
}

fn add_error_status(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let responses = first_operation(&mut doc)?
        .get_mut("responses")?
        .as_object_mut()?;
    if responses.contains_key("418") {
        return None;
    }
    responses.insert(
        "418".into(),
        json!({"description": "Added later.", "content": {"application/json": {
            "schema": {"type": "object", "properties": {"message": {"type": "string"}}}}}}),
    );
    Some(doc)
}

fn add_optional_query_param(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let op = first_operation(&mut doc)?;
    let params = op.entry("parameters").or_insert_with(|| json!([]));
    params.as_array_mut()?.push(json!({
        "name": "added_by_vendor", "in": "query", "schema": {"type": "string"}}));
    Some(doc)
}

fn remove_operation(doc: &Value) -> Option<Value> {
    let mut doc = doc.clone();
    let paths = doc.get_mut("paths")?.as_object_mut()?;
    let first = paths.keys().next()?.clone();
    paths.remove(&first);
    Some(doc)
}
