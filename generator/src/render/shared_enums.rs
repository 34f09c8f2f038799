//! Operations whose declared responses are the same share one enum for them. Real APIs repeat
//! one error set across most operations (`4XX` and `5XX` with the same body, say): each
//! operation keeps its own name for it, a type alias of the first such operation's enum, so
//! matching reads the same and the enum is written and compiled once.

use crate::ir::{Api, Operation, Response};
use std::collections::BTreeMap;

/// For each operation (by index), the operation whose enum it uses: itself, or the first one
/// with the same responses.
pub(crate) struct EnumOwners {
    /// Owners of the error enums.
    errors: Vec<usize>,
    /// Owners of the success enums (of the operations that need one).
    successes: Vec<usize>,
}

/// The owners of one operation's enums.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OperationOwners {
    /// The operation whose error enum this one uses.
    pub error: usize,
    /// The operation whose success enum this one uses.
    pub success: usize,
}

impl EnumOwners {
    /// The owners of the enums of the operation at `index`.
    pub(crate) fn of_operation(&self, index: usize) -> OperationOwners {
        OperationOwners {
            error: self.errors.get(index).copied().unwrap_or(index),
            success: self.successes.get(index).copied().unwrap_or(index),
        }
    }

    pub(crate) fn of(api: &Api) -> Self {
        EnumOwners {
            errors: owners(api, |op| Some(op.responses.iter().filter(|r| !r.success))),
            successes: owners(api, |op| {
                let success: Vec<&Response> = op.responses.iter().filter(|r| r.success).collect();
                // One success type needs no enum, so there is nothing to share.
                (super::operation::single_success_type(&success).is_none())
                    .then(|| success.into_iter())
            }),
        }
    }
}

/// Groups operations by the responses `select` picks (name, type, status and doc of each, in
/// order); `None` leaves an operation on its own.
fn owners<'a, I>(api: &'a Api, select: impl Fn(&'a Operation) -> Option<I>) -> Vec<usize>
where
    I: Iterator<Item = &'a Response>,
{
    let mut first_with: BTreeMap<String, usize> = BTreeMap::new();
    api.operations
        .iter()
        .enumerate()
        .map(|(index, op)| match select(op) {
            Some(responses) => {
                let key: Vec<_> = responses
                    .map(|r| (&r.name, &r.ty, &r.status, &r.doc))
                    .collect();
                *first_with.entry(format!("{key:?}")).or_insert(index)
            }
            None => index,
        })
        .collect()
}
