//! How code outside a generated crate builds its structs. Structs are `#[non_exhaustive]`, so
//! that a property the vendor adds later is a minor release; a struct literal is then refused
//! outside the crate, and each struct gets `new` with its required fields (the compiler checks
//! that they are all given) and a `with_` method per field that may be left out.

use super::typeref::{ident, rust_type};
use crate::ir::names::unraw;
use crate::ir::{Api, Field, Presence, Prim, StructDef, TypeRef};
use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

/// Clippy's limit for a function's arguments; `new` of a bigger struct allows the lint.
const MAX_ARGUMENTS: usize = 7;

/// The `impl` block with `new` and the `with_` methods (and `Default` when nothing is
/// required). `defaults` names the function that gives each defaulted field its value.
pub(crate) fn render_constructors(
    api: &Api,
    name: &Ident,
    s: &StructDef,
    defaults: &[Option<String>],
    additional: Option<&Ident>,
) -> TokenStream {
    let mut args = Vec::new();
    let mut inits = Vec::new();
    let mut setters = Vec::new();
    for (field, default_fn) in s
        .fields
        .iter()
        .zip(defaults.iter().chain(std::iter::repeat(&None)))
    {
        let member = ident(&field.name);
        let value = value_type(field);
        let ty = rust_type(api, &value);
        match field.presence {
            Presence::Required => {
                let (arg, convert) = argument(&value, &ty);
                args.push(quote! { #member: #arg });
                inits.push(match convert {
                    Some(convert) => quote! { #member: #member #convert, },
                    None => quote! { #member, },
                });
            }
            Presence::RequiredNullable => {
                args.push(quote! { #member: ::std::option::Option<#ty> });
                inits.push(quote! { #member, });
            }
            Presence::Optional | Presence::OptionalNullable => {
                inits.push(quote! { #member: ::std::option::Option::None, });
                setters.push(setter(field, &member, &value, &ty));
            }
            Presence::Defaulted => {
                let init = match default_fn {
                    Some(f) => {
                        let f = format_ident!("{}", f);
                        quote! { #f() }
                    }
                    None => quote! { ::std::default::Default::default() },
                };
                inits.push(quote! { #member: #init, });
                setters.push(setter(field, &member, &value, &ty));
            }
        }
    }
    if let Some(map) = additional {
        inits.push(quote! { #map: ::std::collections::BTreeMap::new(), });
    }
    let allow =
        (args.len() > MAX_ARGUMENTS).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let default_impl = args.is_empty().then(|| {
        quote! {
            impl ::std::default::Default for #name {
                fn default() -> Self { Self::new() }
            }
        }
    });
    quote! {
        impl #name {
            /// From the required fields; the others start absent or at their default.
            #allow
            pub fn new(#(#args),*) -> Self {
                Self { #(#inits)* }
            }
            #(#setters)*
        }
        #default_impl
    }
}

/// The field's value type, with `Secret` around a secret.
fn value_type(field: &Field) -> TypeRef {
    if field.secret {
        TypeRef::Secret(Box::new(field.ty.clone()))
    } else {
        field.ty.clone()
    }
}

/// The argument type for a value, and what turns the argument into it. Text (plain or
/// secret) takes anything that converts, so `"literal"` works; other types are taken as they
/// are, which keeps integer and float literals inferring to the field's own type.
fn argument(value: &TypeRef, ty: &TokenStream) -> (TokenStream, Option<TokenStream>) {
    let text = match value {
        TypeRef::Prim(Prim::String) => true,
        TypeRef::Secret(inner) => **inner == TypeRef::Prim(Prim::String),
        _ => false,
    };
    if text {
        (
            quote! { impl ::std::convert::Into<#ty> },
            Some(quote! { .into() }),
        )
    } else {
        (ty.clone(), None)
    }
}

/// `with_<field>` of an options struct, whose fields are all `Option`s.
pub(crate) fn option_setter(
    member: &Ident,
    wire_name: &str,
    value: &TypeRef,
    ty: &TokenStream,
) -> TokenStream {
    let method = format_ident!("with_{}", unraw(&member.to_string()));
    let doc = format!(" Sets `{wire_name}`.");
    let (arg, convert) = argument(value, ty);
    quote! {
        #[doc = #doc]
        pub fn #method(mut self, value: #arg) -> Self {
            self.#member = ::std::option::Option::Some(value #convert);
            self
        }
    }
}

/// `with_<field>`: sets an optional, optional nullable or defaulted field.
fn setter(field: &Field, member: &Ident, value: &TypeRef, ty: &TokenStream) -> TokenStream {
    let method = format_ident!("with_{}", unraw(&field.name));
    let doc = format!(" Sets `{}`.", field.wire_name);
    match field.presence {
        Presence::OptionalNullable => quote! {
            #[doc = #doc]
            pub fn #method(mut self, value: ::std::option::Option<#ty>) -> Self {
                self.#member = ::std::option::Option::Some(value);
                self
            }
        },
        Presence::Optional => {
            let (arg, convert) = argument(value, ty);
            quote! {
                #[doc = #doc]
                pub fn #method(mut self, value: #arg) -> Self {
                    self.#member = ::std::option::Option::Some(value #convert);
                    self
                }
            }
        }
        _ => {
            let (arg, convert) = argument(value, ty);
            quote! {
                #[doc = #doc]
                pub fn #method(mut self, value: #arg) -> Self {
                    self.#member = value #convert;
                    self
                }
            }
        }
    }
}
