//! The generated crate's README, which is also its crate documentation: what the crate is,
//! and a compiled example that calls the token operation.

use super::typeref::ident;
use crate::ir::names::Scope;
use crate::ir::{
    Api, BodyKind, Operation, Param, ParamLocation, Presence, Prim, TypeKind, TypeRef,
};
use crate::lower::token_plan::TokenPlan;
use crate::settings::Settings;
use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

/// The README text (the header line is added by the caller).
pub(crate) fn readme(api: &Api, settings: &Settings, plan: Option<&TokenPlan>) -> String {
    let mut out = format!("# {}\n\n", settings.crate_name);
    if let Some(description) = &settings.description {
        out.push_str(&format!("{description}.\n\n"));
    }
    out.push_str(&format!(
        "Client for **{}** (API version `{}`).\n\n",
        api.title.trim(),
        api.version.trim()
    ));
    if let Some(doc) = &api.doc {
        for line in super::docs::doc_lines(doc) {
            out.push_str(line.strip_prefix(' ').unwrap_or(&line));
            out.push('\n');
        }
        out.push('\n');
    }
    let crate_ident = settings.crate_name.replace('-', "_");
    if let Some(op) = token_operation(api, settings) {
        out.push_str(&format!("## Example: `{}`\n\n", op.name));
        out.push_str("```rust,no_run\n");
        out.push_str(&example_code(api, op, &crate_ident));
        out.push_str("```\n\n");
    }
    if let Some(plan) = plan {
        out.push_str(&token_section(api, plan, &crate_ident));
    }
    out.push_str(concat!(
        "Every operation is an `async` method on `Client`. A declared error status arrives as\n",
        "`ErrorKind::Status` with the operation's own error enum, chosen by status code (also\n",
        "`Error::declared()`); other statuses as `ErrorKind::UnexpectedStatus`. Every error has\n",
        "the operation, status, headers and (bounded) body where there was a response, and a\n",
        "decode error names the JSON path and serde's reason. Nothing a call returns prints a\n",
        "secret it sent, even one the server echoes. Retries are off unless set with\n",
        "`ClientBuilder::retry`; `Client::with_options` sets a timeout, headers, an\n",
        "idempotency key or a retry policy for the calls made through it.\n",
        "Redirects are not followed: a 3xx is its declared variant or an unexpected status.\n",
    ));
    out.push_str(
        "\nFor tests, the `mock` feature adds `mock::MockServer`: a typed mock server with one\n\
         method per operation, to expect requests and answer them with this crate's types.\n",
    );
    out
}

/// The operation the example shows: the one the settings name, else the first.
fn token_operation<'a>(api: &'a Api, settings: &Settings) -> Option<&'a Operation> {
    let named = settings.token_operation.as_deref().and_then(|id| {
        api.operations
            .iter()
            .find(|op| op.wire_id.as_deref() == Some(id) || op.name == id)
    });
    named.or_else(|| api.operations.first())
}

/// Builder calls that set placeholder credentials for the operation's first requirement.
fn credential_setters(api: &Api, op: &Operation) -> Vec<TokenStream> {
    op.security
        .first()
        .into_iter()
        .flatten()
        .filter_map(|id| api.security_schemes.get(id.0))
        .map(credential_setter)
        .collect()
}

/// Builder calls that set placeholder credentials for every security scheme of the API.
pub(super) fn all_credential_setters(api: &Api) -> Vec<TokenStream> {
    api.security_schemes.iter().map(credential_setter).collect()
}

fn credential_setter(scheme: &crate::ir::SecurityScheme) -> TokenStream {
    let setter = ident(&scheme.name);
    match scheme.kind {
        crate::ir::SchemeKind::Basic => quote! { .#setter("user", "password") },
        _ => quote! { .#setter("YOUR-CREDENTIAL") },
    }
}

fn example_code(api: &Api, op: &Operation, crate_name: &str) -> String {
    let krate = ident(crate_name).into_token_stream();
    let server = server_expr(api, &krate);
    let setters = credential_setters(api, op);
    let (lets, args) = call_arguments(api, op, &krate);
    let method = ident(&op.name);
    let file = quote! {
        async fn example() -> Result<(), Box<dyn std::error::Error>> {
            let client = #krate::Client::builder(#server)
                #(#setters)*
                .build()?;
            #(#lets)*
            let response = client.#method(#(#args),*).await?;
            println!("{} {:?}", response.status, response.body);
            Ok(())
        }
    };
    hide_wrapper(file)
}

/// The statements that make an operation's example arguments (path parameters, the other
/// required ones, the body, default options), and the arguments themselves, in order.
pub(super) fn call_arguments(
    api: &Api,
    op: &Operation,
    krate: &TokenStream,
) -> (Vec<TokenStream>, Vec<TokenStream>) {
    let mut args = Vec::new();
    let mut lets = Vec::new();
    let mut locals = example_locals();
    for param in required_params(op) {
        let value = given_example(api, &param.ty, param.example.as_ref(), krate)
            .unwrap_or_else(|| example_value(api, &param.ty, krate, 0));
        let name = ident(&locals.claim(param.name.clone()));
        lets.push(quote! { let #name = #value; });
        args.push(match &param.ty {
            TypeRef::Prim(Prim::String) => quote! { &#name },
            TypeRef::Prim(
                Prim::Bool | Prim::I32 | Prim::I64 | Prim::U64 | Prim::F32 | Prim::F64,
            ) => quote! { #name },
            _ => quote! { &#name },
        });
    }
    if let Some(body) = &op.body {
        match body.variants.as_slice() {
            [variant] => {
                let value = match variant.kind {
                    BodyKind::Text => quote! { "text" },
                    BodyKind::Bytes | BodyKind::Empty => quote! { b"bytes".to_vec() },
                    BodyKind::Multipart => {
                        let value = example_value(api, &variant.ty, krate, 0);
                        let setter = first_optional_setter(api, &variant.ty, krate);
                        quote! { #value #setter }
                    }
                    _ => given_example(api, &variant.ty, variant.example.as_ref(), krate)
                        .unwrap_or_else(|| example_value(api, &variant.ty, krate, 0)),
                };
                lets.push(quote! { let body = #value; });
                let arg = if matches!(variant.kind, BodyKind::Text) {
                    quote! { body }
                } else {
                    quote! { &body }
                };
                args.push(if body.required {
                    arg
                } else {
                    quote! { Some(#arg) }
                });
            }
            [first, ..] if body.required => {
                // A required body in one of several media types: JSON where offered (its
                // schema gives the value), else the first one.
                let first = body
                    .variants
                    .iter()
                    .find(|v| matches!(v.kind, BodyKind::Json))
                    .unwrap_or(first);
                let enum_name = quote::format_ident!("{}Body", op.type_stem);
                let variant = ident(&first.name);
                let inner = match first.kind {
                    BodyKind::Text => quote! { String::from("text") },
                    BodyKind::Bytes | BodyKind::Empty => quote! { b"bytes".to_vec() },
                    _ => given_example(api, &first.ty, first.example.as_ref(), krate)
                        .unwrap_or_else(|| example_value(api, &first.ty, krate, 0)),
                };
                lets.push(quote! { let body = #krate::#enum_name::#variant(#inner); });
                args.push(quote! { &body });
            }
            _ => args.push(quote! { None }),
        }
    }
    // The plain method sends no optional parameter; `<name>_with` would take them.
    (lets, args)
}

/// The example as Markdown code lines, with the wrapper function hidden: the reader sees
/// only the calls.
/// The server an example connects to: `Server::default()`, or the first server with its
/// variables spelled out where its host is a placeholder (the reader replaces it).
fn server_expr(api: &Api, krate: &TokenStream) -> TokenStream {
    match api.servers.first() {
        Some(server) if server.variables.iter().any(|v| v.placeholder) => {
            let name = ident(&server.name);
            let fields = server.variables.iter().map(|v| {
                let field = ident(&v.name);
                let value = &v.default;
                quote! { #field: #value.into() }
            });
            quote! { #krate::Server::#name { #(#fields),* } }
        }
        _ => quote! { #krate::Server::default() },
    }
}

fn hide_wrapper(file: TokenStream) -> String {
    let formatted = crate::format::print_items(file);
    let lines: Vec<&str> = formatted.lines().collect();
    let mut out = String::new();
    let signature_end = lines
        .iter()
        .position(|line| line.ends_with('{'))
        .unwrap_or(0);
    for (index, line) in lines.iter().enumerate() {
        let hidden = index <= signature_end || index + 1 == lines.len() || line.trim() == "Ok(())";
        if hidden {
            out.push_str("# ");
            out.push_str(line);
        } else {
            out.push_str(line.strip_prefix("    ").unwrap_or(line));
        }
        out.push('\n');
    }
    out
}

/// The names of the examples' own locals, so that a parameter's local (a parameter may be
/// named `client`) never shadows one of them.
fn example_locals() -> Scope {
    Scope::with_reserved(&["client", "login", "tokens", "token", "response", "body"])
}

/// The section on the crate's `TokenSource`: the lines that get a self-refreshing token, and
/// how to plug it into a client's credentials.
fn token_section(api: &Api, plan: &TokenPlan, crate_name: &str) -> String {
    let op = &api.operations[plan.operation];
    let krate = ident(crate_name).into_token_stream();
    let server = server_expr(api, &krate);
    let setters = credential_setters(api, op);
    let mut lets = Vec::new();
    let mut args = Vec::new();
    let mut locals = example_locals();
    for param in required_params(op) {
        let name = ident(&locals.claim(param.name.clone()));
        let value = example_value(api, &param.ty, &krate, 0);
        lets.push(quote! { let #name = #value; });
        args.push(quote! { #name });
    }
    if let Some(body) = &op.body {
        let value = match body.variants.as_slice() {
            [variant] => match variant.kind {
                BodyKind::Text => quote! { String::from("text") },
                BodyKind::Bytes | BodyKind::Empty => quote! { b"bytes".to_vec() },
                _ => example_value(api, &variant.ty, &krate, 0),
            },
            variants => {
                let enum_name = quote::format_ident!("{}Body", op.type_stem);
                let first = variants.first();
                let variant = ident(first.map_or("Json", |v| v.name.as_str()));
                let inner = first.map_or(quote! { ::serde_json::Value::Null }, |v| {
                    example_value(api, &v.ty, &krate, 0)
                });
                quote! { #krate::#enum_name::#variant(#inner) }
            }
        };
        lets.push(quote! { let body = #value; });
        args.push(if body.required {
            quote! { body }
        } else {
            quote! { Some(body) }
        });
    }
    args.extend(plan.placeholders.iter().map(|name| {
        let value = format!("<{name}>");
        quote! { #value }
    }));
    // Plugged into the first scheme a token can fill, when the API has one.
    let plug = super::security::source_setter_names(api)
        .into_iter()
        .flatten()
        .next()
        .map(|name| {
            let setter = ident(&name);
            quote! {
                let client = #krate::Client::builder(#server)
                    .#setter(std::sync::Arc::clone(&tokens))
                    .build()?;
            }
        });
    let file = quote! {
        async fn example() -> Result<(), Box<dyn std::error::Error>> {
            let login = #krate::Client::builder(#server)
                #(#setters)*
                .build()?;
            #(#lets)*
            let tokens = std::sync::Arc::new(#krate::TokenSource::new(login, #(#args),*));
            let token = tokens.token().await?;
            println!("valid until {:?}", token.expires_at());
            #plug
            Ok(())
        }
    };
    let mut out = String::from(
        "## A self-refreshing token

",
    );
    out.push_str(
        "`TokenSource` logs in on first use, caches the token, and renews it shortly before it\n\
         expires; concurrent callers share one request. It implements\n\
         `token_source::TokenProvider`, and any client's builder takes it as a credential source.\n\n",
    );
    out.push_str("```rust,no_run\n");
    out.push_str(&hide_wrapper(file));
    out.push_str("```\n\n");
    out
}

fn required_params(op: &Operation) -> Vec<&Param> {
    let mut params: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Path)
        .collect();
    params.sort_by_key(|p| {
        op.path
            .find(&format!("{{{}}}", p.wire_name))
            .unwrap_or(usize::MAX)
    });
    params.extend(
        op.params
            .iter()
            .filter(|p| p.required && p.location != ParamLocation::Path),
    );
    params
}

/// An expression of the given type with placeholder content; `krate` is the path the
/// generated crate is named by where the expression goes (its name, or `crate`).
pub(super) fn example_value(
    api: &Api,
    ty: &TypeRef,
    krate: &TokenStream,
    depth: usize,
) -> TokenStream {
    if depth > 6 {
        return quote! { ::serde_json::from_str("null").expect("a type with no example value") };
    }
    match ty {
        TypeRef::Prim(prim) => prim_example(*prim),
        // One item, so that the example shows (and a mock's reply exercises) the item type;
        // deeper down, none, so that a type that lists itself ends.
        TypeRef::Vec(_) if depth >= 4 => quote! { Vec::new() },
        TypeRef::Vec(inner) => {
            let item = example_value(api, inner, krate, depth + 1);
            quote! { Vec::from([#item]) }
        }
        TypeRef::Map(_) => quote! { std::collections::BTreeMap::new() },
        TypeRef::Option(_) => quote! { None },
        TypeRef::Box(inner) => {
            let inner = example_value(api, inner, krate, depth + 1);
            quote! { Box::new(#inner) }
        }
        TypeRef::Secret(inner) => {
            let inner = example_value(api, inner, krate, depth + 1);
            quote! { #krate::Secret::new(#inner) }
        }
        // A schema left free is most often an object (a body, a property bag): an empty one
        // satisfies `type: object` where `null` would not.
        TypeRef::Json => quote! { ::serde_json::Value::Object(::serde_json::Map::new()) },
        TypeRef::Named(id) => named_example(api, *id, krate, depth),
    }
}

/// The spec's own example value (see `lower::example`) as an expression of `ty`, where it
/// fits the type; `None` leaves the choice to [`example_value`].
fn given_example(
    api: &Api,
    ty: &TypeRef,
    given: Option<&serde_json::Value>,
    krate: &TokenStream,
) -> Option<TokenStream> {
    use serde_json::Value;
    let given = given?;
    // A named alias (`TweetID: string`) takes the example its target type would.
    if let TypeRef::Named(id) = ty {
        if let Some(TypeKind::Alias(inner)) = api.types.get(id.0).map(|def| &def.kind) {
            return given_example(api, inner, Some(given), krate);
        }
    }
    match (ty, given) {
        (TypeRef::Vec(inner), Value::Array(items)) => {
            let items = items
                .iter()
                .map(|item| given_example(api, inner, Some(item), krate))
                .collect::<Option<Vec<_>>>()?;
            Some(quote! { Vec::from([#(#items),*]) })
        }
        (TypeRef::Prim(Prim::String), Value::String(text)) => Some(quote! { String::from(#text) }),
        (TypeRef::Prim(Prim::Bool), Value::Bool(b)) => Some(quote! { #b }),
        (TypeRef::Prim(Prim::I32), Value::Number(n)) => n
            .as_i64()
            .and_then(|i| i32::try_from(i).ok())
            .map(|i| Literal::i32_unsuffixed(i).into_token_stream()),
        (TypeRef::Prim(Prim::I64), Value::Number(n)) => n
            .as_i64()
            .map(|i| Literal::i64_unsuffixed(i).into_token_stream()),
        (TypeRef::Prim(Prim::U64), Value::Number(n)) => n
            .as_u64()
            .map(|i| Literal::u64_unsuffixed(i).into_token_stream()),
        (TypeRef::Prim(Prim::F32 | Prim::F64), Value::Number(n)) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(|f| Literal::f64_unsuffixed(f).into_token_stream()),
        (TypeRef::Named(id), Value::String(text)) => {
            let def = api.types.get(id.0)?;
            let TypeKind::Enum(variants) = &def.kind else {
                return None;
            };
            let variant = variants.iter().find(|v| &v.wire_value == text)?;
            let (name, variant) = (ident(&def.name), ident(&variant.name));
            Some(quote! { #krate::types::#name::#variant })
        }
        _ => None,
    }
}

fn named_example(
    api: &Api,
    id: crate::ir::TypeId,
    krate: &TokenStream,
    depth: usize,
) -> TokenStream {
    let Some(def) = api.types.get(id.0) else {
        return quote! { ::serde_json::Value::Null };
    };
    let name = ident(&def.name);
    let path = quote! { #krate::types::#name };
    match &def.kind {
        TypeKind::Struct(s) => struct_example(api, &path, s, None, &[], krate, depth),
        // A variant with an empty wire value is rarely a useful example (nor a routable
        // path segment).
        TypeKind::Enum(variants) => match variants
            .iter()
            .find(|v| !v.wire_value.is_empty())
            .or(variants.first())
        {
            Some(variant) => {
                let variant = ident(&variant.name);
                quote! { #path::#variant }
            }
            None => {
                quote! { ::serde_json::from_str("null").expect("a type with no example value") }
            }
        },
        // `oneOf` wants a value that fits exactly one branch (see `example_union`).
        TypeKind::Union(union) => match super::example_union::chosen_branch(api, union) {
            Some(super::example_union::Branch { variant, also_set }) => {
                let vname = ident(&variant.name);
                let tag = union.tag.as_deref().zip(variant.tag_value.as_deref());
                let shaped = tag.is_some() || !also_set.is_empty();
                let value = match super::example_union::branch_struct(api, &variant.ty) {
                    Some((id, s)) if shaped => {
                        let name = ident(&api.types[id.0].name);
                        let branch = quote! { #krate::types::#name };
                        struct_example(api, &branch, s, tag, &also_set, krate, depth + 1)
                    }
                    _ => example_value(api, &variant.ty, krate, depth + 1),
                };
                quote! { #path::#vname(#value) }
            }
            None => {
                quote! { ::serde_json::from_str("null").expect("a type with no example value") }
            }
        },
        TypeKind::Alias(inner) => example_value(api, inner, krate, depth + 1),
        TypeKind::Newtype(inner) => {
            let value = example_value(api, inner, krate, depth + 1);
            quote! { #path(#value) }
        }
    }
}

/// `Type::new(required...)` with the setters of the optional fields an example sets; `tag`
/// (a union's discriminator property and this branch's value) overrides that field's example,
/// and `also_set` names optional fields set besides (those that tell a union's branches apart).
fn struct_example(
    api: &Api,
    path: &TokenStream,
    s: &crate::ir::StructDef,
    tag: Option<(&str, &str)>,
    also_set: &[&str],
    krate: &TokenStream,
    depth: usize,
) -> TokenStream {
    let tag_value = tag.map(|(_, value)| serde_json::Value::String(value.to_string()));
    let given_for = |field: &'_ crate::ir::Field| -> Option<serde_json::Value> {
        match tag {
            Some((name, _)) if field.wire_name == name => tag_value.clone(),
            _ => field.example.clone(),
        }
    };
    // `new` takes the required fields, in spec order; the rest start unset.
    let args = s.fields.iter().filter_map(|field| {
        let value_ty = if field.secret {
            TypeRef::Secret(Box::new(field.ty.clone()))
        } else {
            field.ty.clone()
        };
        let text = matches!(&field.ty, TypeRef::Prim(Prim::String));
        let given = given_for(field);
        let given = given.as_ref();
        match field.presence {
            // `new` converts text, secret or not, from a literal.
            Presence::Required if text => {
                let literal = given.and_then(|v| v.as_str()).unwrap_or("example");
                Some(quote! { #literal })
            }
            Presence::Required if !field.secret => Some(
                given_example(api, &field.ty, given, krate)
                    .unwrap_or_else(|| example_value(api, &value_ty, krate, depth + 1)),
            ),
            Presence::Required => Some(example_value(api, &value_ty, krate, depth + 1)),
            Presence::RequiredNullable => Some(quote! { None }),
            _ => None,
        }
    });
    let setters = s
        .fields
        .iter()
        .filter(|field| {
            field.in_example
                || (!field.is_required()
                    && (tag.is_some_and(|(name, _)| field.wire_name == name)
                        || also_set.contains(&field.wire_name.as_str())))
        })
        .map(|field| optional_setter(api, field, given_for(field).as_ref(), krate, depth + 1));
    quote! { #path::new(#(#args),*) #(#setters)* }
}

/// `.with_<field>(value)` for the first optional field of a struct that has no required
/// one: an example multipart body built from required fields only would have no part, and a
/// multipart body without parts reads as no body at all.
fn first_optional_setter(api: &Api, ty: &TypeRef, krate: &TokenStream) -> Option<TokenStream> {
    let TypeRef::Named(id) = ty else { return None };
    let Some(TypeKind::Struct(s)) = api.types.get(id.0).map(|def| &def.kind) else {
        return None;
    };
    let required = |f: &&crate::ir::Field| {
        matches!(f.presence, Presence::Required | Presence::RequiredNullable)
    };
    if s.fields.iter().any(|f| required(&f)) {
        return None;
    }
    // Examples already set some optional fields; one more is not needed then.
    if s.fields.iter().any(|f| f.in_example) {
        return None;
    }
    let field = s
        .fields
        .iter()
        .find(|f| matches!(f.presence, Presence::Optional | Presence::Defaulted))?;
    Some(optional_setter(
        api,
        field,
        field.example.as_ref(),
        krate,
        1,
    ))
}

/// `.with_<field>(value)` for an optional field, with the field's example value.
fn optional_setter(
    api: &Api,
    field: &crate::ir::Field,
    given: Option<&serde_json::Value>,
    krate: &TokenStream,
    depth: usize,
) -> TokenStream {
    let method = quote::format_ident!("with_{}", crate::ir::names::unraw(&field.name));
    let value = match field.secret {
        true => example_value(
            api,
            &TypeRef::Secret(Box::new(field.ty.clone())),
            krate,
            depth,
        ),
        false => given_example(api, &field.ty, given, krate)
            .unwrap_or_else(|| example_value(api, &field.ty, krate, depth)),
    };
    match field.presence {
        Presence::OptionalNullable => quote! { .#method(Some(#value)) },
        _ => quote! { .#method(#value) },
    }
}

fn prim_example(prim: Prim) -> TokenStream {
    match prim {
        Prim::String => quote! { String::from("example") },
        Prim::Bool => quote! { true },
        Prim::I32 | Prim::I64 | Prim::U64 => quote! { 1 },
        Prim::F32 | Prim::F64 => quote! { 1.0 },
        Prim::Uuid => quote! { uuid::Uuid::nil() },
        Prim::DateTime => quote! { chrono::DateTime::<chrono::Utc>::default() },
        Prim::Date => quote! { chrono::NaiveDate::default() },
        Prim::Bytes => quote! { Vec::new() },
        Prim::Unit => quote! { () },
    }
}
