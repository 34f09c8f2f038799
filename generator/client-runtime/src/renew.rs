//! A credential a source supplied, renewed once when the API refuses it: the source drops the
//! refused value (a token source invalidates that one token), and the transport makes one
//! more attempt, whose credentials are resolved afresh like every attempt's. Kept apart from
//! the transport so that the rule reads in one place.

use super::*;

/// A credential from a [`CredentialSource`], as attached to one attempt.
pub(crate) struct Sourced {
    source: ::std::sync::Arc<dyn CredentialSource>,
    value: Secret<::std::string::String>,
}

impl RequestParts {
    /// Remembers that `value`, attached to these parts, came from `source`: if the API
    /// answers 401, the source is told and the request is sent once more with the source's
    /// next credential.
    pub fn credential_from(
        &mut self,
        source: &::std::sync::Arc<dyn CredentialSource>,
        value: &Secret<::std::string::String>,
    ) {
        self.sourced.push(Sourced {
            source: ::std::sync::Arc::clone(source),
            value: value.clone(),
        });
    }

    /// The sourced credentials attached so far, taken out of the parts.
    pub(crate) fn take_sourced(&mut self) -> ::std::vec::Vec<Sourced> {
        ::std::mem::take(&mut self.sourced)
    }
}

/// Tells each source that the API refused the value it supplied.
pub(crate) fn reject(refused: &[Sourced]) {
    for credential in refused {
        credential.source.reject(&credential.value);
    }
}

/// Whether `fresh` carries exactly the values that were `refused`: sending them again would
/// only be refused again.
pub(crate) fn unchanged(refused: &[Sourced], fresh: &[Sourced]) -> bool {
    refused.len() == fresh.len()
        && refused
            .iter()
            .zip(fresh)
            .all(|(old, new)| old.value.expose() == new.value.expose())
}
