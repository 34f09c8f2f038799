//! Stage 7, run after finalize: the token plan. The operation that issues access tokens and
//! where the token sits in its response, as the settings file (`token:`) or the operation's
//! `x-token-source` extension declares them, checked against the finalized IR so that
//! rendering only ever sees a plan that names real operations and pointers the response
//! schema can hold.

use crate::error::{join, Diagnostics};
use crate::ir::{Api, BodyKind, Operation, TypeKind, TypeRef};
use crate::settings::{Settings, TokenSettings};
use serde_json::Value;

/// A declaration found on an operation of the document.
#[derive(Debug, Clone)]
pub(crate) struct Declared {
    /// JSON pointer of the operation (as `ir::Operation::origin`).
    pub operation: String,
    pub settings: TokenSettings,
}

/// What the renderer emits: everything resolved and checked.
#[derive(Debug, Clone)]
pub(crate) struct TokenPlan {
    /// Index of the issuing operation in `Api::operations`.
    pub operation: usize,
    pub access_token: String,
    pub expires_in: Option<String>,
    pub expires_on: Option<String>,
    pub refresh_token: Option<String>,
    pub default_lifetime_seconds: Option<u64>,
    /// The names in `{name}` segments, in order of first appearance.
    pub placeholders: Vec<String>,
    pub refresh: Option<RefreshPlan>,
    /// Path from the generated crate to the `token-source` crate.
    pub crate_path: String,
}

/// The refresh operation and the body property that gets the refresh token.
#[derive(Debug, Clone)]
pub(crate) struct RefreshPlan {
    pub operation: usize,
    pub body_field: String,
}

/// The first operation's `x-token-source`, in document order; a malformed one is a warning.
pub(crate) fn from_extensions(doc: &Value, diagnostics: &mut Diagnostics) -> Option<Declared> {
    let paths = doc.get("paths").and_then(Value::as_object)?;
    let mut found: Option<Declared> = None;
    for (path, item) in paths {
        for method in crate::openapi::HTTP_METHODS {
            let Some(extension) = item.get(method).and_then(|op| op.get("x-token-source")) else {
                continue;
            };
            let operation = join(&join("#/paths", path), method);
            let pointer = join(&operation, "x-token-source");
            if found.is_some() {
                diagnostics.warn(&pointer, "a second token source is ignored; only the first in document order is generated");
                continue;
            }
            match serde_json::from_value::<TokenSettings>(extension.clone()) {
                Ok(settings) => {
                    found = Some(Declared {
                        operation,
                        settings,
                    })
                }
                Err(error) => {
                    diagnostics.warn(&pointer, format!("{error}; no token source generated"))
                }
            }
        }
    }
    found
}

/// Resolves the declaration (settings first, then the extension) against the API.
pub(crate) fn plan(
    api: &Api,
    settings: &Settings,
    declared: Option<Declared>,
    diagnostics: &mut Diagnostics,
) -> Option<TokenPlan> {
    let (token, op_index, pointer) = match (&settings.token, declared) {
        (Some(token), _) => {
            let pointer = "#/paths".to_string();
            let Some(id) = token.operation.as_deref() else {
                diagnostics.warn(
                    &pointer,
                    "settings `token` names no `operation`; no token source generated",
                );
                return None;
            };
            let Some(index) = find_operation(api, id) else {
                diagnostics.warn(&pointer, format!("settings `token.operation` names `{id}`, which is no operation of the document; no token source generated"));
                return None;
            };
            (token.clone(), index, pointer)
        }
        (None, Some(declared)) => {
            let pointer = join(&declared.operation, "x-token-source");
            let found = api
                .operations
                .iter()
                .position(|op| op.origin == declared.operation);
            let Some(index) = found else {
                diagnostics.warn(
                    &pointer,
                    "the operation carrying it was not generated; no token source generated",
                );
                return None;
            };
            (declared.settings, index, pointer)
        }
        (None, None) => return None,
    };
    let Some(crate_path) = settings.token_source_path.clone() else {
        diagnostics.warn(&pointer, "token source declared but not generated: the crate has no path to the `token-source` crate (`cargo xtask codegen` sets one; a standalone crate has none)");
        return None;
    };
    let op = &api.operations[op_index];
    let body = token_body(op, diagnostics)?;
    if !check_pointer(
        api,
        body,
        op,
        "access_token",
        &token.access_token,
        diagnostics,
    ) {
        return None;
    }
    let mut optional = |name: &str, value: &Option<String>| {
        value
            .clone()
            .filter(|p| check_pointer(api, body, op, name, p, diagnostics))
    };
    let expires_in = optional("expires_in", &token.expires_in);
    let expires_on = optional("expires_on", &token.expires_on);
    let refresh_token = optional("refresh_token", &token.refresh_token);
    let refresh = refresh_plan(api, &token, refresh_token.is_some(), &pointer, diagnostics);
    let mut plan = TokenPlan {
        operation: op_index,
        access_token: token.access_token,
        expires_in,
        expires_on,
        refresh_token,
        default_lifetime_seconds: token.default_lifetime_seconds,
        placeholders: Vec::new(),
        refresh,
        crate_path,
    };
    plan.placeholders = placeholders(&plan);
    Some(plan)
}

fn find_operation(api: &Api, id: &str) -> Option<usize> {
    api.operations
        .iter()
        .position(|op| op.wire_id.as_deref() == Some(id) || op.name == id)
}

/// The one JSON success body type of `op`; other shapes are a warning.
fn token_body<'a>(op: &'a Operation, diagnostics: &mut Diagnostics) -> Option<&'a TypeRef> {
    let success: Vec<_> = op.responses.iter().filter(|r| r.success).collect();
    match success.as_slice() {
        [response] if response.kind == BodyKind::Json => Some(&response.ty),
        _ => {
            diagnostics.warn(&op.origin, "the token operation needs exactly one success response with a JSON body; no token source generated");
            None
        }
    }
}

/// Whether `pointer` can name a value in `ty`; a warning when it cannot.
fn check_pointer(
    api: &Api,
    ty: &TypeRef,
    op: &Operation,
    field: &str,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> bool {
    let Some(segments) = crate::pointer::pointer_segments(pointer).filter(|s| !s.is_empty()) else {
        diagnostics.warn(
            &op.origin,
            format!("token `{field}` pointer `{pointer}` does not start with `/`; it is ignored"),
        );
        return false;
    };
    match walk(api, ty, &segments, 0) {
        Ok(()) => true,
        Err(segment) => {
            diagnostics.warn(&op.origin, format!("token `{field}` pointer `{pointer}`: the success response schema has no `{segment}`; it is ignored"));
            false
        }
    }
}

/// Follows pointer segments through the types; `Err(segment)` where a segment cannot exist.
/// Where the schema allows anything (`serde_json::Value`, unions) the rest is not checked.
fn walk(api: &Api, ty: &TypeRef, segments: &[String], depth: usize) -> Result<(), String> {
    let Some((segment, rest)) = segments.split_first() else {
        return Ok(());
    };
    if depth > 64 {
        return Ok(());
    }
    let placeholder = is_placeholder(segment);
    match ty {
        TypeRef::Option(inner) | TypeRef::Box(inner) | TypeRef::Secret(inner) => {
            walk(api, inner, segments, depth + 1)
        }
        TypeRef::Json => Ok(()),
        TypeRef::Map(inner) => walk(api, inner, rest, depth + 1),
        TypeRef::Vec(inner) if placeholder || segment.parse::<usize>().is_ok() => {
            walk(api, inner, rest, depth + 1)
        }
        TypeRef::Vec(_) | TypeRef::Prim(_) => Err(segment.clone()),
        TypeRef::Named(id) => match api.types.get(id.0).map(|def| &def.kind) {
            Some(TypeKind::Struct(def)) => {
                match def.fields.iter().find(|f| &f.wire_name == segment) {
                    Some(field) => walk(api, &field.ty, rest, depth + 1),
                    None if placeholder => Ok(()),
                    None => match &def.additional {
                        Some(additional) => walk(api, additional, rest, depth + 1),
                        None => Err(segment.clone()),
                    },
                }
            }
            Some(TypeKind::Alias(inner) | TypeKind::Newtype(inner)) => {
                walk(api, inner, segments, depth + 1)
            }
            Some(TypeKind::Enum(_)) => Err(segment.clone()),
            Some(TypeKind::Union(_)) | None => Ok(()),
        },
    }
}

fn is_placeholder(segment: &str) -> bool {
    segment.len() > 2 && segment.starts_with('{') && segment.ends_with('}')
}

/// The refresh operation, when declared and usable: a JSON body, nothing else required.
fn refresh_plan(
    api: &Api,
    token: &TokenSettings,
    has_refresh_token: bool,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<RefreshPlan> {
    let id = token.refresh_operation.as_deref()?;
    let Some(index) = find_operation(api, id) else {
        diagnostics.warn(pointer, format!("`refresh_operation` names `{id}`, which is no operation of the document; tokens are renewed by logging in again"));
        return None;
    };
    let op = &api.operations[index];
    let mut problem = None;
    if !has_refresh_token {
        problem = Some("no `refresh_token` pointer is declared".to_string());
    }
    if op.params.iter().any(|p| p.required) {
        problem = Some("it has required parameters".to_string());
    }
    let field = token
        .refresh_body_field
        .clone()
        .unwrap_or_else(|| "refresh_token".into());
    match op.body.as_ref().map(|b| b.variants.as_slice()) {
        Some([variant]) if variant.kind == BodyKind::Json => {
            if walk(api, &variant.ty, std::slice::from_ref(&field), 0).is_err() {
                problem = Some(format!("its body has no property `{field}`"));
            }
        }
        _ => problem = Some("its body is not a single JSON body".to_string()),
    }
    if let Some(problem) = problem {
        diagnostics.warn(&op.origin, format!("cannot refresh tokens with `{id}`: {problem}; tokens are renewed by logging in again"));
        return None;
    }
    token_body(op, diagnostics)?;
    Some(RefreshPlan {
        operation: index,
        body_field: field,
    })
}

/// Placeholder names in all pointers, first appearance first.
fn placeholders(plan: &TokenPlan) -> Vec<String> {
    let pointers = [
        Some(&plan.access_token),
        plan.expires_in.as_ref(),
        plan.expires_on.as_ref(),
        plan.refresh_token.as_ref(),
    ];
    let mut out: Vec<String> = Vec::new();
    for pointer in pointers.into_iter().flatten() {
        for segment in pointer.split('/').filter(|s| is_placeholder(s)) {
            let name = segment[1..segment.len() - 1].to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::{generate, Settings, TokenSettings};

    const SPEC: &str = r#"{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {
        "/login": {"post": {"operationId": "login", "responses": {"200": {"description": "ok",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
                "data": {"type": "object", "properties": {"token": {"type": "string"}, "ttl": {"type": "integer"}}},
                "extra": {}}}}}}}}},
        "/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}}}"#;

    fn settings(token: TokenSettings, path: Option<&str>) -> Settings {
        let mut settings = Settings::new("demo");
        settings.token = Some(token);
        settings.token_source_path = path.map(str::to_string);
        settings
    }

    fn token(operation: &str, access_token: &str) -> TokenSettings {
        TokenSettings {
            operation: Some(operation.into()),
            access_token: access_token.into(),
            ..TokenSettings::default()
        }
    }

    /// The warnings of a generation, and whether it has a token module.
    fn run(spec: &str, settings: &Settings) -> (Vec<String>, bool) {
        let generation = generate(spec.as_bytes(), settings).expect("generates");
        let has_token = generation.files.iter().any(|f| f.path == "src/token.rs");
        let warnings = generation
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect();
        (warnings, has_token)
    }

    #[test]
    fn a_valid_declaration_generates_the_module_and_the_dependency() {
        let mut declared = token("login", "/data/token");
        declared.expires_in = Some("/data/ttl".into());
        let generation =
            generate(SPEC.as_bytes(), &settings(declared, Some("../ts"))).expect("generates");
        assert!(generation.warnings.is_empty(), "{:?}", generation.warnings);
        let manifest = generation
            .files
            .iter()
            .find(|f| f.path == "Cargo.toml")
            .expect("manifest");
        assert!(manifest
            .contents
            .contains("token-source = { path = \"../ts\" }"));
        let lib = generation
            .files
            .iter()
            .find(|f| f.path == "src/lib.rs")
            .expect("lib");
        assert!(lib.contents.contains("pub use token::TokenSource;"));
    }

    #[test]
    fn without_a_path_the_crate_stays_standalone_and_says_why() {
        let (warnings, has_token) = run(SPEC, &settings(token("login", "/data/token"), None));
        assert!(!has_token);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("no path to the `token-source` crate"),
            "{warnings:?}"
        );
        let manifest = generate(SPEC.as_bytes(), &Settings::new("demo")).expect("generates");
        assert!(manifest
            .files
            .iter()
            .all(|f| !f.contents.contains("token-source")));
    }

    #[test]
    fn unknown_operations_and_pointers_are_warnings_with_pointers() {
        let (warnings, has_token) = run(SPEC, &settings(token("logon", "/data/token"), Some("p")));
        assert!(!has_token);
        assert_eq!(warnings, ["#/paths: settings `token.operation` names `logon`, which is no operation of the document; no token source generated"]);

        let (warnings, has_token) = run(SPEC, &settings(token("login", "/data/tokn"), Some("p")));
        assert!(!has_token);
        assert_eq!(warnings, ["#/paths/~1login/post: token `access_token` pointer `/data/tokn`: the success response schema has no `tokn`; it is ignored"]);

        let mut declared = token("login", "/data/token");
        declared.expires_in = Some("data/ttl".into());
        declared.refresh_token = Some("/extra/anything/goes".into());
        let (warnings, has_token) = run(SPEC, &settings(declared, Some("p")));
        assert!(has_token, "a bad optional pointer is dropped, not fatal");
        assert_eq!(warnings, ["#/paths/~1login/post: token `expires_in` pointer `data/ttl` does not start with `/`; it is ignored"]);

        let (warnings, has_token) = run(SPEC, &settings(token("ping", "/token"), Some("p")));
        assert!(!has_token);
        assert!(warnings[0].starts_with("#/paths/~1ping/get: the token operation needs exactly one success response with a JSON body"));
    }

    #[test]
    fn an_unusable_refresh_operation_falls_back_to_login() {
        let mut declared = token("login", "/data/token");
        declared.refresh_token = Some("/data/token".into());
        declared.refresh_operation = Some("ping".into());
        let (warnings, has_token) = run(SPEC, &settings(declared, Some("p")));
        assert!(has_token);
        assert_eq!(warnings, ["#/paths/~1ping/get: cannot refresh tokens with `ping`: its body is not a single JSON body; tokens are renewed by logging in again"]);
    }

    #[test]
    fn the_extension_declares_it_and_malformed_ones_are_warnings() {
        let with = |extension: &str| {
            SPEC.replace(
                r#""operationId": "login","#,
                &format!(r#""operationId": "login", "x-token-source": {extension},"#),
            )
        };
        let mut settings = Settings::new("demo");
        settings.token_source_path = Some("p".into());
        let (warnings, has_token) = run(&with(r#"{"access_token": "/data/token"}"#), &settings);
        assert!(has_token && warnings.is_empty(), "{warnings:?}");
        let (warnings, has_token) = run(
            &with(r#"{"access_token": "/data/token", "ttl": 5}"#),
            &settings,
        );
        assert!(!has_token);
        assert!(
            warnings[0].starts_with("#/paths/~1login/post/x-token-source: unknown field `ttl`"),
            "{warnings:?}"
        );
    }
}
