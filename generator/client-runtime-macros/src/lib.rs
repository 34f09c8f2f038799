//! `#[derive(Deserialize)]` for the types of generated API clients.
//!
//! It implements `serde::Deserialize` with serde's JSON wire format and the `#[serde(..)]`
//! attributes the generator writes, but in far less code than serde's own derive: a struct
//! gets one slot per field and two short methods, one that reads a field into its slot and one
//! that builds the struct; the loop over the keys is written once (see `client_runtime::de`).
//! Type checking serde's expansion was most of the time `cargo check` spent on a generated
//! crate.
//!
//! An attribute it does not know, or knows but does not apply where it is written, is a
//! compile error, not silently ignored: a generated type must never decode differently from
//! what its attributes say. A struct reads as it is written:
//!
//! ```
//! #[derive(client_runtime::Deserialize)]
//! struct Login {
//!     #[serde(default)]
//!     token: String,
//! }
//! ```
//!
//! but `default` on the struct itself, which serde's derive applies to every field, is refused:
//!
//! ```compile_fail
//! #[derive(client_runtime::Deserialize)]
//! #[serde(default)]
//! struct Login {
//!     #[serde(default)]
//!     token: String,
//! }
//! ```

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields, Ident, LitStr};

/// Derives `serde::Deserialize` (see the crate docs for what it accepts).
#[proc_macro_derive(Deserialize, attributes(serde))]
pub fn derive_deserialize(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "generic types are not supported",
        ));
    }
    let place = match &input.data {
        Data::Struct(data) if matches!(data.fields, Fields::Unnamed(_)) => Place::Newtype,
        Data::Struct(_) | Data::Union(_) => Place::Struct,
        Data::Enum(_) => Place::Enum,
    };
    let container = SerdeAttrs::of(&input.attrs, place)?;
    let name = &input.ident;
    let body = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => named_struct(name, fields)?,
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                quote! { ::std::result::Result::Ok(#name(::serde::Deserialize::deserialize(__deserializer)?)) }
            }
            other => {
                return Err(syn::Error::new_spanned(
                    other,
                    "only structs with named fields or one unnamed field are supported",
                ))
            }
        },
        Data::Enum(data) if container.untagged => untagged_enum(name, data)?,
        Data::Enum(data) => string_enum(name, data)?,
        Data::Union(_) => {
            return Err(syn::Error::new_spanned(input, "unions are not supported"));
        }
    };
    Ok(quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<__D: ::serde::Deserializer<'de>>(
                __deserializer: __D,
            ) -> ::std::result::Result<Self, __D::Error> {
                #body
            }
        }
    })
}

/// A struct read as a JSON object: a tuple of one `Option` slot per field (the flattened map
/// has none: it takes the keys that are not fields), filled as the keys come, then the struct
/// built from the slots.
fn named_struct(name: &Ident, fields: &syn::FieldsNamed) -> syn::Result<TokenStream> {
    let mut wire_names = Vec::new();
    let mut slot_types = Vec::new();
    let mut reads = Vec::new();
    let mut inits = Vec::new();
    let mut wrappers = Vec::new();
    let mut keep_rest = false;
    for field in &fields.named {
        let attrs = SerdeAttrs::of(&field.attrs, Place::Field)?;
        let Some(member) = &field.ident else {
            continue;
        };
        if attrs.flatten {
            keep_rest = true;
            inits.push(quote! { #member: ::client_runtime::de::rest(__rest)?, });
            continue;
        }
        let index = syn::Index::from(wire_names.len());
        let wire = attrs
            .rename
            .clone()
            .unwrap_or_else(|| LitStr::new(&unraw(member), member.span()));
        let ty = &field.ty;
        let slot = quote! { self.#index };
        let value = match (&attrs.with, &attrs.default) {
            (None, WhenMissing::Error) => {
                quote! { ::client_runtime::de::required(#slot, #wire)? }
            }
            (None, WhenMissing::DefaultTrait) => quote! { #slot.unwrap_or_default() },
            (None, WhenMissing::Function(path)) => quote! { #slot.unwrap_or_else(#path) },
            (Some(with), WhenMissing::DefaultTrait) => {
                // The field's type wrapped, so that its own function reads it where the
                // others are read.
                let wrapper = quote::format_ident!("__With{}", wire_names.len());
                wrappers.push(quote! {
                    struct #wrapper(#ty);
                    impl<'de> ::serde::Deserialize<'de> for #wrapper {
                        fn deserialize<__D: ::serde::Deserializer<'de>>(
                            __deserializer: __D,
                        ) -> ::std::result::Result<Self, __D::Error> {
                            #with::deserialize(__deserializer).map(#wrapper)
                        }
                    }
                });
                slot_types.push(quote! { ::std::option::Option<#wrapper> });
                reads.push(
                    quote! { #index => ::client_runtime::de::slot(&mut self.#index, __map), },
                );
                inits.push(quote! { #member: #slot.map(|__with| __with.0).unwrap_or_default(), });
                wire_names.push(wire);
                continue;
            }
            (Some(with), _) => {
                return Err(syn::Error::new_spanned(
                    with,
                    "`with` is supported together with a plain `default` only",
                ))
            }
        };
        slot_types.push(quote! { ::std::option::Option<#ty> });
        reads.push(quote! { #index => ::client_runtime::de::slot(&mut self.#index, __map), });
        inits.push(quote! { #member: #value, });
        wire_names.push(wire);
    }
    let expecting = format!("struct {name}");
    let indices = 0..wire_names.len();
    let nones = slot_types
        .iter()
        .map(|_| quote! { ::std::option::Option::None });
    let rest = if keep_rest {
        quote! { __rest }
    } else {
        quote! { _ }
    };
    Ok(quote! {
        #(#wrappers)*
        struct __Slots(#(#slot_types,)*);
        impl<'de> ::client_runtime::de::Slots<'de> for __Slots {
            type Struct = #name;
            const NAMES: &'static [&'static str] = &[#(#wire_names),*];
            const REST: bool = #keep_rest;

            fn index(__key: &str) -> ::std::option::Option<usize> {
                match __key {
                    #(#wire_names => ::std::option::Option::Some(#indices),)*
                    _ => ::std::option::Option::None,
                }
            }

            fn read<__A: ::serde::de::MapAccess<'de>>(
                &mut self,
                __index: usize,
                __map: &mut __A,
            ) -> ::std::result::Result<bool, __A::Error> {
                match __index {
                    #(#reads)*
                    _ => ::std::result::Result::Ok(true),
                }
            }

            fn build(
                self,
                #rest: ::client_runtime::de::Rest,
            ) -> ::std::result::Result<#name, ::client_runtime::de::Unbuilt> {
                ::std::result::Result::Ok(#name { #(#inits)* })
            }
        }
        ::client_runtime::de::object(__deserializer, #expecting, __Slots(#(#nones,)*))
    })
}

/// An enum of unit variants, each a string on the wire, and at most one catch-all: a last
/// variant marked `#[serde(untagged)]` holding a `String` takes any other string, as it came.
fn string_enum(name: &Ident, data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let mut wires = Vec::new();
    let mut variants = Vec::new();
    let mut catch_all = None;
    for variant in &data.variants {
        let attrs = SerdeAttrs::of(&variant.attrs, Place::Variant)?;
        let ident = &variant.ident;
        if catch_all.is_some() {
            return Err(syn::Error::new_spanned(
                variant,
                "the `#[serde(untagged)]` catch-all must be the last variant",
            ));
        }
        match &variant.fields {
            Fields::Unnamed(fields) if attrs.untagged && fields.unnamed.len() == 1 => {
                catch_all = Some(ident);
                continue;
            }
            Fields::Unit if !attrs.untagged => {}
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "an enum without `#[serde(untagged)]` must have unit variants, and at most \
                     one `#[serde(untagged)]` variant of one field last",
                ))
            }
        }
        wires.push(
            attrs
                .rename
                .unwrap_or_else(|| LitStr::new(&unraw(ident), ident.span())),
        );
        variants.push(ident);
    }
    let otherwise = match catch_all {
        Some(other) => quote! {
            _ => ::std::option::Option::Some(#name::#other(::std::string::ToString::to_string(__wire))),
        },
        None => quote! { _ => ::std::option::Option::None, },
    };
    Ok(quote! {
        ::client_runtime::de::string_enum(__deserializer, &[#(#wires),*], |__wire| match __wire {
            #( #wires => ::std::option::Option::Some(#name::#variants), )*
            #otherwise
        })
    })
}

/// An enum of one-field variants, the first whose type accepts the value winning.
fn untagged_enum(name: &Ident, data: &syn::DataEnum) -> syn::Result<TokenStream> {
    let mut attempts = Vec::new();
    let mut reasons = Vec::new();
    for variant in &data.variants {
        SerdeAttrs::of(&variant.attrs, Place::UntaggedVariant)?;
        let ident = &variant.ident;
        match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                attempts.push(quote! {
                    if let ::std::result::Result::Ok(__inner) = ::serde::Deserialize::deserialize(__value) {
                        return ::std::option::Option::Some(#name::#ident(__inner));
                    }
                });
                let ty = &fields.unnamed[0].ty;
                let label = unraw(ident);
                reasons.push(quote! {
                    (#label, ::client_runtime::de::why_not::<#ty>(__value))
                });
            }
            _ => {
                return Err(syn::Error::new_spanned(
                    variant,
                    "untagged enum variants must have one unnamed field",
                ))
            }
        }
    }
    let expecting = format!("data did not match any variant of untagged enum {name}");
    Ok(quote! {
        ::client_runtime::de::untagged(
            __deserializer,
            #expecting,
            |__value| {
                #(#attempts)*
                ::std::option::Option::None
            },
            |__value| ::std::vec![#(#reasons),*],
        )
    })
}

/// A field name without its `r#` prefix: what serde names it on the wire.
fn unraw(ident: &Ident) -> String {
    let text = ident.to_string();
    text.strip_prefix("r#").map(str::to_string).unwrap_or(text)
}

/// What a missing field becomes.
#[derive(Default)]
enum WhenMissing {
    /// An error (or `None` for an `Option`, as with serde).
    #[default]
    Error,
    /// `Default::default()`.
    DefaultTrait,
    /// The function at this path.
    Function(syn::ExprPath),
}

/// Where a `#[serde(..)]` attribute sits: each is accepted only where this derive applies it
/// (or, for serialization-only ones, where serde's own derive reads them), so an attribute
/// that would decode differently with serde is a compile error rather than ignored.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A struct with named fields.
    Struct,
    /// A struct with one unnamed field.
    Newtype,
    /// An enum.
    Enum,
    /// A named field.
    Field,
    /// A variant of a string enum (its last may be the `untagged` catch-all).
    Variant,
    /// A variant of an untagged enum.
    UntaggedVariant,
}

impl Place {
    /// Whether this derive applies the attribute `name` here.
    fn applies(self, name: &str) -> bool {
        match self {
            Place::Struct | Place::UntaggedVariant => false,
            Place::Newtype => name == "transparent",
            Place::Enum => name == "untagged",
            Place::Field => matches!(
                name,
                "rename" | "default" | "with" | "flatten" | "skip_serializing_if"
            ),
            // `untagged` marks the catch-all variant of a string enum.
            Place::Variant => matches!(name, "rename" | "untagged"),
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Place::Struct => "a struct",
            Place::Newtype => "a newtype struct",
            Place::Enum => "an enum",
            Place::Field => "a field",
            Place::Variant => "a variant",
            Place::UntaggedVariant => "a variant of an untagged enum",
        }
    }
}

/// The `#[serde(..)]` attributes that decide decoding, and those that only serialization reads.
#[derive(Default)]
struct SerdeAttrs {
    rename: Option<LitStr>,
    default: WhenMissing,
    with: Option<syn::Path>,
    flatten: bool,
    untagged: bool,
}

impl SerdeAttrs {
    fn of(attrs: &[syn::Attribute], place: Place) -> syn::Result<Self> {
        let mut out = SerdeAttrs::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
            attr.parse_nested_meta(|meta| {
                let path = &meta.path;
                let name = path.get_ident().map(Ident::to_string).unwrap_or_default();
                let known = [
                    "rename",
                    "default",
                    "with",
                    "flatten",
                    "untagged",
                    "transparent",
                    "skip_serializing_if",
                ];
                if known.contains(&name.as_str()) && !place.applies(&name) {
                    return Err(meta.error(format!(
                        "`#[serde({name})]` on {} is not applied by client_runtime's Deserialize",
                        place.describe()
                    )));
                }
                if path.is_ident("rename") {
                    out.rename = Some(meta.value()?.parse()?);
                } else if path.is_ident("default") {
                    out.default = if meta.input.peek(syn::Token![=]) {
                        let text: LitStr = meta.value()?.parse()?;
                        WhenMissing::Function(text.parse()?)
                    } else {
                        WhenMissing::DefaultTrait
                    };
                } else if path.is_ident("with") {
                    let text: LitStr = meta.value()?.parse()?;
                    out.with = Some(text.parse()?);
                } else if path.is_ident("flatten") {
                    out.flatten = true;
                } else if path.is_ident("untagged") {
                    out.untagged = true;
                } else if path.is_ident("transparent") {
                    // One unnamed field is always read as its inner value.
                } else if path.is_ident("skip_serializing_if") {
                    // Serialization only.
                    let _: LitStr = meta.value()?.parse()?;
                } else {
                    return Err(meta.error(
                        "this serde attribute is not supported by client_runtime's Deserialize",
                    ));
                }
                Ok(())
            })?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error the derive gives for `input`, if any.
    fn error_of(input: TokenStream) -> Option<String> {
        let input: DeriveInput = syn::parse2(input).expect("the test input parses");
        expand(&input).err().map(|error| error.to_string())
    }

    #[test]
    fn attributes_it_does_not_apply_are_errors() {
        let cases = [
            (
                quote! { #[serde(rename = "B")] struct A { a: u8 } },
                "`#[serde(rename)]` on a struct",
            ),
            (
                quote! { #[serde(default)] struct A { a: u8 } },
                "`#[serde(default)]` on a struct",
            ),
            (
                quote! { #[serde(transparent)] struct A { a: u8 } },
                "`#[serde(transparent)]` on a struct",
            ),
            (
                quote! { #[serde(untagged)] struct A(u8); },
                "`#[serde(untagged)]` on a newtype struct",
            ),
            (
                quote! { #[serde(flatten)] enum A { B } },
                "`#[serde(flatten)]` on an enum",
            ),
            (
                quote! { struct A { #[serde(untagged)] a: u8 } },
                "`#[serde(untagged)]` on a field",
            ),
            (
                quote! { enum A { #[serde(default)] B } },
                "`#[serde(default)]` on a variant",
            ),
            (
                quote! { #[serde(untagged)] enum A { #[serde(rename = "x")] B(u8) } },
                "`#[serde(rename)]` on a variant of an untagged enum",
            ),
            (
                quote! { #[serde(deny_unknown_fields)] struct A { a: u8 } },
                "not supported",
            ),
        ];
        for (input, expected) in cases {
            let error = error_of(input.clone()).unwrap_or_else(|| panic!("accepted: {input}"));
            assert!(error.contains(expected), "{input}: {error}");
        }
    }

    #[test]
    fn attributes_it_applies_are_accepted() {
        for input in [
            quote! { struct A { #[serde(rename = "b", default)] a: u8 } },
            quote! { struct A { #[serde(default, with = "m", skip_serializing_if = "f")] a: u8 } },
            quote! { struct A { #[serde(flatten)] a: M } },
            quote! { #[serde(transparent)] struct A(u8); },
            quote! { #[serde(untagged)] enum A { B(u8) } },
            quote! { enum A { #[serde(rename = "b")] B } },
        ] {
            assert_eq!(error_of(input.clone()), None, "{input}");
        }
    }
}
