//! The `token` module: a `TokenSource` over the operation that issues access tokens. It owns
//! the operation's inputs, calls it through the generated client, reads the token through JSON
//! pointers into the serialized success body (so any body type works), and leaves caching and
//! refreshing to the hand-written `token-source` crate.

use super::docs::doc_attrs;
use super::operation::ordered_required;
use super::typeref::{ident, rust_type};
use crate::ir::names::{field_name, Scope};
use crate::ir::{Api, BodyKind, Operation, Param, Prim, TypeRef};
use crate::lower::token_plan::TokenPlan;
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// One owned input of the login call: a field of `TokenSource` and a constructor argument.
struct Input {
    field: Ident,
    ty: TokenStream,
    /// The constructor parameter (`name: Type` or `name: impl Into<String>`).
    param: TokenStream,
    /// The field initializer (`name` or `name: Secret::new(name.into())`).
    init: TokenStream,
    /// The argument passed to the operation method.
    pass: TokenStream,
}

/// The whole `token` module.
pub(crate) fn render_token_source(api: &Api, plan: &TokenPlan) -> TokenStream {
    let op = &api.operations[plan.operation];
    // Field names the struct uses itself; the operation's inputs take what is left.
    let mut scope = Scope::with_reserved(&["client", "fields", "cache", "options"]);
    let mut inputs: Vec<Input> = ordered_required(op)
        .into_iter()
        .map(|param| param_input(api, param, &mut scope))
        .collect();
    inputs.extend(body_input(api, op, &mut scope));
    let placeholders: Vec<(String, Ident)> = plan
        .placeholders
        .iter()
        .map(|wire| (wire.clone(), ident(&scope.claim(field_name(wire, "key")))))
        .collect();
    let has_options = op.params.iter().any(|p| !p.required);
    let stem = &op.type_stem;
    let error = format_ident!("{stem}Error");
    let method =
        ident(&super::operation::options_method_name(api, op).unwrap_or_else(|| op.name.clone()));

    let fields = inputs.iter().map(|i| {
        let (field, ty) = (&i.field, &i.ty);
        quote! { #field: #ty, }
    });
    let params = inputs.iter().map(|i| &i.param);
    let inits = inputs.iter().map(|i| &i.init);
    let mut call_args: Vec<&TokenStream> = inputs.iter().map(|i| &i.pass).collect();
    let options = has_options.then(|| options_items(op));
    if let Some(options) = &options {
        call_args.push(&options.arg);
    }
    let options_field = options.as_ref().map(|o| &o.field);
    let options_init = options.as_ref().map(|o| &o.init);
    let with_options = options.as_ref().map(|o| &o.setter);
    let placeholder_params = placeholders.iter().map(|(_, arg)| {
        quote! { #arg: impl ::std::convert::Into<::std::string::String> }
    });
    let owned_placeholders = placeholders.iter().map(|(_, arg)| {
        quote! { let #arg: ::std::string::String = #arg.into(); }
    });
    let binds = placeholders.iter().map(|(wire, arg)| {
        quote! { .bind(#wire, &#arg) }
    });
    let fields_expr = fields_expr(plan);
    let refresh = plan
        .refresh
        .as_ref()
        .map(|r| render_refresh(api, &api.operations[r.operation], &r.body_field));
    let options_local = options.as_ref().map(|o| &o.local);
    let login_call = quote! {
        #options_local
        let response = self.client.#method(#(#call_args),*).await?;
        read_token(&self.fields, response)
    };
    let login_type = quote! { crate::runtime::Error<crate::#error> };
    let fetch = render_fetch(&login_type, login_call, refresh);
    let cache_methods = cache_methods(&login_type);
    let failure = render_failure(&error);
    let struct_doc = doc_attrs(Some(&struct_doc(api, op, plan)));
    let support = support_items();
    let new_doc = doc_attrs(Some(&new_doc(op, &placeholders)));

    quote! {
        //! A caching, self-refreshing source of access tokens.

        #struct_doc
        #[derive(Debug)]
        pub struct TokenSource {
            cache: ::token_source::TokenCache<Login>,
        }

        /// The token operation's inputs and how to call it: what the cache's renewals run, in
        /// a task of their own.
        #[derive(Debug)]
        struct Login {
            client: crate::Client,
            #(#fields)*
            #options_field
            fields: ::token_source::TokenFields,
        }

        impl TokenSource {
            #new_doc
            pub fn new(client: crate::Client, #(#params,)* #(#placeholder_params),*) -> Self {
                #(#owned_placeholders)*
                let login = Login {
                    client,
                    #(#inits)*
                    #options_init
                    fields: #fields_expr #(#binds)*,
                };
                TokenSource { cache: ::token_source::TokenCache::new(login) }
            }

            #with_options

            #cache_methods
        }

        #fetch

        #failure

        #support
    }
}

/// What `TokenSource` passes on to its cache: settings, the token, invalidation.
fn cache_methods(login_type: &TokenStream) -> TokenStream {
    quote! {
        /// Renews this long before expiry instead of the default (the smaller of 60 s and
        /// 10% of the token's lifetime); never more than half of a token's lifetime.
        pub fn with_margin(self, margin: ::std::time::Duration) -> Self {
            TokenSource { cache: self.cache.with_margin(margin) }
        }

        /// Retries and pauses after failed logins instead of the default (two retries,
        /// pauses from 500 ms doubling up to 30 s, with jitter).
        pub fn with_backoff(self, backoff: ::token_source::Backoff) -> Self {
            TokenSource { cache: self.cache.with_backoff(backoff) }
        }

        /// A valid access token: the cached one (renewed in the background once it is
        /// within the margin), or the outcome of the login this call waits for. Concurrent
        /// callers share one request and its outcome; the error's
        /// [`fetch_error`](::token_source::TokenError::fetch_error) is the operation's own.
        pub async fn token(&self) -> ::std::result::Result<::token_source::AccessToken, ::token_source::TokenError<#login_type>> {
            self.cache.token().await
        }

        /// Drops `token` if it is still the cached one, so the next call logs in again:
        /// call it when the API refused the token. A newer token is kept, so callers that
        /// saw the same token refused cause one login between them.
        pub fn invalidate(&self, token: &::token_source::AccessToken) {
            self.cache.invalidate(token);
        }
    }
}

/// `Fetch` for the inputs: the login call, the refresh when there is one, and which login
/// errors are worth retrying.
fn render_fetch(
    login_type: &TokenStream,
    login_call: TokenStream,
    refresh: Option<TokenStream>,
) -> TokenStream {
    let refresh_fetch = refresh.as_ref().map(|_| {
        quote! {
            fn refresh(&self, refresh_token: ::std::string::String) -> ::std::option::Option<::token_source::FetchFuture<'_, ::token_source::BoxError>> {
                ::std::option::Option::Some(::std::boxed::Box::pin(async move {
                    self.refresh_with(refresh_token).await.map_err(::std::convert::Into::into)
                }))
            }
        }
    });
    let refresh_impl = refresh.map(|refresh| quote! { impl Login { #refresh } });
    quote! {
        impl ::token_source::Fetch for Login {
            type Error = #login_type;

            fn login(&self) -> ::token_source::FetchFuture<'_, Self::Error> {
                ::std::boxed::Box::pin(async move { #login_call })
            }

            #refresh_fetch

            fn failure(&self, error: &Self::Error) -> ::token_source::Failure {
                failure(error)
            }
        }

        #refresh_impl
    }
}

/// Sorts the token operation's errors into transient (no answer, 408, 429, 5xx: retried) and
/// permanent ones, by the status every HTTP error carries, declared or not.
fn render_failure(error: &Ident) -> TokenStream {
    quote! {
        /// Whether a failed login is worth retrying soon: no answer, or a status of 408, 429
        /// or 5xx, declared or not.
        fn failure(error: &crate::runtime::Error<crate::#error>) -> ::token_source::Failure {
            match (error.kind(), error.status()) {
                (crate::runtime::ErrorKind::Timeout | crate::runtime::ErrorKind::Transport(_), _) => {
                    ::token_source::Failure::Transient
                }
                (_, ::std::option::Option::Some(status)) => ::token_source::Failure::of_status(status.as_u16()),
                (_, ::std::option::Option::None) => ::token_source::Failure::Permanent,
            }
        }
    }
}

/// The operation's optional parameters, held by the token source. They sit behind a lock so
/// that `with_options` can set them on a source whose cache is already shared with a renewal.
struct OptionItems {
    field: TokenStream,
    init: TokenStream,
    setter: TokenStream,
    /// Copies them out of the lock before the call.
    local: TokenStream,
    arg: TokenStream,
}

fn options_items(op: &Operation) -> OptionItems {
    let options_ty = format_ident!("{}Options", op.type_stem);
    let doc = doc_attrs(Some(&format!(
        "The optional parameters sent with `{}`.",
        op.name
    )));
    OptionItems {
        field: quote! { options: ::std::sync::Mutex<crate::#options_ty>, },
        init: quote! { options: ::std::default::Default::default(), },
        setter: quote! {
            #doc
            pub fn with_options(self, options: crate::#options_ty) -> Self {
                *self.cache.fetcher().options.lock().unwrap_or_else(::std::sync::PoisonError::into_inner) = options;
                self
            }
        },
        local: quote! {
            let options = self.options.lock().unwrap_or_else(::std::sync::PoisonError::into_inner).clone();
        },
        arg: quote! { &options },
    }
}

/// What every token module has whatever the API: reading the token from a response, and the
/// trait implementations.
fn support_items() -> TokenStream {
    quote! {
        /// The token in a success body: the body is serialized back to JSON and read through
        /// the pointers, so the generated body type needs nothing token-specific. A missing
        /// token is a decode error; the body is not kept, since it holds credentials.
        fn read_token<T: ::serde::Serialize, E>(
            fields: &::token_source::TokenFields,
            response: crate::runtime::ResponseValue<T>,
        ) -> ::std::result::Result<::token_source::AccessToken, crate::runtime::Error<E>> {
            let status = response.status;
            let decode = |message: ::std::string::String| crate::runtime::Error::decode(status, ".", message);
            let value = ::serde_json::to_value(&response.body).map_err(|error| decode(error.to_string()))?;
            fields.read(&value).map_err(|missing| decode(missing.to_string()))
        }

        impl ::token_source::TokenProvider for TokenSource {
            fn token(&self) -> ::token_source::TokenFuture<'_> {
                ::std::boxed::Box::pin(async move {
                    TokenSource::token(self).await.map_err(::std::convert::Into::into)
                })
            }

            fn invalidate(&self, token: &::token_source::AccessToken) {
                TokenSource::invalidate(self, token);
            }
        }
    }
}

/// `TokenFields::new(..)` with every declared pointer and the default lifetime.
fn fields_expr(plan: &TokenPlan) -> TokenStream {
    let access = &plan.access_token;
    let optional = [
        ("expires_in", &plan.expires_in),
        ("expires_on", &plan.expires_on),
        ("refresh_token", &plan.refresh_token),
    ];
    let setters = optional.iter().filter_map(|(name, pointer)| {
        let setter = format_ident!("{name}");
        pointer.as_ref().map(|p| quote! { .#setter(#p) })
    });
    let lifetime = plan.default_lifetime_seconds.map(|seconds| {
        quote! { .default_lifetime(::std::time::Duration::from_secs(#seconds)) }
    });
    quote! { ::token_source::TokenFields::new(#access) #(#setters)* #lifetime }
}

fn param_input(api: &Api, param: &Param, scope: &mut Scope) -> Input {
    let field = ident(&scope.claim(param.name.clone()));
    let copy = matches!(
        param.ty,
        TypeRef::Prim(Prim::Bool | Prim::I32 | Prim::I64 | Prim::U64 | Prim::F32 | Prim::F64)
    );
    let string = param.ty == TypeRef::Prim(Prim::String);
    let owned = rust_type(api, &param.ty);
    let (param_ty, value) = if string {
        (
            quote! { impl ::std::convert::Into<::std::string::String> },
            quote! { #field.into() },
        )
    } else {
        (owned.clone(), quote! { #field })
    };
    // A secret parameter is held as `Secret`, so printing the token source never shows it.
    let (ty, init) = if param.secret {
        (
            quote! { crate::runtime::Secret<#owned> },
            quote! { #field: crate::runtime::Secret::new(#value), },
        )
    } else if string {
        (owned, quote! { #field: #value, })
    } else {
        (owned, quote! { #field, })
    };
    let pass = match (param.secret, copy) {
        (true, true) => quote! { *self.#field.expose() },
        (true, false) => quote! { self.#field.expose() },
        (false, true) => quote! { self.#field },
        (false, false) => quote! { &self.#field },
    };
    Input {
        param: quote! { #field: #param_ty },
        field,
        ty,
        init,
        pass,
    }
}

fn body_input(api: &Api, op: &Operation, scope: &mut Scope) -> Option<Input> {
    let body = op.body.as_ref()?;
    let field = ident(&scope.claim("body".into()));
    let (owned, borrowed_by_deref) = match body.variants.as_slice() {
        [variant] => match variant.kind {
            BodyKind::Text => (quote! { ::std::string::String }, true),
            BodyKind::Bytes | BodyKind::Empty => (quote! { ::std::vec::Vec<u8> }, true),
            _ => (rust_type(api, &variant.ty), false),
        },
        _ => {
            let name = format_ident!("{}Body", op.type_stem);
            (quote! { crate::#name }, false)
        }
    };
    let (ty, pass) = match (body.required, borrowed_by_deref) {
        (true, _) => (owned, quote! { &self.#field }),
        (false, true) => (
            quote! { ::std::option::Option<#owned> },
            quote! { self.#field.as_deref() },
        ),
        (false, false) => (
            quote! { ::std::option::Option<#owned> },
            quote! { self.#field.as_ref() },
        ),
    };
    Some(Input {
        param: quote! { #field: #ty },
        init: quote! { #field, },
        field,
        ty,
        pass,
    })
}

/// The `refresh` method: the refresh token goes into `field` of the operation's JSON body.
fn render_refresh(api: &Api, op: &Operation, field: &str) -> TokenStream {
    let method = ident(&op.name);
    let error = format_ident!("{}Error", op.type_stem);
    let body = op.body.as_ref();
    let body_ty = body
        .and_then(|b| b.variants.first())
        .map(|v| rust_type(api, &v.ty))
        .unwrap_or_else(|| quote! { ::serde_json::Value });
    // The plain method: the refresh operation's optional parameters are not sent.
    let args = [if body.is_some_and(|b| b.required) {
        quote! { &body }
    } else {
        quote! { Some(&body) }
    }];
    let message = format!("the refresh token does not fit the body of `{}`", op.name);
    quote! {
        async fn refresh_with(&self, refresh_token: ::std::string::String) -> ::std::result::Result<::token_source::AccessToken, crate::runtime::Error<crate::#error>> {
            let mut object = ::serde_json::Map::new();
            object.insert(::std::string::String::from(#field), ::serde_json::Value::String(refresh_token));
            // The serde message is not kept: it can quote the value, which is the token.
            let body: #body_ty = ::serde_json::from_value(::serde_json::Value::Object(object))
                .map_err(|_| crate::runtime::Error::invalid_request(#message))?;
            let response = self.client.#method(#(#args),*).await?;
            read_token(&self.fields, response)
        }
    }
}

fn struct_doc(api: &Api, op: &Operation, plan: &TokenPlan) -> String {
    let mut lifetime = Vec::new();
    if let Some(p) = &plan.expires_in {
        lifetime.push(format!("`{p}` (seconds)"));
    }
    if let Some(p) = &plan.expires_on {
        lifetime.push(format!("`{p}` (seconds since the epoch)"));
    }
    lifetime.push("the token's JWT `exp` claim".into());
    lifetime.push(match plan.default_lifetime_seconds {
        Some(seconds) => format!("{seconds} s"),
        None => "300 s".into(),
    });
    let renew = match &plan.refresh {
        Some(refresh) => format!(
            "with `{}` and the refresh token at `{}`, falling back to a new login",
            api.operations[refresh.operation].name,
            plan.refresh_token.as_deref().unwrap_or_default()
        ),
        None => "by logging in again".into(),
    };
    format!(
        "Access tokens from [`Client::{name}`](crate::Client::{name}), obtained on first use, \
         cached, and renewed {renew} a margin before they expire.\n\n\
         The token is read at `{access}` of the response; its lifetime from the first of: {lifetime} \
         (a zero, invalid or past value counts as none; see [`token_source::lifetime`]). \
         Concurrent callers share one request and its outcome. While the cached token is still \
         valid it is returned at once and renewed in the background, and failures are retried \
         with backoff without reaching callers; once it has expired, callers get the error, \
         whose `fetch_error` is the operation's own.\n\n\
         It implements [`token_source::TokenProvider`], so it can be held as \
         `Arc<dyn TokenProvider>` next to other APIs' token sources, and plugged into the \
         bearer credentials of any generated client.",
        name = op.name,
        access = plan.access_token,
        lifetime = lifetime.join(", then "),
    )
}

fn new_doc(op: &Operation, placeholders: &[(String, Ident)]) -> String {
    let mut text = format!(
        "A token source that calls `{}` through `client` with these inputs.",
        op.name
    );
    if !placeholders.is_empty() {
        let names: Vec<String> = placeholders
            .iter()
            .map(|(wire, _)| format!("`{{{wire}}}`"))
            .collect();
        text.push_str(&format!(
            " The response holds several tokens; {} choose which one.",
            names.join(" and ")
        ));
    }
    text
}
