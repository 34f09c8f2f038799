//! `securityDefinitions` to `components/securitySchemes`.

use super::Converter;
use crate::error::join;
use serde_json::{json, Map, Value};

impl Converter<'_> {
    /// Every security definition the 3.0 model can hold; others are warnings.
    pub(crate) fn security_schemes(&mut self, definitions: &Map<String, Value>) -> Value {
        self.pointers
            .record("#/components/securitySchemes", "#/securityDefinitions");
        let mut out = Map::new();
        for (name, definition) in definitions {
            let original = join("#/securityDefinitions", name);
            let Value::Object(definition) = definition else {
                self.diagnostics.warn(
                    &original,
                    "a security definition must be a mapping; ignored",
                );
                continue;
            };
            if let Some(scheme) = self.security_scheme(definition, &original) {
                out.insert(name.clone(), scheme);
            }
        }
        Value::Object(out)
    }

    fn security_scheme(
        &mut self,
        definition: &Map<String, Value>,
        original: &str,
    ) -> Option<Value> {
        let field = |key: &str| definition.get(key).cloned().unwrap_or_default();
        let mut scheme = match definition.get("type").and_then(Value::as_str) {
            Some("basic") => json!({ "type": "http", "scheme": "basic" }),
            Some("apiKey") => json!({ "type": "apiKey", "name": field("name"), "in": field("in") }),
            Some("oauth2") => self.oauth2(definition, original)?,
            other => {
                self.diagnostics.warn(
                    &join(original, "type"),
                    format!("unknown security type {other:?} (expected basic, apiKey or oauth2); the scheme was ignored"),
                );
                return None;
            }
        };
        if let Value::Object(scheme) = &mut scheme {
            for (key, value) in definition {
                if key == "description" || key.starts_with("x-") {
                    scheme.insert(key.clone(), value.clone());
                }
            }
        }
        Some(scheme)
    }

    /// 2.0 names one flow per definition; 3.0 groups flows under `flows`.
    fn oauth2(&mut self, definition: &Map<String, Value>, original: &str) -> Option<Value> {
        let field = |key: &str| definition.get(key).cloned().unwrap_or_default();
        let scopes = match definition.get("scopes") {
            Some(Value::Object(scopes)) => Value::Object(scopes.clone()),
            _ => Value::Object(Map::new()),
        };
        let (name, flow) = match definition.get("flow").and_then(Value::as_str) {
            Some("implicit") => (
                "implicit",
                json!({ "authorizationUrl": field("authorizationUrl"), "scopes": scopes }),
            ),
            Some("password") => (
                "password",
                json!({ "tokenUrl": field("tokenUrl"), "scopes": scopes }),
            ),
            Some("application") => (
                "clientCredentials",
                json!({ "tokenUrl": field("tokenUrl"), "scopes": scopes }),
            ),
            Some("accessCode") => (
                "authorizationCode",
                json!({
                    "authorizationUrl": field("authorizationUrl"),
                    "tokenUrl": field("tokenUrl"),
                    "scopes": scopes
                }),
            ),
            other => {
                self.diagnostics.warn(
                    &join(original, "flow"),
                    format!("unknown OAuth2 flow {other:?} (expected implicit, password, application or accessCode); the scheme was ignored"),
                );
                return None;
            }
        };
        let mut flows = Map::new();
        flows.insert(name.into(), flow);
        Some(json!({ "type": "oauth2", "flows": flows }))
    }
}
