//! `$ref` lookup in the deserialized document while lowering. Every failure is an error value
//! naming the reference's pointer; chains of references are followed with cycle detection.
//! References to other files were bundled into the document before (`crate::bundle`).

use crate::openapi::ComponentKind;
use crate::pointer::{component_name, RefError};
use openapiv3::{OpenAPI, ReferenceOr};
use std::collections::BTreeSet;

/// Looks up components of one kind through reference chains.
#[derive(Clone, Copy)]
pub struct Resolver<'a> {
    api: &'a OpenAPI,
}

macro_rules! resolver_fn {
    ($fn_name:ident, $ty:ty, $field:ident, $kind:expr) => {
        /// Follows references to a component of this kind.
        pub fn $fn_name(&self, item: &'a ReferenceOr<$ty>) -> Result<&'a $ty, RefError> {
            let mut seen = BTreeSet::new();
            let mut current = item;
            loop {
                match current {
                    ReferenceOr::Item(item) => return Ok(item),
                    ReferenceOr::Reference { reference } => {
                        if !seen.insert(reference.clone()) {
                            return Err(RefError::Cycle(reference.clone()));
                        }
                        let name = component_name(reference, $kind.key())?;
                        let api: &'a OpenAPI = self.api;
                        current = api
                            .components
                            .as_ref()
                            .and_then(|c| c.$field.get(&name))
                            .ok_or_else(|| RefError::Missing(reference.clone()))?;
                    }
                }
            }
        }
    };
}

impl<'a> Resolver<'a> {
    /// A resolver over one document.
    pub fn new(api: &'a OpenAPI) -> Self {
        Resolver { api }
    }

    resolver_fn!(
        parameter,
        openapiv3::Parameter,
        parameters,
        ComponentKind::Parameters
    );
    resolver_fn!(
        request_body,
        openapiv3::RequestBody,
        request_bodies,
        ComponentKind::RequestBodies
    );
    resolver_fn!(
        response,
        openapiv3::Response,
        responses,
        ComponentKind::Responses
    );
    resolver_fn!(
        example,
        openapiv3::Example,
        examples,
        ComponentKind::Examples
    );
    resolver_fn!(
        security_scheme,
        openapiv3::SecurityScheme,
        security_schemes,
        ComponentKind::SecuritySchemes
    );
}
