//! Stage 1: bytes to `serde_json::Value`, with the version gate. All YAML handling lives here.

use crate::error::Error;
use serde_json::Value;

/// Deepest nesting of objects and arrays accepted. Real specs stay far below; the limit keeps a
/// hostile document from exhausting the stack in later recursive stages.
pub const MAX_DEPTH: usize = 120;

/// Parses YAML or JSON text into a value and checks that it is an OpenAPI 3.0 or 3.1 document.
pub fn load(bytes: &[u8]) -> Result<Value, Error> {
    let text = std::str::from_utf8(bytes).map_err(|error| Error::Syntax {
        pointer: "#".into(),
        format: "UTF-8 text",
        message: format!("invalid UTF-8 at byte {}", error.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::invalid("#", "the document is empty"));
    }
    let value = parse_text(text)?;
    check_depth(&value)?;
    check_version(&value)?;
    Ok(value)
}

fn parse_text(text: &str) -> Result<Value, Error> {
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(text).map_err(|error| Error::Syntax {
            pointer: "#".into(),
            format: "JSON",
            message: error.to_string(),
        });
    }
    // serde_yaml rejects duplicate keys and bounds alias expansion, so both surface here as
    // syntax errors with a line and column instead of a silently merged or exploded document.
    let yaml: serde_yaml::Value = serde_yaml::from_str(text).map_err(|error| Error::Syntax {
        pointer: "#".into(),
        format: "YAML",
        message: error.to_string(),
    })?;
    yaml_to_json(yaml, "#", 0)
}

/// Converts YAML to JSON, turning non-string keys (YAML allows `200:` unquoted) into strings.
fn yaml_to_json(yaml: serde_yaml::Value, pointer: &str, depth: usize) -> Result<Value, Error> {
    use serde_yaml::Value as Y;
    if depth > MAX_DEPTH {
        return Err(too_deep(pointer));
    }
    Ok(match yaml {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => number_to_json(&n),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (index, item) in items.into_iter().enumerate() {
                out.push(yaml_to_json(
                    item,
                    &format!("{pointer}/{index}"),
                    depth + 1,
                )?);
            }
            Value::Array(out)
        }
        Y::Mapping(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            for (key, item) in map {
                let key = yaml_key(key, pointer)?;
                let child = crate::error::join(pointer, &key);
                out.insert(key, yaml_to_json(item, &child, depth + 1)?);
            }
            Value::Object(out)
        }
        Y::Tagged(tagged) => yaml_to_json(tagged.value, pointer, depth)?,
    })
}

fn number_to_json(number: &serde_yaml::Number) -> Value {
    if let Some(i) = number.as_i64() {
        Value::from(i)
    } else if let Some(u) = number.as_u64() {
        Value::from(u)
    } else {
        number
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

fn yaml_key(key: serde_yaml::Value, pointer: &str) -> Result<String, Error> {
    use serde_yaml::Value as Y;
    match key {
        Y::String(s) => Ok(s),
        Y::Number(n) => Ok(n.to_string()),
        Y::Bool(b) => Ok(b.to_string()),
        Y::Null => Ok("null".into()),
        _ => Err(Error::invalid(pointer, "a mapping key must be a scalar")),
    }
}

fn too_deep(pointer: &str) -> Error {
    Error::invalid(
        pointer,
        format!("the document nests deeper than {MAX_DEPTH} levels, the supported limit"),
    )
}

/// Checks nesting with an explicit stack, so the check itself cannot overflow.
fn check_depth(value: &Value) -> Result<(), Error> {
    let mut stack = vec![(value, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            return Err(too_deep("#"));
        }
        match node {
            Value::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            Value::Object(map) => stack.extend(map.values().map(|v| (v, depth + 1))),
            _ => {}
        }
    }
    Ok(())
}

/// The major.minor versions this generator reads.
pub const SUPPORTED: &str = "OpenAPI 3.0.x and 3.1.x";

fn check_version(value: &Value) -> Result<(), Error> {
    let Some(root) = value.as_object() else {
        return Err(Error::invalid(
            "#",
            "the document must be a mapping at the top level",
        ));
    };
    if root.contains_key("swagger") {
        return Err(Error::invalid(
            "#/swagger",
            format!("Swagger 2.0 documents are not supported; convert to OpenAPI 3 first (supported: {SUPPORTED})"),
        ));
    }
    let version = match root.get("openapi") {
        Some(Value::String(v)) => v.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(Error::invalid(
                "#/openapi",
                "`openapi` must be a version string",
            ))
        }
        None => {
            return Err(Error::invalid(
                "#",
                format!("missing `openapi` version field (supported: {SUPPORTED})"),
            ))
        }
    };
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        return Err(Error::invalid(
            "#/openapi",
            format!("unsupported OpenAPI version `{version}` (supported: {SUPPORTED})"),
        ));
    }
    Ok(())
}

/// Parses the YAML settings file that sits beside a spec.
pub fn load_settings(text: &str) -> Result<crate::Settings, Error> {
    serde_yaml::from_str(text).map_err(|error| Error::Settings(error.to_string()))
}
