//! Operations whose declared responses are the same share one enum for them. Real APIs repeat
//! one error set across most operations (`4XX` and `5XX` with the same body, say): each
//! operation keeps its own name for it, a type alias of the first such operation's enum, so
//! matching reads the same and the enum is written and compiled once.

use crate::ir::{Api, Operation, Prim, Response, SharedEnums, StatusMatch, TypeRef};
use std::collections::HashMap;

/// Finds, for every operation, the first operation with the same error responses and the
/// first with the same success responses.
pub(crate) fn share_enums(api: &mut Api) {
    let errors = owners(api, |op| Some(op.responses.iter().filter(|r| !r.success)));
    let successes = owners(api, |op| {
        let success: Vec<&Response> = op.responses.iter().filter(|r| r.success).collect();
        // One success type needs no enum, so there is nothing to share.
        single_success_type(&success)
            .is_none()
            .then(|| success.into_iter())
    });
    api.shared_enums = SharedEnums { errors, successes };
}

/// The type every success response has, when they all have the same one (no body is `()`).
pub(crate) fn single_success_type(success: &[&Response]) -> Option<TypeRef> {
    let first = success
        .first()
        .map(|r| r.ty.clone())
        .unwrap_or(TypeRef::Prim(Prim::Unit));
    success.iter().all(|r| r.ty == first).then_some(first)
}

/// What makes two responses the same variant of an enum: name, type, statuses and doc.
type ResponseKey<'a> = (&'a str, &'a TypeRef, StatusMatch, Option<&'a str>);

/// Groups operations by the responses `select` picks, in order; `None` leaves an operation on
/// its own. Each operation gets the index of the first in its group.
fn owners<'a, I>(api: &'a Api, select: impl Fn(&'a Operation) -> Option<I>) -> Vec<usize>
where
    I: Iterator<Item = &'a Response>,
{
    let mut first_with: HashMap<Vec<ResponseKey<'a>>, usize> = HashMap::new();
    api.operations
        .iter()
        .enumerate()
        .map(|(index, op)| match select(op) {
            Some(responses) => {
                let key = responses
                    .map(|r| (r.name.as_str(), &r.ty, r.status, r.doc.as_deref()))
                    .collect();
                *first_with.entry(key).or_insert(index)
            }
            None => index,
        })
        .collect()
}
