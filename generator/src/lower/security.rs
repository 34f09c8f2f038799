//! Security schemes and requirements.

use super::Lowerer;
use crate::error::join;
use crate::ir::names::{field_name, Scope};
use crate::ir::{SchemeId, SchemeKind, SecurityScheme};
use openapiv3::{APIKeyLocation, SecurityRequirement};

/// Names the client builder uses for its own settings; a scheme setter must not take them.
/// `credentials` is a builder method too, and `sources` a field of `Credentials`.
pub(crate) const BUILDER_RESERVED: [&str; 10] = [
    "timeout",
    "user_agent",
    "default_header",
    "http_client",
    "build",
    "body_limit",
    "new",
    "base_url",
    "credentials",
    "sources",
];

impl Lowerer<'_> {
    /// `components.securitySchemes` to credentials the client can hold.
    pub fn lower_security_schemes(&mut self) -> Vec<SecurityScheme> {
        let api = self.api;
        let Some(components) = &api.components else {
            return Vec::new();
        };
        let mut scope = Scope::with_reserved(&BUILDER_RESERVED);
        let mut schemes = Vec::new();
        for (wire_name, entry) in &components.security_schemes {
            let pointer = join("#/components/securitySchemes", wire_name);
            let scheme = match self.resolver.security_scheme(entry) {
                Ok(scheme) => scheme,
                Err(error) => {
                    self.diagnostics
                        .warn(&pointer, format!("{error}; scheme ignored"));
                    continue;
                }
            };
            let (kind, doc) = scheme_kind(scheme);
            schemes.push(SecurityScheme {
                name: scope.claim(field_name(wire_name, "scheme")),
                wire_name: wire_name.clone(),
                kind,
                doc,
            });
        }
        schemes
    }

    /// A list of requirements to alternatives of scheme ids. An empty alternative means the
    /// operation may also be called without credentials.
    pub fn lower_requirements(
        &mut self,
        requirements: &[SecurityRequirement],
        schemes: &[SecurityScheme],
        pointer: &str,
    ) -> Vec<Vec<SchemeId>> {
        let mut alternatives = Vec::new();
        for requirement in requirements {
            let mut ids = Vec::new();
            let mut complete = true;
            for name in requirement.keys() {
                match schemes.iter().position(|s| &s.wire_name == name) {
                    Some(index) => ids.push(SchemeId(index)),
                    None => {
                        self.diagnostics.warn(pointer, format!("security requirement names unknown scheme `{name}`; that alternative is ignored"));
                        complete = false;
                    }
                }
            }
            if complete && !alternatives.contains(&ids) {
                alternatives.push(ids);
            }
        }
        alternatives
    }
}

fn scheme_kind(scheme: &openapiv3::SecurityScheme) -> (SchemeKind, Option<String>) {
    use openapiv3::SecurityScheme as S;
    match scheme {
        S::APIKey {
            location,
            name,
            description,
            ..
        } => {
            let kind = match location {
                APIKeyLocation::Header => SchemeKind::ApiKeyHeader(name.clone()),
                APIKeyLocation::Query => SchemeKind::ApiKeyQuery(name.clone()),
                APIKeyLocation::Cookie => SchemeKind::ApiKeyCookie(name.clone()),
            };
            (kind, description.clone())
        }
        S::HTTP {
            scheme,
            description,
            ..
        } => {
            let kind = match scheme.to_ascii_lowercase().as_str() {
                "bearer" => SchemeKind::Bearer,
                "basic" => SchemeKind::Basic,
                _ => SchemeKind::HttpOther(scheme.clone()),
            };
            (kind, description.clone())
        }
        S::OAuth2 { description, .. } | S::OpenIDConnect { description, .. } => {
            (SchemeKind::Bearer, description.clone())
        }
    }
}
