//! A scripted [`TokenProvider`] for tests (feature `fake`): code that holds a
//! `dyn TokenProvider` can be tested on expired tokens and failed logins without a server.
#![cfg(feature = "fake")]

use crate::{AccessToken, BoxError, TokenFuture, TokenProvider};
use std::collections::VecDeque;
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// One scripted answer.
enum Step {
    /// A token made when the step is played, valid for this long from then.
    Fresh(String, Duration),
    Token(AccessToken),
    Error(BoxError),
}

/// Hands out scripted tokens and errors, one per call, in order. The last step, when it is a
/// token, keeps being handed out, as a cache would; once the script is used up otherwise, each
/// call fails with [`ScriptExhausted`].
///
/// ```
/// use std::time::Duration;
/// use token_source::{fake::FakeTokenProvider, TokenProvider};
///
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// let tokens = FakeTokenProvider::new()
///     .then_error("login failed")
///     .then_token("t-1", Duration::from_secs(60));
/// assert!(tokens.token().await.is_err());
/// assert_eq!(tokens.token().await.unwrap().expose(), "t-1");
/// assert_eq!(tokens.token().await.unwrap().expose(), "t-1");
/// assert_eq!(tokens.calls(), 3);
/// # }
/// ```
#[derive(Default)]
pub struct FakeTokenProvider {
    script: Mutex<VecDeque<Step>>,
    calls: AtomicUsize,
    invalidations: AtomicUsize,
}

impl FakeTokenProvider {
    /// A provider with an empty script.
    pub fn new() -> Self {
        Self::default()
    }

    /// Next, a token valid for `lifetime` from when it is handed out.
    pub fn then_token(self, value: impl Into<String>, lifetime: Duration) -> Self {
        self.push(Step::Fresh(value.into(), lifetime))
    }

    /// Next, this very token (with a refresh token, or already expired, say).
    pub fn then_access_token(self, token: AccessToken) -> Self {
        self.push(Step::Token(token))
    }

    /// Next, this error (any error type, or a message).
    pub fn then_error(self, error: impl Into<BoxError>) -> Self {
        self.push(Step::Error(error.into()))
    }

    /// The calls answered so far.
    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// How often code under test reported a token refused ([`TokenProvider::invalidate`]).
    pub fn invalidations(&self) -> usize {
        self.invalidations.load(Ordering::SeqCst)
    }

    fn push(self, step: Step) -> Self {
        self.lock().push_back(step);
        self
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Step>> {
        self.script
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn next(&self) -> Result<AccessToken, BoxError> {
        self.calls.fetch_add(1, Ordering::SeqCst);
        let mut script = self.lock();
        if let [Step::Fresh(value, lifetime)] = script.make_contiguous() {
            // Played again as the last step: the token a cache would have kept.
            let token = AccessToken::new(value.clone(), *lifetime);
            script[0] = Step::Token(token);
        }
        match script.front() {
            Some(Step::Token(token)) if script.len() == 1 => Ok(token.clone()),
            _ => match script.pop_front() {
                Some(Step::Fresh(value, lifetime)) => Ok(AccessToken::new(value, lifetime)),
                Some(Step::Token(token)) => Ok(token),
                Some(Step::Error(error)) => Err(error),
                None => Err(Box::new(ScriptExhausted)),
            },
        }
    }
}

impl fmt::Debug for FakeTokenProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeTokenProvider")
            .field("steps_left", &self.lock().len())
            .field("calls", &self.calls())
            .field("invalidations", &self.invalidations())
            .finish()
    }
}

impl TokenProvider for FakeTokenProvider {
    fn token(&self) -> TokenFuture<'_> {
        let next = self.next();
        Box::pin(async move { next })
    }

    /// Counts the report; a last token that repeats and is the one refused stops repeating,
    /// as a cache would drop it.
    fn invalidate(&self, token: &AccessToken) {
        self.invalidations.fetch_add(1, Ordering::SeqCst);
        let mut script = self.lock();
        if let [Step::Token(last)] = script.make_contiguous() {
            if last.expose() == token.expose() {
                script.clear();
            }
        }
    }
}

/// The error of a [`FakeTokenProvider`] called more often than its script says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptExhausted;

impl fmt::Display for ScriptExhausted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the fake token provider's script is used up")
    }
}

impl std::error::Error for ScriptExhausted {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn steps_play_in_order_and_the_last_token_repeats() {
        let tokens = FakeTokenProvider::new()
            .then_token("a", Duration::from_secs(60))
            .then_error("refresh failed")
            .then_token("b", Duration::from_secs(60));
        assert_eq!(tokens.token().await.unwrap().expose(), "a");
        let error = tokens.token().await.unwrap_err();
        assert_eq!(error.to_string(), "refresh failed");
        for _ in 0..3 {
            assert_eq!(tokens.token().await.unwrap().expose(), "b");
        }
        assert_eq!(tokens.calls(), 5);
    }

    #[tokio::test(start_paused = true)]
    async fn an_empty_or_used_up_script_is_an_error() {
        let empty = FakeTokenProvider::new();
        let error = empty.token().await.unwrap_err();
        assert!(error.downcast_ref::<ScriptExhausted>().is_some());
        let once = FakeTokenProvider::new().then_error("nope");
        assert!(once.token().await.is_err());
        assert!(once.token().await.unwrap_err().is::<ScriptExhausted>());
    }

    #[tokio::test(start_paused = true)]
    async fn invalidating_the_repeating_token_ends_it() {
        let tokens = FakeTokenProvider::new().then_token("a", Duration::from_secs(60));
        let token = tokens.token().await.unwrap();
        tokens.invalidate(&AccessToken::new("other", Duration::from_secs(1)));
        assert_eq!(tokens.token().await.unwrap().expose(), "a");
        tokens.invalidate(&token);
        assert!(tokens.token().await.unwrap_err().is::<ScriptExhausted>());
        assert_eq!(tokens.invalidations(), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn an_expired_token_can_be_scripted_and_printing_hides_it() {
        let tokens = FakeTokenProvider::new().then_token("s3cr3t", Duration::ZERO);
        let token = tokens.token().await.unwrap();
        assert!(!token.is_valid());
        let printed = format!("{token:?} {tokens:?}");
        assert!(!printed.contains("s3cr3t"), "{printed}");
    }
}
