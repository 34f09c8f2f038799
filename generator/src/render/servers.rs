//! The `Server` enum: one variant per declared server, variables as fields with defaults.

use super::docs::doc_attrs;
use super::typeref::ident;
use crate::ir::{Api, Server};
use proc_macro2::TokenStream;
use quote::quote;

/// Literal runs and `{variable}` runs of a URL template.
fn url_pieces(url: &str) -> Vec<(bool, String)> {
    let mut pieces = Vec::new();
    let mut rest = url;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        pieces.push((false, rest[..start].to_string()));
        pieces.push((true, rest[start + 1..start + end].to_string()));
        rest = &rest[start + end + 1..];
    }
    pieces.push((false, rest.to_string()));
    pieces.retain(|(is_var, text)| *is_var || !text.is_empty());
    pieces
}

/// The `Server` enum with `Default` (the first server) and `url()`.
pub(crate) fn render_servers(api: &Api) -> TokenStream {
    let variants = api.servers.iter().map(server_variant);
    let arms = api.servers.iter().map(url_arm);
    // A first server with a placeholder host has no `Default`: the user names the host.
    let default = api
        .servers
        .first()
        .filter(|server| server.variables.iter().all(|v| !v.placeholder))
        .map(|server| {
            let name = ident(&server.name);
            let values = server.variables.iter().map(|v| {
                let field = ident(&v.name);
                let value = &v.default;
                quote! { #field: ::std::string::String::from(#value), }
            });
            let value = if server.variables.is_empty() {
                quote! { Server::#name }
            } else {
                quote! { Server::#name { #(#values)* } }
            };
            quote! {
                impl ::std::default::Default for Server {
                    fn default() -> Self {
                        #value
                    }
                }
            }
        });
    let doc = if default.is_some() {
        "Where the API is served. `Server::default()` is the first server the spec lists;\n\
         `Server::Custom` takes any base URL (a proxy, a mock server)."
    } else {
        "Where the API is served. The first server's host is a placeholder, so there is no\n\
         `Server::default()`: give the host in its variables, or any base URL with\n\
         `Server::Custom`."
    };
    let doc = doc_attrs(Some(doc));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq)]
        #[non_exhaustive]
        pub enum Server {
            #(#variants)*
            /// Any base URL; operation paths are appended to it.
            Custom(::std::string::String),
        }

        #default

        impl Server {
            /// The base URL, with variables substituted.
            pub fn url(&self) -> ::std::string::String {
                match self {
                    #(#arms)*
                    Server::Custom(url) => url.clone(),
                }
            }
        }
    }
}

fn server_variant(server: &Server) -> TokenStream {
    let name = ident(&server.name);
    let text = match &server.doc {
        Some(doc) => format!("`{}`: {doc}", server.url),
        None => format!("`{}`", server.url),
    };
    let doc = doc_attrs(Some(&text));
    if server.variables.is_empty() {
        return quote! { #doc #name, };
    }
    let fields = server.variables.iter().map(|v| {
        let field = ident(&v.name);
        let mut text = v
            .doc
            .clone()
            .unwrap_or_else(|| format!("The `{}` variable.", v.wire_name));
        if v.placeholder {
            text.push_str(&format!(
                "\n\nRequired: the spec's default, `{}`, is a placeholder and not a usable host.",
                v.default
            ));
        } else {
            text.push_str(&format!("\n\nDefault: `{}`.", v.default));
        }
        if !v.allowed.is_empty() {
            let allowed: Vec<String> = v.allowed.iter().map(|a| format!("`{a}`")).collect();
            text.push_str(&format!(" Allowed: {}.", allowed.join(", ")));
        }
        let doc = doc_attrs(Some(&text));
        quote! { #doc #field: ::std::string::String, }
    });
    quote! { #doc #name { #(#fields)* }, }
}

fn url_arm(server: &Server) -> TokenStream {
    let name = ident(&server.name);
    if server.variables.is_empty() {
        let url = &server.url;
        return quote! { Server::#name => ::std::string::String::from(#url), };
    }
    let fields: Vec<_> = server.variables.iter().map(|v| ident(&v.name)).collect();
    let pushes = url_pieces(&server.url).into_iter().map(|(is_var, text)| {
        match server
            .variables
            .iter()
            .find(|v| is_var && v.wire_name == text)
        {
            Some(variable) => {
                let field = ident(&variable.name);
                quote! { url.push_str(#field); }
            }
            None if is_var => {
                let literal = format!("{{{text}}}");
                quote! { url.push_str(#literal); }
            }
            None => quote! { url.push_str(#text); },
        }
    });
    quote! {
        Server::#name { #(#fields),* } => {
            let mut url = ::std::string::String::new();
            #(#pushes)*
            url
        }
    }
}
