//! The crate's `mock` module (feature `mock`): a typed mock server with one method per
//! operation, each operation described once for `client_runtime::mock`, with reply values
//! synthesized by the README's example machinery.

use super::docs::doc_attrs;
use super::examples::{all_credential_setters, call_arguments, example_value};
use super::typeref::{ident, rust_type};
use crate::finalize::shared_enums::{example_status, single_success_type};
use crate::ir::names::Scope;
use crate::ir::{Api, BodyKind, Operation, ParamLocation, Prim, Response, SchemeKind};
use crate::ir::{StatusMatch, TypeKind, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeSet;

/// The methods of the mock server itself (declared by the runtime's `mock_server!`); an
/// operation of the same name gets a suffix.
const SERVER_METHODS: [&str; 7] = [
    "start",
    "uri",
    "server",
    "client",
    "verify",
    "unmatched",
    "runtime",
];

/// The whole `mock` module.
pub(crate) fn render_mock(api: &Api) -> TokenStream {
    // Each operation's description is written once, in its `MockOperation` implementation.
    let infos = api.operations.iter().map(|op| {
        let marker = format_ident!("{}", op.type_stem);
        quote! { <operations::#marker as mock::MockOperation>::INFO }
    });
    let secrets = secret_names(api);
    let mut scope = Scope::with_reserved(&SERVER_METHODS);
    let methods = api.operations.iter().map(|op| {
        let method = ident(&scope.claim(op.name.clone()));
        let marker = format_ident!("{}", op.type_stem);
        let doc = doc_attrs(Some(&format!(
            "Sets up what [`Client::{}`](crate::Client) expects and answers.",
            crate::ir::names::unraw(&op.name)
        )));
        quote! {
            #doc
            pub fn #method(&self) -> mock::OperationMock<'_, operations::#marker> {
                self.inner.operation()
            }
        }
    });
    let impls = api
        .operations
        .iter()
        .enumerate()
        .map(|(index, op)| render_operation(api, index, op));
    let setters = all_credential_setters(api);
    let calls = api.operations.iter().map(|op| {
        let marker = format_ident!("{}", op.type_stem);
        quote! { mock::example_call::<operations::#marker>(client) }
    });
    // A spec without operations makes no call, and an unused argument would be a warning.
    let client = if api.operations.is_empty() {
        format_ident!("_client")
    } else {
        format_ident!("client")
    };
    let import = (!api.operations.is_empty()).then(|| quote! { use crate::runtime::mock; });
    quote! {
        //! A typed mock server of this API, for the tests of programs that use it. Start it,
        //! point a `Client` at it, and say per operation what it expects and answers, with the
        //! crate's own types; a request no expectation matches fails the test.

        // Every item here is the runtime's or has a name in upper camel case, so nothing
        // generated can shadow this module name.
        use crate::runtime::mock;

        /// The operations, as the mock server matches and names them.
        const OPERATIONS: &[mock::OperationInfo] = &[#(#infos),*];

        /// Header, query and property names whose values never show in a failure message.
        const SECRETS: &[&str] = &[#(#secrets),*];

        crate::runtime::mock_server!(OPERATIONS, SECRETS);

        impl MockServer {
            #(#methods)*
        }

        /// A client of `server` holding a placeholder credential for every security scheme,
        /// so that a server checking credentials lets the example calls through.
        pub fn example_client(server: crate::Server) -> crate::Client {
            crate::Client::builder(server)
                #(#setters)*
                .build()
                .unwrap_or_else(|error| panic!("a client with example credentials: {error}"))
        }

        /// Every operation's example call on `client`, in the order of the spec, none started:
        /// what a conformance run sends to a server that validates requests.
        pub fn example_calls(
            #client: &crate::Client,
        ) -> ::std::vec::Vec<mock::ExampleCall<'_>> {
            ::std::vec![#(#calls),*]
        }

        /// One type per operation, describing it to the mock server.
        pub mod operations {
            // A fallback such as `|| Type::new()` reads as the value it builds, and the
            // example calls cover deprecated operations too.
            #![allow(clippy::redundant_closure, deprecated)]

            #import

            #(#impls)*
        }
    }
}

fn operation_info(op: &Operation) -> TokenStream {
    let name = crate::ir::names::unraw(&op.name);
    let method = &op.method;
    let path = &op.path;
    let body = match op.body.as_ref().map(|b| b.variants.as_slice()) {
        None => quote! { None },
        Some([variant]) => match variant.kind {
            BodyKind::Json => quote! { Json },
            BodyKind::Form => quote! { Form },
            _ => quote! { Other },
        },
        Some(_) => quote! { Other },
    };
    quote! {
        mock::OperationInfo {
            name: #name,
            method: #method,
            path: #path,
            body: mock::BodyFormat::#body,
        }
    }
}

/// Every name the API marks secret: properties, parameters and API keys.
fn secret_names(api: &Api) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for def in &api.types {
        if let TypeKind::Struct(s) = &def.kind {
            names.extend(
                s.fields
                    .iter()
                    .filter(|f| f.secret)
                    .map(|f| f.wire_name.clone()),
            );
        }
    }
    for op in &api.operations {
        names.extend(
            op.params
                .iter()
                .filter(|p| p.secret || p.location == ParamLocation::Cookie)
                .map(|p| p.wire_name.clone()),
        );
    }
    for scheme in &api.security_schemes {
        match &scheme.kind {
            SchemeKind::ApiKeyHeader(name)
            | SchemeKind::ApiKeyQuery(name)
            | SchemeKind::ApiKeyCookie(name) => {
                names.insert(name.clone());
            }
            _ => {}
        }
    }
    names
}

/// The marker type of one operation and its `MockOperation` implementation; for the first
/// of the operations whose errors go on the wire alike, also their `MockErrors`.
fn render_operation(api: &Api, index: usize, op: &Operation) -> TokenStream {
    let marker = format_ident!("{}", op.type_stem);
    let stem = &op.type_stem;
    let success: Vec<&Response> = op.responses.iter().filter(|r| r.success).collect();
    let single = single_success_type(&success);
    let body_ty = body_type(api, op);
    // An empty success body leaves the value unread.
    let unread = success.first().is_none_or(|r| r.kind == BodyKind::Empty);
    let ok_param = match single {
        Some(_) if unread => format_ident!("_ok"),
        _ => format_ident!("ok"),
    };
    let (ok_ty, ok_reply, example_ok) = match &single {
        Some(ty) => {
            let reply = success
                .first()
                .map(|r| single_reply(r))
                .unwrap_or_else(|| quote! { mock::Reply::empty(200) });
            let example = match success.first() {
                Some(response) => reply_example(api, response, ty),
                None => example_value(api, ty, &quote! { crate }, 0),
            };
            (rust_type(api, ty), reply, example)
        }
        None => {
            let name = format_ident!("{stem}Success");
            let enum_path = quote! { crate::#name };
            let reply = enum_reply(&enum_path, &success, quote! { ok });
            let example = success
                .first()
                .and_then(|r| variant_example(api, op, &enum_path, r))
                .unwrap_or_else(|| quote! { panic!("no success response is declared") });
            (enum_path, reply, example)
        }
    };
    let error_path = error_enum_path(op);
    let errors_owner = api.shared_enums.of_operation(index).error_mock;
    let errors_marker = api.operations.get(errors_owner).map_or_else(
        || marker.clone(),
        |owner| format_ident!("{}", owner.type_stem),
    );
    let errors_impl = (errors_owner == index).then(|| render_errors(api, op));
    let info = operation_info(op);
    let (lets, args) = call_arguments(api, op, &quote! { crate });
    let method = ident(&op.name);
    let doc = doc_attrs(Some(&format!(
        "`{} {}`: the mock of `Client::{}`.",
        op.method,
        op.path,
        crate::ir::names::unraw(&op.name)
    )));
    quote! {
        #doc
        #[derive(Debug)]
        pub enum #marker {}

        impl mock::MockOperation for #marker {
            type Body = #body_ty;
            type Ok = #ok_ty;
            type Error = #error_path;
            type Errors = #errors_marker;
            type Client = crate::Client;
            const INFO: mock::OperationInfo = #info;

            fn ok_reply(#ok_param: &Self::Ok) -> mock::Reply {
                #ok_reply
            }

            fn example_ok() -> Self::Ok {
                #example_ok
            }

            fn example_call(
                client: &crate::Client,
            ) -> mock::CallFuture<'_, Self::Ok, Self::Error> {
                ::std::boxed::Box::pin(async move {
                    #(#lets)*
                    client.#method(#(#args),*).await
                })
            }
        }

        #errors_impl
    }
}

/// The operation's error enum (its own name for it; shared enums are aliases).
fn error_enum_path(op: &Operation) -> TokenStream {
    let name = format_ident!("{}Error", op.type_stem);
    quote! { crate::#name }
}

/// How the errors of `op` go on the wire, and an example of each, as its `MockErrors`.
fn render_errors(api: &Api, op: &Operation) -> TokenStream {
    let marker = format_ident!("{}", op.type_stem);
    let errors: Vec<&Response> = op.responses.iter().filter(|r| !r.success).collect();
    let error_path = error_enum_path(op);
    let error_reply = enum_reply(&error_path, &errors, quote! { error });
    let example_errors = errors
        .iter()
        .filter_map(|r| variant_example(api, op, &error_path, r));
    quote! {
        impl mock::MockErrors for #marker {
            type Error = #error_path;

            fn reply(error: &Self::Error) -> mock::Reply {
                #error_reply
            }

            fn examples() -> ::std::vec::Vec<Self::Error> {
                ::std::vec::Vec::from([#(#example_errors),*])
            }
        }
    }
}

/// What a body matcher decodes: the body argument's owned type.
fn body_type(api: &Api, op: &Operation) -> TokenStream {
    let Some(body) = &op.body else {
        return quote! { () };
    };
    match body.variants.as_slice() {
        [variant] => match variant.kind {
            BodyKind::Text => quote! { ::std::string::String },
            BodyKind::Bytes | BodyKind::Empty => quote! { ::std::vec::Vec<u8> },
            _ => rust_type(api, &variant.ty),
        },
        _ => {
            let name = format_ident!("{}Body", op.type_stem);
            quote! { crate::#name }
        }
    }
}

/// The reply for the single success type, sent with the first success status.
fn single_reply(response: &Response) -> TokenStream {
    let status = match response.status {
        StatusMatch::Code(code) => Literal::u16_unsuffixed(code),
        _ => Literal::u16_unsuffixed(200),
    };
    if response.kind == BodyKind::Empty {
        return quote! { mock::Reply::empty(#status) };
    }
    body_reply(response, quote! { #status }, quote! { ok })
}

/// A reply with `value` (a reference) as the body, encoded as the response declares.
fn body_reply(response: &Response, status: TokenStream, value: TokenStream) -> TokenStream {
    // A JSON reply declared under a media range (`*/*`) is sent as what it is.
    let media = response
        .media_type
        .clone()
        .filter(|media| !(response.kind == BodyKind::Json && media.contains('*')))
        .unwrap_or_else(|| "application/json".into());
    match response.kind {
        BodyKind::Json => quote! { mock::Reply::json(#status, #media, #value) },
        BodyKind::Text => {
            quote! { mock::Reply::raw(#status, #media, #value.as_bytes().to_vec()) }
        }
        _ => quote! { mock::Reply::raw(#status, #media, #value.to_vec()) },
    }
}

/// A `match` on a success or error enum: each variant's status and body.
fn enum_reply(enum_path: &TokenStream, responses: &[&Response], value: TokenStream) -> TokenStream {
    if responses.is_empty() {
        return quote! { match *#value {} };
    }
    let arms = responses.iter().map(|response| {
        let variant = ident(&response.name);
        let unit = response.ty == TypeRef::Prim(Prim::Unit);
        let (pattern_status, status) = match response.status {
            StatusMatch::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                (None, quote! { #code })
            }
            _ => (Some(quote! { status }), quote! { status.as_u16() }),
        };
        let pattern = match (&pattern_status, unit) {
            (Some(s), true) => quote! { #enum_path::#variant(#s) },
            (Some(s), false) => quote! { #enum_path::#variant(#s, body) },
            (None, true) => quote! { #enum_path::#variant },
            (None, false) => quote! { #enum_path::#variant(body) },
        };
        let reply = if unit {
            quote! { mock::Reply::empty(#status) }
        } else {
            body_reply(response, status, quote! { body })
        };
        quote! { #pattern => #reply, }
    });
    quote! { match #value { #(#arms)* } }
}

/// One value of the variant of `response`, with a status it is chosen by for a range or
/// `default`; none when every status it could carry is declared on its own.
fn variant_example(
    api: &Api,
    op: &Operation,
    enum_path: &TokenStream,
    response: &Response,
) -> Option<TokenStream> {
    let variant = ident(&response.name);
    let unit = response.ty == TypeRef::Prim(Prim::Unit);
    let body = (!unit).then(|| reply_example(api, response, &response.ty));
    let status = match response.status {
        StatusMatch::Code(_) => None,
        _ => Some(example_status(op, response.status)?),
    };
    let status = status.map(|code| {
        let code = Literal::u16_unsuffixed(code);
        quote! { ::reqwest::StatusCode::from_u16(#code).unwrap_or_default() }
    });
    Some(match (status, body) {
        (Some(status), Some(body)) => quote! { #enum_path::#variant(#status, #body) },
        (Some(status), None) => quote! { #enum_path::#variant(#status) },
        (None, Some(body)) => quote! { #enum_path::#variant(#body) },
        (None, None) => quote! { #enum_path::#variant },
    })
}

/// A value of `ty` for the body of `response`: the spec's example (see
/// `lower::example_reply`) where it fits the type, else the constructor-built value. An
/// example that does not fit is left out here, at generation time; one that fits as far as
/// the generator can tell is decoded at run time with the built value as its fallback.
fn reply_example(api: &Api, response: &Response, ty: &TypeRef) -> TokenStream {
    let built = example_value(api, ty, &quote! { crate }, 0);
    let json = response
        .example
        .as_ref()
        .filter(|_| response.kind == BodyKind::Json)
        .filter(|example| super::reply_fit::fits(api, ty, example))
        .and_then(|example| serde_json::to_string(example).ok());
    match json {
        Some(json) => quote! { mock::example_or(#json, || #built) },
        None => built,
    }
}
