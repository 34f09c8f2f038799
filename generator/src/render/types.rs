//! The `types` module: one item per named type.

use super::constructors::render_constructors;
use super::docs::doc_attrs;
use super::typeref::{ident, rust_type};
use crate::format::{Deferred, Piece};
use crate::ir::direction::{directions, Direction};
use crate::ir::names::{unraw, Scope};
use crate::ir::{
    Api, DefaultValue, EnumVariant, Field, Presence, StructDef, TypeDef, TypeKind, TypeRef,
    UnionDef,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

/// Every named type, in IR order, one piece per type, each rendered when it is called for.
pub(crate) fn render_types(api: &Api) -> impl Iterator<Item = Deferred<'_>> + '_ {
    let module_doc: Deferred = Box::new(|| {
        Piece::Items(quote! {
            //! Types from the spec's schemas.
        })
    });
    let types = api
        .types
        .iter()
        .zip(default_fn_names(api))
        .zip(directions(api))
        .map(move |((def, defaults), direction)| -> Deferred {
            Box::new(move || Piece::Items(render_type(api, def, &defaults, direction)))
        });
    std::iter::once(module_doc).chain(types)
}

/// The names of the functions that give defaulted fields their value, per type and field
/// (`None` for fields without one): unique in the module, so claimed in order, before any
/// type is rendered.
fn default_fn_names(api: &Api) -> Vec<Vec<Option<String>>> {
    let mut scope = Scope::default();
    api.types
        .iter()
        .map(|def| match &def.kind {
            TypeKind::Struct(s) => s
                .fields
                .iter()
                .map(|field| {
                    (field.presence == Presence::Defaulted).then(|| {
                        scope.claim(format!(
                            "default_{}_{}",
                            heck::ToSnakeCase::to_snake_case(def.name.as_str()),
                            unraw(&field.name)
                        ))
                    })
                })
                .collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn render_type(
    api: &Api,
    def: &TypeDef,
    defaults: &[Option<String>],
    direction: Direction,
) -> TokenStream {
    let name = ident(&def.name);
    let mut doc_text = def.doc.clone().unwrap_or_default();
    if let Some(wire) = def
        .wire_name
        .as_ref()
        .filter(|w| unraw(&def.name) != w.as_str())
    {
        if !doc_text.is_empty() {
            doc_text.push_str("\n\n");
        }
        doc_text.push_str(&format!("Spec name: `{wire}`."));
    }
    let doc = doc_attrs(
        Some(&doc_text)
            .filter(|d| !d.is_empty())
            .map(String::as_str),
    );
    match &def.kind {
        TypeKind::Struct(s) => render_struct(api, def, s, doc, defaults),
        TypeKind::Enum(variants) if direction.is_open() => render_open_enum(&name, variants, doc),
        TypeKind::Enum(variants) => {
            let names: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
            let wires: Vec<_> = variants.iter().map(|v| v.wire_value.as_str()).collect();
            let discriminants = stable_discriminants(&wires);
            quote! {
                #doc
                // Two attributes, so that each fits on one line.
                #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
                #[derive(::serde::Serialize, crate::runtime::Deserialize)]
                #[non_exhaustive]
                pub enum #name {
                    #( #[serde(rename = #wires)] #names = #discriminants, )*
                }

                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(match self { #( Self::#names => #wires, )* })
                    }
                }
            }
        }
        TypeKind::Union(union) => render_union(api, &name, union, doc),
        TypeKind::Alias(target) => {
            let target = rust_type(api, target);
            quote! { #doc pub type #name = #target; }
        }
        TypeKind::Newtype(target) => {
            let target = rust_type(api, target);
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub #target);
            }
        }
    }
}

fn render_struct(
    api: &Api,
    def: &TypeDef,
    s: &StructDef,
    doc: TokenStream,
    defaults: &[Option<String>],
) -> TokenStream {
    let name = ident(&def.name);
    let mut default_fns = Vec::new();
    let fields: Vec<TokenStream> = s
        .fields
        .iter()
        .zip(defaults.iter().chain(std::iter::repeat(&None)))
        .map(|(field, default_name)| {
            let (tokens, default_fn) = render_field(api, field, default_name.as_deref());
            default_fns.extend(default_fn);
            tokens
        })
        .collect();
    let additional = s.additional.as_ref().map(|value| {
        let value = rust_type(api, value);
        let field_name = additional_field_name(s);
        quote! {
            /// Properties not declared in the spec.
            #[serde(flatten)]
            pub #field_name: ::std::collections::BTreeMap<::std::string::String, #value>,
        }
    });
    let constructors = render_constructors(
        api,
        &name,
        s,
        defaults,
        s.additional
            .as_ref()
            .map(|_| additional_field_name(s))
            .as_ref(),
    );
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #additional
        }
        #constructors
        #(#default_fns)*
    }
}

/// A string enum a response can carry: a value the spec does not list decodes into the
/// catch-all variant, which keeps it (and sends it back as it came).
fn render_open_enum(name: &Ident, variants: &[EnumVariant], doc: TokenStream) -> TokenStream {
    let names: Vec<_> = variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<_> = variants.iter().map(|v| v.wire_value.as_str()).collect();
    let other = ident(&catch_all_name(variants));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[derive(::serde::Serialize, crate::runtime::Deserialize)]
        #[non_exhaustive]
        pub enum #name {
            #( #[serde(rename = #wires)] #names, )*
            /// A value the spec does not list (yet), as received.
            #[serde(untagged)]
            #other(::std::string::String),
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(match self { #( Self::#names => #wires, )* Self::#other(value) => value })
            }
        }
    }
}

/// Discriminants that follow each value, not its position: a closed enum can be cast with
/// `as`, and a value the spec inserts before others must not renumber them. A hash of the
/// wire value (FNV-1a, 31 bits so it fits `isize` everywhere); a clash takes the next free
/// number.
fn stable_discriminants(wires: &[&str]) -> Vec<Literal> {
    let mut taken = std::collections::BTreeSet::new();
    wires
        .iter()
        .map(|wire| {
            let mut value = wire.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
                (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
            }) & 0x7fff_ffff;
            while !taken.insert(value) {
                value = (value + 1) & 0x7fff_ffff;
            }
            Literal::u32_unsuffixed(value)
        })
        .collect()
}

/// The catch-all variant's name: `UnknownValue`, unless a listed value already took it.
pub(crate) fn catch_all_name(variants: &[EnumVariant]) -> String {
    let mut name = CATCH_ALL.to_string();
    let mut suffix = 1;
    while variants.iter().any(|v| v.name == name) {
        suffix += 1;
        name = format!("{CATCH_ALL}{suffix}");
    }
    name
}

/// The preferred name of an open enum's catch-all variant.
const CATCH_ALL: &str = "UnknownValue";

fn additional_field_name(s: &StructDef) -> proc_macro2::Ident {
    let mut candidate = "additional_properties".to_string();
    while s.fields.iter().any(|f| f.name == candidate) {
        candidate.push('_');
    }
    format_ident!("{}", candidate)
}

/// A field and, for a defaulted one, the function serde calls for its default.
fn render_field(
    api: &Api,
    field: &Field,
    default_fn_name: Option<&str>,
) -> (TokenStream, Option<TokenStream>) {
    let name = ident(&field.name);
    let doc = doc_attrs(field.doc.as_deref());
    let value_ty = if field.secret {
        TypeRef::Secret(Box::new(field.ty.clone()))
    } else {
        field.ty.clone()
    };
    let value = rust_type(api, &value_ty);
    let wire = field.wire_name.as_str();
    let rename = (unraw(&field.name) != wire).then(|| quote! { rename = #wire, });
    let mut default_fn = None;
    let (attrs, ty) = match field.presence {
        Presence::Required => (rename.map(|r| quote! { #[serde(#r)] }), value),
        Presence::RequiredNullable => (
            rename.map(|r| quote! { #[serde(#r)] }),
            quote! { ::std::option::Option<#value> },
        ),
        Presence::Optional => (
            Some(
                quote! { #[serde(#rename default, skip_serializing_if = "::std::option::Option::is_none")] },
            ),
            quote! { ::std::option::Option<#value> },
        ),
        Presence::OptionalNullable => (
            Some(quote! {
                #[serde(#rename default, with = "crate::runtime::nullable")]
                #[serde(skip_serializing_if = "::std::option::Option::is_none")]
            }),
            quote! { ::std::option::Option<::std::option::Option<#value>> },
        ),
        Presence::Defaulted => {
            let fn_name = default_fn_name.unwrap_or("default_value");
            let fn_ident = format_ident!("{}", fn_name);
            let literal = field
                .default
                .as_ref()
                .map(|d| default_expr(api, d, field.secret))
                .unwrap_or_else(|| quote! { ::std::default::Default::default() });
            default_fn = Some(quote! {
                fn #fn_ident() -> #value { #literal }
            });
            (Some(quote! { #[serde(#rename default = #fn_name)] }), value)
        }
    };
    let note = nullable_note(field.presence, field.doc.is_some());
    (quote! { #doc #note #attrs pub #name: #ty, }, default_fn)
}

/// Says how the three states of an optional nullable property map to Rust.
fn nullable_note(presence: Presence, after_doc: bool) -> Option<TokenStream> {
    (presence == Presence::OptionalNullable).then(|| {
        let separator = after_doc.then(|| quote! { #[doc = ""] });
        quote! {
            #separator
            #[doc = " `None`: absent (not sent); `Some(None)`: sent as `null`; `Some(Some(v))`: sent as `v`."]
        }
    })
}

fn default_expr(api: &Api, value: &DefaultValue, secret: bool) -> TokenStream {
    let inner = match value {
        DefaultValue::String(s) => quote! { ::std::string::String::from(#s) },
        DefaultValue::Bool(b) => quote! { #b },
        DefaultValue::Integer(i) => {
            let lit = Literal::i64_unsuffixed(*i);
            quote! { #lit }
        }
        DefaultValue::Float(f) => {
            let lit = Literal::f64_unsuffixed(*f);
            quote! { #lit }
        }
        DefaultValue::EmptyList => quote! { ::std::vec::Vec::new() },
        DefaultValue::Variant(id, index) => match api.types.get(id.0).map(|d| (&d.name, &d.kind)) {
            Some((name, TypeKind::Enum(variants))) if *index < variants.len() => {
                let name = ident(name);
                let variant = ident(&variants[*index].name);
                quote! { crate::types::#name::#variant }
            }
            _ => quote! { ::std::default::Default::default() },
        },
    };
    if secret {
        quote! { crate::runtime::Secret::new(#inner) }
    } else {
        inner
    }
}

fn render_union(
    api: &Api,
    name: &proc_macro2::Ident,
    union: &UnionDef,
    doc: TokenStream,
) -> TokenStream {
    let variants: Vec<_> = union.variants.iter().map(|v| ident(&v.name)).collect();
    let types: Vec<_> = union
        .variants
        .iter()
        .map(|v| rust_type(api, &v.ty))
        .collect();
    let Some(tag) = &union.tag else {
        return quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, ::serde::Serialize, crate::runtime::Deserialize)]
            #[serde(untagged)]
            #[non_exhaustive]
            pub enum #name {
                #( #variants(#types), )*
            }
        };
    };
    let tag_values: Vec<_> = union
        .variants
        .iter()
        .map(|v| v.tag_value.clone().unwrap_or_default())
        .collect();
    let expected = format!("`{tag}` to be one of: {}", tag_values.join(", "));
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum #name {
            #( #variants(#types), )*
        }

        // The discriminator picks the variant; the tag stays in the data, since each
        // variant's own schema usually declares it too.
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tag = value.get(#tag).and_then(::serde_json::Value::as_str).map(::std::string::ToString::to_string);
                match tag.as_deref() {
                    #( Some(#tag_values) => ::serde_json::from_value(value).map(Self::#variants).map_err(<D::Error as ::serde::de::Error>::custom), )*
                    _ => ::std::result::Result::Err(<D::Error as ::serde::de::Error>::custom(concat!("expected ", #expected))),
                }
            }
        }
    }
}
