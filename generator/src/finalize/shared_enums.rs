//! Operations whose declared responses are the same share one enum for them. Real APIs repeat
//! one error set across most operations (`4XX` and `5XX` with the same body, say): each
//! operation keeps its own name for it, a type alias of the first such operation's enum, so
//! matching reads the same and the enum is written and compiled once. The mock module
//! likewise describes how an error enum goes on the wire once for the operations that send
//! its variants alike.

use crate::ir::{Api, BodyKind, Operation, Prim, Response, SharedEnums, StatusMatch, TypeRef};
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
    let error_mocks = error_mock_owners(api, &errors);
    api.shared_enums = SharedEnums {
        errors,
        successes,
        error_mocks,
    };
}

/// How one error response of an operation goes on the wire in the mock: body encoding,
/// media type, the status its example is sent with, and its example.
type ErrorWire<'a> = (
    BodyKind,
    Option<&'a str>,
    Option<u16>,
    Option<&'a serde_json::Value>,
);

/// For every operation, the first operation with the same error enum (`error_owners`) whose
/// error responses also go on the wire alike.
fn error_mock_owners(api: &Api, error_owners: &[usize]) -> Vec<usize> {
    // Keyed by enum owner; examples are JSON values, compared in a short list per enum.
    let mut seen: HashMap<usize, Vec<(Vec<ErrorWire<'_>>, usize)>> = HashMap::new();
    api.operations
        .iter()
        .enumerate()
        .map(|(index, op)| {
            let owner = error_owners.get(index).copied().unwrap_or(index);
            let wire: Vec<ErrorWire<'_>> = op
                .responses
                .iter()
                .filter(|r| !r.success)
                .map(|r| {
                    let status = match r.status {
                        StatusMatch::Code(code) => Some(code),
                        _ => example_status(op, r.status),
                    };
                    (r.kind, r.media_type.as_deref(), status, r.example.as_ref())
                })
                .collect();
            let alike = seen.entry(owner).or_default();
            match alike.iter().find(|(other, _)| *other == wire) {
                Some((_, first)) => *first,
                None => {
                    alike.push((wire, index));
                    index
                }
            }
        })
        .collect()
}

/// The status an example of a range or `default` response is sent with: the first in its
/// range that no exact code or narrower range of the operation claims, so that the client
/// decodes it into that response's variant. `None` for an exact code, or when every status
/// the response could carry is declared on its own.
pub(crate) fn example_status(op: &Operation, status: StatusMatch) -> Option<u16> {
    let range = match status {
        StatusMatch::Code(_) => return None,
        StatusMatch::Range(digit) => digit * 100..digit * 100 + 100,
        StatusMatch::Default => 400..600,
    };
    let whole_range = range.len() > 100;
    range.into_iter().find(|status| {
        op.responses.iter().all(|r| match r.status {
            StatusMatch::Code(code) => code != *status,
            StatusMatch::Range(digit) => !whole_range || digit != status / 100,
            StatusMatch::Default => true,
        })
    })
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
