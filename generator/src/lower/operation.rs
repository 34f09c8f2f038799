//! Paths and operations.

use super::Lowerer;
use crate::error::join;
use crate::ir::names::{field_name, type_name, Scope};
use crate::ir::{Body, BodyKind, BodyVariant, Operation, Prim, SecurityScheme, TypeRef};
use openapiv3::{PathItem, ReferenceOr};

/// Methods the generated `Client` defines itself.
const CLIENT_RESERVED: [&str; 7] = [
    "new",
    "builder",
    "base_url",
    "http_client",
    "credentials",
    "send",
    "prepare",
];

impl<'a> Lowerer<'a> {
    /// Every operation of every path item, in document order.
    pub fn lower_operations(&mut self, schemes: &[SecurityScheme]) -> Vec<Operation> {
        let api = self.api;
        let mut method_names = Scope::with_reserved(&CLIENT_RESERVED);
        let mut operation_ids = std::collections::BTreeSet::new();
        let mut operations = Vec::new();
        for (path, item) in api.paths.iter() {
            let item_pointer = join("#/paths", path);
            let ReferenceOr::Item(item) = item else {
                self.diagnostics.warn(
                    &item_pointer,
                    "a `$ref` path item is not supported; its operations were skipped",
                );
                continue;
            };
            for (method, operation) in item.iter() {
                let pointer = join(&item_pointer, method);
                if let Some(id) = &operation.operation_id {
                    if !operation_ids.insert(id.clone()) {
                        self.diagnostics.warn(
                            &join(&pointer, "operationId"),
                            format!(
                                "duplicate operationId `{id}`; a unique method name was derived"
                            ),
                        );
                    }
                }
                let op = self.lower_operation(
                    path,
                    method,
                    item,
                    operation,
                    schemes,
                    &pointer,
                    &mut method_names,
                );
                operations.push(op);
            }
        }
        operations
    }

    #[allow(clippy::too_many_arguments)]
    fn lower_operation(
        &mut self,
        path: &str,
        method: &str,
        item: &'a PathItem,
        operation: &'a openapiv3::Operation,
        schemes: &[SecurityScheme],
        pointer: &str,
        method_names: &mut Scope,
    ) -> Operation {
        let derived = format!("{method} {path}");
        let id_text = operation
            .operation_id
            .as_deref()
            .filter(|id| !field_name(id, "").is_empty())
            .unwrap_or(&derived);
        let name = method_names.claim(field_name(id_text, "op"));
        let type_stem = type_name(crate::ir::names::unraw(&name), "Op");
        let params = self.lower_params(path, item, operation, &type_stem, pointer);
        let body = operation
            .request_body
            .as_ref()
            .and_then(|body| self.lower_body(body, &type_stem, &join(pointer, "requestBody")));
        let responses = self.lower_responses(
            &operation.responses,
            &type_stem,
            method.eq_ignore_ascii_case("head"),
            &join(pointer, "responses"),
        );
        let requirements = operation.security.as_ref().or(self.api.security.as_ref());
        let security = match requirements {
            Some(requirements) => {
                self.lower_requirements(requirements, schemes, &join(pointer, "security"))
            }
            None => Vec::new(),
        };
        let doc = [
            operation.summary.as_deref(),
            operation.description.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
        let doc = if doc.len() == 2 && doc[0] == doc[1] {
            vec![doc[0]]
        } else {
            doc
        };
        Operation {
            name,
            type_stem,
            wire_id: operation.operation_id.clone(),
            method: method.to_ascii_uppercase(),
            path: path.to_string(),
            origin: pointer.to_string(),
            doc: (!doc.is_empty()).then(|| doc.join("\n\n")),
            params,
            body,
            responses,
            security,
            deprecated: operation.deprecated,
        }
    }

    fn lower_body(
        &mut self,
        body: &'a ReferenceOr<openapiv3::RequestBody>,
        stem: &str,
        pointer: &str,
    ) -> Option<Body> {
        let resolved = match self.resolver.request_body(body) {
            Ok(body) => body,
            Err(error) => {
                self.diagnostics.warn(
                    pointer,
                    format!("{error}; the operation is generated without a body"),
                );
                return None;
            }
        };
        let mut variants: Vec<BodyVariant> = Vec::new();
        let mut scope = Scope::default();
        // A media range (`application/*+json`) cannot be a request's `Content-Type`: each
        // kind's variant takes the first concrete media type, a range only when it has none.
        let mut content: Vec<_> = resolved.content.iter().collect();
        content.sort_by_key(|(media_type, _)| media_type.contains('*'));
        for (media_type, media) in content {
            let described = media
                .schema
                .as_ref()
                .is_some_and(|schema| !self.is_binary(schema.into()));
            let (kind, wire_type) = request_body_kind(media_type, described);
            if variants.iter().any(|v| v.kind == kind) {
                continue;
            }
            let media_pointer = join(&join(pointer, "content"), media_type);
            if !crate::normalize::is_known_media_type(media_type) {
                self.diagnostics.warn(
                    &media_pointer,
                    format!("unknown media type `{media_type}`; sent as raw bytes"),
                );
            }
            let ty = match kind {
                BodyKind::Text => TypeRef::Prim(Prim::String),
                BodyKind::Bytes | BodyKind::Empty => TypeRef::Prim(Prim::Bytes),
                BodyKind::Json | BodyKind::Form | BodyKind::Multipart => match &media.schema {
                    Some(schema) => self.schema_type(
                        schema.into(),
                        &format!("{stem}Body"),
                        &join(&media_pointer, "schema"),
                    ),
                    None => TypeRef::Json,
                },
            };
            let schema = match (&kind, &media.schema) {
                (BodyKind::Json, Some(schema)) => self.resolved(schema.into()),
                _ => None,
            };
            let example = schema.and_then(|schema| {
                super::example::example_with(media.example.as_ref(), Some(schema), &|items| {
                    self.resolved(items.into())
                })
            });
            let name = scope.claim(variant_name(kind).to_string());
            variants.push(BodyVariant {
                name,
                media_type: wire_type,
                kind,
                ty,
                example,
            });
        }
        if variants.is_empty() {
            return None;
        }
        Some(Body {
            required: resolved.required,
            variants,
            doc: resolved.description.clone(),
        })
    }
}

fn variant_name(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Json => "Json",
        BodyKind::Form => "Form",
        BodyKind::Multipart => "Multipart",
        BodyKind::Text => "Text",
        BodyKind::Bytes | BodyKind::Empty => "Bytes",
    }
}

/// How a request body in `media_type` is encoded, and the `Content-Type` it is sent with.
/// A body whose schema describes a value (`described`: not raw bytes) is sent as JSON where
/// the media type allows it: newline-delimited JSON (one record is one line) and a media
/// range such as `*/*`, which cannot be a `Content-Type` itself.
fn request_body_kind(media_type: &str, described: bool) -> (BodyKind, String) {
    let essence = crate::normalize::media_essence(media_type);
    let kind = body_kind(media_type);
    if kind == BodyKind::Bytes && described {
        if essence.ends_with("ndjson") || essence.ends_with("jsonl") {
            return (BodyKind::Json, media_type.to_string());
        }
        if essence == "*/*" || essence == "application/*" {
            return (BodyKind::Json, "application/json".to_string());
        }
    }
    (kind, media_type.to_string())
}

/// How a media type is encoded.
pub(crate) fn body_kind(media_type: &str) -> BodyKind {
    let essence = crate::normalize::media_essence(media_type);
    if essence == "application/json" || essence.ends_with("+json") || essence == "text/json" {
        BodyKind::Json
    } else if essence == "application/x-www-form-urlencoded" {
        BodyKind::Form
    } else if essence.starts_with("multipart/") {
        BodyKind::Multipart
    } else if essence.starts_with("text/") || essence.ends_with("/xml") || essence.ends_with("+xml")
    {
        BodyKind::Text
    } else {
        BodyKind::Bytes
    }
}
