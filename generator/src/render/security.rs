//! Credentials: one optional secret per security scheme, attached per operation requirement.

use super::docs::doc_attrs;
use super::typeref::ident;
use crate::ir::{Api, SchemeKind, SecurityScheme};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The private `Scheme` enum naming each scheme.
pub(crate) fn scheme_variant(scheme: &SecurityScheme) -> proc_macro2::Ident {
    format_ident!(
        "{}",
        crate::ir::names::type_name(crate::ir::names::unraw(&scheme.name), "Scheme")
    )
}

/// `Credentials`, the `Scheme` enum and the code that attaches credentials to a request.
pub(crate) fn render_credentials(api: &Api) -> TokenStream {
    let fields = api.security_schemes.iter().map(|scheme| {
        let name = ident(&scheme.name);
        let doc = doc_attrs(Some(&field_doc(scheme)));
        let ty = match scheme.kind {
            SchemeKind::Basic => {
                quote! { (::std::string::String, crate::runtime::Secret<::std::string::String>) }
            }
            _ => quote! { crate::runtime::Secret<::std::string::String> },
        };
        quote! { #doc pub #name: ::std::option::Option<#ty>, }
    });
    let variants: Vec<_> = api.security_schemes.iter().map(scheme_variant).collect();
    let has_arms = api.security_schemes.iter().map(|scheme| {
        let variant = scheme_variant(scheme);
        let name = ident(&scheme.name);
        quote! { Scheme::#variant => self.#name.is_some(), }
    });
    let attach_arms = api.security_schemes.iter().map(attach_arm);
    // With no scheme, `attach` matches on an empty enum and never touches the request.
    let parts_arg = if variants.is_empty() {
        quote::format_ident!("_parts")
    } else {
        quote::format_ident!("parts")
    };
    quote! {
        /// The security schemes of the spec, as operation requirements name them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Scheme { #(#variants,)* }

        /// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
        #[derive(Debug, Clone, Default)]
        pub struct Credentials {
            #(#fields)*
        }

        impl Credentials {
            /// Attaches the first alternative whose credentials are all set. An operation whose
            /// alternatives are all unmet is sent without credentials, and the server decides.
            pub fn authorize(&self, alternatives: &[&[Scheme]], parts: &mut crate::runtime::RequestParts) {
                let chosen = alternatives.iter().find(|schemes| !schemes.is_empty() && schemes.iter().all(|s| self.has(*s)));
                for scheme in chosen.into_iter().flat_map(|schemes| schemes.iter()) {
                    self.attach(*scheme, parts);
                }
            }

            /// Whether the credentials for `scheme` are set.
            pub fn has(&self, scheme: Scheme) -> bool {
                match scheme { #(#has_arms)* }
            }

            fn attach(&self, scheme: Scheme, #parts_arg: &mut crate::runtime::RequestParts) {
                match scheme { #(#attach_arms)* }
            }
        }
    }
}
fn field_doc(scheme: &SecurityScheme) -> String {
    let how = match &scheme.kind {
        SchemeKind::Bearer => "sent as `Authorization: Bearer <token>`".to_string(),
        SchemeKind::Basic => "username and password, sent as HTTP basic authentication".to_string(),
        SchemeKind::HttpOther(s) => format!("sent as `Authorization: {s} <credentials>`"),
        SchemeKind::ApiKeyHeader(h) => format!("API key sent as is in the `{h}` header"),
        SchemeKind::ApiKeyQuery(q) => format!("API key sent in the `{q}` query parameter"),
        SchemeKind::ApiKeyCookie(c) => format!("API key sent in the `{c}` cookie"),
    };
    match &scheme.doc {
        Some(doc) => format!("`{}`: {how}.\n\n{doc}", scheme.wire_name),
        None => format!("`{}`: {how}.", scheme.wire_name),
    }
}

fn attach_arm(scheme: &SecurityScheme) -> TokenStream {
    let variant = scheme_variant(scheme);
    let name = ident(&scheme.name);
    let body = match &scheme.kind {
        SchemeKind::Bearer => {
            quote! { parts.secret_header("Authorization", format!("Bearer {}", value.expose())); }
        }
        SchemeKind::HttpOther(prefix) => {
            quote! { parts.secret_header("Authorization", format!("{} {}", #prefix, value.expose())); }
        }
        SchemeKind::ApiKeyHeader(header) => {
            quote! { parts.secret_header(#header, value.expose().clone()); }
        }
        SchemeKind::ApiKeyQuery(query) => {
            quote! { parts.raw_query(#query, value.expose().clone()); }
        }
        SchemeKind::ApiKeyCookie(cookie) => {
            quote! { let _ = parts.cookie(#cookie, value.expose()); }
        }
        SchemeKind::Basic => {
            return quote! {
                Scheme::#variant => if let Some((user, password)) = &self.#name {
                    let pair = format!("{user}:{}", password.expose());
                    parts.secret_header("Authorization", format!("Basic {}", crate::runtime::base64(pair.as_bytes())));
                },
            }
        }
    };
    quote! {
        Scheme::#variant => if let Some(value) = &self.#name { #body },
    }
}

/// Builder setters, one per scheme.
pub(crate) fn render_setters(api: &Api) -> TokenStream {
    let setters = api.security_schemes.iter().map(|scheme| {
        let name = ident(&scheme.name);
        let doc = doc_attrs(Some(&format!("Sets the credentials for `{}`.", scheme.wire_name)));
        match scheme.kind {
            SchemeKind::Basic => quote! {
                #doc
                pub fn #name(mut self, username: impl ::std::convert::Into<::std::string::String>, password: impl ::std::convert::Into<::std::string::String>) -> Self {
                    self.credentials.#name = Some((username.into(), crate::runtime::Secret::new(password.into())));
                    self
                }
            },
            _ => quote! {
                #doc
                pub fn #name(mut self, value: impl ::std::convert::Into<::std::string::String>) -> Self {
                    self.credentials.#name = Some(crate::runtime::Secret::new(value.into()));
                    self
                }
            },
        }
    });
    quote! { #(#setters)* }
}
