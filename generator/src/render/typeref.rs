//! Type references to Rust type tokens, and which optional crates the output needs.

use crate::ir::{Api, Prim, TypeKind, TypeRef};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier token; raw identifiers (`r#type`) are kept raw.
pub(crate) fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// The Rust type for a reference, with named types as `crate::types::Name`.
pub(crate) fn rust_type(api: &Api, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(id) => match api.types.get(id.0) {
            Some(def) => {
                let name = ident(&def.name);
                quote! { crate::types::#name }
            }
            None => quote! { ::serde_json::Value },
        },
        TypeRef::Prim(prim) => prim_type(*prim),
        TypeRef::Vec(inner) => {
            let inner = rust_type(api, inner);
            quote! { ::std::vec::Vec<#inner> }
        }
        TypeRef::Map(inner) => {
            let inner = rust_type(api, inner);
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        TypeRef::Option(inner) => {
            let inner = rust_type(api, inner);
            quote! { ::std::option::Option<#inner> }
        }
        TypeRef::Box(inner) => {
            let inner = rust_type(api, inner);
            quote! { ::std::boxed::Box<#inner> }
        }
        TypeRef::Secret(inner) => {
            let inner = rust_type(api, inner);
            quote! { crate::runtime::Secret<#inner> }
        }
        TypeRef::Json => quote! { ::serde_json::Value },
    }
}

pub(crate) fn prim_type(prim: Prim) -> TokenStream {
    match prim {
        Prim::String => quote! { ::std::string::String },
        Prim::Bool => quote! { bool },
        Prim::I32 => quote! { i32 },
        Prim::I64 => quote! { i64 },
        Prim::U64 => quote! { u64 },
        Prim::F32 => quote! { f32 },
        Prim::F64 => quote! { f64 },
        Prim::Uuid => quote! { ::uuid::Uuid },
        Prim::DateTime => quote! { ::chrono::DateTime<::chrono::Utc> },
        Prim::Date => quote! { ::chrono::NaiveDate },
        Prim::Bytes => quote! { ::std::vec::Vec<u8> },
        Prim::Unit => quote! { () },
    }
}

/// Optional dependencies the rendered code uses.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Usage {
    pub uuid: bool,
    pub chrono: bool,
}

impl Usage {
    /// Scans every type reference of the API.
    pub fn of(api: &Api) -> Usage {
        let mut usage = Usage::default();
        let mut visit = |ty: &TypeRef| usage.visit(ty);
        for def in &api.types {
            match &def.kind {
                TypeKind::Struct(s) => {
                    s.fields.iter().for_each(|f| visit(&f.ty));
                    s.additional.iter().for_each(&mut visit);
                }
                TypeKind::Union(u) => u.variants.iter().for_each(|v| visit(&v.ty)),
                TypeKind::Alias(t) | TypeKind::Newtype(t) => visit(t),
                TypeKind::Enum(_) => {}
            }
        }
        for op in &api.operations {
            op.params.iter().for_each(|p| visit(&p.ty));
            op.responses.iter().for_each(|r| visit(&r.ty));
            op.body
                .iter()
                .flat_map(|b| &b.variants)
                .for_each(|v| visit(&v.ty));
        }
        usage
    }

    fn visit(&mut self, ty: &TypeRef) {
        match ty {
            TypeRef::Prim(Prim::Uuid) => self.uuid = true,
            TypeRef::Prim(Prim::DateTime | Prim::Date) => self.chrono = true,
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Option(inner)
            | TypeRef::Box(inner)
            | TypeRef::Secret(inner) => self.visit(inner),
            _ => {}
        }
    }
}
