//! Credentials: one optional secret per security scheme, attached per operation requirement.

use super::docs::doc_attrs;
use super::typeref::ident;
use crate::ir::names::{unraw, Scope};
use crate::ir::{Api, SchemeKind, SecurityScheme};
use crate::lower::BUILDER_RESERVED;
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
    let value_arms = api.security_schemes.iter().map(|scheme| {
        let variant = scheme_variant(scheme);
        let body = value_body(scheme);
        quote! { Scheme::#variant => { #body } }
    });
    // With no scheme, `attach` matches on an empty enum and never touches the request.
    let (parts_arg, value_arg) = if variants.is_empty() {
        (format_ident!("_parts"), format_ident!("_value"))
    } else {
        (format_ident!("parts"), format_ident!("value"))
    };
    quote! {
        /// The security schemes of the spec, as operation requirements name them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Scheme { #(#variants,)* }

        /// Credentials for the spec's security schemes. Each prints as redacted in `Debug`.
        #[derive(Debug, Clone, Default)]
        #[non_exhaustive]
        pub struct Credentials {
            #(#fields)*
            /// Sources awaited for a credential before each request that needs it (a token
            /// source, say); a source takes precedence over a value set for the same scheme.
            /// For HTTP basic, the credential is `username:password`.
            pub sources: crate::runtime::CredentialSources<Scheme>,
        }

        impl crate::runtime::SchemeCredentials for Credentials {
            type Scheme = Scheme;

            fn sources(&self) -> &crate::runtime::CredentialSources<Scheme> {
                &self.sources
            }

            fn has_value(&self, scheme: Scheme) -> bool {
                match scheme { #(#has_arms)* }
            }

            fn attach(&self, scheme: Scheme, #parts_arg: &mut crate::runtime::RequestParts) {
                match scheme { #(#attach_arms)* }
            }

            fn attach_value(&self, scheme: Scheme, #value_arg: &crate::runtime::Secret<::std::string::String>, #parts_arg: &mut crate::runtime::RequestParts) {
                match scheme { #(#value_arms)* }
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

/// Statements that attach `value` (a `&Secret<String>`) for `scheme`.
fn value_body(scheme: &SecurityScheme) -> TokenStream {
    match &scheme.kind {
        SchemeKind::Bearer => quote! { parts.authorization("Bearer", value.expose()); },
        SchemeKind::HttpOther(prefix) => quote! { parts.authorization(#prefix, value.expose()); },
        SchemeKind::ApiKeyHeader(header) => {
            quote! { parts.secret_header(#header, value.expose().clone()); }
        }
        SchemeKind::ApiKeyQuery(query) => {
            quote! { parts.secret_query(#query, value.expose().clone()); }
        }
        SchemeKind::ApiKeyCookie(cookie) => {
            quote! { parts.secret_cookie(#cookie, value.expose().clone()); }
        }
        SchemeKind::Basic => quote! { parts.basic_auth_pair(value.expose()); },
    }
}

fn attach_arm(scheme: &SecurityScheme) -> TokenStream {
    let variant = scheme_variant(scheme);
    let name = ident(&scheme.name);
    if scheme.kind == SchemeKind::Basic {
        return quote! {
            Scheme::#variant => if let Some((user, password)) = &self.#name {
                parts.basic_auth(user, password);
            },
        };
    }
    let body = value_body(scheme);
    quote! {
        Scheme::#variant => if let Some(value) = &self.#name { #body },
    }
}

/// Builder setters, one per scheme, and a `*_source` setter per bearer-like or API key scheme.
pub(crate) fn render_setters(api: &Api) -> TokenStream {
    let sources = source_setters(api);
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
    quote! { #(#setters)* #sources }
}

/// The `<scheme>_source` setter name of each scheme (none for HTTP basic), clear of the
/// builder's own methods and the schemes' setters.
pub(crate) fn source_setter_names(api: &Api) -> Vec<Option<String>> {
    let mut scope = Scope::with_reserved(&BUILDER_RESERVED);
    for scheme in &api.security_schemes {
        scope.claim(scheme.name.clone());
    }
    api.security_schemes
        .iter()
        .map(|scheme| {
            (scheme.kind != SchemeKind::Basic)
                .then(|| scope.claim(format!("{}_source", unraw(&scheme.name))))
        })
        .collect()
}

/// `<scheme>_source` setters for bearer-like and API key schemes.
fn source_setters(api: &Api) -> TokenStream {
    let names = source_setter_names(api);
    let setters = api
        .security_schemes
        .iter()
        .zip(names)
        .filter_map(|(scheme, name)| name.map(|name| (scheme, name)))
        .map(|(scheme, name)| {
            let setter = ident(&name);
            let variant = scheme_variant(scheme);
            let doc = doc_attrs(Some(&format!(
                "Sets a source awaited for the `{}` credential before each request that needs\n\
                 it, such as a token source that logs in and refreshes (any\n\
                 `token_source::TokenProvider`, where this crate has token support). It takes\n\
                 precedence over a fixed value.",
                scheme.wire_name
            )));
            quote! {
                #doc
                pub fn #setter(mut self, source: impl crate::runtime::CredentialSource + 'static) -> Self {
                    self.credentials.sources.set(Scheme::#variant, ::std::sync::Arc::new(source));
                    self
                }
            }
        });
    quote! { #(#setters)* }
}
