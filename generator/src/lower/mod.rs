//! Stage 5: openapiv3 to IR. One `lower_*` function per construct; nothing here emits tokens.

mod example;
mod example_reply;
mod operation;
mod params;
mod resolve;
mod responses;
mod schema;
mod security;
mod servers;
mod structs;
pub(crate) mod token_plan;
mod unions;
pub mod view;

pub(crate) use params::ARGUMENT_RESERVED;
pub(crate) use security::BUILDER_RESERVED;

use crate::error::Diagnostics;
use crate::ir::names::Scope;
use crate::ir::{Api, TypeDef, TypeId, TypeKind, TypeRef};
use openapiv3::OpenAPI;
use resolve::Resolver;
use std::collections::BTreeMap;

/// State shared by every lowering function.
pub(crate) struct Lowerer<'a> {
    pub api: &'a OpenAPI,
    /// Schemas at pointers other than `#/components/schemas/<name>`, read ahead.
    pub extra_schemas: &'a BTreeMap<String, openapiv3::ReferenceOr<openapiv3::Schema>>,
    pub resolver: Resolver<'a>,
    pub diagnostics: &'a mut Diagnostics,
    /// Type slots; a slot is `None` while its schema is being lowered (which lets recursive
    /// references to it resolve to its id).
    pub types: Vec<Option<TypeDef>>,
    pub type_names: Scope,
    /// Types created for `$ref` targets, by the target's pointer.
    pub by_pointer: BTreeMap<String, TypeId>,
    /// Schemas counted for the fidelity report.
    pub schemas_seen: usize,
    /// `$ref` targets being lowered inside one another right now.
    pub nested_targets: usize,
    /// `$ref` targets reserved but left to lower from the top (id, pointer, name), so that a
    /// long chain of references (`A` -> `B` -> `C` ...) does not recurse once per link.
    pub deferred: Vec<(TypeId, String, String)>,
    /// Inline schemas being lowered, by address, with the type reserved for each (looked up
    /// only, never iterated, so output order does not depend on addresses).
    pub inline_in_progress: std::collections::HashMap<usize, TypeId>,
    /// The names of component schemas not yet lowered, by pointer: claimed before anything
    /// else, so a name the spec gave is kept and a name derived for an inline schema
    /// (`ResourceAttribute` + `Type`) is the one that gives way when the two meet.
    pub component_names: BTreeMap<String, String>,
}

/// Lowers a whole document.
pub(crate) fn lower(
    api: &OpenAPI,
    extra_schemas: &BTreeMap<String, openapiv3::ReferenceOr<openapiv3::Schema>>,
    diagnostics: &mut Diagnostics,
) -> (Api, usize) {
    let mut lowerer = Lowerer {
        api,
        extra_schemas,
        resolver: Resolver::new(api),
        diagnostics,
        types: Vec::new(),
        type_names: Scope::default(),
        by_pointer: BTreeMap::new(),
        schemas_seen: 0,
        nested_targets: 0,
        deferred: Vec::new(),
        inline_in_progress: std::collections::HashMap::new(),
        component_names: BTreeMap::new(),
    };
    lowerer.lower_components();
    let security_schemes = lowerer.lower_security_schemes();
    let servers = lowerer.lower_servers();
    let operations = lowerer.lower_operations(&security_schemes);
    lowerer.lower_deferred();
    let types = lowerer.types.into_iter().enumerate().map(|(index, slot)| {
        slot.unwrap_or_else(|| TypeDef {
            name: format!("Unresolved{index}"),
            wire_name: None,
            origin: String::new(),
            doc: None,
            kind: TypeKind::Alias(TypeRef::Json),
        })
    });
    let api_ir = Api {
        title: api.info.title.clone(),
        version: api.info.version.clone(),
        doc: api.info.description.clone(),
        types: types.collect(),
        operations,
        security_schemes,
        servers,
        shared_enums: Default::default(),
    };
    (api_ir, lowerer.schemas_seen)
}

impl Lowerer<'_> {
    /// Every component schema becomes a named type, in document order, whether used or not.
    fn lower_components(&mut self) {
        let Some(components) = &self.api.components else {
            return;
        };
        let pointers: Vec<String> = components
            .schemas
            .keys()
            .map(|name| {
                format!(
                    "#/components/schemas/{}",
                    crate::error::escape_segment(name)
                )
            })
            .collect();
        for pointer in &pointers {
            let name = self.type_names.claim(schema::name_for_target(pointer));
            self.component_names.insert(pointer.clone(), name);
        }
        for pointer in &pointers {
            self.named_type(pointer);
        }
    }

    /// Reserves a slot and a unique name for a new type.
    pub fn reserve(&mut self, name: String) -> (TypeId, String) {
        let name = self.type_names.claim(name);
        self.reserve_claimed(name)
    }

    /// Reserves a slot for a new type whose name is already claimed.
    pub fn reserve_claimed(&mut self, name: String) -> (TypeId, String) {
        self.types.push(None);
        (TypeId(self.types.len() - 1), name)
    }

    /// Fills a reserved slot.
    pub fn define(&mut self, id: TypeId, def: TypeDef) {
        if let Some(slot) = self.types.get_mut(id.0) {
            *slot = Some(def);
        }
    }
}
