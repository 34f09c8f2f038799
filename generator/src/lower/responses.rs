//! Responses, keyed by exact status, range or `default`.

use super::operation::body_kind;
use super::Lowerer;
use crate::error::join;
use crate::ir::names::{type_name, Scope};
use crate::ir::{BodyKind, Prim, Response, StatusMatch, TypeRef};
use openapiv3::{Responses, StatusCode};

impl<'a> Lowerer<'a> {
    /// Every declared response, keyed by exact code, range or `default`; `to_head`: the
    /// responses of a HEAD request, which carry no body.
    pub fn lower_responses(
        &mut self,
        responses: &'a Responses,
        stem: &str,
        to_head: bool,
        pointer: &str,
    ) -> Vec<Response> {
        let mut entries = Vec::new();
        for (code, response) in &responses.responses {
            let status = match code {
                StatusCode::Code(code) => StatusMatch::Code(*code),
                StatusCode::Range(range) => StatusMatch::Range(*range),
            };
            entries.push((status, code.to_string(), response));
        }
        if let Some(default) = &responses.default {
            entries.push((StatusMatch::Default, "default".to_string(), default));
        }
        // With no 2xx declared, `default` describes the successes too: it is read as a success
        // for 2xx statuses and as the `Default` error for every other status.
        if !entries.iter().any(|(s, _, _)| is_success(*s)) {
            if let Some(default) = &responses.default {
                entries.insert(0, (StatusMatch::Range(2), "default".to_string(), default));
            }
        }
        let successes = entries.iter().filter(|(s, _, _)| is_success(*s)).count();
        let mut scope = Scope::default();
        let mut out = Vec::new();
        for (status, key, entry) in entries {
            let at = join(pointer, &key);
            let success = is_success(status);
            let response = match self.resolver.response(entry) {
                Ok(response) => response,
                Err(error) => {
                    // The status is still declared: it keeps its own variant, without a body.
                    self.diagnostics
                        .warn(&at, format!("{error}; the response is read without a body"));
                    out.push(Response {
                        status,
                        name: scope.claim(status_name(status)),
                        doc: None,
                        kind: BodyKind::Empty,
                        media_type: None,
                        ty: TypeRef::Prim(Prim::Unit),
                        success,
                        example: None,
                    });
                    continue;
                }
            };
            let name = scope.claim(status_name(status));
            let hint = if success && successes == 1 {
                format!("{stem}Response")
            } else {
                format!("{stem}{}Response", type_name(&name, "Status"))
            };
            // HTTP gives these statuses, and every response to HEAD, no body (RFC 9110):
            // content declared for them describes nothing a server can send.
            let bodiless = matches!(status, StatusMatch::Code(204 | 205 | 304));
            let (kind, media_type, ty) = if bodiless || to_head {
                if !response.content.is_empty() {
                    let what = match bodiless {
                        true => format!("a {key} response"),
                        false => "a response to HEAD".to_string(),
                    };
                    self.diagnostics.warn(
                        &join(&at, "content"),
                        format!("{what} has no body in HTTP; its content is ignored"),
                    );
                }
                (BodyKind::Empty, None, TypeRef::Prim(Prim::Unit))
            } else {
                self.response_body(response, &hint, &at)
            };
            let example = match (&kind, &media_type) {
                (BodyKind::Json, Some(media)) => response
                    .content
                    .get(media)
                    .and_then(|media| self.reply_example(media)),
                _ => None,
            };
            let doc = Some(response.description.trim().to_string()).filter(|d| !d.is_empty());
            out.push(Response {
                status,
                name,
                doc,
                kind,
                media_type,
                ty,
                success,
                example,
            });
        }
        // An operation that declares no response at all (3.1 allows it) still succeeds on
        // 2xx; its body is handed over as raw bytes (a response to HEAD has none).
        if out.is_empty() {
            let (doc, kind, ty) = match to_head {
                true => (
                    "No response is declared; any 2xx.",
                    BodyKind::Empty,
                    Prim::Unit,
                ),
                false => (
                    "No response is declared; any 2xx body, as raw bytes.",
                    BodyKind::Bytes,
                    Prim::Bytes,
                ),
            };
            out.push(Response {
                status: StatusMatch::Range(2),
                name: "Success".into(),
                doc: Some(doc.into()),
                kind,
                media_type: None,
                ty: TypeRef::Prim(ty),
                success: true,
                example: None,
            });
        }
        out
    }

    /// The media type decoded: JSON first, then text, then raw bytes.
    fn response_body(
        &mut self,
        response: &'a openapiv3::Response,
        hint: &str,
        pointer: &str,
    ) -> (BodyKind, Option<String>, TypeRef) {
        let rank = |media: &str| match body_kind(media) {
            BodyKind::Json => 0,
            BodyKind::Text => 1,
            _ => 2,
        };
        let Some((media_type, media)) =
            response.content.iter().min_by_key(|(media, _)| rank(media))
        else {
            return (BodyKind::Empty, None, TypeRef::Prim(Prim::Unit));
        };
        let schema = media.schema.as_ref();
        let kind = match body_kind(media_type) {
            // `type: string, format: binary` says the body is the bytes themselves, whatever
            // the media type claims (file downloads declared as `application/json`).
            BodyKind::Json if schema.is_some_and(|s| self.is_binary(s.into())) => BodyKind::Bytes,
            BodyKind::Json => BodyKind::Json,
            BodyKind::Text => BodyKind::Text,
            // A media range (`*/*`, as many generated documents declare every response) with
            // an object, a list or a union says the reply is structured: JSON is how such a
            // value travels, and the request side sends such a body as JSON too.
            _ if is_media_range(media_type)
                && schema.is_some_and(|s| self.is_structured(s.into())) =>
            {
                BodyKind::Json
            }
            _ => BodyKind::Bytes,
        };
        let ty = match kind {
            BodyKind::Json => match schema {
                Some(schema) => {
                    let at = join(&join(&join(pointer, "content"), media_type), "schema");
                    let ty = self.schema_type(schema.into(), hint, &at);
                    // A body that may be `null` (3.1 `anyOf: [{type: "null"}, ...]`, 3.0
                    // `nullable`) decodes into an `Option`, as a nullable field does.
                    let optional = matches!(ty, TypeRef::Option(_) | TypeRef::Json);
                    if !optional && self.is_nullable(schema.into()) {
                        TypeRef::Option(Box::new(ty))
                    } else {
                        ty
                    }
                }
                None => TypeRef::Json,
            },
            BodyKind::Text => TypeRef::Prim(Prim::String),
            _ => TypeRef::Prim(Prim::Bytes),
        };
        (kind, Some(media_type.clone()), ty)
    }
}

/// `*/*` or `type/*`: a range of media types rather than one.
fn is_media_range(media_type: &str) -> bool {
    crate::normalize::media_essence(media_type).ends_with("/*")
}

fn is_success(status: StatusMatch) -> bool {
    match status {
        StatusMatch::Code(code) => (200..300).contains(&code),
        StatusMatch::Range(range) => range == 2,
        StatusMatch::Default => false,
    }
}

/// `NotFound`, `TooManyRequests`, `Status599`; `ClientError` for `4XX`; `Default`.
fn status_name(status: StatusMatch) -> String {
    match status {
        StatusMatch::Code(code) => reason_phrase(code)
            .map(str::to_string)
            .unwrap_or_else(|| format!("Status{code}")),
        StatusMatch::Range(1) => "Informational".into(),
        StatusMatch::Range(2) => "Success".into(),
        StatusMatch::Range(3) => "Redirection".into(),
        StatusMatch::Range(4) => "ClientError".into(),
        StatusMatch::Range(5) => "ServerError".into(),
        StatusMatch::Range(other) => format!("Status{other}xx"),
        StatusMatch::Default => "Default".into(),
    }
}

fn reason_phrase(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "SwitchingProtocols",
        200 => "Ok",
        201 => "Created",
        202 => "Accepted",
        203 => "NonAuthoritativeInformation",
        204 => "NoContent",
        205 => "ResetContent",
        206 => "PartialContent",
        207 => "MultiStatus",
        300 => "MultipleChoices",
        301 => "MovedPermanently",
        302 => "Found",
        303 => "SeeOther",
        304 => "NotModified",
        307 => "TemporaryRedirect",
        308 => "PermanentRedirect",
        400 => "BadRequest",
        401 => "Unauthorized",
        402 => "PaymentRequired",
        403 => "Forbidden",
        404 => "NotFound",
        405 => "MethodNotAllowed",
        406 => "NotAcceptable",
        407 => "ProxyAuthenticationRequired",
        408 => "RequestTimeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "LengthRequired",
        412 => "PreconditionFailed",
        413 => "PayloadTooLarge",
        414 => "UriTooLong",
        415 => "UnsupportedMediaType",
        416 => "RangeNotSatisfiable",
        417 => "ExpectationFailed",
        418 => "ImATeapot",
        421 => "MisdirectedRequest",
        422 => "UnprocessableEntity",
        423 => "Locked",
        424 => "FailedDependency",
        425 => "TooEarly",
        426 => "UpgradeRequired",
        428 => "PreconditionRequired",
        429 => "TooManyRequests",
        431 => "RequestHeaderFieldsTooLarge",
        451 => "UnavailableForLegalReasons",
        500 => "InternalServerError",
        501 => "NotImplemented",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        505 => "HttpVersionNotSupported",
        507 => "InsufficientStorage",
        508 => "LoopDetected",
        511 => "NetworkAuthenticationRequired",
        _ => return None,
    })
}
