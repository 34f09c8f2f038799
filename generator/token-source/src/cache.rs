//! The cache: log in on first use, hand out the cached token, refresh it a margin before it
//! expires, and never let more than one request be under way at a time.

use crate::AccessToken;
use std::fmt;
use std::future::Future;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio::time::Instant;

/// After a failed refresh while the old token is still valid, callers get the old token
/// without a new attempt for this long (or until it expires), so a server that is down is
/// not asked again by every caller in turn.
pub const RETRY_PAUSE: Duration = Duration::from_secs(5);

/// The largest default refresh margin; see [`TokenCache::with_margin`].
const MAX_DEFAULT_MARGIN: Duration = Duration::from_secs(60);

/// A cached access token and the rules for replacing it.
///
/// - The first call logs in.
/// - While `now < expires_at - margin` the cached token is returned and nothing is sent.
/// - Inside the margin the token is refreshed once: with the refresh operation when there is
///   one and the token came with a refresh token, else by logging in again; a failed refresh
///   falls back to a login.
/// - When that fails too while the old token is still valid, the old token is returned (and
///   no new attempt is made for [`RETRY_PAUSE`]); once it has expired, the error is.
/// - A `tokio::sync::Mutex` is held across the request, so however many tasks ask at once,
///   one request is sent and the others get its token.
///
/// The error type is that of the login closure (the operation's own error); the cache is
/// generic over it per call, so it never needs boxing.
pub struct TokenCache {
    state: Mutex<State>,
    margin: Option<Duration>,
}

#[derive(Default)]
struct State {
    token: Option<AccessToken>,
    /// No new attempt before this instant while the cached token is still valid.
    quiet_until: Option<Instant>,
}

impl fmt::Debug for TokenCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The state is behind an async lock; printing must not wait on a login in flight.
        f.debug_struct("TokenCache")
            .field("margin", &self.margin)
            .finish_non_exhaustive()
    }
}

impl Default for TokenCache {
    fn default() -> Self {
        TokenCache::new()
    }
}

impl TokenCache {
    /// An empty cache with the default margin: the smaller of 60 s and 10% of the token's
    /// lifetime.
    pub fn new() -> Self {
        TokenCache {
            state: Mutex::new(State::default()),
            margin: None,
        }
    }

    /// Refreshes this long before expiry instead of the default.
    pub fn with_margin(mut self, margin: Duration) -> Self {
        self.margin = Some(margin);
        self
    }

    /// The margin used for `token`.
    pub fn margin_for(&self, token: &AccessToken) -> Duration {
        self.margin
            .unwrap_or_else(|| MAX_DEFAULT_MARGIN.min(token.lifetime() / 10))
    }

    /// Forgets the cached token, so the next call logs in (after the server rejected it, say).
    pub async fn invalidate(&self) {
        *self.state.lock().await = State::default();
    }

    /// A valid token: the cached one, or a new one from `login`.
    pub async fn get<E, L, LF>(&self, login: L) -> Result<AccessToken, E>
    where
        L: FnOnce() -> LF,
        LF: Future<Output = Result<AccessToken, E>>,
    {
        self.fetch(
            login,
            None::<fn(String) -> std::future::Ready<Result<AccessToken, E>>>,
        )
        .await
    }

    /// A valid token: the cached one, one from `refresh` (given the refresh token) inside the
    /// margin, or one from `login` when there is nothing to refresh or the refresh failed. The
    /// refresh error is dropped: the login that follows says what is wrong.
    pub async fn get_or_refresh<E, RE, L, LF, R, RF>(
        &self,
        login: L,
        refresh: R,
    ) -> Result<AccessToken, E>
    where
        L: FnOnce() -> LF,
        LF: Future<Output = Result<AccessToken, E>>,
        R: FnOnce(String) -> RF,
        RF: Future<Output = Result<AccessToken, RE>>,
    {
        self.fetch(login, Some(refresh)).await
    }

    async fn fetch<E, RE, L, LF, R, RF>(
        &self,
        login: L,
        refresh: Option<R>,
    ) -> Result<AccessToken, E>
    where
        L: FnOnce() -> LF,
        LF: Future<Output = Result<AccessToken, E>>,
        R: FnOnce(String) -> RF,
        RF: Future<Output = Result<AccessToken, RE>>,
    {
        // Held until the new token is stored: waiting callers then find it fresh.
        let mut state = self.state.lock().await;
        let now = Instant::now();
        if let Some(token) = &state.token {
            let fresh = now + self.margin_for(token) < token.expires_at();
            let resting = state.quiet_until.is_some_and(|until| now < until);
            if fresh || (resting && now < token.expires_at()) {
                return Ok(token.clone());
            }
        }
        let refresh_token = state
            .token
            .as_ref()
            .and_then(|token| token.expose_refresh_token())
            .map(str::to_string);
        let refreshed = match (refresh, refresh_token.clone()) {
            (Some(refresh), Some(refresh_token)) => refresh(refresh_token).await.ok(),
            _ => None,
        };
        let result = match refreshed {
            Some(token) => Ok(token),
            None => login().await,
        };
        match result {
            Ok(token) => {
                // A refresh response often leaves the refresh token out: the old one holds.
                let token = match (token.expose_refresh_token(), refresh_token) {
                    (None, Some(old)) => token.with_refresh_token(old),
                    _ => token,
                };
                state.token = Some(token.clone());
                state.quiet_until = None;
                Ok(token)
            }
            Err(error) => {
                let now = Instant::now();
                match &state.token {
                    Some(old) if now < old.expires_at() => {
                        let old = old.clone();
                        state.quiet_until = Some((now + RETRY_PAUSE).min(old.expires_at()));
                        Ok(old)
                    }
                    _ => Err(error),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tokio::time::advance;

    const HOUR: Duration = Duration::from_secs(3600);

    /// A login that counts its calls, answers `token-<n>` or fails when told to.
    #[derive(Default)]
    struct Server {
        logins: AtomicUsize,
        refreshes: AtomicUsize,
        failing: std::sync::atomic::AtomicBool,
    }

    impl Server {
        async fn login(&self) -> Result<AccessToken, String> {
            let n = self.logins.fetch_add(1, Ordering::SeqCst) + 1;
            // A real request takes time; other callers pile up meanwhile.
            tokio::time::sleep(Duration::from_millis(50)).await;
            if self.failing.load(Ordering::SeqCst) {
                return Err(format!("login {n} failed"));
            }
            Ok(AccessToken::new(format!("token-{n}"), HOUR).with_refresh_token(format!("r-{n}")))
        }

        async fn refresh(&self, refresh_token: String) -> Result<AccessToken, ()> {
            let n = self.refreshes.fetch_add(1, Ordering::SeqCst) + 1;
            if self.failing.load(Ordering::SeqCst) {
                return Err(());
            }
            Ok(AccessToken::new(
                format!("refreshed-{n}-from-{refresh_token}"),
                HOUR,
            ))
        }

        fn counts(&self) -> (usize, usize) {
            (
                self.logins.load(Ordering::SeqCst),
                self.refreshes.load(Ordering::SeqCst),
            )
        }

        fn fail(&self, failing: bool) {
            self.failing.store(failing, Ordering::SeqCst);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn logs_in_once_then_serves_the_cache() {
        let server = Server::default();
        let cache = TokenCache::new();
        let token = cache.get(|| server.login()).await.expect("token");
        assert_eq!(token.expose(), "token-1");
        for _ in 0..10 {
            advance(Duration::from_secs(300)).await;
            let token = cache.get(|| server.login()).await.expect("token");
            assert_eq!(token.expose(), "token-1");
        }
        assert_eq!(server.counts(), (1, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn default_margin_is_the_smaller_of_a_minute_and_a_tenth() {
        let cache = TokenCache::new();
        assert_eq!(
            cache.margin_for(&AccessToken::new("a", HOUR)),
            Duration::from_secs(60)
        );
        let short = AccessToken::new("a", Duration::from_secs(300));
        assert_eq!(cache.margin_for(&short), Duration::from_secs(30));
        let fixed = TokenCache::new().with_margin(Duration::from_secs(5));
        assert_eq!(fixed.margin_for(&short), Duration::from_secs(5));
    }

    #[tokio::test(start_paused = true)]
    async fn inside_the_margin_it_refreshes_once() {
        let server = Server::default();
        let cache = TokenCache::new();
        let get = || cache.get_or_refresh(|| server.login(), |r| server.refresh(r));
        get().await.expect("token");
        // Just outside the 60 s margin: still cached.
        advance(HOUR - Duration::from_secs(61)).await;
        assert_eq!(get().await.expect("token").expose(), "token-1");
        assert_eq!(server.counts(), (1, 0));
        advance(Duration::from_secs(2)).await;
        let token = get().await.expect("token");
        assert_eq!(token.expose(), "refreshed-1-from-r-1");
        // The refresh response had no refresh token: the old one is kept for next time.
        assert_eq!(token.expose_refresh_token(), Some("r-1"));
        assert_eq!(get().await.expect("token").expose(), "refreshed-1-from-r-1");
        assert_eq!(server.counts(), (1, 1));
    }

    #[tokio::test(start_paused = true)]
    async fn without_a_refresh_operation_it_logs_in_again() {
        let server = Server::default();
        let cache = TokenCache::new().with_margin(Duration::from_secs(10));
        cache.get(|| server.login()).await.expect("token");
        advance(HOUR - Duration::from_secs(5)).await;
        assert_eq!(
            cache.get(|| server.login()).await.expect("token").expose(),
            "token-2"
        );
        assert_eq!(server.counts(), (2, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_hundred_callers_at_expiry_cause_one_request() {
        let server = Arc::new(Server::default());
        let cache = Arc::new(TokenCache::new());
        cache.get(|| server.login()).await.expect("token");
        advance(HOUR).await;
        let tasks: Vec<_> = (0..100)
            .map(|_| {
                let (server, cache) = (Arc::clone(&server), Arc::clone(&cache));
                tokio::spawn(async move {
                    cache
                        .get(|| server.login())
                        .await
                        .map(|t| t.expose().to_string())
                })
            })
            .collect();
        for task in tasks {
            assert_eq!(task.await.expect("joined").expect("token"), "token-2");
        }
        assert_eq!(server.counts(), (2, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_refresh_falls_back_to_login() {
        let server = Server::default();
        let cache = TokenCache::new();
        cache.get(|| server.login()).await.expect("token");
        advance(HOUR - Duration::from_secs(30)).await;
        let failing_refresh = |_r: String| async { Err::<AccessToken, _>("refresh refused") };
        let token = cache
            .get_or_refresh(|| server.login(), failing_refresh)
            .await
            .expect("token");
        assert_eq!(token.expose(), "token-2");
        assert_eq!(server.counts(), (2, 0));
    }

    #[tokio::test(start_paused = true)]
    async fn a_failure_while_the_token_is_valid_keeps_it() {
        let server = Server::default();
        let cache = TokenCache::new();
        let get = || cache.get_or_refresh(|| server.login(), |r| server.refresh(r));
        get().await.expect("token");
        advance(HOUR - Duration::from_secs(30)).await;
        server.fail(true);
        assert_eq!(get().await.expect("old token").expose(), "token-1");
        // Refresh, then the fallback login: both tried, both failed.
        assert_eq!(server.counts(), (2, 1));
        // Within the pause nobody asks again.
        advance(RETRY_PAUSE / 2).await;
        assert_eq!(get().await.expect("old token").expose(), "token-1");
        assert_eq!(server.counts(), (2, 1));
        // After it, the next caller tries again and succeeds.
        advance(RETRY_PAUSE).await;
        server.fail(false);
        assert_eq!(get().await.expect("token").expose(), "refreshed-2-from-r-1");
        assert_eq!(server.counts(), (2, 2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_failure_after_expiry_is_the_error() {
        let server = Server::default();
        let cache = TokenCache::new();
        cache.get(|| server.login()).await.expect("token");
        advance(HOUR).await;
        server.fail(true);
        let error = cache.get(|| server.login()).await.expect_err("expired");
        assert_eq!(error, "login 2 failed");
        // Nothing was cached over the failure: the next call tries again.
        server.fail(false);
        assert_eq!(
            cache.get(|| server.login()).await.expect("token").expose(),
            "token-3"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_first_login_is_the_error_and_invalidate_forgets() {
        let server = Server::default();
        let cache = TokenCache::new();
        server.fail(true);
        assert!(cache.get(|| server.login()).await.is_err());
        server.fail(false);
        assert_eq!(
            cache.get(|| server.login()).await.expect("token").expose(),
            "token-2"
        );
        cache.invalidate().await;
        assert_eq!(
            cache.get(|| server.login()).await.expect("token").expose(),
            "token-3"
        );
    }
}
