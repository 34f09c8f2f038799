//! Why no token could be had, shared by every caller that waited on the same attempt.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Whether trying again soon may help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The endpoint could not be reached, did not answer in time, or answered 408, 429 or
    /// 5xx: retried with backoff, and never shown to callers while a cached token is valid.
    Transient,
    /// The endpoint refused (400, 401, 403...) or answered without a token: returned at once
    /// to every waiting caller, and the next attempt waits out a backoff.
    Permanent,
}

impl Failure {
    /// How a response with `status` failed.
    pub fn of_status(status: u16) -> Failure {
        match status {
            408 | 429 | 500..=599 => Failure::Transient,
            _ => Failure::Permanent,
        }
    }
}

/// No token could be had. Cheap to clone: every caller that waited on the same attempt gets
/// the same error, and [`TokenError::fetch_error`] is the login's own error, typed.
pub struct TokenError<E> {
    inner: Arc<Inner<E>>,
}

enum Inner<E> {
    Fetch { failure: Failure, error: E },
    TimedOut(Duration),
    Abandoned,
}

impl<E> Clone for TokenError<E> {
    fn clone(&self) -> Self {
        TokenError {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<E> TokenError<E> {
    pub(crate) fn fetch(failure: Failure, error: E) -> Self {
        Self::new(Inner::Fetch { failure, error })
    }

    pub(crate) fn timed_out(after: Duration) -> Self {
        Self::new(Inner::TimedOut(after))
    }

    pub(crate) fn abandoned() -> Self {
        Self::new(Inner::Abandoned)
    }

    fn new(inner: Inner<E>) -> Self {
        TokenError {
            inner: Arc::new(inner),
        }
    }

    /// The error of the login (the operation's own error), when the login answered at all.
    /// `None` when it did not finish within the attempt timeout, or its task was stopped (it
    /// panicked, or no tokio runtime ran it).
    pub fn fetch_error(&self) -> Option<&E> {
        match &*self.inner {
            Inner::Fetch { error, .. } => Some(error),
            Inner::TimedOut(_) | Inner::Abandoned => None,
        }
    }

    /// Whether trying again soon may help.
    pub fn failure(&self) -> Failure {
        match &*self.inner {
            Inner::Fetch { failure, .. } => *failure,
            Inner::TimedOut(_) | Inner::Abandoned => Failure::Transient,
        }
    }

    /// Whether this is a [`Failure::Transient`] failure.
    pub fn is_transient(&self) -> bool {
        self.failure() == Failure::Transient
    }
}

impl<E: fmt::Display> fmt::Display for TokenError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.inner {
            Inner::Fetch { error, .. } => write!(f, "cannot obtain an access token: {error}"),
            Inner::TimedOut(after) => write!(
                f,
                "cannot obtain an access token: no answer within {after:?}"
            ),
            Inner::Abandoned => f.write_str(
                "cannot obtain an access token: the request was stopped (it panicked, or no tokio runtime ran it)",
            ),
        }
    }
}

impl<E: fmt::Debug> fmt::Debug for TokenError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.inner {
            Inner::Fetch { failure, error } => f
                .debug_struct("TokenError")
                .field("failure", failure)
                .field("error", error)
                .finish(),
            Inner::TimedOut(after) => f.debug_tuple("TimedOut").field(after).finish(),
            Inner::Abandoned => f.write_str("Abandoned"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for TokenError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.inner {
            Inner::Fetch { error, .. } => Some(error),
            Inner::TimedOut(_) | Inner::Abandoned => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_sorted_into_transient_and_permanent() {
        for status in [408, 429, 500, 502, 503, 504, 599] {
            assert_eq!(Failure::of_status(status), Failure::Transient, "{status}");
        }
        for status in [200, 204, 301, 400, 401, 403, 404, 422] {
            assert_eq!(Failure::of_status(status), Failure::Permanent, "{status}");
        }
    }

    #[test]
    fn clones_share_one_error_and_chain_to_it() {
        let error = TokenError::fetch(Failure::Permanent, std::io::Error::other("refused"));
        let copy = error.clone();
        assert!(std::ptr::eq(
            error.fetch_error().expect("an error"),
            copy.fetch_error().expect("an error")
        ));
        assert_eq!(copy.to_string(), "cannot obtain an access token: refused");
        let source = std::error::Error::source(&copy).expect("a source");
        assert_eq!(source.to_string(), "refused");
        assert!(TokenError::<std::io::Error>::timed_out(Duration::from_secs(1)).is_transient());
    }
}
