//! The cache: log in on first use, hand out the cached token, renew it in the background a
//! margin before it expires, and let one request at a time be under way whatever the callers
//! do.
//!
//! Each renewal is a *flight*: a task of its own that tries (and retries) the login, stores
//! the outcome, and publishes it through a `watch` channel to every caller waiting on it. A
//! caller only ever waits on a channel, so cancelling it (a timeout, a dropped future) never
//! cancels or repeats a request.

use crate::{AccessToken, Backoff, Failure, TokenError};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

/// Any error, boxed: what a refresh may fail with (it is only reported; a login follows).
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The future a [`Fetch`] method returns.
pub type FetchFuture<'a, E> = Pin<Box<dyn Future<Output = Result<AccessToken, E>> + Send + 'a>>;

/// The largest default refresh margin; see [`TokenCache::with_margin`].
const MAX_DEFAULT_MARGIN: Duration = Duration::from_secs(60);

/// How long one login (or refresh) may take before it counts as a transient failure, unless
/// [`TokenCache::with_attempt_timeout`] says otherwise. Longer than a generated client's own
/// 30 s default, so that the client's timeout, typed, is normally what fires.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(60);

/// How a [`TokenCache`] gets tokens: the login, optionally a refresh, and which failures are
/// worth retrying. Every generated `TokenSource` implements it over its token operation.
pub trait Fetch: Send + Sync + 'static {
    /// What a login fails with (the operation's own error).
    type Error: std::error::Error + Send + Sync + 'static;

    /// Logs in.
    fn login(&self) -> FetchFuture<'_, Self::Error>;

    /// Exchanges a refresh token for a new token, when the API has a refresh operation
    /// (`None`, the default, when it has not). A failed refresh is followed by a login.
    fn refresh(&self, refresh_token: String) -> Option<FetchFuture<'_, BoxError>> {
        let _ = refresh_token;
        None
    }

    /// Whether a login error is worth retrying soon.
    fn failure(&self, error: &Self::Error) -> Failure;
}

type Outcome<E> = Result<AccessToken, TokenError<E>>;

/// A cached access token and the rules for replacing it.
///
/// - The first call logs in; every caller that arrives meanwhile waits for that same login,
///   and all of them get its outcome, token or error.
/// - While `now < expires_at - margin` the cached token is returned and nothing is sent.
/// - Inside the margin the cached token is still returned at once, and one renewal runs in
///   the background: with [`Fetch::refresh`] when there is a refresh token, else (or when the
///   refresh fails) by logging in again.
/// - A transient failure ([`Failure::Transient`]) is retried with [`Backoff`] (at most
///   `1 + retries` requests per renewal); while the cached token is still valid no caller
///   ever sees it.
/// - When a renewal fails for good, the callers waiting on it get the error, and for one
///   backoff pause no new renewal starts: callers without a valid token get the same error at
///   once instead of asking the endpoint again.
/// - [`TokenCache::invalidate`] drops one given token (the API refused it), not whatever is
///   cached by then.
///
/// The margin is the configured one (default: the smaller of 60 s and 10% of the lifetime),
/// never more than half of the token's lifetime, so a token is always served for a while.
/// A token that arrives already inside its margin is still handed to every caller that
/// waited for it.
pub struct TokenCache<F: Fetch> {
    shared: Arc<Shared<F>>,
}

struct Shared<F: Fetch> {
    fetch: F,
    state: Mutex<State<F::Error>>,
}

struct State<E> {
    settings: Settings,
    token: Option<AccessToken>,
    /// Kept apart from the token: it outlives an invalidated or expired access token.
    refresh_token: Option<String>,
    /// The renewal under way, if any.
    flight: Option<watch::Receiver<Option<Outcome<E>>>>,
    /// After a failed renewal: its error, and no new renewal before the instant.
    failed: Option<(TokenError<E>, Instant)>,
    /// Failed renewals in a row, for the length of the pause after the next one.
    failures_in_a_row: u32,
}

#[derive(Debug, Clone, Copy)]
struct Settings {
    margin: Option<Duration>,
    backoff: Backoff,
    attempt_timeout: Duration,
}

impl<F: Fetch + fmt::Debug> fmt::Debug for TokenCache<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The token is never printed; the fetcher prints its own way (secrets redacted).
        let state = self.shared.lock();
        f.debug_struct("TokenCache")
            .field("fetch", &self.shared.fetch)
            .field("settings", &state.settings)
            .field("cached", &state.token)
            .field("renewing", &state.flight.is_some())
            .finish()
    }
}

impl<F: Fetch> TokenCache<F> {
    /// An empty cache over `fetch`, with the default margin, [`Backoff`] and
    /// [`DEFAULT_ATTEMPT_TIMEOUT`].
    pub fn new(fetch: F) -> Self {
        let state = State {
            settings: Settings {
                margin: None,
                backoff: Backoff::default(),
                attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            },
            token: None,
            refresh_token: None,
            flight: None,
            failed: None,
            failures_in_a_row: 0,
        };
        TokenCache {
            shared: Arc::new(Shared {
                fetch,
                state: Mutex::new(state),
            }),
        }
    }

    /// Renews this long before expiry instead of the default (the smaller of 60 s and 10% of
    /// the lifetime). Whatever it is, at most half of each token's lifetime is used.
    pub fn with_margin(self, margin: Duration) -> Self {
        self.shared.lock().settings.margin = Some(margin);
        self
    }

    /// Retries and pauses after failures instead of [`Backoff::default`].
    pub fn with_backoff(self, backoff: Backoff) -> Self {
        self.shared.lock().settings.backoff = backoff;
        self
    }

    /// Gives up on one login (or refresh) after this long, a transient failure.
    pub fn with_attempt_timeout(self, timeout: Duration) -> Self {
        self.shared.lock().settings.attempt_timeout = timeout;
        self
    }

    /// What the cache logs in with.
    pub fn fetcher(&self) -> &F {
        &self.shared.fetch
    }

    /// The margin used for `token`: the configured or default margin, at most half its
    /// lifetime.
    pub fn margin_for(&self, token: &AccessToken) -> Duration {
        margin(self.shared.lock().settings.margin, token)
    }

    /// Drops `token` if it is still the cached one (tokens are compared by value), so that the
    /// next call gets a new one; call it when the API refused the token. A token that already
    /// replaced it is kept, so any number of callers that saw the same token fail cause one
    /// new login between them. The refresh token is kept for that renewal.
    pub fn invalidate(&self, token: &AccessToken) {
        let mut state = self.shared.lock();
        if state
            .token
            .as_ref()
            .is_some_and(|cached| cached.expose() == token.expose())
        {
            tracing::debug!(target: "token_source", "cached token invalidated");
            state.token = None;
        }
    }

    /// A valid token: the cached one, or the outcome of the renewal this call waits for.
    ///
    /// Renewals run as tasks of their own, so this is meant to be called within a tokio
    /// runtime; elsewhere a call that needs a renewal gets an error.
    pub async fn token(&self) -> Result<AccessToken, TokenError<F::Error>> {
        let mut flight = match Shared::decide(&self.shared) {
            Decision::Ready(outcome) => return outcome,
            Decision::Wait(flight) => flight,
        };
        let outcome = match flight.wait_for(Option::is_some).await {
            Ok(outcome) => outcome.clone(),
            Err(_) => None,
        };
        outcome.unwrap_or_else(|| {
            // The flight's task ended without an outcome: it panicked or its runtime shut
            // down. Forget it, so the next call starts a new one.
            let mut state = self.shared.lock();
            if state
                .flight
                .as_ref()
                .is_some_and(|current| current.same_channel(&flight))
            {
                state.flight = None;
            }
            Err(TokenError::abandoned())
        })
    }
}

enum Decision<E> {
    Ready(Outcome<E>),
    Wait(watch::Receiver<Option<Outcome<E>>>),
}

fn margin(configured: Option<Duration>, token: &AccessToken) -> Duration {
    let lifetime = token.lifetime();
    configured
        .unwrap_or_else(|| MAX_DEFAULT_MARGIN.min(lifetime / 10))
        .min(lifetime / 2)
}

impl<F: Fetch> Shared<F> {
    fn lock(&self) -> MutexGuard<'_, State<F::Error>> {
        // Nothing panics while holding the lock; should it ever, the state is still sound.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What a caller gets now, or which flight it waits for (starting one if needed).
    fn decide(this: &Arc<Self>) -> Decision<F::Error> {
        let mut state = this.lock();
        // A flight whose task ended without settling (it panicked, or its runtime shut down)
        // has dropped its sender: forget it, so that a new one can start.
        if state
            .flight
            .as_ref()
            .is_some_and(|flight| flight.has_changed().is_err())
        {
            state.flight = None;
        }
        let now = Instant::now();
        let resting = state.failed.as_ref().is_some_and(|(_, until)| now < *until);
        if let Some(token) = state.token.clone().filter(|token| now < token.expires_at()) {
            let renew_at = token
                .expires_at()
                .checked_sub(margin(state.settings.margin, &token))
                .unwrap_or(now);
            if now >= renew_at && state.flight.is_none() && !resting {
                tracing::debug!(target: "token_source", "renewing the token in the background");
                Shared::start_flight(this, &mut state);
            }
            return Decision::Ready(Ok(token));
        }
        if let Some(flight) = &state.flight {
            return Decision::Wait(flight.clone());
        }
        if let Some((error, _)) = state.failed.as_ref().filter(|_| resting) {
            return Decision::Ready(Err(error.clone()));
        }
        Decision::Wait(Shared::start_flight(this, &mut state))
    }

    fn start_flight(
        this: &Arc<Self>,
        state: &mut State<F::Error>,
    ) -> watch::Receiver<Option<Outcome<F::Error>>> {
        let (sender, receiver) = watch::channel(None);
        state.flight = Some(receiver.clone());
        let shared = Arc::clone(this);
        let mut refresh_token = state.refresh_token.clone();
        let settings = state.settings;
        let flight = async move {
            let outcome = shared.fly(&mut refresh_token, settings).await;
            let outcome = shared.settle(outcome, refresh_token, settings);
            sender.send_replace(Some(outcome));
        };
        // Outside a tokio runtime nothing can run the flight: it is dropped with its sender,
        // and its waiters get an error rather than a panic.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(flight);
        }
        receiver
    }

    /// Attempts until a token comes, a failure is permanent, or the retries are used up.
    /// `refresh_token` is left as `None` once it failed.
    async fn fly(
        &self,
        refresh_token: &mut Option<String>,
        settings: Settings,
    ) -> Outcome<F::Error> {
        let mut retry = 0;
        loop {
            let error = match self.attempt(refresh_token, settings).await {
                Ok(token) => return Ok(token),
                Err(error) => error,
            };
            if !error.is_transient() || retry >= settings.backoff.retries {
                return Err(error);
            }
            retry += 1;
            let pause = settings.backoff.delay(retry);
            tracing::warn!(
                target: "token_source", retry, ?pause, %error,
                "token request failed; retrying"
            );
            tokio::time::sleep(pause).await;
        }
    }

    /// One refresh (when there is a refresh token) and, failing that, one login. A refresh
    /// token that failed is not tried again.
    async fn attempt(
        &self,
        refresh_token: &mut Option<String>,
        settings: Settings,
    ) -> Outcome<F::Error> {
        let timeout = settings.attempt_timeout;
        if let Some(refresh) = refresh_token
            .clone()
            .and_then(|token| self.fetch.refresh(token))
        {
            tracing::debug!(target: "token_source", "refreshing the token");
            match tokio::time::timeout(timeout, refresh).await {
                Ok(Ok(token)) => return Ok(token),
                Ok(Err(error)) => {
                    tracing::info!(target: "token_source", %error, "refresh failed; logging in")
                }
                Err(_) => {
                    tracing::info!(target: "token_source", ?timeout, "refresh timed out; logging in")
                }
            }
            *refresh_token = None;
        }
        tracing::debug!(target: "token_source", "logging in");
        match tokio::time::timeout(timeout, self.fetch.login()).await {
            Ok(Ok(token)) => Ok(token),
            Ok(Err(error)) => Err(TokenError::fetch(self.fetch.failure(&error), error)),
            Err(_) => Err(TokenError::timed_out(timeout)),
        }
    }

    /// Stores a flight's outcome and ends it. `refresh_token` is the one the flight started
    /// with, unless it failed.
    fn settle(
        &self,
        outcome: Outcome<F::Error>,
        refresh_token: Option<String>,
        settings: Settings,
    ) -> Outcome<F::Error> {
        let mut state = self.lock();
        state.flight = None;
        state.refresh_token = refresh_token;
        match outcome {
            Ok(token) => {
                // A refresh response often leaves the refresh token out: the old one holds.
                let token = match (token.expose_refresh_token(), state.refresh_token.take()) {
                    (None, Some(old)) => token.with_refresh_token(old),
                    _ => token,
                };
                tracing::info!(
                    target: "token_source", lifetime = ?token.lifetime(),
                    "access token obtained"
                );
                state.refresh_token = token.expose_refresh_token().map(str::to_string);
                state.token = Some(token.clone());
                state.failed = None;
                state.failures_in_a_row = 0;
                Ok(token)
            }
            Err(error) => {
                state.failures_in_a_row = state.failures_in_a_row.saturating_add(1);
                let pause = settings.backoff.delay(state.failures_in_a_row);
                let now = Instant::now();
                let until = now
                    .checked_add(pause)
                    .unwrap_or_else(|| now + crate::MAX_LIFETIME);
                tracing::warn!(
                    target: "token_source", failure = ?error.failure(), ?pause, %error,
                    "could not obtain an access token"
                );
                state.failed = Some((error.clone(), until));
                Err(error)
            }
        }
    }
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
