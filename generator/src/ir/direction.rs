//! Which way each named type travels: in requests (parameters, bodies), in responses, or both.
//! A string enum that a response can carry must decode values the spec does not list yet, so
//! a deployed client survives the vendor adding one; an enum only ever sent stays closed.

use super::{Api, TypeId, TypeKind, TypeRef};

/// The directions in which one named type is used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Direction {
    /// Reachable from a parameter or a request body.
    pub request: bool,
    /// Reachable from a response body.
    pub response: bool,
}

impl Direction {
    /// Whether the type decodes unlisted values into a catch-all: every type a response can
    /// carry, and types no operation uses (a later document may put them in a response, and
    /// opening an enum is a breaking change for the crate).
    pub fn is_open(self) -> bool {
        self.response || !self.request
    }
}

/// The direction of every named type, indexed like [`Api::types`].
pub fn directions(api: &Api) -> Vec<Direction> {
    let mut request = vec![false; api.types.len()];
    let mut response = vec![false; api.types.len()];
    for op in &api.operations {
        let params = op.params.iter().map(|p| &p.ty);
        let bodies = op
            .body
            .iter()
            .flat_map(|b| b.variants.iter().map(|v| &v.ty));
        for ty in params.chain(bodies) {
            mark(api, ty, &mut request);
        }
        for r in &op.responses {
            mark(api, &r.ty, &mut response);
        }
    }
    request
        .into_iter()
        .zip(response)
        .map(|(request, response)| Direction { request, response })
        .collect()
}

/// Marks every named type reachable from `root`, with an explicit stack so deep or recursive
/// schemas cannot overflow the call stack.
fn mark(api: &Api, root: &TypeRef, seen: &mut [bool]) {
    let mut stack: Vec<&TypeRef> = vec![root];
    while let Some(ty) = stack.pop() {
        match ty {
            TypeRef::Named(TypeId(index)) => {
                let Some(slot) = seen.get_mut(*index) else {
                    continue;
                };
                if *slot {
                    continue;
                }
                *slot = true;
                let Some(def) = api.types.get(*index) else {
                    continue;
                };
                match &def.kind {
                    TypeKind::Struct(s) => {
                        stack.extend(s.fields.iter().map(|f| &f.ty));
                        stack.extend(s.additional.iter());
                    }
                    TypeKind::Union(u) => stack.extend(u.variants.iter().map(|v| &v.ty)),
                    TypeKind::Alias(inner) | TypeKind::Newtype(inner) => stack.push(inner),
                    TypeKind::Enum(_) => {}
                }
            }
            TypeRef::Vec(inner)
            | TypeRef::Map(inner)
            | TypeRef::Option(inner)
            | TypeRef::Box(inner)
            | TypeRef::Secret(inner) => stack.push(inner),
            TypeRef::Prim(_) | TypeRef::Json => {}
        }
    }
}
