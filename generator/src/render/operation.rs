//! One operation: its method on `Client`, its options struct, body enum, success and error enums.

use super::docs::doc_attrs;
use super::security::scheme_variant;
use super::typeref::{ident, rust_type};
use crate::finalize::shared_enums::single_success_type;
use crate::ir::{
    Api, BodyKind, BodyVariant, EnumOwners, Operation, Param, ParamLocation, ParamStyle, Prim,
    Response, StatusMatch, TypeKind, TypeRef,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, ToTokens};
use std::collections::BTreeSet;

/// The names of an operation's own items, and the parts of it both its method and its items
/// are shaped by.
struct OpShape<'a> {
    error_name: Ident,
    options_name: Ident,
    body_enum_name: Ident,
    success_name: Ident,
    optional: Vec<&'a Param>,
    success: Vec<&'a Response>,
    /// The one type every success status returns, if they agree.
    single_success: Option<TypeRef>,
}

impl<'a> OpShape<'a> {
    fn of(op: &'a Operation) -> Self {
        let stem = &op.type_stem;
        let success: Vec<&Response> = op.responses.iter().filter(|r| r.success).collect();
        OpShape {
            error_name: format_ident!("{stem}Error"),
            options_name: format_ident!("{stem}Options"),
            body_enum_name: format_ident!("{stem}Body"),
            success_name: format_ident!("{stem}Success"),
            optional: op.params.iter().filter(|p| !p.required).collect(),
            single_success: single_success_type(&success),
            success,
        }
    }
}

/// The operation's method, inside `impl Client`.
pub(crate) fn render_method(api: &Api, op: &Operation) -> TokenStream {
    let OpShape {
        error_name,
        options_name,
        body_enum_name,
        success_name,
        optional,
        single_success,
        ..
    } = OpShape::of(op);
    let required: Vec<&Param> = ordered_required(op);

    let mut args = Vec::new();
    let mut passed = Vec::new();
    for param in &required {
        let name = ident(&param.name);
        let ty = arg_type(api, &param.ty);
        args.push(quote! { #name: #ty });
        passed.push(name);
    }
    let body_arg = op
        .body
        .as_ref()
        .map(|body| body_arg_type(api, body, &body_enum_name));
    if let Some((ty, _)) = &body_arg {
        args.push(quote! { body: #ty });
        passed.push(format_ident!("body"));
    }
    // Without optional parameters the method takes none; with them, `<name>_with` takes
    // them too and the plain method sends none, so the first optional parameter the vendor
    // adds is a new method, not a changed one.
    let plain = options_method_name(api, op).map(|with_name| {
        let with = ident(&with_name);
        let plain_args = args.clone();
        (with, plain_args)
    });
    if !optional.is_empty() {
        args.push(quote! { options: &#options_name });
    }
    let success_ty = match &single_success {
        Some(ty) => rust_type(api, ty),
        None => quote! { #success_name },
    };
    let doc = doc_attrs(Some(&method_doc(op)));
    let deprecated = op.deprecated.then(|| quote! { #[deprecated] });
    let (method_name, plain_method) = match plain {
        Some((with, plain_args)) => {
            let name = ident(&op.name);
            let plain_doc = doc_attrs(Some(&format!(
                "{}\n\nSends no optional parameter; [`Client::{with}`] takes them.",
                method_doc(op)
            )));
            // A deprecated operation's plain method calls its deprecated `_with` form.
            let allow = op.deprecated.then(|| quote! { #[allow(deprecated)] });
            let plain_method = quote! {
                #plain_doc
                #deprecated
                #allow
                pub async fn #name(&self, #(#plain_args),*) -> ApiResult<#success_ty, #error_name> {
                    self.#with(#(#passed,)* &::std::default::Default::default()).await
                }
            };
            (with, Some(plain_method))
        }
        None => (ident(&op.name), None),
    };
    let (path_start, path_rest) = render_path(op);
    let params: Vec<TokenStream> = op
        .params
        .iter()
        .map(|p| render_param_push(p, p.required))
        .collect();
    let security = render_security(api, op);
    let accept = render_accept(op);
    let method = http_method(&op.method);
    let body = op.body.as_ref().map(|body| {
        render_body(
            api,
            body,
            body_arg.as_ref().map(|(_, multi)| *multi).unwrap_or(false),
            &body_enum_name,
        )
    });
    let arms = render_arms(op, single_success.is_some(), &error_name, &success_name);

    // `parts` is only declared mutable when a statement below changes it, so that no
    // `unused_mut` allowance is needed.
    let changes_parts = !path_rest.is_empty()
        || accept.is_some()
        || params.iter().any(|p| !p.is_empty())
        || body.is_some();
    let binding = if changes_parts {
        quote! { let mut parts }
    } else {
        quote! { let parts }
    };
    let id = op.wire_id.as_deref().unwrap_or(&op.name);
    let template = &op.path;
    quote! {
        #plain_method
        #doc
        #deprecated
        pub async fn #method_name(&self, #(#args),*) -> ApiResult<#success_ty, #error_name> {
            #binding = RequestParts::new(#path_start);
            #(#path_rest)*
            #(#params)*
            #accept
            #body
            let operation = Operation { id: #id, method: #method, path: #template };
            let response = self.transport.send(&operation, parts, #security).await?;
            match response.status.as_u16() {
                #arms
            }
        }
    }
}

/// `Accept` with the media types the operation's responses are decoded from, so that a
/// server offering several (JSON and XML, say) answers in one the client reads. None when no
/// response has a body. (An `Accept` header parameter is ignored, as OpenAPI requires.)
fn render_accept(op: &Operation) -> Option<TokenStream> {
    let mut types: Vec<&str> = Vec::new();
    for media in op.responses.iter().filter_map(|r| r.media_type.as_deref()) {
        if !types.contains(&media) {
            types.push(media);
        }
    }
    if types.is_empty() {
        return None;
    }
    let value = types.join(", ");
    Some(quote! { parts.accept(#value); })
}

/// The operation's own items, at module level: options struct, body enum, success and error
/// enums (or aliases of another operation's same enums).
pub(crate) fn render_items(api: &Api, index: usize, owners: EnumOwners) -> TokenStream {
    let op = &api.operations[index];
    let OpShape {
        error_name,
        options_name,
        body_enum_name,
        success_name,
        optional,
        success,
        single_success,
    } = OpShape::of(op);
    let errors: Vec<&Response> = op.responses.iter().filter(|r| !r.success).collect();
    let body_arg = op
        .body
        .as_ref()
        .map(|body| body_arg_type(api, body, &body_enum_name));
    let options = (!optional.is_empty()).then(|| render_options(api, op, &options_name, &optional));
    let body_enum = body_arg
        .as_ref()
        .filter(|(_, multi)| *multi)
        .and(op.body.as_ref())
        .map(|body| render_body_enum(api, body, &body_enum_name, op));
    let success_enum = single_success.is_none().then(|| {
        let doc = format!("Successful responses of `{}`.", op.name);
        match owners.success {
            owner if owner == index => render_status_enum(api, &success_name, &success, &doc),
            owner => render_alias(
                &success_name,
                &OpShape::of(&api.operations[owner]).success_name,
                &doc,
            ),
        }
    });
    let error_doc = format!(
        "Declared error responses of `{}`, chosen by status code.",
        op.name
    );
    let error_enum = match owners.error {
        owner if owner == index => render_status_enum(api, &error_name, &errors, &error_doc),
        owner => render_alias(
            &error_name,
            &OpShape::of(&api.operations[owner]).error_name,
            &error_doc,
        ),
    };
    quote! { #options #body_enum #success_enum #error_enum }
}

/// Path parameters in template order, then the other required parameters in spec order.
pub(crate) fn ordered_required(op: &Operation) -> Vec<&Param> {
    let mut path: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Path)
        .collect();
    path.sort_by_key(|p| {
        op.path
            .find(&format!("{{{}}}", p.wire_name))
            .unwrap_or(usize::MAX)
    });
    path.extend(
        op.params
            .iter()
            .filter(|p| p.required && p.location != ParamLocation::Path),
    );
    path
}

/// The name of the method that takes an operation's optional parameters: `<name>_with`
/// (`<name>_with_options` if another operation is called that), `None` without any.
pub(crate) fn options_method_name(api: &Api, op: &Operation) -> Option<String> {
    if op.params.iter().all(|p| p.required) {
        return None;
    }
    let base = crate::ir::names::unraw(&op.name);
    let taken = |name: &str| {
        api.operations
            .iter()
            .any(|o| crate::ir::names::unraw(&o.name) == name)
    };
    let mut name = format!("{base}_with");
    if taken(&name) {
        name = format!("{base}_with_options");
    }
    Some(name)
}

fn method_doc(op: &Operation) -> String {
    let mut text = op.doc.clone().unwrap_or_default();
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&format!("`{} {}`", op.method, op.path));
    if let Some(id) = &op.wire_id {
        text.push_str(&format!(" (operationId `{id}`)"));
    }
    text
}

fn http_method(method: &str) -> TokenStream {
    match method {
        "GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "OPTIONS" | "PATCH" | "TRACE" => {
            let m = format_ident!("{}", method);
            quote! { ::reqwest::Method::#m }
        }
        other => {
            quote! { ::reqwest::Method::from_bytes(#other.as_bytes()).unwrap_or(::reqwest::Method::GET) }
        }
    }
}

/// Argument type for a required parameter: borrowed, `&str` for strings.
fn arg_type(api: &Api, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Prim(Prim::String) => quote! { &str },
        TypeRef::Prim(Prim::Bool | Prim::I32 | Prim::I64 | Prim::U64 | Prim::F32 | Prim::F64) => {
            rust_type(api, ty)
        }
        other => {
            let ty = rust_type(api, other);
            quote! { &#ty }
        }
    }
}

fn style_tokens(style: ParamStyle) -> TokenStream {
    let name = format_ident!("{}", style.variant_name());
    quote! { crate::runtime::Style::#name }
}

/// The path's leading literal text (what `RequestParts::new` starts from) and the statements
/// that append the rest: parameters by their style, literal text as it is.
fn render_path(op: &Operation) -> (String, Vec<TokenStream>) {
    let mut start = String::new();
    let mut rest_statements = Vec::new();
    let mut push_literal = |literal: &str, statements: &mut Vec<TokenStream>| {
        if statements.is_empty() {
            start.push_str(literal);
        } else {
            statements.push(quote! { parts.path_text(#literal); });
        }
    };
    let mut rest = op.path.as_str();
    while let Some(open) = rest.find('{') {
        let Some(end) = rest[open..].find('}') else {
            break;
        };
        push_literal(&rest[..open], &mut rest_statements);
        let variable = &rest[open + 1..open + end];
        match op
            .params
            .iter()
            .find(|p| p.location == ParamLocation::Path && p.wire_name == variable)
        {
            Some(param) => {
                let name = ident(&param.name);
                let statement = if param.style == ParamStyle::Simple && !param.explode {
                    quote! { parts.path(#variable, &#name); }
                } else {
                    let style = style_tokens(param.style);
                    let explode = param.explode;
                    quote! { parts.path_styled(#variable, &#name, #style, #explode); }
                };
                rest_statements.push(statement);
            }
            None => push_literal(&rest[open..open + end + 1], &mut rest_statements),
        }
        rest = &rest[open + end + 1..];
    }
    if !rest.is_empty() {
        push_literal(rest, &mut rest_statements);
    }
    (start, rest_statements)
}

fn render_param_push(param: &Param, required: bool) -> TokenStream {
    let name = ident(&param.name);
    let wire = &param.wire_name;
    let value = if required {
        quote! { &#name }
    } else {
        quote! { &options.#name }
    };
    match param.location {
        ParamLocation::Path => TokenStream::new(),
        ParamLocation::Query if param.style == ParamStyle::Form && param.explode => {
            quote! { parts.query(#wire, #value); }
        }
        ParamLocation::Query => {
            let style = style_tokens(param.style);
            let explode = param.explode;
            quote! { parts.query_styled(#wire, #value, #style, #explode); }
        }
        ParamLocation::Header if param.secret => quote! { parts.sensitive_header(#wire, #value); },
        ParamLocation::Header if param.explode => quote! { parts.header_exploded(#wire, #value); },
        ParamLocation::Header => quote! { parts.header(#wire, #value); },
        ParamLocation::Cookie => quote! { parts.cookie(#wire, #value); },
    }
}

/// What attaches the operation's credentials to each attempt: its security requirement over
/// the client's credentials, or nothing.
fn render_security(api: &Api, op: &Operation) -> TokenStream {
    if op.security.is_empty() {
        return quote! { &crate::runtime::NoAuth };
    }
    let alternatives = op.security.iter().map(|alternative| {
        let variants = alternative
            .iter()
            .filter_map(|id| api.security_schemes.get(id.0))
            .map(scheme_variant);
        quote! { &[#(Scheme::#variants),*][..] }
    });
    quote! { &crate::runtime::Security::new(&*self.credentials, &[#(#alternatives),*]) }
}

fn render_options(api: &Api, op: &Operation, name: &Ident, optional: &[&Param]) -> TokenStream {
    let fields = optional.iter().map(|param| {
        let field = ident(&param.name);
        let inner = if param.secret {
            TypeRef::Secret(Box::new(param.ty.clone()))
        } else {
            param.ty.clone()
        };
        let ty = rust_type(api, &inner);
        let mut text = param.doc.clone().unwrap_or_default();
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let location = match param.location {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::Cookie => "cookie",
        };
        text.push_str(&format!("`{}` ({location} parameter).", param.wire_name));
        let doc = doc_attrs(Some(&text));
        quote! { #doc pub #field: ::std::option::Option<#ty>, }
    });
    let setters = optional.iter().map(|param| {
        let field = ident(&param.name);
        let value = if param.secret {
            TypeRef::Secret(Box::new(param.ty.clone()))
        } else {
            param.ty.clone()
        };
        super::constructors::option_setter(
            &field,
            &param.wire_name,
            &value,
            &rust_type(api, &value),
        )
    });
    let doc = doc_attrs(Some(&format!(
        "Optional parameters of `{}`; `Default` leaves them all unset, `with_` methods set them.",
        op.name
    )));
    quote! {
        #doc
        #[derive(Debug, Clone, Default, PartialEq)]
        #[non_exhaustive]
        pub struct #name { #(#fields)* }

        impl #name { #(#setters)* }
    }
}

/// The body argument's type, and whether it is an enum of several media types.
fn body_arg_type(api: &Api, body: &crate::ir::Body, enum_name: &Ident) -> (TokenStream, bool) {
    let (ty, multi) = match body.variants.as_slice() {
        [single] => (variant_arg_type(api, single), false),
        _ => (quote! { &#enum_name }, true),
    };
    if body.required {
        (ty, multi)
    } else {
        (quote! { ::std::option::Option<#ty> }, multi)
    }
}

fn variant_arg_type(api: &Api, variant: &BodyVariant) -> TokenStream {
    match variant.kind {
        BodyKind::Text => quote! { &str },
        BodyKind::Bytes | BodyKind::Empty => quote! { &[u8] },
        _ => {
            let ty = rust_type(api, &variant.ty);
            quote! { &#ty }
        }
    }
}

fn variant_owned_type(api: &Api, variant: &BodyVariant) -> TokenStream {
    match variant.kind {
        BodyKind::Text => quote! { ::std::string::String },
        BodyKind::Bytes | BodyKind::Empty => quote! { ::std::vec::Vec<u8> },
        _ => rust_type(api, &variant.ty),
    }
}

fn render_body_enum(
    api: &Api,
    body: &crate::ir::Body,
    name: &Ident,
    op: &Operation,
) -> TokenStream {
    let variants = body.variants.iter().map(|variant| {
        let vname = ident(&variant.name);
        let ty = variant_owned_type(api, variant);
        let doc = doc_attrs(Some(&format!("Sent as `{}`.", variant.media_type)));
        quote! { #doc #vname(#ty), }
    });
    let doc = doc_attrs(Some(&format!(
        "The request body of `{}`, in one of the media types it accepts.",
        op.name
    )));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name { #(#variants)* }
    }
}

fn render_body(api: &Api, body: &crate::ir::Body, multi: bool, enum_name: &Ident) -> TokenStream {
    let encode = if multi {
        let arms = body.variants.iter().map(|variant| {
            let vname = ident(&variant.name);
            let encode = encode_variant(api, variant, quote! { value });
            quote! { #enum_name::#vname(value) => { #encode } }
        });
        quote! { match body { #(#arms)* } }
    } else {
        match body.variants.first() {
            Some(variant) => encode_variant(api, variant, quote! { body }),
            None => TokenStream::new(),
        }
    };
    if body.required {
        encode
    } else {
        quote! { if let Some(body) = body { #encode } }
    }
}

/// Statements that set the body on `parts` from `value` (a reference).
fn encode_variant(api: &Api, variant: &BodyVariant, value: TokenStream) -> TokenStream {
    let media = &variant.media_type;
    match variant.kind {
        BodyKind::Json => quote! { parts.json(#media, #value); },
        BodyKind::Form => quote! { parts.form(#media, #value); },
        BodyKind::Text => quote! { parts.raw(#media, #value.to_string()); },
        BodyKind::Bytes | BodyKind::Empty => quote! { parts.raw(#media, #value.to_vec()); },
        BodyKind::Multipart => encode_multipart(api, &variant.ty, value),
    }
}

/// Multipart: text parts from the serialized value, file parts for `format: binary` fields.
fn encode_multipart(api: &Api, ty: &TypeRef, value: TokenStream) -> TokenStream {
    let binary_fields: Vec<(Ident, String, bool)> = match ty {
        TypeRef::Named(id) => match api.types.get(id.0).map(|d| &d.kind) {
            Some(TypeKind::Struct(s)) => s
                .fields
                .iter()
                .filter_map(|f| match &f.ty {
                    TypeRef::Prim(Prim::Bytes) => Some((
                        ident(&f.name),
                        f.wire_name.clone(),
                        f.presence == crate::ir::Presence::Required,
                    )),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    let wires: Vec<&str> = binary_fields.iter().map(|(_, w, _)| w.as_str()).collect();
    let files = binary_fields.iter().map(|(field, wire, required)| {
        if *required {
            quote! { parts.multipart_file(#wire, &#value.#field); }
        } else {
            quote! { if let Some(bytes) = &#value.#field { parts.multipart_file(#wire, bytes); } }
        }
    });
    quote! {
        parts.multipart(#value, &[#(#wires),*]);
        #(#files)*
    }
}

/// Match arms on the status code: exact codes, then ranges, then `default` or unexpected.
/// Each arm is one call into the runtime, which decodes the body and builds the variant.
fn render_arms(
    op: &Operation,
    single: bool,
    error_name: &Ident,
    success_name: &Ident,
) -> TokenStream {
    let mut ordered: Vec<&Response> = op.responses.iter().collect();
    ordered.sort_by_key(|r| r.status);
    let mut arms = Vec::new();
    let mut has_default = false;
    for response in ordered {
        let pattern = match response.status {
            StatusMatch::Code(code) => Literal::u16_unsuffixed(code).into_token_stream(),
            StatusMatch::Range(digit) => {
                let low = Literal::u16_unsuffixed(digit * 100);
                let high = Literal::u16_unsuffixed(digit * 100 + 99);
                quote! { #low..=#high }
            }
            StatusMatch::Default => {
                has_default = true;
                quote! { _ }
            }
        };
        let decoder = arm_decoder(response, single).map(|name| format_ident!("{name}"));
        let result = if response.success && single {
            match decoder {
                Some(decoder) => quote! { response.ok(#decoder) },
                None => quote! { Ok(response.value(())) },
            }
        } else if response.success {
            // Built before `response.value` consumes the response it may read the status from.
            variant_result(response, success_name, decoder, |value| {
                quote! { { let value = #value; Ok(response.value(value)) } }
            })
        } else {
            variant_result(response, error_name, decoder, |value| {
                // Built before `error_unit` consumes the response it may read the status from.
                quote! { { let value = #value; response.error_unit(value) } }
            })
        };
        arms.push(quote! { #pattern => #result, });
    }
    if !has_default {
        arms.push(quote! { _ => Err(response.unexpected()), });
    }
    quote! { #(#arms)* }
}

/// The arm of one variant of a success or error enum: a unit variant is built in place (with
/// the status for a range or `default`); one with a body is decoded and built by the runtime.
fn variant_result(
    response: &Response,
    enum_name: &Ident,
    decoder: Option<Ident>,
    wrap_unit: impl Fn(TokenStream) -> TokenStream,
) -> TokenStream {
    let variant = ident(&response.name);
    let carries_status = !matches!(response.status, StatusMatch::Code(_));
    let Some(decoder) = decoder else {
        let value = if carries_status {
            quote! { #enum_name::#variant(response.status) }
        } else {
            quote! { #enum_name::#variant }
        };
        return wrap_unit(value);
    };
    let call = if response.success {
        quote! { success }
    } else {
        quote! { error }
    };
    quote! { response.#call(#decoder, #enum_name::#variant) }
}

/// The runtime decoder (`Json`, `Text` or `Bytes`) a response's arm calls; none for an empty
/// success body or a unit variant, which are built in place. `single`: the operation has one
/// success type, returned as it is.
fn arm_decoder(response: &Response, single: bool) -> Option<&'static str> {
    let empty = if response.success && single {
        response.kind == BodyKind::Empty
    } else {
        response.ty == TypeRef::Prim(Prim::Unit)
    };
    (!empty).then_some(match response.kind {
        BodyKind::Json => "Json",
        BodyKind::Text => "Text",
        _ => "Bytes",
    })
}

/// The runtime decoders the client's methods call, for the module's `use` line.
pub(crate) fn decoders_used(api: &Api) -> BTreeSet<&'static str> {
    let mut used = BTreeSet::new();
    for op in &api.operations {
        let single = OpShape::of(op).single_success.is_some();
        used.extend(
            op.responses
                .iter()
                .filter_map(|response| arm_decoder(response, single)),
        );
    }
    used
}

/// An enum with one variant per response; ranges and `default` also carry the status.
/// An operation's enum that another operation with the same responses already declares.
fn render_alias(name: &Ident, owner: &Ident, doc: &str) -> TokenStream {
    let doc = doc_attrs(Some(&format!("{doc} The same enum as [`{owner}`].")));
    quote! {
        #doc
        pub type #name = #owner;
    }
}

fn render_status_enum(api: &Api, name: &Ident, responses: &[&Response], doc: &str) -> TokenStream {
    let variants = responses.iter().map(|response| {
        let variant = ident(&response.name);
        let ty = rust_type(api, &response.ty);
        let is_unit = response.ty == TypeRef::Prim(Prim::Unit);
        let carries_status = !matches!(response.status, StatusMatch::Code(_));
        let status_text = match response.status {
            StatusMatch::Code(code) => format!("Status {code}"),
            StatusMatch::Range(digit) => format!("Any {digit}XX status"),
            StatusMatch::Default => "Any other status".to_string(),
        };
        let text = match &response.doc {
            Some(d) => format!("{status_text}: {d}"),
            None => status_text,
        };
        let doc = doc_attrs(Some(&text));
        match (carries_status, is_unit) {
            (true, true) => quote! { #doc #variant(::reqwest::StatusCode), },
            (true, false) => quote! { #doc #variant(::reqwest::StatusCode, #ty), },
            (false, true) => quote! { #doc #variant, },
            (false, false) => quote! { #doc #variant(#ty), },
        }
    });
    let doc = doc_attrs(Some(doc));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum #name { #(#variants)* }
    }
}
